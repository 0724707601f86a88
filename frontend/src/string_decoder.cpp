// frontend/src/string_decoder.cpp: JSON string decoding that remembers where each byte came from.
#include <fmt/format.h>

#include <algorithm>

#include "frontend/src/json_tree.h"
#include "frontend/src/utf8.h"

namespace iotlint::frontend {

namespace {

/// The four hex digits at `at`, or -1.
long readHex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return -1;
  long value = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int digit = hexDigit(text[at + k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

ir::PolicyString decodeJsonString(const ir::SourceFile& file, ir::SourceRange range, ir::DiagnosticEngine& diagnostics) {
  ir::PolicyString result;
  result.range = range;
  const std::string_view raw = file.text(range);
  if (raw.size() < 2) return result;
  const std::uint32_t content_begin = range.begin + 1;
  const std::string_view content = raw.substr(1, raw.size() - 2);
  // Most strings hold no escape and no control character: the value is the text as written.
  if (std::none_of(content.begin(), content.end(), [](char c) { return c == '\\' || static_cast<unsigned char>(c) < 0x20; })) {
    result.value.assign(content);
    return result;
  }

  bool escaped = false;
  std::vector<std::uint32_t> offsets;
  offsets.reserve(content.size() + 1);
  const auto error = [&](std::size_t at, std::size_t length, std::string message) {
    const auto begin = static_cast<std::uint32_t>(content_begin + at);
    diagnostics.report(ir::RuleId::kJsonSyntax, file, {begin, static_cast<std::uint32_t>(begin + length)},
                       std::move(message));
  };

  for (std::size_t i = 0; i < content.size();) {
    const auto here = static_cast<std::uint32_t>(content_begin + i);
    const auto c = static_cast<unsigned char>(content[i]);
    if (c < 0x20) {
      error(i, 1, fmt::format("control character U+{:04X} must be written as an escape in a JSON string", c));
    }
    if (c != '\\') {
      result.value.push_back(static_cast<char>(c));
      offsets.push_back(here);
      ++i;
      continue;
    }
    escaped = true;
    if (i + 1 >= content.size()) {
      error(i, 1, "a `\\` at the end of a string escapes the closing quote");
      result.value.push_back('\\');
      offsets.push_back(here);
      ++i;
      continue;
    }
    const char kind = content[i + 1];
    std::size_t length = 2;
    const std::size_t out_before = result.value.size();
    switch (kind) {
      case '"': result.value.push_back('"'); break;
      case '\\': result.value.push_back('\\'); break;
      case '/': result.value.push_back('/'); break;
      case 'b': result.value.push_back('\b'); break;
      case 'f': result.value.push_back('\f'); break;
      case 'n': result.value.push_back('\n'); break;
      case 'r': result.value.push_back('\r'); break;
      case 't': result.value.push_back('\t'); break;
      case 'u': {
        const long unit = readHex4(content, i + 2);
        if (unit < 0) {
          error(i, 2, "`\\u` must be followed by four hexadecimal digits");
          result.value.append(content.substr(i, 2));
          break;
        }
        length = 6;
        char32_t cp = static_cast<char32_t>(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          const long low = (i + 7 < content.size() && content[i + 6] == '\\' && content[i + 7] == 'u')
                               ? readHex4(content, i + 8)
                               : -1;
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
            length = 12;
          } else {
            error(i, 6, "`\\u` escape of an unpaired UTF-16 surrogate");
            cp = 0xFFFD;
          }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
          error(i, 6, "`\\u` escape of an unpaired UTF-16 surrogate");
          cp = 0xFFFD;
        }
        appendUtf8(result.value, cp);
        break;
      }
      default:
        error(i, 2, fmt::format("`\\{}` is not a JSON escape; write `\\\\` for a backslash", kind));
        result.value.append(content.substr(i, 2));
        break;
    }
    for (std::size_t k = out_before; k < result.value.size(); ++k) offsets.push_back(here);
    i += length;
  }
  if (escaped) {
    offsets.push_back(static_cast<std::uint32_t>(content_begin + content.size()));
    result.file_offsets = std::move(offsets);
  }
  return result;
}

}  // namespace iotlint::frontend
