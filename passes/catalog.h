// passes/catalog.h: the AWS IoT actions a device policy can grant, and their resource types.
//
// The lists are closed and declared once (actions.def, resource_types.def); switch over them
// without a `default` so that adding an entry breaks the build where it must be handled.
// Action patterns (`iot:*`, `IOT:get*`, `*`) are IAM globs matched case-insensitively against
// the catalog; `NotAction` is the catalog minus what its patterns match.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace iotlint::passes {

enum class ResourceType : std::uint8_t {
#define RESOURCE_TYPE(enumerator, prefix) k##enumerator,
#include "passes/resource_types.def"
#undef RESOURCE_TYPE
};

enum class Action : std::uint8_t {
#define IOT_ACTION(enumerator, name, resource_type) k##enumerator,
#include "passes/actions.def"
#undef IOT_ACTION
};

inline constexpr std::size_t kActionCount = 0
#define IOT_ACTION(enumerator, name, resource_type) +1
#include "passes/actions.def"
#undef IOT_ACTION
    ;

inline constexpr std::size_t kResourceTypeCount = 0
#define RESOURCE_TYPE(enumerator, prefix) +1
#include "passes/resource_types.def"
#undef RESOURCE_TYPE
    ;

struct ActionInfo {
  Action action;
  std::string_view name;
  ResourceType resource_type;
};

/// A set of catalog actions.
using ActionSet = std::bitset<kActionCount>;

std::span<const ActionInfo> allActions();
const ActionInfo& actionInfo(Action action);
std::string_view actionName(Action action);
ResourceType resourceTypeOf(Action action);
/// The ARN TYPE of a resource type ("client", "topic", ...; "" for kAll).
std::string_view resourceTypePrefix(ResourceType type);
/// A name for messages: "client", ..., "`*`" for kAll.
std::string_view resourceTypeDisplayName(ResourceType type);

/// Every catalog action whose name the IAM action pattern matches (case-insensitive, `*` any
/// sequence, `?` one character).
ActionSet expandActionPattern(std::string_view pattern);
/// The catalog minus what any of `patterns` matches.
ActionSet complementOf(const ActionSet& actions);

/// Case-insensitive IAM glob match of an action pattern against an action name.
bool actionPatternMatches(std::string_view pattern, std::string_view action);

/// The catalog action closest to `text` by case-insensitive edit distance, when exactly one is
/// within a small distance (at most 2, or 3 for long names) and `text` has no wildcard.
std::optional<Action> closestAction(std::string_view text);

/// The actions in `set`, rendered `iot:Connect, iot:Publish` (catalog order).
std::string actionListText(const ActionSet& set);

}  // namespace iotlint::passes
