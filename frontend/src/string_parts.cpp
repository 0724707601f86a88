// frontend/src/string_parts.cpp: splits a decoded policy string into parts with the generated
// PolicyStringLexer (literal text, `*`, `?`, `${name}`, `${*}` `${?}` `${$}`).
#include <antlr4-runtime.h>

#include <fmt/format.h>

#include "PolicyStringLexer.h"
#include "frontend/parse.h"
#include "frontend/src/char_stream.h"

namespace iotlint::frontend {

using iotlint_generated::PolicyStringLexer;
using Kind = ir::StringPart::Kind;

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
  if (value.find_first_of("*?$") == std::string::npos) {
    if (!value.empty()) parts.push_back({Kind::kLiteral, value, 0, size});
    return parts;
  }

  Utf8CharStream stream(value, 0);
  PolicyStringLexer lexer(&stream);
  lexer.removeErrorListeners();
  const std::vector<std::unique_ptr<antlr4::Token>> tokens = lexer.getAllTokens();

  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const antlr4::Token& token = *tokens[i];
    const std::uint32_t begin = stream.byteOffset(token.getStartIndex());
    const std::uint32_t end = stream.byteOffset(token.getStopIndex() + 1);
    const std::string_view text = std::string_view(value).substr(begin, end - begin);
    switch (token.getType()) {
      case PolicyStringLexer::TEXT:
      case PolicyStringLexer::DOLLAR:
        appendLiteral(parts, text, begin, end);
        break;
      case PolicyStringLexer::STAR:
        parts.push_back({Kind::kAnySequence, "*", begin, end});
        break;
      case PolicyStringLexer::QUESTION:
        parts.push_back({Kind::kAnyOne, "?", begin, end});
        break;
      case PolicyStringLexer::ESCAPED_STAR:
        parts.push_back({Kind::kEscape, "*", begin, end});
        break;
      case PolicyStringLexer::ESCAPED_QUESTION:
        parts.push_back({Kind::kEscape, "?", begin, end});
        break;
      case PolicyStringLexer::ESCAPED_DOLLAR:
        parts.push_back({Kind::kEscape, "$", begin, end});
        break;
      case PolicyStringLexer::VARIABLE_OPEN: {
        const bool has_name = i + 1 < tokens.size() && tokens[i + 1]->getType() == PolicyStringLexer::VARIABLE_NAME;
        const std::size_t close_index = has_name ? i + 2 : i + 1;
        const bool closed =
            close_index < tokens.size() && tokens[close_index]->getType() == PolicyStringLexer::VARIABLE_CLOSE;
        const std::uint32_t last_end =
            stream.byteOffset(tokens[std::min(close_index, tokens.size() - 1)]->getStopIndex() + 1);
        const std::uint32_t part_end = closed ? last_end : (has_name ? stream.byteOffset(tokens[i + 1]->getStopIndex() + 1) : end);
        const std::string name =
            has_name ? tokens[i + 1]->getText() : std::string();
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
      default:  // VARIABLE_NAME or VARIABLE_CLOSE outside a variable cannot happen: the lexer modes pair them
        appendLiteral(parts, text, begin, end);
        break;
    }
  }
  return parts;
}

}  // namespace iotlint::frontend
