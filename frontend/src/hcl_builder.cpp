// frontend/src/hcl_builder.cpp: reads a Terraform file into an HclBlock tree (hcl_tree.h) with file
// ranges: with the hand-written reader (hcl_reader.cpp) when the file has no syntax error, else
// with the generated parser, whose parse tree is turned into the same tree; builds the leaves both
// share and decodes template strings and heredocs.
//
// Syntax errors are reported (IL133) where ANTLR finds them, and the parser's recovery keeps the
// rest of the file readable: a construct this subset does not know costs the attribute around
// it, not the file.
#include <antlr4-runtime.h>

#include <fmt/format.h>

#include "HclParser.h"
#include "frontend/src/utf8.h"
#include "frontend/src/char_stream.h"
#include "frontend/src/hcl_reader.h"
#include "frontend/src/hcl_token_source.h"
#include "frontend/src/hcl_tree.h"

namespace iotlint::frontend {

using iotlint_generated::HclParser;
using ir::SourceRange;

namespace {

constexpr std::size_t kMaxSyntaxErrors = 10;

class HclErrorListener : public antlr4::BaseErrorListener {
 public:
  HclErrorListener(const ir::SourceFile& file, const Utf8CharStream& stream, ir::DiagnosticEngine& diagnostics)
      : file_(file), stream_(stream), diagnostics_(diagnostics) {}

  void syntaxError(antlr4::Recognizer* /*recognizer*/, antlr4::Token* token, std::size_t /*line*/, std::size_t /*column*/,
                   const std::string& message, std::exception_ptr /*e*/) override {
    if (++count_ > kMaxSyntaxErrors) return;
    SourceRange range{0, 0};
    if (token != nullptr && token->getType() != antlr4::Token::EOF) {
      range = {stream_.byteOffset(token->getStartIndex()), stream_.byteOffset(token->getStopIndex() + 1)};
    } else if (token != nullptr) {
      range = {file_.size(), file_.size()};
    }
    std::string text = fmt::format("iotlint cannot read this Terraform syntax ({})", message);
    if (count_ == kMaxSyntaxErrors) text += "; further problems in this file are not shown";
    diagnostics_.report(ir::RuleId::kUnreadableTemplateConstruct, file_, range, std::move(text));
  }

 private:
  const ir::SourceFile& file_;
  const Utf8CharStream& stream_;
  ir::DiagnosticEngine& diagnostics_;
  std::size_t count_ = 0;
};

std::string trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n~");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = text.find_last_not_of(" \t\r\n~");
  return std::string(text.substr(begin, end - begin + 1));
}

/// The index just after the `}` closing the `{` at `open`, or npos.
std::size_t closingBrace(const std::string& s, std::size_t open) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string::npos;
}

class TreeBuilder {
 public:
  TreeBuilder(const ir::SourceFile& file, const Utf8CharStream& stream) : file_(file), stream_(stream), leaves_(file) {}

  HclBlock buildBody(HclParser::BodyContext* body, SourceRange range) {
    HclBlock block;
    block.range = range;
    if (body == nullptr) return block;
    for (auto* attribute : body->attribute()) {
      if (attribute->IDENT() == nullptr || attribute->expression() == nullptr) continue;
      block.attributes.push_back({attribute->IDENT()->getText(), rangeOf(attribute->IDENT()->getSymbol()),
                                  buildExpr(attribute->expression(), 0)});
    }
    for (auto* child : body->block()) {
      std::vector<antlr4::tree::TerminalNode*> idents = child->IDENT();
      if (idents.empty()) continue;
      HclBlock built = buildBody(child->body(), rangeOf(child));
      built.type = idents[0]->getText();
      // Labels in source order: quoted strings and bare identifiers after the type.
      for (auto* node : child->children) {
        auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(node);
        if (terminal == nullptr || terminal == idents[0]) continue;
        const std::size_t type = terminal->getSymbol()->getType();
        if (type == HclParser::LBRACE) break;
        built.labels.push_back(leaves_.label(rangeOf(terminal->getSymbol()), type == HclParser::STRING));
      }
      block.blocks.push_back(std::move(built));
    }
    return block;
  }

