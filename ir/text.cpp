#include "ir/text.h"

#include <algorithm>
#include <array>
#include <vector>

namespace iotlint::ir {

std::string asciiLowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = asciiLower(c);
  return out;
}

std::size_t findFirstOf(std::string_view text, std::string_view bytes, std::size_t from) {
  std::array<bool, 256> wanted{};
  for (const char c : bytes) wanted[static_cast<unsigned char>(c)] = true;
  for (std::size_t i = from; i < text.size(); ++i) {
    if (wanted[static_cast<unsigned char>(text[i])]) return i;
  }
  return std::string_view::npos;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equalsIgnoringCase(text.substr(0, prefix.size()), prefix);
}

std::size_t editDistance(std::string_view a, std::string_view b, Case letter_case) {
  const auto same = [&](char x, char y) { return letter_case == Case::kIgnored ? asciiLower(x) == asciiLower(y) : x == y; };
  std::vector<std::size_t> row(b.size() + 1);  // one row of the table, updated in place
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same(a[i - 1], b[j - 1]) ? 0U : 1U)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace iotlint::ir
