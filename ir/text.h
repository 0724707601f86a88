// ir/text.h: ASCII case folding and edit distance, for every layer that compares names the way AWS
// does (action prefixes, condition operators and keys, element names are case-insensitive) or
// suggests a spelling; a byte-set search for the scans every layer makes of policy strings; and the
// one definition of well-formed UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iotlint::ir {

/// `c` in ASCII lower case; other bytes unchanged (policy names are ASCII, and a locale must not
/// change what matches).
constexpr char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// `text` in ASCII lower case.
std::string asciiLowered(std::string_view text);

bool equalsIgnoringCase(std::string_view a, std::string_view b);
bool startsWithIgnoringCase(std::string_view text, std::string_view prefix);

/// `text.find_first_of(bytes, from)`, in one pass over `text`. libstdc++ searches `bytes` (a
/// memchr call) for each byte of `text` in turn; the readers, passes and reports scan every
/// policy string this way (for wildcards, `$`, white space), ~800,000 calls for 2,000 policies.
std::size_t findFirstOf(std::string_view text, std::string_view bytes, std::size_t from = 0);

/// Decodes the UTF-8 code point at `bytes[at]` into `code_point` and returns its length in bytes,
/// or returns 0 when the bytes there are not well-formed UTF-8 (overlong forms, surrogates, values
/// above U+10FFFF and truncated sequences included). The frontend's readers and the report
/// serialiser both hold text to this definition.
inline std::size_t decodeUtf8(std::string_view bytes, std::size_t at, char32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[at + k]); };
  const auto lead = byte(0);
  if (lead < 0x80U) {
    code_point = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
    value = lead & 0x1FU;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    value = lead & 0x0FU;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    value = lead & 0x07U;
  } else {
    return 0;
  }
  if (at + length > bytes.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0U) != 0x80U) return 0;
    value = (value << 6U) | (byte(k) & 0x3FU);
  }
  if ((length == 3 && value < 0x800U) || (length == 4 && (value < 0x10000U || value > 0x10FFFFU)) ||
      (value >= 0xD800U && value <= 0xDFFFU)) {
    return 0;
  }
  code_point = value;
  return length;
}

enum class Case : unsigned char { kSensitive, kIgnored };
/// Levenshtein distance (insertions, deletions, substitutions of one byte each).
std::size_t editDistance(std::string_view a, std::string_view b, Case letter_case = Case::kSensitive);

}  // namespace iotlint::ir
