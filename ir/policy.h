// ir/policy.h: the policy IR, as the frontend lowers it from a document.
//
// The IR keeps what the user wrote (every element's exact source range, scalar-versus-array
// values) and what it means after JSON decoding (escapes like `\u0024` and `\/` resolved), with
// a map from decoded offsets back to file offsets so that a finding inside a string points at the
// exact characters. Strings that hold resources or condition values are also split into parts
// (literal text, `*`, `?`, `${...}` variables, `${*}`-style escapes) by the string grammar.
//
// The IR is only built for documents whose structure is sound enough to analyse: elements of the
// wrong type or unknown elements are reported by the frontend and left out of the IR.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ir/source.h"

namespace iotlint::ir {

/// One piece of a policy string, as the string grammar reads it.
struct StringPart {
  enum class Kind : std::uint8_t {
    kLiteral,      ///< text, matched literally
    kAnySequence,  ///< `*`
    kAnyOne,       ///< `?`
    kEscape,       ///< `${*}`, `${?}` or `${$}`: `text` holds the literal character
    kVariable,     ///< `${name}`: `text` holds the name, without `${` and `}`
  };
  Kind kind = Kind::kLiteral;
  std::string text;
  /// Decoded byte offsets of this part in PolicyString::value.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// A JSON string of the policy: its decoded value, where it sits in the file, and its parts.
struct PolicyString {
  std::string value;      ///< decoded (JSON escapes resolved), UTF-8
  SourceRange range;      ///< the whole JSON string token, quotes included
  /// File offset of each decoded byte, plus one entry for the end; empty when the string has no
  /// escapes (then decoded offset i is at range.begin + 1 + i).
  std::vector<std::uint32_t> file_offsets;
  std::vector<StringPart> parts;  ///< filled for resources and condition values

  /// The file range of decoded bytes [begin, end).
  SourceRange rangeOf(std::uint32_t begin, std::uint32_t end) const;
  /// The file range of the string's content, quotes excluded.
  SourceRange contentRange() const { return rangeOf(0, static_cast<std::uint32_t>(value.size())); }
};

/// A value that may be written as one string or as an array of strings.
struct StringList {
  std::vector<PolicyString> items;
  bool scalar = false;      ///< written as a single string, not an array
  SourceRange key_range;    ///< the element's key, e.g. `"Resource"`
  SourceRange value_range;  ///< the whole value (the string, or the array with its brackets)
};

enum class Effect : std::uint8_t { kAllow, kDeny };

/// One `Operator: { Key: Value(s) }` entry of a Condition block.
struct Condition {
  PolicyString op;   ///< e.g. `Bool`, `StringLike`, `ForAllValues:StringEquals`
  PolicyString key;  ///< e.g. `iot:Connection.Thing.IsAttached` (case-insensitive)
  StringList values; ///< booleans and numbers are kept as their JSON text
};

struct Statement {
  std::uint32_t index = 0;  ///< 0-based position in the Statement array
  SourceRange range;        ///< the statement object
  std::optional<PolicyString> sid;
  Effect effect = Effect::kAllow;
  SourceRange effect_range;  ///< the Effect value
  bool not_action = false;   ///< the actions came from `NotAction`
  StringList actions;
  bool not_resource = false;  ///< the resources came from `NotResource`
  StringList resources;
  std::vector<Condition> conditions;
  SourceRange condition_range;  ///< the Condition object, empty when there is none
};

/// The policy language version, which decides whether `${...}` is a variable.
enum class PolicyVersion : std::uint8_t {
  kMissing,   ///< no `Version`: variables are literal text
  kV2008,     ///< `2008-10-17`: variables are literal text
  kV2012,     ///< `2012-10-17`
};

struct Policy {
  const SourceFile* file = nullptr;
  SourceRange range;  ///< the policy document object
  PolicyVersion version = PolicyVersion::kMissing;
  std::optional<PolicyString> version_string;
  std::vector<Statement> statements;
  bool statement_scalar = false;  ///< `Statement` written as one object, not an array
  SourceRange statement_value_range;
  /// A name for the policy when the input carries one (a template's resource, a file name).
  std::string name;
};

}  // namespace iotlint::ir
