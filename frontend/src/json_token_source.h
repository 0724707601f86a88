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

#include "frontend/src/scanned_token_source.h"

namespace iotlint::frontend {

class PolicyJsonTokenSource final : public ScannedTokenSource {
 public:
  /// `stream` must outlive the source and every token it makes (tokens read their text from it).
  explicit PolicyJsonTokenSource(Utf8CharStream& stream);

  std::unique_ptr<antlr4::Token> nextToken() override;

 private:
  std::u32string_view text_;
  std::size_t position_ = 0;
};

}  // namespace iotlint::frontend
