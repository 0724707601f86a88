// frontend/src/hcl_reader.cpp: the hand-written reader of Terraform files without syntax errors.
//
// A recursive descent parser for grammar/HclParser.g4 over HclScanner's tokens (hidden ones
// dropped), which gives up at the first token the grammar does not allow there; the generated
// parser then reads the file and reports. Before either, the tokens are checked for nesting that
// would exhaust the stack of either parser (kMaxHclNesting). The grammar's decisions need at most
// two tokens of lookahead, and its left-recursive `expression` rule is read by precedence climbing
// with the precedences ANTLR gives its alternatives (an earlier alternative binds tighter):
//   unary `-` `!` 8 (its operand is read at 8), `*` `/` `%` 7, `+` `-` 6, `<` `>` `<=` `>=` 5,
//   `==` `!=` 4, `&&` 3, `||` 2, `? :` 1 (right-associative; its middle part is a whole expression).
// The tree is built as the generated parser's tree builder builds it (hcl_builder.cpp), with the
// same leaves (HclLeaves) and the same depth limit, from a small syntax tree kept per file.
#include "frontend/src/hcl_reader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "HclLexer.h"
#include "frontend/src/hcl_token_source.h"

namespace iotlint::frontend {

using iotlint_generated::HclLexer;
using ir::SourceRange;

namespace {

/// The reader's own recursion, a few calls a level of nesting: the nesting check bounds it.
constexpr std::uint32_t kMaxSyntaxDepth = 8 * kMaxHclNesting;

/// One node of the syntax tree: an `expression` context or a `primary` one, spanning tokens
/// [first, last].
struct Node {
  enum class Kind : unsigned char {
    kValue,        ///< primary postfix*: children {primary}; `postfix` when there is any
    kOperator,     ///< a unary or binary operation
    kConditional,  ///< children {condition, then, else}
    kNumber,
    kString,
    kHeredoc,      ///< first: HEREDOC_START; `lines`: HEREDOC_LINE token indices
    kCall,         ///< `name_token`: the function's (last) identifier; children: arguments
    kName,         ///< a bare identifier
    kFor,          ///< a `for` expression, in brackets or braces
    kTuple,        ///< children: elements
    kObject,       ///< `keys`: each item's key span and whether it is one STRING; children: values
    kParen,        ///< children {inner}
  };
  Kind kind = Kind::kValue;
  bool postfix = false;
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t name_token = 0;
  std::vector<std::size_t> children;
  std::vector<std::size_t> lines;
  struct Key {
    std::size_t first;
    std::size_t last;
    bool quoted;
  };
  std::vector<Key> keys;

  static Node of(Kind kind, std::size_t first, std::size_t last = 0, std::vector<std::size_t> children = {}) {
    Node node;
    node.kind = kind;
    node.first = first;
    node.last = last;
    node.children = std::move(children);
    return node;
  }
};

struct NotDirect {};  ///< the reader gives the file up

class DirectReader {
 public:
  DirectReader(const ir::SourceFile& file, const Utf8CharStream& stream) : file_(file), stream_(stream), leaves_(file) {
    HclScanner scanner(stream.codePoints());
    for (;;) {
      const HclToken token = scanner.next();
      if (HclScanner::hidden(token.type)) continue;
      tokens_.push_back(token);
      if (token.type == antlr4::Token::EOF) break;
    }
  }

  HclDirectRead read() {
    HclDirectRead result;
    result.too_deep = tooDeep();
    if (result.too_deep) return result;
    try {
      result.body = readBody({0, file_.size()}, /*nested=*/false, 0);
    } catch (const NotDirect&) {
      result.body.reset();
    }
    return result;
  }

 private:
  // ---- tokens

