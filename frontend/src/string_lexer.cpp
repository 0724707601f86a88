#include "frontend/src/string_lexer.h"

#include "ir/text.h"

namespace iotlint::frontend {

std::vector<StringToken> lexPolicyString(std::string_view value) {
  std::vector<StringToken> tokens;
  const auto size = static_cast<std::uint32_t>(value.size());
  const auto add = [&](StringTokenType type, std::uint32_t begin, std::uint32_t end) { tokens.push_back({type, begin, end}); };
  std::uint32_t at = 0;
  bool in_variable = false;
  while (at < size) {
    if (in_variable) {
      // VARIABLE mode: `}` closes; anything else runs up to the next `}`.
      if (value[at] == '}') {
        add(StringTokenType::kVariableClose, at, at + 1);
        ++at;
        in_variable = false;
        continue;
      }
      const std::size_t close = value.find('}', at);
      const std::uint32_t end = close == std::string_view::npos ? size : static_cast<std::uint32_t>(close);
      add(StringTokenType::kVariableName, at, end);
      at = end;
      continue;
    }
    switch (value[at]) {
      case '*':
        add(StringTokenType::kStar, at, at + 1);
        ++at;
        continue;
      case '?':
        add(StringTokenType::kQuestion, at, at + 1);
        ++at;
        continue;
      case '$': {
        const std::string_view rest = value.substr(at);
        // The longest match wins: the four-character escapes before `${`, `${` before `$`.
        if (rest.size() >= 4 && rest[1] == '{' && rest[3] == '}' && (rest[2] == '*' || rest[2] == '?' || rest[2] == '$')) {
          add(rest[2] == '*'   ? StringTokenType::kEscapedStar
              : rest[2] == '?' ? StringTokenType::kEscapedQuestion
                               : StringTokenType::kEscapedDollar,
              at, at + 4);
          at += 4;
        } else if (rest.size() >= 2 && rest[1] == '{') {
          add(StringTokenType::kVariableOpen, at, at + 2);
          at += 2;
          in_variable = true;
        } else {
          add(StringTokenType::kDollar, at, at + 1);
          ++at;
        }
        continue;
      }
      default: {
        const std::size_t stop = ir::findFirstOf(value, "*?$", at);
        const std::uint32_t end = stop == std::string_view::npos ? size : static_cast<std::uint32_t>(stop);
        add(StringTokenType::kText, at, end);
        at = end;
        continue;
      }
    }
  }
  return tokens;
}

}  // namespace iotlint::frontend
