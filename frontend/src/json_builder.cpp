// frontend/src/json_builder.cpp: runs the PolicyJson token source and generated parser and turns the
// parse tree into a JsonValue tree, reporting every syntax problem with its exact range. Strict
// JSON, the common case, is read first without them (strict_json.cpp); the parser reads what
// that reader refuses.
//
// Before parsing: the size limit, UTF-8 validity, comments and stray characters (hidden channel),
// and the nesting depth (ANTLR parses by recursive descent, so unbounded nesting would overflow
// the stack; the token scan that measures it is iterative). During parsing: a custom error
// strategy words ANTLR's recovery messages in terms of JSON. After: the error alternatives of the
// grammar (trailing or missing commas, single quotes, bare words, unterminated strings) are
// reported while the tree is built, and the tree stays usable.
#include <antlr4-runtime.h>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <typeinfo>

#include "PolicyJsonParser.h"
#include "frontend/src/char_stream.h"
#include "frontend/src/json_token_source.h"
#include "frontend/src/json_tree.h"

namespace iotlint::frontend {

using iotlint_generated::PolicyJsonParser;
using ir::RuleId;
using ir::SourceRange;

namespace {

constexpr std::size_t kMaxSyntaxErrors = 25;

std::string shorten(std::string_view text, std::size_t max = 24) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;  // whole code points
  return std::string(text.substr(0, cut)) + "...";
}

/// Shared state of one parse: where tokens are in the file, and where diagnostics go.
class ParseContext {
 public:
  ParseContext(const ir::SourceFile& file, const Utf8CharStream& stream, ir::DiagnosticEngine& diagnostics)
      : file_(file), stream_(stream), diagnostics_(diagnostics) {}

  SourceRange rangeOf(const antlr4::Token* token) const {
    if (token == nullptr) return {};
    if (token->getType() == antlr4::Token::EOF) {
      const std::uint32_t end = stream_.byteOffset(token->getStartIndex());
      return {end, end};
    }
    return {stream_.byteOffset(token->getStartIndex()), stream_.byteOffset(token->getStopIndex() + 1)};
  }
  SourceRange rangeOf(antlr4::ParserRuleContext* context) const {
    const SourceRange start = rangeOf(context->getStart());
    const antlr4::Token* stop = context->getStop();
    if (stop == nullptr || stop->getTokenIndex() < context->getStart()->getTokenIndex()) return {start.begin, start.begin};
    return {start.begin, rangeOf(stop).end};
  }

  void syntaxError(SourceRange range, std::string message) {
    ++syntax_errors_;
    if (syntax_errors_ > kMaxSyntaxErrors) return;
    if (syntax_errors_ == kMaxSyntaxErrors) message += "; further syntax errors in this file are not shown";
    diagnostics_.report(RuleId::kJsonSyntax, file_, range, std::move(message));
  }

  /// A syntax error the parser could only recover from by skipping or inventing tokens.
  void parserError(SourceRange range, std::string message) {
    ++parser_errors_;
    syntaxError(range, std::move(message));
  }

  const ir::SourceFile& file() const { return file_; }
  ir::DiagnosticEngine& diagnostics() { return diagnostics_; }
  std::size_t parserErrors() const { return parser_errors_; }

 private:
  const ir::SourceFile& file_;
  const Utf8CharStream& stream_;
  ir::DiagnosticEngine& diagnostics_;
  std::size_t syntax_errors_ = 0;
  std::size_t parser_errors_ = 0;
};

/// How a token type reads in a message.
std::string describeTokenType(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case PolicyJsonParser::STRING: return "a string";
    case PolicyJsonParser::NUMBER: return "a number";
    case PolicyJsonParser::TRUE_LITERAL: return "`true`";
    case PolicyJsonParser::FALSE_LITERAL: return "`false`";
    case PolicyJsonParser::NULL_LITERAL: return "`null`";
    case antlr4::Token::EOF: return "the end of the file";
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'') literal = literal.substr(1, literal.size() - 2);
  return fmt::format("`{}`", literal);
}

std::string describeToken(const antlr4::Token* token) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return "the end of the file";
  return fmt::format("`{}`", shorten(token->getText()));
}

