// frontend/src/json_tree.h: a JSON document as values with exact source ranges.
//
// The parse tree of PolicyJson.g4 is turned into this small ANTLR-free tree first; lowering to
// the policy IR (lower_policy.cpp) then works on plain data. Strings are already decoded, with
// the map back to file offsets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "frontend/parse.h"
#include "ir/diagnostic.h"
#include "ir/policy.h"

namespace iotlint::frontend {

struct JsonMember;

struct JsonValue {
  enum class Kind : unsigned char { kObject, kArray, kString, kNumber, kBool, kNull, kInvalid };
  Kind kind = Kind::kInvalid;
  ir::SourceRange range;
  ir::PolicyString string;  ///< kString: decoded value
  std::string literal;      ///< kNumber, kBool, kNull: the text as written
  std::vector<JsonMember> members;  ///< kObject, in document order (duplicates already reported)
  std::vector<JsonValue> elements;  ///< kArray

  const JsonMember* find(std::string_view key) const;
};

struct JsonMember {
  ir::PolicyString key;
  JsonValue value;
};

std::string_view kindName(JsonValue::Kind kind);

struct JsonParseResult {
  std::optional<JsonValue> root;
  /// True when the text had syntax errors that the parser could only skip over; the tree may then
  /// miss parts of the document and should not be analysed for meaning.
  bool lost_content = false;
};

/// Which reader parseJson uses.
enum class JsonReader : unsigned char {
  kStrictFirst,  ///< readStrictJson, then the generated parser when it gives up: what iotlint runs
  kGrammarOnly,  ///< the generated parser alone: the reference the strict reader is tested against
};

/// Parses `file` as JSON (after the UTF-8, size and depth checks), reporting syntax problems.
JsonParseResult parseJson(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const ParseLimits& limits,
                          JsonReader reader = JsonReader::kStrictFirst);

/// Well-formed JSON (the common case) without the generated parser: a recursive-descent reader of
/// the error-free part of grammar/PolicyJson.g4, from byte `start` (after a BOM) to the end, at
/// most `max_depth` objects and arrays deep. Gives the tree and diagnostics (string escapes,
/// duplicate keys) the generated parser and tree builder give, or nothing, having reported
/// nothing, for any text that is not strict JSON (json_reader_check.h tests the two against each
/// other). The generated parser costs a parse-tree node per rule, adaptive prediction and
/// dynamic_casts: three quarters of reading a policy.
/// When the text is strict JSON up to a `{` or `[` that opens level max_depth + 1, `too_deep_at`
/// gets its offset: the first one the generated path reports as nesting too deeply.
std::optional<JsonValue> readStrictJson(const ir::SourceFile& file, std::uint32_t start, std::uint32_t max_depth,
                                        ir::DiagnosticEngine& diagnostics,
                                        std::optional<std::uint32_t>* too_deep_at = nullptr);

/// Adds `member` to `object`. JSON parsers disagree on duplicate keys; the common choice, and the
/// one iotlint analyses, is the last value, so a duplicate replaces the earlier member and the
/// finding points at the earlier key, whose value is ignored.
void addMemberLastWins(JsonValue& object, JsonMember member, const ir::SourceFile& file,
                       ir::DiagnosticEngine& diagnostics);

/// Decodes the JSON string token at `range` (quotes included), reporting bad escapes and raw
/// control characters. Always returns a value; problems leave the offending characters as written.
ir::PolicyString decodeJsonString(const ir::SourceFile& file, ir::SourceRange range, ir::DiagnosticEngine& diagnostics);

}  // namespace iotlint::frontend