  std::size_t type(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)].type; }
  std::size_t expect(std::size_t token_type) {
    if (type() != token_type) throw NotDirect{};
    return pos_++;
  }
  SourceRange rangeOf(std::size_t token) const {
    const HclToken& t = tokens_[token];
    if (t.type == antlr4::Token::EOF) return {file_.size(), file_.size()};
    return {stream_.byteOffset(t.begin), stream_.byteOffset(t.end)};
  }
  /// Tokens [first, last] as a rule context's range.
  SourceRange span(std::size_t first, std::size_t last) const {
    const SourceRange start = rangeOf(first);
    return {start.begin, std::max(start.begin, rangeOf(last).end)};
  }
  SourceRange spanOf(std::size_t node) const { return span(nodes_[node].first, nodes_[node].last); }

  /// The first token at which the nesting exceeds kMaxHclNesting. A conditional counts from its
  /// `?` to the end of the attribute or of the brackets around it (its `:` does not close it: the
  /// else part of a chain nests in the one before).
  std::optional<SourceRange> tooDeep() const {
    std::vector<std::size_t> conditionals{0};  // per open bracket: conditionals opened inside it
    std::size_t open_conditionals = 0;
    std::size_t unary_run = 0;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      switch (tokens_[i].type) {
        case HclLexer::LPAREN: case HclLexer::LBRACK: case HclLexer::LBRACE:
          conditionals.push_back(0);
          break;
        case HclLexer::RPAREN: case HclLexer::RBRACK: case HclLexer::RBRACE:
          if (conditionals.size() > 1) {
            open_conditionals -= conditionals.back();
            conditionals.pop_back();
          }
          break;
        case HclLexer::QUESTION:
          ++conditionals.back();
          ++open_conditionals;
          break;
        case HclLexer::IDENT:
          if (i + 1 < tokens_.size() && tokens_[i + 1].type == HclLexer::ASSIGN) {  // an attribute or item starts
            open_conditionals -= conditionals.back();
            conditionals.back() = 0;
          }
          break;
        default:
          break;
      }
      const std::size_t type = tokens_[i].type;
      unary_run = type == HclLexer::MINUS || type == HclLexer::BANG ? unary_run + 1 : 0;
      if (conditionals.size() - 1 + open_conditionals + unary_run > kMaxHclNesting) return rangeOf(i);
    }
    return std::nullopt;
  }

  // ---- body : (attribute | block)* ; configFile : body EOF ;

  HclBlock readBody(SourceRange range, bool nested, std::uint32_t depth) {
    if (depth > kMaxSyntaxDepth) throw NotDirect{};
    HclBlock block;
    block.range = range;
    for (;;) {
      const std::size_t next = type();
      if (next == (nested ? static_cast<std::size_t>(HclLexer::RBRACE) : antlr4::Token::EOF)) return block;
      const std::size_t ident = expect(HclLexer::IDENT);
      if (type() == HclLexer::ASSIGN) {  // attribute : IDENT ASSIGN expression
        ++pos_;
        const std::size_t value = expression(0, depth + 1);
        block.attributes.push_back({std::string(file_.text(rangeOf(ident))), rangeOf(ident), build(value, 0)});
        continue;
      }
      // block : IDENT (STRING | IDENT)* LBRACE body RBRACE
      std::vector<std::string> labels;
      while (type() == HclLexer::STRING || type() == HclLexer::IDENT) {
        labels.push_back(leaves_.label(rangeOf(pos_), type() == HclLexer::STRING));
        ++pos_;
      }
      expect(HclLexer::LBRACE);
      HclBlock child = readBody({}, /*nested=*/true, depth + 1);
      child.range = span(ident, expect(HclLexer::RBRACE));
      child.type = std::string(file_.text(rangeOf(ident)));
      child.labels = std::move(labels);
      block.blocks.push_back(std::move(child));
    }
  }

  // ---- expression, by precedence climbing

  static int binaryPrecedence(std::size_t token_type) {
    switch (token_type) {
      case HclLexer::STAR: case HclLexer::SLASH: case HclLexer::PERCENT: return 7;
      case HclLexer::PLUS: case HclLexer::MINUS: return 6;
      case HclLexer::LT: case HclLexer::GT: case HclLexer::LE: case HclLexer::GE: return 5;
      case HclLexer::EQ: case HclLexer::NEQ: return 4;
      case HclLexer::AND: return 3;
      case HclLexer::OR: return 2;
      case HclLexer::QUESTION: return 1;
      default: return 0;
    }
  }

  std::size_t add(Node node) {
    nodes_.push_back(std::move(node));
    return nodes_.size() - 1;
  }

  /// expression[min_precedence]; returns the node.
  std::size_t expression(int min_precedence, std::uint32_t depth) {
    if (depth > kMaxSyntaxDepth) throw NotDirect{};
    const std::size_t first = pos_;
    std::size_t left;
    if (type() == HclLexer::MINUS || type() == HclLexer::BANG) {
      ++pos_;
      const std::size_t operand = expression(8, depth + 1);
      left = add(Node::of(Node::Kind::kOperator, first, nodes_[operand].last));
    } else {
      left = value(depth + 1);
    }
    for (;;) {
      const int precedence = binaryPrecedence(type());
      if (precedence == 0 || precedence < min_precedence) return left;
      ++pos_;
      if (precedence == 1) {
        const std::size_t then = expression(0, depth + 1);
        expect(HclLexer::COLON);
        const std::size_t otherwise = expression(1, depth + 1);
        left = add(Node::of(Node::Kind::kConditional, first, nodes_[otherwise].last, {left, then, otherwise}));
      } else {
        const std::size_t right = expression(precedence + 1, depth + 1);
        left = add(Node::of(Node::Kind::kOperator, first, nodes_[right].last));
      }
    }
  }

  /// primary postfix* ; postfix : DOT IDENT | DOT NUMBER | DOT STAR | LBRACK STAR RBRACK | LBRACK expression RBRACK
  std::size_t value(std::uint32_t depth) {
    const std::size_t inner = primary(depth);
    Node node = Node::of(Node::Kind::kValue, nodes_[inner].first, nodes_[inner].last, {inner});
    for (;;) {
      if (type() == HclLexer::DOT) {
        const std::size_t member = type(1);
        if (member != HclLexer::IDENT && member != HclLexer::NUMBER && member != HclLexer::STAR) throw NotDirect{};
        pos_ += 2;
      } else if (type() == HclLexer::LBRACK) {
        ++pos_;
        if (type() == HclLexer::STAR) {
          ++pos_;
        } else {
          expression(0, depth + 1);
        }
        if (type() != HclLexer::RBRACK) throw NotDirect{};
        ++pos_;
      } else {
        return add(std::move(node));
      }
      node.postfix = true;
      node.last = pos_ - 1;
    }
  }

  std::size_t primary(std::uint32_t depth) {
    if (depth > kMaxSyntaxDepth) throw NotDirect{};
    const std::size_t first = pos_;
    switch (type()) {
      case HclLexer::NUMBER:
        ++pos_;
        return add(Node::of(Node::Kind::kNumber, first, first));
      case HclLexer::STRING:
        ++pos_;
        return add(Node::of(Node::Kind::kString, first, first));
      case HclLexer::HEREDOC_START: {  // heredoc : HEREDOC_START HEREDOC_LINE* HEREDOC_END
        ++pos_;
        Node node = Node::of(Node::Kind::kHeredoc, first);
        while (type() == HclLexer::HEREDOC_LINE) node.lines.push_back(pos_++);
        node.last = expect(HclLexer::HEREDOC_END);
        return add(std::move(node));
      }
      case HclLexer::IDENT: {
        // IDENT (DCOLON IDENT)* LPAREN arguments? RPAREN, or IDENT alone.
        if (type(1) != HclLexer::DCOLON && type(1) != HclLexer::LPAREN) {
          ++pos_;
          return add(Node::of(Node::Kind::kName, first, first));
        }
        Node node = Node::of(Node::Kind::kCall, first);
        node.name_token = first;
        ++pos_;
        while (type() == HclLexer::DCOLON) {
          ++pos_;
          node.name_token = expect(HclLexer::IDENT);
        }
        expect(HclLexer::LPAREN);
        // arguments : expression (COMMA expression)* (COMMA | ELLIPSIS)?
        node.children = expressionList(HclLexer::RPAREN, /*ellipsis=*/true, depth);
        node.last = expect(HclLexer::RPAREN);
        return add(std::move(node));
      }
      case HclLexer::LBRACK: {
        ++pos_;
        if (startsFor()) {  // LBRACK forIntro expression (IDENT expression)? RBRACK
          forIntro(depth);
          expression(0, depth + 1);
          if (type() == HclLexer::IDENT) {
            ++pos_;
            expression(0, depth + 1);
          }
          return add(Node::of(Node::Kind::kFor, first, expect(HclLexer::RBRACK)));
        }
        // LBRACK (expression (COMMA expression)* COMMA?)? RBRACK
        Node node = Node::of(Node::Kind::kTuple, first);
        node.children = expressionList(HclLexer::RBRACK, /*ellipsis=*/false, depth);
        node.last = expect(HclLexer::RBRACK);
        return add(std::move(node));
      }
      case HclLexer::LBRACE: {
        ++pos_;
        if (startsFor()) {  // LBRACE forIntro expression ARROW expression ELLIPSIS? (IDENT expression)? RBRACE
          forIntro(depth);
          expression(0, depth + 1);
          expect(HclLexer::ARROW);
          expression(0, depth + 1);
          if (type() == HclLexer::ELLIPSIS) ++pos_;
          if (type() == HclLexer::IDENT) {
            ++pos_;
            expression(0, depth + 1);
          }
          return add(Node::of(Node::Kind::kFor, first, expect(HclLexer::RBRACE)));
        }
        // LBRACE (objectItem COMMA?)* RBRACE ; objectItem : objectKey (ASSIGN | COLON) expression
        Node node = Node::of(Node::Kind::kObject, first);
        while (type() != HclLexer::RBRACE) {
          node.keys.push_back(objectKey(depth));
          if (type() != HclLexer::ASSIGN && type() != HclLexer::COLON) throw NotDirect{};
          ++pos_;
          node.children.push_back(expression(0, depth + 1));
          if (type() == HclLexer::COMMA) ++pos_;
        }
        node.last = pos_++;
        return add(std::move(node));
      }
      case HclLexer::LPAREN: {
        ++pos_;
        const std::size_t inner = expression(0, depth + 1);
        return add(Node::of(Node::Kind::kParen, first, expect(HclLexer::RPAREN), {inner}));
      }
      default:
        throw NotDirect{};
    }
  }

  /// (expression (COMMA expression)* COMMA?)? before `close` (not taken); a call's arguments may
  /// end in an ELLIPSIS instead of the COMMA.
  std::vector<std::size_t> expressionList(std::size_t close, bool ellipsis, std::uint32_t depth) {
    std::vector<std::size_t> items;
    if (type() == close) return items;
    items.push_back(expression(0, depth + 1));
    while (type() == HclLexer::COMMA && type(1) != close) {
      ++pos_;
      items.push_back(expression(0, depth + 1));
    }
    if (type() == HclLexer::COMMA || (ellipsis && type() == HclLexer::ELLIPSIS)) ++pos_;
    return items;
  }

  /// forIntro : IDENT IDENT (COMMA IDENT)? IDENT expression COLON, after the bracket or brace: two
  /// identifiers in a row start nothing else there.
  bool startsFor() const { return type() == HclLexer::IDENT && type(1) == HclLexer::IDENT; }

  void forIntro(std::uint32_t depth) {
    pos_ += 2;
    if (type() == HclLexer::COMMA) {
      ++pos_;
      expect(HclLexer::IDENT);
    }
    expect(HclLexer::IDENT);
    expression(0, depth + 1);
    expect(HclLexer::COLON);
  }

  /// objectKey : IDENT | STRING | NUMBER | LPAREN expression RPAREN
  Node::Key objectKey(std::uint32_t depth) {
    const std::size_t first = pos_;
    switch (type()) {
      case HclLexer::IDENT:
      case HclLexer::NUMBER:
        ++pos_;
        return {first, first, false};
      case HclLexer::STRING:
        ++pos_;
        return {first, first, true};
      case HclLexer::LPAREN:
        ++pos_;
        expression(0, depth + 1);
        return {first, expect(HclLexer::RPAREN), false};
      default:
        throw NotDirect{};
    }
  }

  // ---- the tree, as hcl_builder.cpp's TreeBuilder builds it from the generated parser's contexts

  /// buildExpr: an `expression` node.
  HclExpr build(std::size_t index, std::uint32_t depth) const {
    const Node& node = nodes_[index];
    HclExpr result;
    result.range = spanOf(index);
    if (depth > kMaxHclExprDepth) return result;
    switch (node.kind) {
      case Node::Kind::kValue:
        if (node.postfix) return leaves_.reference(result.range);
        return buildPrimary(node.children[0], depth);
      case Node::Kind::kConditional:
        result.kind = HclExpr::Kind::kConditional;
        for (std::size_t part : node.children) result.elements.push_back(build(part, depth + 1));
        return result;
      default:
        return result;  // operators: a value iotlint does not compute
    }
  }

  /// buildPrimary: a `primary` node.
  HclExpr buildPrimary(std::size_t index, std::uint32_t depth) const {
    const Node& node = nodes_[index];
    HclExpr result;
    result.range = spanOf(index);
    switch (node.kind) {
      case Node::Kind::kNumber:
        result.kind = HclExpr::Kind::kNumber;
        result.name = std::string(file_.text(result.range));
        break;
      case Node::Kind::kString:
        return leaves_.string(rangeOf(node.first));
      case Node::Kind::kHeredoc: {
        std::vector<SourceRange> lines;
        lines.reserve(node.lines.size());
        for (std::size_t line : node.lines) lines.push_back(rangeOf(line));
        result.kind = HclExpr::Kind::kString;
        result.pieces = leaves_.heredocPieces(rangeOf(node.first), lines);
        break;
      }
      case Node::Kind::kCall:
        result.kind = HclExpr::Kind::kCall;
        result.name = std::string(file_.text(rangeOf(node.name_token)));
        for (std::size_t argument : node.children) result.elements.push_back(build(argument, depth + 1));
        break;
      case Node::Kind::kName:
        return leaves_.name(rangeOf(node.first));
      case Node::Kind::kTuple:
        result.kind = HclExpr::Kind::kTuple;
        for (std::size_t element : node.children) result.elements.push_back(build(element, depth + 1));
        break;
      case Node::Kind::kObject:
        result.kind = HclExpr::Kind::kObject;
        for (std::size_t i = 0; i < node.keys.size(); ++i) {
          const Node::Key& key = node.keys[i];
          result.items.push_back(leaves_.item(span(key.first, key.last), key.quoted, build(node.children[i], depth + 1)));
        }
        break;
      case Node::Kind::kParen:
        return build(node.children[0], depth + 1);
      default:
        break;  // `for` expressions: computed at plan time
    }
    return result;
  }

  const ir::SourceFile& file_;
  const Utf8CharStream& stream_;
  HclLeaves leaves_;
  std::vector<HclToken> tokens_;  ///< the default channel's tokens, EOF last
  std::size_t pos_ = 0;
  std::vector<Node> nodes_;
};

}  // namespace

HclDirectRead readHclDirectly(const ir::SourceFile& file, const Utf8CharStream& stream) {
  return DirectReader(file, stream).read();
}

}  // namespace iotlint::frontend
