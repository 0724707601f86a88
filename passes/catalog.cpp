#include "passes/catalog.h"

#include <algorithm>
#include <array>
#include <vector>

#include "ir/text.h"

namespace iotlint::passes {

namespace {

constexpr std::array kActions = {
#define IOT_ACTION(enumerator, name, resource_type) \
  ActionInfo{Action::k##enumerator, name, ResourceType::k##resource_type},
#include "passes/actions.def"
#undef IOT_ACTION
};

constexpr std::array<std::string_view, kResourceTypeCount> kPrefixes = {
#define RESOURCE_TYPE(enumerator, prefix) prefix,
#include "passes/resource_types.def"
#undef RESOURCE_TYPE
};


}  // namespace

std::span<const ActionInfo> allActions() { return kActions; }
const ActionInfo& actionInfo(Action action) { return kActions[static_cast<std::size_t>(action)]; }
std::string_view actionName(Action action) { return actionInfo(action).name; }
ResourceType resourceTypeOf(Action action) { return actionInfo(action).resource_type; }
std::string_view resourceTypePrefix(ResourceType type) { return kPrefixes[static_cast<std::size_t>(type)]; }

std::string_view resourceTypeDisplayName(ResourceType type) {
  switch (type) {
    case ResourceType::kClient: return "client";
    case ResourceType::kTopic: return "topic";
    case ResourceType::kTopicFilter: return "topicfilter";
    case ResourceType::kThing: return "thing";
    case ResourceType::kRoleAlias: return "rolealias";
    case ResourceType::kAll: return "`*`";
  }
  return "";
}

bool actionPatternMatches(std::string_view pattern, std::string_view action) {
  // Iterative glob match with single-star backtracking: O(|pattern| * |action|) worst case.
  std::size_t p = 0;
  std::size_t a = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (a < action.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || ir::asciiLower(pattern[p]) == ir::asciiLower(action[a]))) {
      ++p;
      ++a;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = a;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      a = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

ActionSet expandActionPattern(std::string_view pattern) {
  ActionSet set;
  // Most actions are written out: a case-insensitive comparison, which mostly stops at the length,
  // and names no other action once it names one.
  if (ir::findFirstOf(pattern, "*?") == std::string_view::npos) {
    for (const auto& info : kActions) {
      if (pattern.size() == info.name.size() && ir::equalsIgnoringCase(pattern, info.name)) {
        set.set(static_cast<std::size_t>(info.action));
        break;
      }
    }
    return set;
  }
  for (const auto& info : kActions) {
    if (actionPatternMatches(pattern, info.name)) set.set(static_cast<std::size_t>(info.action));
  }
  return set;
}

ActionSet complementOf(const ActionSet& actions) { return ~actions; }

std::optional<Action> closestAction(std::string_view text) {
  if (ir::findFirstOf(text, "*?") != std::string_view::npos) return std::nullopt;
  const std::size_t limit = text.size() > 16 ? 3 : 2;
  std::optional<Action> best;
  std::size_t best_distance = limit + 1;
  bool tie = false;
  for (const auto& info : kActions) {
    const std::size_t distance = ir::editDistance(text, info.name, ir::Case::kIgnored);
    if (distance < best_distance) {
      best = info.action;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance) {
      tie = true;
    }
  }
  if (tie || best_distance > limit) return std::nullopt;
  return best;
}

std::string actionListText(const ActionSet& set) {
  std::string text;
  for (const auto& info : kActions) {
    if (!set.test(static_cast<std::size_t>(info.action))) continue;
    if (!text.empty()) text += ", ";
    text += info.name;
  }
  return text;
}

}  // namespace iotlint::passes
