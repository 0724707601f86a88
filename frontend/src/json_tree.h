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

/// Parses `file` as JSON (after the UTF-8, size and depth checks), reporting syntax problems.
JsonParseResult parseJson(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const ParseLimits& limits);

/// Decodes the JSON string token at `range` (quotes included), reporting bad escapes and raw
/// control characters. Always returns a value; problems leave the offending characters as written.
ir::PolicyString decodeJsonString(const ir::SourceFile& file, ir::SourceRange range, ir::DiagnosticEngine& diagnostics);

}  // namespace iotlint::frontend
