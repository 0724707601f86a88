#include "frontend/src/scanned_token_source.h"

#include <string_view>

namespace iotlint::frontend {

std::size_t skipDigits(std::u32string_view text, std::size_t i) {
  while (i < text.size() && isDigit(text[i])) ++i;
  return i;
}

std::size_t numberEnd(std::u32string_view text, std::size_t digits_end) {
  std::size_t end = digits_end;
  if (end + 1 < text.size() && text[end] == U'.' && isDigit(text[end + 1])) end = skipDigits(text, end + 1);
  if (end < text.size() && (text[end] == U'e' || text[end] == U'E')) {
    std::size_t exponent = end + 1;
    if (exponent < text.size() && (text[exponent] == U'+' || text[exponent] == U'-')) ++exponent;
    const std::size_t exponent_end = skipDigits(text, exponent);
    if (exponent_end > exponent) end = exponent_end;
  }
  return end;
}

// A column counts code points since the last '\n' ('\r' alone does not start a line, as in ANTLR).
void ScannedTokenSource::skip(std::size_t begin, std::size_t end) {
  const std::u32string_view text = stream_.codePoints();
  for (std::size_t k = begin; k < end; ++k) {
    if (text[k] == U'\n') {
      ++line_;
      line_start_ = k + 1;
    }
  }
}

std::unique_ptr<antlr4::Token> ScannedTokenSource::makeToken(std::size_t type, std::size_t channel, std::size_t begin,
                                                             std::size_t end) {
  token_line_ = line_;
  token_column_ = begin - line_start_;
  skip(begin, end);
  // The interval is inclusive; EOF's is empty (stop = start - 1), as Lexer::emitEOF makes it.
  return std::make_unique<antlr4::CommonToken>(std::pair<antlr4::TokenSource*, antlr4::CharStream*>{this, &stream_}, type,
                                               channel, begin, end - 1);
}

}  // namespace iotlint::frontend
