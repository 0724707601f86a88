// frontend/src/json_token_source.h: the tokens of grammar/PolicyJson.g4, scanned by hand.
//
// The generated ANTLR lexer simulates its ATN through a locked DFA cache for every character and
// was most of the cost of parsing a policy. This scanner implements the same lexer rules
// directly and hands the generated parser exactly the tokens the generated lexer would: same
// types, channels, character indices, lines and columns (in code points), same EOF token. The
// grammar stays the specification; json_token_source_test compares the two on every golden
// input, the fuzz corpus and thousands of random strings.
#pragma once

#include <antlr4-runtime.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "frontend/src/char_stream.h"

namespace iotlint::frontend {

class PolicyJsonTokenSource final : public antlr4::TokenSource {
 public:
  /// `stream` must outlive the source and every token it makes (tokens read their text from it).
  explicit PolicyJsonTokenSource(Utf8CharStream& stream);

  std::unique_ptr<antlr4::Token> nextToken() override;
  /// Line and column of the token being made (before the first call: 1 and 0), as a lexer reports.
  std::size_t getLine() const override { return token_line_; }
  std::size_t getCharPositionInLine() override { return token_column_; }
  antlr4::CharStream* getInputStream() override { return &stream_; }
  std::string getSourceName() override { return stream_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override { return antlr4::CommonTokenFactory::DEFAULT.get(); }

 private:
  Utf8CharStream& stream_;
  std::u32string_view text_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;  ///< index of the first code point of the current line
  std::size_t token_line_ = 1;
  std::size_t token_column_ = 0;
};

}  // namespace iotlint::frontend
