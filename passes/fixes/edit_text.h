// passes/fixes/edit_text.h: building edits that keep the user's formatting (internal to passes/fixes).
//
// Every helper works on the original bytes: it reads the file's own newline (LF or CRLF), the
// indentation of the surrounding members (spaces or tabs, any width), whether the surrounding
// object is written on one line, and the spacing around `:`, and writes new text the same way.
// A helper that cannot tell how to edit the text returns nothing rather than guess; the driver
// re-parses every result anyway.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "ir/source.h"

namespace iotlint::passes::fixes {

inline constexpr std::string_view kThingNameVariable = "${iot:Connection.Thing.ThingName}";
inline constexpr std::string_view kIsAttachedKey = "iot:Connection.Thing.IsAttached";

/// `value` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view value);

/// Replaces the decoded bytes [begin, end) of `string` with `text` (already valid inside a JSON
/// string: the callers only insert ASCII without quotes or backslashes).
ir::Edit replaceInString(const ir::PolicyString& string, std::uint32_t begin, std::uint32_t end, std::string text);

/// Replaces item `index` of `list` with `values` (one or more strings): in place in an array, one
/// per line when the array is written one item per line; a scalar becomes an array.
std::optional<std::vector<ir::Edit>> replaceItem(const ir::SourceFile& file, const ir::Statement& statement,
                                                 const ir::StringList& list, std::size_t index,
                                                 const std::vector<std::string>& values);

/// The edits that add `"Bool": {"iot:Connection.Thing.IsAttached": "true"}` to `statement`,
/// merged into its `Condition` block and its `Bool` operator when they exist. Returns an empty
/// list when the condition is already there, and nothing when the statement holds a conflicting
/// IsAttached condition or its text cannot be edited safely.
std::optional<std::vector<ir::Edit>> addIsAttached(const ir::SourceFile& file, const ir::Statement& statement);

/// One member of a new statement: key and value(s) (a single value is written as a string).
struct NewMember {
  std::string key;
  std::vector<std::string> values;
};

/// An edit inserting a new statement, made of `members`, right after `statement` in the Statement
/// array, formatted like `statement`. Nothing when the policy's Statement is a single object.
std::optional<ir::Edit> insertStatementAfter(const ir::SourceFile& file, const ir::Policy& policy,
                                             const ir::Statement& statement, const std::vector<NewMember>& members);

/// The ARN prefix (`arn:PARTITION:iot:REGION:ACCOUNT:`) of `value`, or empty when it has none.
std::string arnPrefix(std::string_view value);
/// A prefix for new resources of `policy`: the first ARN prefix found in its resources, else
/// `arn:aws:iot:*:*:`.
std::string policyArnPrefix(const ir::Policy& policy);

/// The statement of `policy` whose resource string contains `range`: {statement, resource}.
struct ResourceAt {
  std::size_t statement = 0;
  std::size_t resource = 0;
};
std::optional<ResourceAt> findResource(const ir::Policy& policy, ir::SourceRange range);
/// The statement of `policy` whose range contains `range`.
std::optional<std::size_t> findStatement(const ir::Policy& policy, ir::SourceRange range);

}  // namespace iotlint::passes::fixes
