// frontend/parse.h: from a file's bytes to the policy IR, with every problem located.
//
// The only entry points of the frontend. No ANTLR type appears here or in any header the other
// layers include: the generated parsers stay behind these functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "ir/source.h"

namespace iotlint::frontend {

/// Limits that keep hostile input from exhausting the stack or memory.
struct ParseLimits {
  std::uint32_t max_file_bytes = 16U * 1024U * 1024U;
  std::uint32_t max_nesting_depth = 64;
};

/// Parses `file` as a policy document. Every problem (invalid UTF-8, JSON syntax, structure,
/// malformed ARNs and variables) is reported to `diagnostics`, and analysis continues past it
/// where it can: the returned policy holds every statement that was sound enough to lower.
/// Returns nothing when the file is not a JSON object at all.
std::optional<ir::Policy> parsePolicy(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                      const ParseLimits& limits = {});

/// Splits a decoded policy string into parts (literal text, `*`, `?`, `${...}`, escapes) with the
/// string grammar. A malformed `${` is reported through `diagnostics` against `string`'s range
/// and kept as literal text.
std::vector<ir::StringPart> parseStringParts(const ir::PolicyString& string, const ir::SourceFile& file,
                                             ir::DiagnosticEngine& diagnostics);

}  // namespace iotlint::frontend