std::string describeExpected(const antlr4::misc::IntervalSet& expected, const antlr4::dfa::Vocabulary& vocabulary) {
  static const std::size_t kValueStarts[] = {PolicyJsonParser::STRING, PolicyJsonParser::NUMBER, PolicyJsonParser::TRUE_LITERAL,
                                             PolicyJsonParser::FALSE_LITERAL, PolicyJsonParser::NULL_LITERAL};
  bool is_value = true;
  for (std::size_t type : kValueStarts) is_value = is_value && expected.contains(type);
  std::vector<std::string> names;
  if (is_value) names.emplace_back("a value");
  for (const ssize_t signed_type : expected.toList()) {
    const auto type = static_cast<std::size_t>(signed_type);
    if (type == PolicyJsonParser::UNTERMINATED_STRING || type == PolicyJsonParser::SINGLE_QUOTED_STRING ||
        type == PolicyJsonParser::BARE_WORD) {
      continue;  // error alternatives, never suggested
    }
    const bool value_token = std::find(std::begin(kValueStarts), std::end(kValueStarts), type) != std::end(kValueStarts);
    const std::string name = describeTokenType(type, vocabulary);
    if (is_value && (value_token || name == "`{`" || name == "`[`")) continue;
    names.push_back(name);
  }
  if (names.empty()) return "something else";
  std::string text = names.front();
  for (std::size_t i = 1; i < names.size(); ++i) text += (i + 1 == names.size() ? " or " : ", ") + names[i];
  return text;
}

/// DefaultErrorStrategy recovers well; this subclass only words its messages for JSON users.
class JsonErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit JsonErrorStrategy(ParseContext& context) : context_(context) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override {
    report(parser, e.getOffendingToken());
  }
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override {
    report(parser, e.getOffendingToken());
  }
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override {
    report(parser, e.getOffendingToken());
  }
  void reportUnwantedToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    const antlr4::Token* token = parser->getCurrentToken();
    context_.parserError(context_.rangeOf(token),
                         fmt::format("unexpected {}; expected {}", describeToken(token),
                                     describeExpected(getExpectedTokens(parser), parser->getVocabulary())));
  }
  void reportMissingToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    const antlr4::Token* token = parser->getCurrentToken();
    context_.parserError(context_.rangeOf(token),
                         fmt::format("missing {} before {}",
                                     describeExpected(getExpectedTokens(parser), parser->getVocabulary()),
                                     describeToken(token)));
  }

 private:
  void report(antlr4::Parser* parser, const antlr4::Token* token) {
    // The separator rule's empty alternative (a missing comma) makes `,` look expected after a
    // comma; a second comma in a row deserves its own words.
    const antlr4::Token* previous = parser->getTokenStream()->LT(-1);
    if (token != nullptr && previous != nullptr && token->getText() == "," && previous->getText() == ",") {
      context_.parserError(context_.rangeOf(token), "two commas in a row; remove one");
      return;
    }
    context_.parserError(context_.rangeOf(token),
                         fmt::format("expected {}, found {}",
                                     describeExpected(parser->getExpectedTokens(), parser->getVocabulary()),
                                     describeToken(token)));
  }

  ParseContext& context_;
};

/// What a parse-tree node is, as far as the builder cares.
enum class NodeKind : unsigned char {
  kOther,
  kToken,
  kObject,
  kMember,
  kArray,
  kSeparator,
  kValue,  // a value whose alternative could not be predicted
  kObjectValue,
  kArrayValue,
  kStringValue,
  kNumberValue,
  kTrueValue,
  kFalseValue,
  kNullValue,
  kUnterminatedStringValue,
  kSingleQuotedValue,
  kBareWordValue,
  kKey,  // a key whose alternative could not be predicted
  kStringKey,
  kSingleQuotedKey,
  kBareWordKey,
  kUnterminatedKey,
};

bool isValue(NodeKind kind) { return kind >= NodeKind::kValue && kind <= NodeKind::kBareWordValue; }
bool isKey(NodeKind kind) { return kind >= NodeKind::kKey && kind <= NodeKind::kUnterminatedKey; }

struct NodeType {
  const std::type_info* type;
  NodeKind kind;
};