 private:
  SourceRange rangeOf(const antlr4::Token* token) const {
    if (token == nullptr || token->getType() == antlr4::Token::EOF) return {file_.size(), file_.size()};
    return {stream_.byteOffset(token->getStartIndex()), stream_.byteOffset(token->getStopIndex() + 1)};
  }
  SourceRange rangeOf(antlr4::ParserRuleContext* context) const {
    const SourceRange start = rangeOf(context->getStart());
    const antlr4::Token* stop = context->getStop();
    if (stop == nullptr || stop->getTokenIndex() < context->getStart()->getTokenIndex()) return {start.begin, start.begin};
    return {start.begin, std::max(start.begin, rangeOf(stop).end)};
  }

  HclExpr buildExpr(HclParser::ExpressionContext* expression, std::uint32_t depth) {
    HclExpr result;
    if (expression == nullptr) return result;
    result.range = rangeOf(expression);
    if (depth > kMaxHclExprDepth) return result;
    if (auto* value = dynamic_cast<HclParser::ValueExprContext*>(expression)) {
      if (!value->postfix().empty()) return leaves_.reference(result.range);
      return buildPrimary(value->primary(), depth);
    }
    if (auto* conditional = dynamic_cast<HclParser::ConditionalExprContext*>(expression)) {
      result.kind = HclExpr::Kind::kConditional;
      for (auto* part : conditional->expression()) result.elements.push_back(buildExpr(part, depth + 1));
      return result;
    }
    return result;  // operators: a value iotlint does not compute
  }

  HclExpr buildPrimary(HclParser::PrimaryContext* primary, std::uint32_t depth) {
    HclExpr result;
    if (primary == nullptr) return result;
    result.range = rangeOf(primary);
    if (dynamic_cast<HclParser::NumberValueContext*>(primary) != nullptr) {
      result.kind = HclExpr::Kind::kNumber;
      result.name = primary->getText();
    } else if (auto* string = dynamic_cast<HclParser::StringValueContext*>(primary)) {
      return leaves_.string(rangeOf(string->STRING()->getSymbol()));
    } else if (auto* value = dynamic_cast<HclParser::HeredocValueContext*>(primary)) {
      HclParser::HeredocContext* heredoc = value->heredoc();
      result.kind = HclExpr::Kind::kString;
      if (heredoc != nullptr && heredoc->HEREDOC_START() != nullptr) {
        std::vector<SourceRange> lines;
        for (auto* line : heredoc->HEREDOC_LINE()) lines.push_back(rangeOf(line->getSymbol()));
        result.pieces = leaves_.heredocPieces(rangeOf(heredoc->HEREDOC_START()->getSymbol()), lines);
      }
    } else if (auto* call = dynamic_cast<HclParser::CallValueContext*>(primary)) {
      result.kind = HclExpr::Kind::kCall;
      result.name = call->IDENT().back()->getText();
      if (call->arguments() != nullptr) {
        for (auto* argument : call->arguments()->expression()) result.elements.push_back(buildExpr(argument, depth + 1));
      }
    } else if (auto* reference = dynamic_cast<HclParser::ReferenceValueContext*>(primary)) {
      return leaves_.name(rangeOf(reference->IDENT()->getSymbol()));
    } else if (auto* tuple = dynamic_cast<HclParser::TupleValueContext*>(primary)) {
      result.kind = HclExpr::Kind::kTuple;
      for (auto* element : tuple->expression()) result.elements.push_back(buildExpr(element, depth + 1));
    } else if (auto* object = dynamic_cast<HclParser::ObjectValueContext*>(primary)) {
      result.kind = HclExpr::Kind::kObject;
      for (auto* item : object->objectItem()) {
        if (item->objectKey() == nullptr || item->expression() == nullptr) continue;
        result.items.push_back(leaves_.item(rangeOf(item->objectKey()), item->objectKey()->STRING() != nullptr,
                                            buildExpr(item->expression(), depth + 1)));
      }
    } else if (auto* paren = dynamic_cast<HclParser::ParenValueContext*>(primary)) {
      return buildExpr(paren->expression(), depth + 1);
    }
    return result;  // `for` expressions: computed at plan time
  }

