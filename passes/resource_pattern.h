// passes/resource_pattern.h: policy strings read as globs, and resources read as ARNs.
//
// A resource or condition value is a sequence of atoms: bytes, `*`, `?` and policy variables.
// Under `Version: 2012-10-17`, `${name}` is a variable and `${*}`, `${?}`, `${$}` are the
// literal characters; under `2008-10-17` or without a Version, all of `${...}` is literal text
// (its `*` and `?` stay wildcards), as IAM reads it [§2.2, §3.4].
//
// A resource is `*` or `arn:PARTITION:iot:REGION:ACCOUNT:TYPE/NAME`. The resource part (after the
// fifth colon) is kept as one glob over "TYPE/NAME"; the names of one type are its left quotient
// by "TYPE/", computed on the glob itself (Brzozowski-style derivatives of a glob by a byte),
// which keeps wildcards that span the type, such as `arn:aws:iot:*:*:*` or `...:t*`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/policy.h"
#include "passes/catalog.h"
#include "passes/variables.h"

namespace iotlint::passes {

struct PatternAtom {
  enum class Kind : std::uint8_t {
    kByte,         ///< exactly `byte`
    kAnySequence,  ///< `*`
    kAnyOne,       ///< `?`
    kVariable,     ///< a policy variable: ResolvedString::variables[variable]
  };
  Kind kind = Kind::kByte;
  char byte = 0;
  std::uint32_t variable = 0;
  friend bool operator==(const PatternAtom&, const PatternAtom&) = default;
};
using Pattern = std::vector<PatternAtom>;

/// One `${...}` variable of a string.
struct VariableUse {
  std::string name;            ///< as written, without `${` and `}`
  VariableClass classification;
  ir::SourceRange range;       ///< the whole `${...}` in the file
};

/// A policy string read as a glob.
struct ResolvedString {
  Pattern atoms;
  std::vector<VariableUse> variables;
  /// Under a legacy Version, the string held `${...}` that was read as literal text.
  bool legacy_literal = false;
};

/// Splits a decoded string into parts the way the string grammar does (for strings whose parts
/// were not filled, e.g. hand-built IR in tests). Offsets are decoded offsets.
std::vector<ir::StringPart> splitPolicyString(std::string_view value);

/// Decoded offset where an ARN's resource part (after the fifth colon) starts, counting colons in
/// literal text only; npos when the string has fewer than five.
std::size_t resourcePartBegin(const ir::PolicyString& resource);

/// Reads `string` (its parts, or splitPolicyString(value) when it has none) under `version`.
ResolvedString resolveString(const ir::PolicyString& string, ir::PolicyVersion version);

struct ParsedResource {
  enum class Form : std::uint8_t {
    kStar,         ///< `*`: every resource of every type
    kArn,          ///< an IoT ARN; `resource_part` holds "TYPE/NAME"
    kMalformed,    ///< neither (reported by the frontend as IL119); matches nothing
    kNotIot,       ///< an ARN of another service or partition; matches no IoT resource
    kMisplacedVariable,  ///< a variable in partition/service/region/account (IL203); matches nothing
  };
  Form form = Form::kMalformed;
  Pattern resource_part;
  /// Indices (into ResolvedString::variables) of variables before the fifth colon.
  std::vector<std::uint32_t> misplaced_variables;
};

ParsedResource parseResource(const ResolvedString& resource);

/// The globs whose union is the set of NAMEs such that "TYPE/NAME" is matched by the resource
/// (for kAll: `*` when the resource is `*`-like, else nothing). Empty: the type cannot match.
std::vector<Pattern> namesForType(const ParsedResource& resource, ResourceType type);

/// Glob match of a pattern without variables (a variable atom never matches) against text.
bool globMatches(const Pattern& pattern, std::string_view text);

/// Debug text of a pattern: bytes as is, `*`, `?`, `${name}` for variables.
std::string patternText(const Pattern& pattern, const std::vector<VariableUse>& variables);

}  // namespace iotlint::passes