// Every class the parser puts in a PolicyJson tree, the most frequent first. The generated
// accessors find children with dynamic_cast, whose type-name comparisons cost more than the rest
// of building the tree; a node's exact class tells the same at the price of a pointer comparison.
const NodeType kNodeTypes[] = {
    {&typeid(antlr4::tree::TerminalNodeImpl), NodeKind::kToken},
    {&typeid(PolicyJsonParser::MemberContext), NodeKind::kMember},
    {&typeid(PolicyJsonParser::SeparatorContext), NodeKind::kSeparator},
    {&typeid(PolicyJsonParser::StringValueContext), NodeKind::kStringValue},
    {&typeid(PolicyJsonParser::StringKeyContext), NodeKind::kStringKey},
    {&typeid(PolicyJsonParser::ArrayValueContext), NodeKind::kArrayValue},
    {&typeid(PolicyJsonParser::ArrayContext), NodeKind::kArray},
    {&typeid(PolicyJsonParser::ObjectValueContext), NodeKind::kObjectValue},
    {&typeid(PolicyJsonParser::ObjectContext), NodeKind::kObject},
    {&typeid(PolicyJsonParser::NumberValueContext), NodeKind::kNumberValue},
    {&typeid(PolicyJsonParser::TrueValueContext), NodeKind::kTrueValue},
    {&typeid(PolicyJsonParser::FalseValueContext), NodeKind::kFalseValue},
    {&typeid(PolicyJsonParser::NullValueContext), NodeKind::kNullValue},
    {&typeid(antlr4::tree::ErrorNodeImpl), NodeKind::kToken},
    {&typeid(PolicyJsonParser::UnterminatedStringValueContext), NodeKind::kUnterminatedStringValue},
    {&typeid(PolicyJsonParser::SingleQuotedValueContext), NodeKind::kSingleQuotedValue},
    {&typeid(PolicyJsonParser::BareWordValueContext), NodeKind::kBareWordValue},
    {&typeid(PolicyJsonParser::ValueContext), NodeKind::kValue},
    {&typeid(PolicyJsonParser::SingleQuotedKeyContext), NodeKind::kSingleQuotedKey},
    {&typeid(PolicyJsonParser::BareWordKeyContext), NodeKind::kBareWordKey},
    {&typeid(PolicyJsonParser::UnterminatedKeyContext), NodeKind::kUnterminatedKey},
    {&typeid(PolicyJsonParser::KeyContext), NodeKind::kKey},
};

/// The same answer as the generated accessors' dynamic_cast, for a class missing from
/// kNodeTypes or a type_info that is a copy of the one listed (one per shared library).
template <typename Context>
bool is(antlr4::tree::ParseTree* node) {
  return dynamic_cast<Context*>(node) != nullptr;
}
NodeKind classifySlowly(antlr4::tree::ParseTree* node) {
  using P = PolicyJsonParser;
  if (is<antlr4::tree::TerminalNode>(node)) return NodeKind::kToken;
  if (is<P::ObjectContext>(node)) return NodeKind::kObject;
  if (is<P::MemberContext>(node)) return NodeKind::kMember;
  if (is<P::ArrayContext>(node)) return NodeKind::kArray;
  if (is<P::SeparatorContext>(node)) return NodeKind::kSeparator;
  if (is<P::ObjectValueContext>(node)) return NodeKind::kObjectValue;
  if (is<P::ArrayValueContext>(node)) return NodeKind::kArrayValue;
  if (is<P::StringValueContext>(node)) return NodeKind::kStringValue;
  if (is<P::NumberValueContext>(node)) return NodeKind::kNumberValue;
  if (is<P::TrueValueContext>(node)) return NodeKind::kTrueValue;
  if (is<P::FalseValueContext>(node)) return NodeKind::kFalseValue;
  if (is<P::NullValueContext>(node)) return NodeKind::kNullValue;
  if (is<P::UnterminatedStringValueContext>(node)) return NodeKind::kUnterminatedStringValue;
  if (is<P::SingleQuotedValueContext>(node)) return NodeKind::kSingleQuotedValue;
  if (is<P::BareWordValueContext>(node)) return NodeKind::kBareWordValue;
  if (is<P::ValueContext>(node)) return NodeKind::kValue;
  if (is<P::StringKeyContext>(node)) return NodeKind::kStringKey;
  if (is<P::SingleQuotedKeyContext>(node)) return NodeKind::kSingleQuotedKey;
  if (is<P::UnterminatedKeyContext>(node)) return NodeKind::kUnterminatedKey;
  if (is<P::BareWordKeyContext>(node)) return NodeKind::kBareWordKey;
  if (is<P::KeyContext>(node)) return NodeKind::kKey;
  return NodeKind::kOther;
}

