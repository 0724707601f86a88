// ir/text.h: ASCII case folding and edit distance, for every layer that compares names the way AWS
// does (action prefixes, condition operators and keys, element names are case-insensitive) or
// suggests a spelling.
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

enum class Case : unsigned char { kSensitive, kIgnored };
/// Levenshtein distance (insertions, deletions, substitutions of one byte each).
std::size_t editDistance(std::string_view a, std::string_view b, Case letter_case = Case::kSensitive);

}  // namespace iotlint::ir
