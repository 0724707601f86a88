// frontend/src/scanned_token_source.h: what the hand-written token sources (json_token_source.h,
// hcl_token_source.h) share: the character stream, the line and column that the generated lexer
// would give each token, and the pieces of lexer rules both grammars have.
#pragma once

#include <antlr4-runtime.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "frontend/src/char_stream.h"

namespace iotlint::frontend {

constexpr bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
constexpr bool isLineEnd(char32_t c) { return c == U'\r' || c == U'\n'; }
/// End of the digits starting at `i` (i itself when there are none).
std::size_t skipDigits(std::u32string_view text, std::size_t i);
/// End of a NUMBER whose integer digits end at `digits_end`: then `.` digits, then `e` or `E`, a
/// sign and digits, each part taken only when complete (`1.` is `1`, `1e+` is `1`), as in both
/// grammars.
std::size_t numberEnd(std::u32string_view text, std::size_t digits_end);

class ScannedTokenSource : public antlr4::TokenSource {
 public:
  /// `stream` must outlive the source and every token it makes (tokens read their text from it).
  explicit ScannedTokenSource(Utf8CharStream& stream) : stream_(stream) {}

  /// Line and column of the token being made (before the first call: 1 and 0), as a lexer reports.
  std::size_t getLine() const override { return token_line_; }
  std::size_t getCharPositionInLine() override { return token_column_; }
  antlr4::CharStream* getInputStream() override { return &stream_; }
  std::string getSourceName() override { return stream_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override { return antlr4::CommonTokenFactory::DEFAULT.get(); }

 protected:
  /// Counts the lines of code points [begin, end), which no token holds (skipped white space).
  void skip(std::size_t begin, std::size_t end);
  /// The token of code points [begin, end) (EOF: empty, at the end), at the line and column where
  /// it starts; the lines it spans are counted.
  std::unique_ptr<antlr4::Token> makeToken(std::size_t type, std::size_t channel, std::size_t begin, std::size_t end);

  Utf8CharStream& stream_;

 private:
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;  ///< index of the first code point of the current line
  std::size_t token_line_ = 1;
  std::size_t token_column_ = 0;
};

}  // namespace iotlint::frontend