  const ir::SourceFile& file_;
  const Utf8CharStream& stream_;
  HclLeaves leaves_;
};

}  // namespace

std::vector<HclTemplatePiece> decodeTemplate(const MappedText& raw, bool escapes) {
  std::vector<HclTemplatePiece> pieces;
  const std::string& s = raw.text;
  MappedText literal;
  const auto flush = [&](std::size_t at) {
    if (literal.text.empty()) return;
    literal.finish(raw.fileOffset(at));
    HclTemplatePiece piece;
    piece.kind = HclTemplatePiece::Kind::kText;
    piece.range = {literal.offsets.front(), literal.offsets.back()};
    piece.text = std::move(literal);
    pieces.push_back(std::move(piece));
    literal = {};
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if ((c == '$' || c == '%') && s.compare(i + 1, 2, std::string(1, c) + "{") == 0) {
      literal.appendAt(std::string(1, c) + "{", raw.fileOffset(i));  // `$${` is a literal `${`
      i += 3;
      continue;
    }
    if ((c == '$' || c == '%') && i + 1 < s.size() && s[i + 1] == '{') {
      const std::size_t close = closingBrace(s, i + 1);
      if (close != std::string::npos) {
        flush(i);
        HclTemplatePiece piece;
        piece.kind = c == '$' ? HclTemplatePiece::Kind::kInterpolation : HclTemplatePiece::Kind::kDirective;
        piece.expression = trim(std::string_view(s).substr(i + 2, close - i - 3));
        piece.range = raw.fileRange({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(close)});
        pieces.push_back(std::move(piece));
        i = close;
        continue;
      }
    }
    if (escapes && c == '\\' && i + 1 < s.size()) {
      const char kind = s[i + 1];
      std::string out;
      std::size_t length = 2;
      switch (kind) {
        case 'n': out = "\n"; break;
        case 't': out = "\t"; break;
        case 'r': out = "\r"; break;
        case '"': out = "\""; break;
        case '\\': out = "\\"; break;
        case 'u': case 'U': {
          const std::size_t digits = kind == 'u' ? 4 : 8;
          char32_t cp = 0;
          bool ok = i + 2 + digits <= s.size();
          for (std::size_t k = 0; ok && k < digits; ++k) {
            const int v = hexDigit(s[i + 2 + k]);
            ok = v >= 0;
            cp = cp * 16 + static_cast<char32_t>(std::max(v, 0));
          }
          if (!ok) {
            out = s.substr(i, 2);
            break;
          }
          length = 2 + digits;
          appendUtf8(out, cp);
          break;
        }
        default: out = s.substr(i, 2); break;
      }
      literal.appendAt(out, raw.fileOffset(i));
      i += length;
      continue;
    }
    literal.appendAt(std::string_view(s).substr(i, 1), raw.fileOffset(i));
    ++i;
  }
  flush(s.size());
  return pieces;
}

MappedText HclLeaves::quotedContent(SourceRange token) const {
  MappedText content;
  if (token.size() >= 2) content.appendCopied(file_.text({token.begin + 1, token.end - 1}), token.begin + 1);
  content.finish(token.size() >= 2 ? token.end - 1 : token.end);
  return content;
}

HclExpr HclLeaves::string(SourceRange token) const {
  HclExpr result;
  result.kind = HclExpr::Kind::kString;
  result.range = token;
  result.pieces = decodeTemplate(quotedContent(token), true);
  return result;
}

HclExpr HclLeaves::name(SourceRange token) const {
  HclExpr result;
  result.range = token;
  const std::string_view name = file_.text(token);
  if (name == "true" || name == "false") {
    result.kind = HclExpr::Kind::kBool;
    result.name = name;
  } else if (name == "null") {
    result.kind = HclExpr::Kind::kNull;
  } else {
    result.kind = HclExpr::Kind::kReference;
    result.name = name;
  }
  return result;
}

