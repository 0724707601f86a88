// ir/text.h: ASCII case folding and edit distance, for every layer that compares names the way AWS
// does (action prefixes, condition operators and keys, element names are case-insensitive) or
// suggests a spelling; and a byte-set search for the scans every layer makes of policy strings.
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

enum class Case : unsigned char { kSensitive, kIgnored };
/// Levenshtein distance (insertions, deletions, substitutions of one byte each).
std::size_t editDistance(std::string_view a, std::string_view b, Case letter_case = Case::kSensitive);

}  // namespace iotlint::ir