NodeKind classify(antlr4::tree::ParseTree* node) {
  const std::type_info* type = &typeid(*node);
  for (const NodeType& known : kNodeTypes) {
    if (known.type == type) return known.kind;
  }
  return classifySlowly(node);
}

/// The kinds above are exact classes or, from classifySlowly, classes derived from them, so a
/// static_cast to the class a kind names is as good as the dynamic_cast that found it.
template <typename Context>
Context* as(antlr4::tree::ParseTree* node) {
  return static_cast<Context*>(node);
}

/// The first child that passes `wanted`, as the generated accessors pick it.
template <typename Wanted>
antlr4::tree::ParseTree* firstChild(antlr4::ParserRuleContext* context, Wanted wanted, NodeKind* kind = nullptr) {
  for (antlr4::tree::ParseTree* child : context->children) {
    const NodeKind child_kind = classify(child);
    if (!wanted(child_kind)) continue;
    if (kind != nullptr) *kind = child_kind;
    return child;
  }
  return nullptr;
}

/// Builds the JsonValue tree from the parse tree (depth is bounded by the pre-scan).
class TreeBuilder {
 public:
  explicit TreeBuilder(ParseContext& context) : context_(context) {}

  /// The tree of the document's value, or nothing when the parse produced no value.
  std::optional<JsonValue> buildDocument(PolicyJsonParser::DocumentContext* document) {
    if (document == nullptr) return std::nullopt;
    NodeKind kind = NodeKind::kOther;
    antlr4::tree::ParseTree* value = firstChild(document, isValue, &kind);
    if (value == nullptr) return std::nullopt;
    return build(as<PolicyJsonParser::ValueContext>(value), kind);
  }

 private:
  JsonValue build(PolicyJsonParser::ValueContext* value, NodeKind kind) {
    JsonValue result;
    if (value == nullptr) return result;
    result.range = context_.rangeOf(value);
    switch (kind) {
      case NodeKind::kObjectValue: {
        antlr4::tree::ParseTree* object = firstChild(value, [](NodeKind k) { return k == NodeKind::kObject; });
        buildObject(object == nullptr ? nullptr : as<PolicyJsonParser::ObjectContext>(object), result);
        break;
      }
      case NodeKind::kArrayValue: {
        antlr4::tree::ParseTree* array = firstChild(value, [](NodeKind k) { return k == NodeKind::kArray; });
        buildArray(array == nullptr ? nullptr : as<PolicyJsonParser::ArrayContext>(array), result);
        break;
      }
      case NodeKind::kStringValue:
        result.kind = JsonValue::Kind::kString;
        result.string = decodeJsonString(context_.file(), result.range, context_.diagnostics());
        break;
      case NodeKind::kNumberValue:
        result.kind = JsonValue::Kind::kNumber;
        result.literal = std::string(context_.file().text(result.range));
        break;
      case NodeKind::kTrueValue:
      case NodeKind::kFalseValue:
        result.kind = JsonValue::Kind::kBool;
        result.literal = std::string(context_.file().text(result.range));
        break;
      case NodeKind::kNullValue:
        result.kind = JsonValue::Kind::kNull;
        result.literal = "null";
        break;
      case NodeKind::kUnterminatedStringValue:
        context_.syntaxError(result.range, "unterminated string; a JSON string ends with `\"` on the same line");
        result.kind = JsonValue::Kind::kString;
        result.string = decodeUnquoted(result.range, 1, 0);
        break;
      case NodeKind::kSingleQuotedValue:
        context_.syntaxError(result.range, "JSON strings use double quotes, not single quotes");
        result.kind = JsonValue::Kind::kString;
        result.string = decodeUnquoted(result.range, 1, 1);
        break;
      case NodeKind::kBareWordValue:
        reportBareWord(result.range);
        result.kind = JsonValue::Kind::kString;
        result.string = decodeUnquoted(result.range, 0, 0);
        break;
      default:
        break;  // no alternative was predicted: an invalid value, already reported by the parser
    }
    return result;
  }

