// frontend/src/string_parts.cpp: splits a decoded policy string into parts with the tokens of
// grammar/PolicyStringLexer.g4 (literal text, `*`, `?`, `${name}`, `${*}` `${?}` `${$}`).
#include <fmt/format.h>

#include "frontend/parse.h"
#include "frontend/src/string_lexer.h"
#include "ir/text.h"

namespace iotlint::frontend {

using Kind = ir::StringPart::Kind;
using Type = StringTokenType;

namespace {

void appendLiteral(std::vector<ir::StringPart>& parts, std::string_view text, std::uint32_t begin, std::uint32_t end) {
  if (!parts.empty() && parts.back().kind == Kind::kLiteral && parts.back().end == begin) {
    parts.back().text += text;
    parts.back().end = end;
    return;
  }
  parts.push_back({Kind::kLiteral, std::string(text), begin, end});
}

}  // namespace

std::vector<ir::StringPart> parseStringParts(const ir::PolicyString& string, const ir::SourceFile& file,
                                             ir::DiagnosticEngine& diagnostics) {
  std::vector<ir::StringPart> parts;
  const std::string& value = string.value;
  const auto size = static_cast<std::uint32_t>(value.size());
  // Most strings hold no wildcard or variable: no need to run the lexer on them.
  if (ir::findFirstOf(value, "*?$") == std::string::npos) {
    if (!value.empty()) parts.push_back({Kind::kLiteral, value, 0, size});
    return parts;
  }

  const std::vector<StringToken> tokens = lexPolicyString(value);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const StringToken& token = tokens[i];
    const std::uint32_t begin = token.begin;
    const std::uint32_t end = token.end;
    const std::string_view text = std::string_view(value).substr(begin, end - begin);
    switch (token.type) {
      case Type::kText:
      case Type::kDollar:
        appendLiteral(parts, text, begin, end);
        break;
      case Type::kStar:
        parts.push_back({Kind::kAnySequence, "*", begin, end});
        break;
      case Type::kQuestion:
        parts.push_back({Kind::kAnyOne, "?", begin, end});
        break;
      case Type::kEscapedStar:
        parts.push_back({Kind::kEscape, "*", begin, end});
        break;
      case Type::kEscapedQuestion:
        parts.push_back({Kind::kEscape, "?", begin, end});
        break;
      case Type::kEscapedDollar:
        parts.push_back({Kind::kEscape, "$", begin, end});
        break;
      case Type::kVariableOpen: {
        const bool has_name = i + 1 < tokens.size() && tokens[i + 1].type == Type::kVariableName;
        const std::size_t close_index = has_name ? i + 2 : i + 1;
        const bool closed = close_index < tokens.size() && tokens[close_index].type == Type::kVariableClose;
        const std::uint32_t last_end = tokens[std::min(close_index, tokens.size() - 1)].end;
        const std::uint32_t part_end = closed ? last_end : (has_name ? tokens[i + 1].end : end);
        const std::string name =
            has_name ? std::string(value.substr(tokens[i + 1].begin, tokens[i + 1].end - tokens[i + 1].begin)) : std::string();
        if (!closed) {
          diagnostics.report(ir::RuleId::kMalformedVariable, file, string.rangeOf(begin, part_end),
                             "`${` is not closed by `}`; write `${$}` for a literal `$` before `{`");
          appendLiteral(parts, std::string_view(value).substr(begin, part_end - begin), begin, part_end);
        } else if (name.empty()) {
          diagnostics.report(ir::RuleId::kMalformedVariable, file, string.rangeOf(begin, part_end),
                             "`${}` names no variable");
          appendLiteral(parts, std::string_view(value).substr(begin, part_end - begin), begin, part_end);
        } else if (name.find("${") != std::string::npos) {
          diagnostics.report(ir::RuleId::kMalformedVariable, file, string.rangeOf(begin, part_end),
                             fmt::format("`${{{}}}` holds a `${{` inside a variable; variables do not nest", name));
          appendLiteral(parts, std::string_view(value).substr(begin, part_end - begin), begin, part_end);
        } else {
          parts.push_back({Kind::kVariable, name, begin, part_end});
        }
        i = closed ? close_index : (has_name ? i + 1 : i);
        break;
      }
      case Type::kVariableName:
      case Type::kVariableClose:  // cannot happen outside a variable: the scanner pairs them
        appendLiteral(parts, text, begin, end);
        break;
    }
  }
  return parts;
}

}  // namespace iotlint::frontend
