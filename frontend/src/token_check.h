// frontend/src/token_check.h: the hand-written token sources checked against the lexers ANTLR
// generates from grammar/PolicyJson.g4 and grammar/HclLexer.g4, for the unit and fuzz tests.
// ANTLR-free, so that tests outside frontend/src can call them; only they link them in.
#pragma once

#include <string>
#include <string_view>

namespace iotlint::frontend {

/// Lexes `bytes` as parseJson does (after a UTF-8 BOM, up to the first byte that is not UTF-8)
/// with both lexers and describes the first token whose type, channel, indices, line, column or
/// text differ. Empty when the two token streams are identical, EOF token included.
std::string describeTokenMismatch(std::string_view bytes);

/// The same comparison for HCL, lexing `bytes` as parseHcl does, with HclTokenSource.
std::string describeHclTokenMismatch(std::string_view bytes);

}  // namespace iotlint::frontend