  /// The text of an error-alternative token, taken literally (skipping `skip_front` and
  /// `skip_back` quote bytes), so that analysis can go on with what the user meant.
  ir::PolicyString decodeUnquoted(SourceRange range, std::uint32_t skip_front, std::uint32_t skip_back) const {
    ir::PolicyString string;
    const SourceRange content{std::min(range.begin + skip_front, range.end),
                              std::max(range.begin + skip_front, range.end - std::min(skip_back, range.size()))};
    string.value = std::string(context_.file().text(content));
    string.range = range;
    for (std::uint32_t i = 0; i <= string.value.size(); ++i) string.file_offsets.push_back(content.begin + i);
    return string;
  }

  void reportBareWord(SourceRange range) {
    const std::string_view word = context_.file().text(range);
    if (word == "True" || word == "False" || word == "TRUE" || word == "FALSE" || word == "Null" || word == "NULL" ||
        word == "None") {
      context_.syntaxError(range, fmt::format("`{}` is not a JSON literal; JSON writes `true`, `false` and `null` in "
                                              "lowercase", word));
    } else {
      context_.syntaxError(range, fmt::format("`{}` is not a JSON value; strings must be in double quotes", shorten(word)));
    }
  }

  /// Separator i stands between elements i and i+1; an empty one is a missing comma, reported
  /// right after element i, where the comma belongs. Only a file with a missing comma pays for
  /// lining them up. Returns the number of elements.
  template <typename IsElement>
  std::size_t reportSeparators(antlr4::ParserRuleContext* list, IsElement is_element, std::string_view what) {
    std::size_t count = 0;
    bool missing_comma = false;
    for (antlr4::tree::ParseTree* child : list->children) {
      const NodeKind kind = classify(child);
      if (is_element(kind)) ++count;
      if (kind == NodeKind::kSeparator && child->children.empty()) missing_comma = true;
    }
    if (!missing_comma) return count;
    std::vector<antlr4::tree::ParseTree*> separators;
    std::vector<antlr4::tree::ParseTree*> elements;
    for (antlr4::tree::ParseTree* child : list->children) {
      const NodeKind kind = classify(child);
      if (kind == NodeKind::kSeparator) separators.push_back(child);
      if (is_element(kind)) elements.push_back(child);
    }
    for (std::size_t i = 0; i < separators.size() && i < elements.size(); ++i) {
      if (separators[i]->children.empty()) {
        const std::uint32_t at = context_.rangeOf(as<antlr4::ParserRuleContext>(elements[i])).end;
        context_.syntaxError({at, at}, fmt::format("missing `,` between {}", what));
      }
    }
    return count;
  }

  void buildObject(PolicyJsonParser::ObjectContext* object, JsonValue& result) {
    result.kind = JsonValue::Kind::kObject;
    if (object == nullptr) return;
    const auto is_member = [](NodeKind kind) { return kind == NodeKind::kMember; };
    result.members.reserve(reportSeparators(object, is_member, "members"));
    if (object->trailingComma != nullptr) {
      context_.syntaxError(context_.rangeOf(object->trailingComma), "trailing comma after the last member of an object");
    }
    for (antlr4::tree::ParseTree* child : object->children) {
      if (classify(child) != NodeKind::kMember) continue;
      auto* member = as<PolicyJsonParser::MemberContext>(child);
      // One pass over the member's children finds both its key and its value.
      antlr4::tree::ParseTree* key = nullptr;
      NodeKind key_kind = NodeKind::kOther;
      antlr4::tree::ParseTree* value = nullptr;
      NodeKind value_kind = NodeKind::kOther;
      for (antlr4::tree::ParseTree* part : member->children) {
        const NodeKind kind = classify(part);
        if (key == nullptr && isKey(kind)) {
          key = part;
          key_kind = kind;
        } else if (value == nullptr && isValue(kind)) {
          value = part;
          value_kind = kind;
        }
      }
      JsonMember built;
      built.key = buildKey(key == nullptr ? nullptr : as<PolicyJsonParser::KeyContext>(key), key_kind);
      if (value == nullptr) continue;
      built.value = build(as<PolicyJsonParser::ValueContext>(value), value_kind);
      addMemberLastWins(result, std::move(built), context_.file(), context_.diagnostics());
    }
  }

