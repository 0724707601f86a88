// frontend/src/string_token_check.h: the hand-written policy string scanner (string_lexer.h)
// checked against the lexer ANTLR generates from grammar/PolicyStringLexer.g4, for the unit and
// fuzz tests. ANTLR-free, so that tests outside frontend/src can call it; only they link it in.
#pragma once

#include <string>
#include <string_view>

namespace iotlint::frontend {

/// Lexes `value` (a decoded policy string, valid UTF-8) with both lexers and describes the first
/// token whose type or byte range differ. Empty when the two token sequences are identical.
std::string describeStringTokenMismatch(std::string_view value);

}  // namespace iotlint::frontend