HclExpr HclLeaves::reference(SourceRange range) const {
  HclExpr result;
  result.kind = HclExpr::Kind::kReference;
  result.range = range;
  for (char c : file_.text(range)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') result.name.push_back(c);
  }
  return result;
}

HclExpr::Item HclLeaves::item(SourceRange key, bool quoted, HclExpr value) const {
  HclExpr::Item built;
  built.key_range = key;
  if (quoted) {
    for (const HclTemplatePiece& piece : decodeTemplate(quotedContent(key), true)) {
      if (piece.kind == HclTemplatePiece::Kind::kText) built.key_text.append(piece.text);
    }
    built.key_text.finish(key.size() >= 2 ? key.end - 1 : key.end);
  } else {
    built.key_text.appendCopied(file_.text(key), key.begin);
    built.key_text.finish(key.end);
  }
  built.key = built.key_text.text;
  built.value = std::move(value);
  return built;
}

std::string HclLeaves::label(SourceRange token, bool quoted) const {
  const std::string_view text = file_.text(token);
  return std::string(quoted && text.size() >= 2 ? text.substr(1, text.size() - 2) : text);
}

std::vector<HclTemplatePiece> HclLeaves::heredocPieces(SourceRange start, std::span<const SourceRange> lines) const {
  MappedText text;
  const bool indented = file_.text(start).starts_with("<<-");
  std::size_t indent = std::string::npos;
  if (indented) {
    for (const SourceRange& line : lines) {
      const std::string_view content = file_.text(line);
      const std::size_t first = content.find_first_not_of(" \t");
      if (first == std::string_view::npos || content[first] == '\n' || content[first] == '\r') continue;
      indent = std::min(indent, first);
    }
  }
  if (indent == std::string::npos) indent = 0;
  for (const SourceRange& line : lines) {
    const std::string_view content = file_.text(line);
    const std::size_t skip = std::min(indent, content.find_first_not_of(" \t") == std::string_view::npos
                                                  ? content.size()
                                                  : content.find_first_not_of(" \t"));
    text.appendCopied(content.substr(skip), line.begin + static_cast<std::uint32_t>(skip));
  }
  text.finish(lines.empty() ? start.end : lines.back().end);
  return decodeTemplate(text, false);
}

HclBlock parseHcl(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, HclReader reader) {
  if (!isUtf8File(file, diagnostics)) return {};
  const std::string& bytes = file.contents();
  const std::uint32_t start = std::string_view(bytes).starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::string_view text = std::string_view(bytes).substr(start);
  Utf8CharStream stream(text, start);
  HclDirectRead direct = readHclDirectly(file, stream);
  if (direct.too_deep) {
    diagnostics.report(ir::RuleId::kNestingTooDeep, file, *direct.too_deep,
                       fmt::format("brackets, conditionals and unary operators nest more than {} levels deep here, so "
                                   "the file is not analysed",
                                   kMaxHclNesting));
    return {};
  }
  if (reader == HclReader::kDirectFirst && direct.body) return std::move(*direct.body);
  // A file with a syntax error: the generated parser reports each error and recovers.
  HclErrorListener listener(file, stream, diagnostics);
  // The hand-written token source mirrors the lexer rules of grammar/HclLexer.g4 and is tested
  // against the lexer ANTLR generates from them (hcl_token_source_test), at a fraction of its cost.
  // The grammar ends in a rule that takes any character, so lexing reports no errors.
  HclTokenSource token_source(stream);
  antlr4::CommonTokenStream tokens(&token_source);
  HclParser parser(&tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  HclParser::ConfigFileContext* root = parser.configFile();
  TreeBuilder builder(file, stream);
  return builder.buildBody(root != nullptr ? root->body() : nullptr, {0, file.size()});
}

}  // namespace iotlint::frontend