  ir::PolicyString buildKey(PolicyJsonParser::KeyContext* key, NodeKind kind) {
    if (key == nullptr) return {};
    const SourceRange range = context_.rangeOf(key);
    switch (kind) {
      case NodeKind::kStringKey: return decodeJsonString(context_.file(), range, context_.diagnostics());
      case NodeKind::kSingleQuotedKey:
        context_.syntaxError(range, "object keys are strings in double quotes, not single quotes");
        return decodeUnquoted(range, 1, 1);
      case NodeKind::kUnterminatedKey:
        context_.syntaxError(range, "unterminated string; a JSON string ends with `\"` on the same line");
        return decodeUnquoted(range, 1, 0);
      default: break;  // a bare word, or no alternative predicted
    }
    context_.syntaxError(range, fmt::format("object key `{}` must be a string in double quotes",
                                            shorten(context_.file().text(range))));
    return decodeUnquoted(range, 0, 0);
  }

  void buildArray(PolicyJsonParser::ArrayContext* array, JsonValue& result) {
    result.kind = JsonValue::Kind::kArray;
    if (array == nullptr) return;
    result.elements.reserve(reportSeparators(array, isValue, "array elements"));
    if (array->trailingComma != nullptr) {
      context_.syntaxError(context_.rangeOf(array->trailingComma), "trailing comma after the last element of an array");
    }
    for (antlr4::tree::ParseTree* child : array->children) {
      const NodeKind kind = classify(child);
      if (isValue(kind)) result.elements.push_back(build(as<PolicyJsonParser::ValueContext>(child), kind));
    }
  }

  ParseContext& context_;
};

/// IL102 at the `{` or `[` that opens a level past the limit.
void reportTooDeep(const ir::SourceFile& file, SourceRange bracket, const ParseLimits& limits,
                   ir::DiagnosticEngine& diagnostics) {
  diagnostics.report(RuleId::kNestingTooDeep, file, bracket,
                     fmt::format("objects and arrays nest more than {} levels deep here; a policy needs at most 6, so "
                                 "the file is not analysed further",
                                 limits.max_nesting_depth));
}

/// Reports comments and stray characters (hidden channel) and measures nesting. Returns false
/// when nesting exceeds the limit, after reporting where.
bool scanTokens(antlr4::CommonTokenStream& tokens, ParseContext& context, const ParseLimits& limits) {
  std::uint32_t depth = 0;
  const antlr4::Token* stray_start = nullptr;
  const antlr4::Token* stray_end = nullptr;
  const auto flush_stray = [&] {
    if (stray_start == nullptr) return;
    const SourceRange range{context.rangeOf(stray_start).begin, context.rangeOf(stray_end).end};
    const std::string_view text = context.file().text(range);
    context.syntaxError(range, fmt::format("unexpected {} `{}` outside of any string",
                                           range.size() > 1 ? "characters" : "character", shorten(text)));
    stray_start = stray_end = nullptr;
  };
  const std::vector<antlr4::Token*> all_tokens = tokens.getTokens();  // returned by value
  for (const antlr4::Token* token : all_tokens) {
    const std::size_t type = token->getType();
    if (type == PolicyJsonParser::UNEXPECTED_CHARACTER) {
      if (stray_start == nullptr) stray_start = token;
      stray_end = token;
      continue;
    }
    flush_stray();
    if (type == PolicyJsonParser::LINE_COMMENT || type == PolicyJsonParser::BLOCK_COMMENT) {
      context.syntaxError(context.rangeOf(token), "comments are not allowed in JSON");
      continue;
    }
    const std::string_view text = token->getType() == antlr4::Token::EOF ? "" : context.file().text(context.rangeOf(token));
    if (text == "{" || text == "[") {
      if (++depth > limits.max_nesting_depth) {
        reportTooDeep(context.file(), context.rangeOf(token), limits, context.diagnostics());
        return false;
      }
    } else if ((text == "}" || text == "]") && depth > 0) {
      --depth;
    }
  }
  flush_stray();
  return true;
}

}  // namespace

void addMemberLastWins(JsonValue& object, JsonMember member, const ir::SourceFile& file,
                       ir::DiagnosticEngine& diagnostics) {
  for (JsonMember& previous : object.members) {
    if (previous.key.value != member.key.value) continue;
    diagnostics
        .report(RuleId::kDuplicateKey, file, previous.key.range,
                fmt::format("duplicate key `{}`; this value is ignored in favour of the later one",
                            shorten(member.key.value, 64)))
        .note(member.key.range, "the value iotlint analyses is here");
    previous = std::move(member);
    return;
  }
  object.members.push_back(std::move(member));
}

