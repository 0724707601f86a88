#include "frontend/src/token_check.h"

#include <antlr4-runtime.h>

#include <cstddef>

#include <fmt/format.h>

#include "HclLexer.h"
#include "PolicyJsonLexer.h"
#include "frontend/src/char_stream.h"
#include "frontend/src/hcl_token_source.h"
#include "frontend/src/json_token_source.h"

namespace iotlint::frontend {

namespace {

std::string describe(const antlr4::Token& token) {
  return fmt::format("type {} channel {} chars {}..{} line {} column {} text \"{}\"", token.getType(),
                     token.getChannel(), static_cast<std::ptrdiff_t>(token.getStartIndex()),
                     static_cast<std::ptrdiff_t>(token.getStopIndex()), token.getLine(),
                     token.getCharPositionInLine(), token.getText());
}

bool same(const antlr4::Token& a, const antlr4::Token& b) {
  return a.getType() == b.getType() && a.getChannel() == b.getChannel() && a.getStartIndex() == b.getStartIndex() &&
         a.getStopIndex() == b.getStopIndex() && a.getLine() == b.getLine() &&
         a.getCharPositionInLine() == b.getCharPositionInLine() && a.getText() == b.getText();
}

/// The part of `bytes` that the readers lex: after a UTF-8 BOM, up to the first byte that is not UTF-8.
std::string_view lexedPart(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return bytes.substr(0, findInvalidUtf8(bytes));
}

/// Lexes `bytes` with the generated lexer `Generated` and the hand-written source `HandWritten`.
template <class Generated, class HandWritten>
std::string firstMismatch(std::string_view bytes) {
  bytes = lexedPart(bytes);
  Utf8CharStream generated_stream(bytes, 0);
  Generated generated(&generated_stream);
  generated.removeErrorListeners();
  Utf8CharStream hand_written_stream(bytes, 0);
  HandWritten hand_written(hand_written_stream);
  // Once past EOF both must keep returning EOF, as CommonTokenStream may ask again.
  bool after_eof = false;
  for (std::size_t index = 0;; ++index) {
    const std::unique_ptr<antlr4::Token> expected = generated.nextToken();
    const std::unique_ptr<antlr4::Token> actual = hand_written.nextToken();
    if (!same(*expected, *actual)) {
      return fmt::format("token {}: the generated lexer gives {}, the hand-written source {}", index,
                         describe(*expected), describe(*actual));
    }
    if (expected->getType() == antlr4::Token::EOF) {
      if (after_eof) return {};
      after_eof = true;
    }
  }
}

}  // namespace

std::string describeTokenMismatch(std::string_view bytes) {
  return firstMismatch<iotlint_generated::PolicyJsonLexer, PolicyJsonTokenSource>(bytes);
}

std::string describeHclTokenMismatch(std::string_view bytes) {
  return firstMismatch<iotlint_generated::HclLexer, HclTokenSource>(bytes);
}

}  // namespace iotlint::frontend
