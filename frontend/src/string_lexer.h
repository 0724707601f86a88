// frontend/src/string_lexer.h: the tokens of a decoded policy string, as grammar/PolicyStringLexer.g4
// defines them, by a hand-written scanner.
//
// The grammar is the specification; the generated lexer costs a lexer object, a DFA lookup under a
// lock per character and a heap-allocated token per token, about a tenth of a check's instructions
// for strings a few dozen bytes long. This scanner gives the same token sequence and is checked
// against the generated lexer token by token (string_token_check.h: unit tests, policy_string_fuzz).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace iotlint::frontend {

/// The token types of PolicyStringLexer.g4, one for one.
enum class StringTokenType : std::uint8_t {
  kEscapedStar,      ///< `${*}`
  kEscapedQuestion,  ///< `${?}`
  kEscapedDollar,    ///< `${$}`
  kVariableOpen,     ///< `${`, entering a variable
  kStar,             ///< `*`
  kQuestion,         ///< `?`
  kDollar,           ///< `$` not followed by `{`
  kText,             ///< a run of anything else
  kVariableClose,    ///< `}` ending a variable
  kVariableName,     ///< inside a variable: a run up to `}`
};

struct StringToken {
  StringTokenType type;
  std::uint32_t begin;  ///< byte offsets in the string
  std::uint32_t end;
};

/// Splits `value` into tokens, longest match first as ANTLR's lexer does; an unclosed `${` leaves
/// a kVariableOpen (and a kVariableName) without kVariableClose.
std::vector<StringToken> lexPolicyString(std::string_view value);

}  // namespace iotlint::frontend