const JsonMember* JsonValue::find(std::string_view key) const {
  for (const auto& member : members) {
    if (member.key.value == key) return &member;
  }
  return nullptr;
}

std::string_view kindName(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::kObject: return "an object";
    case JsonValue::Kind::kArray: return "an array";
    case JsonValue::Kind::kString: return "a string";
    case JsonValue::Kind::kNumber: return "a number";
    case JsonValue::Kind::kBool: return "a boolean";
    case JsonValue::Kind::kNull: return "`null`";
    case JsonValue::Kind::kInvalid: return "an invalid value";
  }
  return "a value";
}

JsonParseResult parseJson(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const ParseLimits& limits,
                          JsonReader reader) {
  JsonParseResult result;
  const std::string& bytes = file.contents();
  if (bytes.size() > limits.max_file_bytes) {
    diagnostics.report(RuleId::kInputTooLarge, file, {0, 0},
                       fmt::format("the file is larger than {} bytes, the most iotlint reads; an AWS IoT policy has "
                                   "at most 2048 characters",
                                   limits.max_file_bytes));
    return result;
  }
  const std::uint32_t start = std::string_view(bytes).starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::string_view text = std::string_view(bytes).substr(start);
  if (const std::size_t bad = findInvalidUtf8(text); bad != std::string_view::npos) {
    const auto offset = static_cast<std::uint32_t>(start + bad);
    diagnostics.report(RuleId::kInvalidUtf8, file, {offset, offset + 1},
                       fmt::format("byte 0x{:02X} is not valid UTF-8; policies are UTF-8 text, so the file is not "
                                   "analysed",
                                   static_cast<unsigned char>(bytes[offset])));
    return result;
  }

  if (reader == JsonReader::kStrictFirst) {
    std::optional<std::uint32_t> too_deep_at;
    if (std::optional<JsonValue> root = readStrictJson(file, start, limits.max_nesting_depth, diagnostics, &too_deep_at)) {
      result.root = std::move(root);
      return result;
    }
    if (too_deep_at) {
      // What the token scan below would report, without lexing the rest of a file built to be
      // deep (100,000 brackets took 70M instructions to refuse).
      reportTooDeep(file, {*too_deep_at, *too_deep_at + 1}, limits, diagnostics);
      return result;
    }
  }

  Utf8CharStream stream(text, start);
  ParseContext context(file, stream, diagnostics);
  // The hand-written token source mirrors the lexer rules of grammar/PolicyJson.g4 and is tested
  // against the lexer ANTLR generates from them (json_token_source_test), at a fraction of its cost.
  PolicyJsonTokenSource token_source(stream);
  antlr4::CommonTokenStream tokens(&token_source);
  tokens.fill();

  const std::vector<antlr4::Token*> all_tokens = tokens.getTokens();  // returned by value
  if (std::all_of(all_tokens.begin(), all_tokens.end(), [](const antlr4::Token* t) {
        return t->getType() == antlr4::Token::EOF || t->getChannel() != antlr4::Token::DEFAULT_CHANNEL;
      })) {
    scanTokens(tokens, context, limits);
    context.syntaxError({static_cast<std::uint32_t>(bytes.size()), static_cast<std::uint32_t>(bytes.size())},
                        "the file holds no JSON value; a policy is a JSON object");
    result.lost_content = true;
    return result;
  }
  if (!scanTokens(tokens, context, limits)) return result;

  // Two stages: SLL prediction with an error strategy that gives up at the first error parses
  // every well-formed document (and the grammar's error alternatives) at the lowest cost; only a
  // document with a real syntax error is parsed again, with full LL prediction and the strategy
  // that reports and recovers, so its diagnostics are those of a single LL parse.
  PolicyJsonParser parser(&tokens);
  parser.removeErrorListeners();
  auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  PolicyJsonParser::DocumentContext* document = nullptr;
  try {
    document = parser.document();
  } catch (const antlr4::ParseCancellationException&) {
    tokens.seek(0);
    parser.reset();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<JsonErrorStrategy>(context));
    document = parser.document();
  }
  result.lost_content = context.parserErrors() > 0;

  TreeBuilder builder(context);
  result.root = builder.buildDocument(document);
  return result;
}

}  // namespace iotlint::frontend
