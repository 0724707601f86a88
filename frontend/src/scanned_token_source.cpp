#include "frontend/src/scanned_token_source.h"

#include <string_view>

namespace iotlint::frontend {

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
