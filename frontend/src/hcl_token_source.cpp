// The rules below mirror the lexer rules of grammar/HclLexer.g4, which stay the specification: any
// change there must be made here too, and hcl_token_source_test (which runs both on the same
// inputs) fails until it is. ANTLR picks the longest match and, among equally long ones, the rule
// written first; each case below says which rule wins and where a partial match falls back to.
#include "frontend/src/hcl_token_source.h"

#include <algorithm>
#include <string>
#include <vector>

#include "HclLexer.h"

namespace iotlint::frontend {

using iotlint_generated::HclLexer;

namespace {

constexpr bool isBlank(char32_t c) { return c == U' ' || c == U'\t'; }
constexpr bool isIdentStart(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'_'; }
constexpr bool isIdentPart(char32_t c) { return isIdentStart(c) || isDigit(c) || c == U'-'; }

/// End of the run of code points from `i` that satisfy `in`.
template <class Predicate>
std::size_t skipWhile(std::u32string_view text, std::size_t i, Predicate in) {
  while (i < text.size() && in(text[i])) ++i;
  return i;
}

/// HEREDOC_START at `start` (just after its `<<`): `-`? IDENT [ \t]* '\r'? '\n'. Returns the end
/// of the match, or npos.
std::size_t heredocStartEnd(std::u32string_view text, std::size_t i) {
  if (i < text.size() && text[i] == U'-') ++i;
  if (i >= text.size() || !isIdentStart(text[i])) return std::u32string_view::npos;
  i = skipWhile(text, skipWhile(text, i + 1, isIdentPart), isBlank);
  if (i < text.size() && text[i] == U'\r') ++i;
  return i < text.size() && text[i] == U'\n' ? i + 1 : std::u32string_view::npos;
}

}  // namespace

bool HclScanner::hidden(std::size_t type) {
  return type == HclLexer::WS || type == HclLexer::LINE_COMMENT || type == HclLexer::BLOCK_COMMENT;
}

HclToken HclScanner::next() {
  const std::size_t start = position_;
  if (start == text_.size()) return {antlr4::Token::EOF, start, start};
  const Match match = in_heredoc_ ? matchHeredoc(start) : matchDefault(start);
  if (match.type == HclLexer::HEREDOC_START) {
    // The lexer's startHeredoc(): the marker is the identifier after `<<` and `-`.
    const std::size_t begin = text_.find_first_not_of(U"<-", start);
    heredoc_marker_ = std::u32string(text_.substr(begin, skipWhile(text_, begin, isIdentPart) - begin));
    in_heredoc_ = true;
  } else if (match.type == HclLexer::HEREDOC_END) {
    in_heredoc_ = false;
  }
  position_ = match.end;
  return {match.type, start, match.end};
}

std::unique_ptr<antlr4::Token> HclTokenSource::nextToken() {
  const HclToken token = scanner_.next();
  return makeToken(token.type, HclScanner::hidden(token.type) ? antlr4::Token::HIDDEN_CHANNEL : antlr4::Token::DEFAULT_CHANNEL,
                   token.begin, token.end);
}

HclScanner::Match HclScanner::matchDefault(std::size_t start) const {
  const std::u32string_view text = text_;
  const std::size_t size = text.size();
  const char32_t first = text[start];
  const char32_t second = start + 1 < size ? text[start + 1] : U'\0';
  // The operators of two or three characters, each against the one-character rule it falls back to.
  const auto pair = [&](char32_t next, std::size_t both, std::size_t alone) {
    return second == next ? Match{both, start + 2} : Match{alone, start + 1};
  };
  switch (first) {
    case U' ':
    case U'\t':
    case U'\r':
    case U'\n':
      return {HclLexer::WS, skipWhile(text, start, [](char32_t c) { return isBlank(c) || isLineEnd(c); })};
    case U'#':
      return {HclLexer::LINE_COMMENT, skipWhile(text, start + 1, [](char32_t c) { return !isLineEnd(c); })};
    case U'/':
      if (second == U'/') return {HclLexer::LINE_COMMENT, skipWhile(text, start + 2, [](char32_t c) { return !isLineEnd(c); })};
      if (second == U'*') {
        // The shortest match up to `*/`; without one, only the `/` is taken.
        const std::size_t close = text.find(U"*/", start + 2);
        if (close != std::u32string_view::npos) return {HclLexer::BLOCK_COMMENT, close + 2};
      }
      return {HclLexer::SLASH, start + 1};
    case U'"':
      return matchString(start);
    case U'<':
      // HEREDOC_START is longer than any other match, when it matches; else `<=` or `<`.
      if (second == U'<') {
        if (const std::size_t end = heredocStartEnd(text, start + 2); end != std::u32string_view::npos) {
          return {HclLexer::HEREDOC_START, end};
        }
      }
      return pair(U'=', HclLexer::LE, HclLexer::LT);
    case U'=':
      if (second == U'>') return {HclLexer::ARROW, start + 2};
      return pair(U'=', HclLexer::EQ, HclLexer::ASSIGN);
    case U'!': return pair(U'=', HclLexer::NEQ, HclLexer::BANG);
    case U'>': return pair(U'=', HclLexer::GE, HclLexer::GT);
    case U'&': return pair(U'&', HclLexer::AND, HclLexer::UNEXPECTED_CHARACTER);
    case U'|': return pair(U'|', HclLexer::OR, HclLexer::UNEXPECTED_CHARACTER);
    case U':': return pair(U':', HclLexer::DCOLON, HclLexer::COLON);
    case U'.':
      if (second == U'.' && start + 2 < size && text[start + 2] == U'.') return {HclLexer::ELLIPSIS, start + 3};
      return {HclLexer::DOT, start + 1};
    case U'+': return {HclLexer::PLUS, start + 1};
    case U'-': return {HclLexer::MINUS, start + 1};
    case U'*': return {HclLexer::STAR, start + 1};
    case U'%': return {HclLexer::PERCENT, start + 1};
    case U'?': return {HclLexer::QUESTION, start + 1};
    case U',': return {HclLexer::COMMA, start + 1};
    case U'(': return {HclLexer::LPAREN, start + 1};
    case U')': return {HclLexer::RPAREN, start + 1};
    case U'[': return {HclLexer::LBRACK, start + 1};
    case U']': return {HclLexer::RBRACK, start + 1};
    case U'{': return {HclLexer::LBRACE, start + 1};
    case U'}': return {HclLexer::RBRACE, start + 1};
    default: break;
  }
  if (isDigit(first)) return {HclLexer::NUMBER, numberEnd(text, skipDigits(text, start))};
  if (isIdentStart(first)) return {HclLexer::IDENT, skipWhile(text, start + 1, isIdentPart)};
  return {HclLexer::UNEXPECTED_CHARACTER, start + 1};
}

// The HEREDOC mode. HEREDOC_END's predicate compares the text matched so far, blanks and line end
// trimmed, with the marker; ANTLR evaluates it after every character, so HEREDOC_END can match
// any prefix of `[ \t]* IDENT [ \t]* ('\r'? '\n')?` whose identifier is the marker. HEREDOC_LINE
// matches the whole line, its '\n' included, and wins whenever it is longer: so the line closes
// the heredoc exactly when all of it, up to its '\n' or the end of the input, is that pattern
// (on a tie, HEREDOC_END is written first).
HclScanner::Match HclScanner::matchHeredoc(std::size_t start) const {
  const std::u32string_view text = text_;
  const std::size_t newline = text.find(U'\n', start);
  const std::size_t line_end = newline == std::u32string_view::npos ? text.size() : newline + 1;
  std::size_t k = skipWhile(text, start, isBlank);
  if (k < line_end && isIdentStart(text[k])) {
    const std::size_t ident_begin = k;
    const std::size_t ident_end = skipWhile(text, k + 1, isIdentPart);
    k = skipWhile(text, ident_end, isBlank);
    if (k < text.size() && text[k] == U'\r' && k + 1 < text.size() && text[k + 1] == U'\n') ++k;
    if (k < text.size() && text[k] == U'\n') ++k;
    if (k == line_end && text.substr(ident_begin, ident_end - ident_begin) == heredoc_marker_) {
      return {HclLexer::HEREDOC_END, line_end};
    }
  }
  return {HclLexer::HEREDOC_LINE, line_end};
}

// STRING and UNTERMINATED_STRING:
//   STRING              : '"' STRING_CHAR* '"' ;
//   UNTERMINATED_STRING : '"' STRING_CHAR* ;
//   STRING_CHAR   : '\\' ~[\r\n] | '$${' | '%%{' | '${' TEMPLATE_BODY '}' | '%{' TEMPLATE_BODY '}' | ~["\\\r\n] ;
//   TEMPLATE_BODY : ( NESTED_STRING | '{' TEMPLATE_BODY '}' | ~["{}] )* ;
//   NESTED_STRING : '"' STRING_CHAR* '"' ;
// The fragments nest, so this is a pushdown automaton, and an ambiguous one: `${` opens a template
// or is two plain characters (`$${` and `%%{` are plain characters too). ANTLR follows every
// reading at once and takes the longest prefix that one of them accepts, so a reading that closes
// the string early loses to one that goes on as an unterminated string, and a template left open
// may read on across lines. Each reading is a stack of frames, run in lockstep:
//   'S' in a string, 'E' after its backslash, 'D' after its `$` or `%` before a `{` that opens a
//   template, 'B' in a template body (or a brace within one).
// The readings are kept without duplicates; there are rarely more than two, and most strings have
// one all along, which the loop takes without stacks. The outer string's frame is the only stack of
// one frame.
HclScanner::Match HclScanner::matchString(std::size_t start) const {
  const std::u32string_view text = text_;
  Match best{HclLexer::UNTERMINATED_STRING, start + 1};  // `"` alone: the rule written before `.`
  std::vector<std::string> readings{"S"};
  for (std::size_t k = start + 1; k < text.size() && !readings.empty(); ++k) {
    const char32_t c = text[k];
    if (readings.size() == 1 && readings.front().size() == 1) {
      // The usual case, one reading in the outer string ("S"), taken without the stacks.
      if (c == U'"') return {HclLexer::STRING, k + 1};
      if (isLineEnd(c)) return best;
      if (c == U'\\') {
        if (k + 1 == text.size() || isLineEnd(text[k + 1])) return best;
        best = {HclLexer::UNTERMINATED_STRING, (++k) + 1};
        continue;
      }
      if ((c != U'$' && c != U'%') || k + 1 == text.size() || text[k + 1] != U'{') {
        best = {HclLexer::UNTERMINATED_STRING, k + 1};
        continue;
      }
    }
    // Each reading takes the character in place; one that ends or dies is emptied, and a template
    // that opens is a new reading, appended (it has taken the character already).
    bool closed = false;
    for (std::size_t r = 0, count = readings.size(); r < count; ++r) {
      std::string& stack = readings[r];
      switch (stack.back()) {
        case 'S':
          if (c == U'"') {
            stack.pop_back();
            closed = closed || stack.empty();
          } else if (c == U'\\') {
            stack.push_back('E');
          } else if (isLineEnd(c)) {
            stack.clear();
          } else if ((c == U'$' || c == U'%') && k + 1 < text.size() && text[k + 1] == U'{') {
            std::string opened = stack + 'D';  // a template opens; or the `$` is plain
            readings.push_back(std::move(opened));
          }
          break;
        case 'E':
          if (isLineEnd(c)) {
            stack.clear();
          } else {
            stack.pop_back();
          }
          break;
        case 'D':
          stack.back() = 'B';  // the `{` after `$` or `%`
          break;
        default:  // 'B'
          if (c == U'"') {
            stack.push_back('S');
          } else if (c == U'{') {
            stack.push_back('B');
          } else if (c == U'}') {
            stack.pop_back();
          }
          break;
      }
    }
    std::erase_if(readings, [](const std::string& stack) { return stack.empty(); });
    if (readings.size() == 2) {
      if (readings[0] == readings[1]) readings.pop_back();
    } else if (readings.size() > 2) {
      std::sort(readings.begin(), readings.end());
      readings.erase(std::unique(readings.begin(), readings.end()), readings.end());
    }
    // The longest match so far, as the readings only grow. A reading that closed the string here
    // gives STRING; one back in the outer string between two of its characters gives
    // UNTERMINATED_STRING, which is written second and so loses a tie.
    if (closed) {
      best = {HclLexer::STRING, k + 1};
    } else if (std::any_of(readings.begin(), readings.end(), [](const std::string& stack) { return stack.size() == 1; })) {
      best = {HclLexer::UNTERMINATED_STRING, k + 1};
    }
  }
  return best;
}

}  // namespace iotlint::frontend
