#include "frontend/src/string_token_check.h"

#include <antlr4-runtime.h>

#include <fmt/format.h>

#include "PolicyStringLexer.h"
#include "frontend/src/char_stream.h"
#include "frontend/src/string_lexer.h"

namespace iotlint::frontend {

namespace {

using iotlint_generated::PolicyStringLexer;

/// The generated lexer's token type for each StringTokenType, in declaration order.
constexpr std::size_t kGeneratedTypes[] = {
    PolicyStringLexer::ESCAPED_STAR, PolicyStringLexer::ESCAPED_QUESTION, PolicyStringLexer::ESCAPED_DOLLAR,
    PolicyStringLexer::VARIABLE_OPEN, PolicyStringLexer::STAR, PolicyStringLexer::QUESTION,
    PolicyStringLexer::DOLLAR, PolicyStringLexer::TEXT, PolicyStringLexer::VARIABLE_CLOSE,
    PolicyStringLexer::VARIABLE_NAME,
};

}  // namespace

std::string describeStringTokenMismatch(std::string_view value) {
  Utf8CharStream stream(value, 0);
  PolicyStringLexer generated(&stream);
  generated.removeErrorListeners();
  const std::vector<std::unique_ptr<antlr4::Token>> expected = generated.getAllTokens();
  const std::vector<StringToken> actual = lexPolicyString(value);
  for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    const std::string want =
        i < expected.size()
            ? fmt::format("type {} bytes {}..{}", expected[i]->getType(), stream.byteOffset(expected[i]->getStartIndex()),
                          stream.byteOffset(expected[i]->getStopIndex() + 1))
            : "no token";
    const std::string got =
        i < actual.size() ? fmt::format("type {} bytes {}..{}", kGeneratedTypes[static_cast<std::size_t>(actual[i].type)],
                                        actual[i].begin, actual[i].end)
                          : "no token";
    if (want != got) return fmt::format("token {}: the generated lexer gives {}, the hand-written one {}", i, want, got);
  }
  return {};
}

}  // namespace iotlint::frontend
