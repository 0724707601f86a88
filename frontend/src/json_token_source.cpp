// The rules below mirror the lexer rules of grammar/PolicyJson.g4, which stay the specification:
// any change there must be made here too, and json_token_source_test (which runs both on the same
// inputs) fails until it is. ANTLR picks the longest match and, among equally long ones, the rule
// written first; each case below says which rule wins and where a partial match falls back to.
#include "frontend/src/json_token_source.h"

#include "PolicyJsonLexer.h"

namespace iotlint::frontend {

using iotlint_generated::PolicyJsonLexer;

namespace {

constexpr bool isBareWordStart(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'_' || c == U'$';
}
constexpr bool isBareWordPart(char32_t c) {
  return isBareWordStart(c) || isDigit(c) || c == U'.' || c == U':' || c == U'-';
}

}  // namespace

PolicyJsonTokenSource::PolicyJsonTokenSource(Utf8CharStream& stream)
    : ScannedTokenSource(stream), text_(stream.codePoints()) {}

std::unique_ptr<antlr4::Token> PolicyJsonTokenSource::nextToken() {
  const std::u32string_view text = text_;
  const std::size_t size = text.size();
  // WS is skipped.
  std::size_t start = position_;
  while (start < size && (text[start] == U' ' || text[start] == U'\t' || text[start] == U'\r' || text[start] == U'\n')) ++start;
  skip(position_, start);
  if (start == size) {
    position_ = start;
    return makeToken(antlr4::Token::EOF, antlr4::Token::DEFAULT_CHANNEL, start, start);
  }

  std::size_t type = PolicyJsonLexer::UNEXPECTED_CHARACTER;
  std::size_t end = start + 1;  // UNEXPECTED_CHARACTER, the fallback of every partial match
  const char32_t first = text[start];
  switch (first) {
    case U'{': type = PolicyJsonLexer::T__0; break;
    case U',': type = PolicyJsonLexer::T__1; break;
    case U'}': type = PolicyJsonLexer::T__2; break;
    case U':': type = PolicyJsonLexer::T__3; break;
    case U'[': type = PolicyJsonLexer::T__4; break;
    case U']': type = PolicyJsonLexer::T__5; break;
    case U'"': {
      // STRING when the closing quote comes before a line end; otherwise UNTERMINATED_STRING, up
      // to the line end (a backslash right before it or the end of input is part of the token).
      type = PolicyJsonLexer::UNTERMINATED_STRING;
      std::size_t k = start + 1;
      while (k < size) {
        const char32_t c = text[k];
        if (c == U'"') {
          type = PolicyJsonLexer::STRING;
          ++k;
          break;
        }
        if (isLineEnd(c)) break;
        if (c == U'\\') {
          if (k + 1 < size && !isLineEnd(text[k + 1])) {
            k += 2;
            continue;
          }
          ++k;  // a backslash right before the line end or the end of input
          break;
        }
        ++k;
      }
      end = k;
      break;
    }
    case U'\'': {
      // SINGLE_QUOTED_STRING only with its closing quote on the same line; no unterminated form.
      std::size_t k = start + 1;
      while (k < size) {
        const char32_t c = text[k];
        if (c == U'\'') {
          type = PolicyJsonLexer::SINGLE_QUOTED_STRING;
          end = k + 1;
          break;
        }
        if (isLineEnd(c)) break;
        if (c == U'\\') {
          if (k + 1 >= size || isLineEnd(text[k + 1])) break;
          k += 2;
          continue;
        }
        ++k;
      }
      break;
    }
    case U'/':
      if (start + 1 < size && text[start + 1] == U'/') {
        type = PolicyJsonLexer::LINE_COMMENT;
        std::size_t k = start + 2;
        while (k < size && !isLineEnd(text[k])) ++k;
        end = k;
      } else if (start + 1 < size && text[start + 1] == U'*') {
        // The shortest match up to `*/`; without one, only the `/` is taken.
        const std::size_t close = text.find(U"*/", start + 2);
        if (close != std::u32string_view::npos) {
          type = PolicyJsonLexer::BLOCK_COMMENT;
          end = close + 2;
        }
      }
      break;
    default:
      if (first == U'-' || isDigit(first)) {
        // NUMBER: a sign, digits, and the parts numberEnd() takes.
        const std::size_t integer_start = first == U'-' ? start + 1 : start;
        const std::size_t integer_end = skipDigits(text, integer_start);
        if (integer_end == integer_start) break;  // a lone `-`
        type = PolicyJsonLexer::NUMBER;
        end = numberEnd(text, integer_end);
      } else if (isBareWordStart(first)) {
        std::size_t k = start + 1;
        while (k < size && isBareWordPart(text[k])) ++k;
        end = k;
        // The literals are listed before BARE_WORD, so they win a match of the same length.
        const std::u32string_view word = text.substr(start, k - start);
        type = word == U"true"    ? PolicyJsonLexer::TRUE_LITERAL
               : word == U"false" ? PolicyJsonLexer::FALSE_LITERAL
               : word == U"null"  ? PolicyJsonLexer::NULL_LITERAL
                                  : PolicyJsonLexer::BARE_WORD;
      }
      break;
  }
  position_ = end;
  const std::size_t channel = type == PolicyJsonLexer::UNEXPECTED_CHARACTER || type == PolicyJsonLexer::LINE_COMMENT ||
                                      type == PolicyJsonLexer::BLOCK_COMMENT
                                  ? antlr4::Token::HIDDEN_CHANNEL
                                  : antlr4::Token::DEFAULT_CHANNEL;
  return makeToken(type, channel, start, end);
}

}  // namespace iotlint::frontend
