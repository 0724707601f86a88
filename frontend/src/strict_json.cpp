// frontend/src/strict_json.cpp: see readStrictJson in json_tree.h.
//
// Only the error-free part of grammar/PolicyJson.g4 is read here: `value`, `object`, `array` and
// `member` with comma separators and no trailing comma; STRING, NUMBER, `true`, `false`, `null`
// tokens exactly as the lexer rules match them; white space [ \t\r\n]. Anything else (comments,
// stray characters, the grammar's error alternatives, a missing or extra comma, nesting past the
// limit, an empty document) returns nothing, before any diagnostic leaves this file, and the
// generated parser reads the document instead with its recovery and messages. Tokens that the
// generated lexer would match differently (`trueish` as one bare word, `1.e5` as a number and a
// stray `.`) are always followed by something this reader refuses, so whenever it succeeds its
// tokens are the lexer's.
#include <string_view>

#include "frontend/src/json_tree.h"

namespace iotlint::frontend {

namespace {

class StrictReader {
 public:
  StrictReader(const ir::SourceFile& file, std::uint32_t max_depth, ir::DiagnosticEngine& diagnostics)
      : file_(file), text_(file.contents()), max_depth_(max_depth), diagnostics_(diagnostics) {}

  /// Where the text, strict JSON up to there, opens a level past the limit.
  std::optional<std::uint32_t> tooDeepAt() const { return too_deep_at_; }

  /// The document's value, when the whole text from `start` is strict JSON.
  std::optional<JsonValue> document(std::uint32_t start) {
    at_ = start;
    skipSpace();
    JsonValue root;
    if (!value(root, 0)) return std::nullopt;
    skipSpace();
    if (at_ != text_.size()) return std::nullopt;
    return root;
  }

 private:
  void skipSpace() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
      ++at_;
    }
  }

  bool isDigit(std::size_t i) const { return i < text_.size() && text_[i] >= '0' && text_[i] <= '9'; }

  /// STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"'
  bool stringToken(ir::SourceRange& range) {
    const std::uint32_t begin = at_;
    std::size_t i = at_ + 1;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '"') {
        at_ = static_cast<std::uint32_t>(i + 1);
        range = {begin, at_};
        return true;
      }
      if (c == '\r' || c == '\n') return false;
      if (c == '\\') {
        if (i + 1 >= text_.size() || text_[i + 1] == '\r' || text_[i + 1] == '\n') return false;
        i += 2;  // a multi-byte character after `\` goes on as ordinary bytes, none of them special
        continue;
      }
      ++i;
    }
    return false;
  }

  /// NUMBER : '-'? [0-9]+ ( '.' [0-9]+ )? ( [eE] [+-]? [0-9]+ )?
  bool numberToken() {
    std::size_t i = at_;
    if (text_[i] == '-') ++i;
    if (!isDigit(i)) return false;
    while (isDigit(i)) ++i;
    if (i < text_.size() && text_[i] == '.' && isDigit(i + 1)) {
      ++i;
      while (isDigit(i)) ++i;
    }
    if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
      std::size_t j = i + 1;
      if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
      if (isDigit(j)) {
        while (isDigit(j)) ++j;
        i = j;
      }
    }
    at_ = static_cast<std::uint32_t>(i);
    return true;
  }

  bool keyword(std::string_view word) {
    if (text_.compare(at_, word.size(), word) != 0) return false;
    at_ += static_cast<std::uint32_t>(word.size());
    return true;
  }

  bool value(JsonValue& result, std::uint32_t depth) {
    if (at_ >= text_.size()) return false;
    const std::uint32_t begin = at_;
    switch (text_[at_]) {
      case '{':
      case '[':
        if (depth >= max_depth_) {
          too_deep_at_ = begin;
          return false;
        }
        return text_[at_] == '{' ? object(result, depth + 1) : array(result, depth + 1);
      case '"':
        if (!stringToken(result.range)) return false;
        result.kind = JsonValue::Kind::kString;
        result.string = decodeJsonString(file_, result.range, diagnostics_);
        return true;
      case 't':
      case 'f':
        if (!keyword("true") && !keyword("false")) return false;
        result.kind = JsonValue::Kind::kBool;
        result.range = {begin, at_};
        result.literal = std::string(text_.substr(begin, at_ - begin));
        return true;
      case 'n':
        if (!keyword("null")) return false;
        result.kind = JsonValue::Kind::kNull;
        result.range = {begin, at_};
        result.literal = "null";
        return true;
      default:
        if (!numberToken()) return false;
        result.kind = JsonValue::Kind::kNumber;
        result.range = {begin, at_};
        result.literal = std::string(text_.substr(begin, at_ - begin));
        return true;
    }
  }

  /// `{ member, ... }` or `[ element, ... ]` from the opening bracket at at_ to `close`:
  /// `item` reads one member or element; commas between, none after the last.
  template <typename ReadItem>
  bool sequence(JsonValue& result, char close, ReadItem item) {
    const std::uint32_t begin = at_++;
    skipSpace();
    const bool empty = at_ < text_.size() && text_[at_] == close;
    while (!empty) {
      if (!item()) return false;  // also refuses a closing bracket after a comma
      skipSpace();
      if (at_ >= text_.size()) return false;
      if (text_[at_] == close) break;
      if (text_[at_] != ',') return false;
      ++at_;
      skipSpace();
    }
    result.range = {begin, ++at_};
    return true;
  }

  bool object(JsonValue& result, std::uint32_t depth) {
    result.kind = JsonValue::Kind::kObject;
    return sequence(result, '}', [&] {
      if (at_ >= text_.size() || text_[at_] != '"') return false;
      JsonMember member;
      ir::SourceRange key_range;
      if (!stringToken(key_range)) return false;
      member.key = decodeJsonString(file_, key_range, diagnostics_);
      skipSpace();
      if (at_ >= text_.size() || text_[at_] != ':') return false;
      ++at_;
      skipSpace();
      if (!value(member.value, depth)) return false;
      addMemberLastWins(result, std::move(member), file_, diagnostics_);
      return true;
    });
  }

  bool array(JsonValue& result, std::uint32_t depth) {
    result.kind = JsonValue::Kind::kArray;
    return sequence(result, ']', [&] {
      JsonValue element;
      if (!value(element, depth)) return false;
      result.elements.push_back(std::move(element));
      return true;
    });
  }

  const ir::SourceFile& file_;
  std::string_view text_;
  std::uint32_t max_depth_;
  ir::DiagnosticEngine& diagnostics_;
  std::uint32_t at_ = 0;
  std::optional<std::uint32_t> too_deep_at_;
};

}  // namespace

std::optional<JsonValue> readStrictJson(const ir::SourceFile& file, std::uint32_t start, std::uint32_t max_depth,
                                        ir::DiagnosticEngine& diagnostics, std::optional<std::uint32_t>* too_deep_at) {
  ir::DiagnosticEngine found;  // kept back until the whole document has been read
  StrictReader reader(file, max_depth, found);
  std::optional<JsonValue> root = reader.document(start);
  if (root) diagnostics.append(found.take());
  if (too_deep_at != nullptr) *too_deep_at = reader.tooDeepAt();
  return root;
}

}  // namespace iotlint::frontend
