// passes/fixes/device_scope.cpp: overly permissive findings (semantics.md §6). The offending
// Allow resource is rewritten into the narrowest grant that keeps the device's own access:
// - a thing-name position written `*`, `+`, `#`, `?...` or `${iot:ClientId}` (in
//   `$aws/things/X/...`, `$aws/commands/things/X/...`, `thing/X`) becomes
//   `${iot:Connection.Thing.ThingName}` (a trailing `*` keeps the rest: `${...ThingName}/*`);
// - Connect on `client/*`, `client/${iot:ClientId}` or another client-id wildcard becomes
//   `client/${iot:Connection.Thing.ThingName}` with the IsAttached condition;
// - a resource `*` (or `arn:...:*`, `topic/*`, `thing/*`, ...) becomes per-type resources scoped
//   to the thing, one for each resource type the statement's actions use.
// The safety proposed here is checked by the driver: safe only when SELF keeps all its own access.
#include <fmt/format.h>

#include <algorithm>

#include "ir/text.h"
#include "passes/fixes/edit_text.h"
#include "passes/fixes/fixes.h"

namespace iotlint::passes {

namespace {

using fixes::kThingNameVariable;

const std::string kThing(kThingNameVariable);

bool hasWildcard(std::string_view text) { return ir::findFirstOf(text, "*?+#") != std::string_view::npos; }

/// A thing-name position that reaches other devices.
bool broadThingPosition(std::string_view segment) {
  return segment.empty() || hasWildcard(segment) || segment == "${iot:ClientId}";
}

/// The device-scoped resources that replace a whole-type wildcard, per resource type.
std::vector<std::string> scopedResources(ResourceType type, const std::string& prefix) {
  switch (type) {
    case ResourceType::kClient: return {prefix + "client/" + kThing};
    case ResourceType::kTopic: return {prefix + "topic/$aws/things/" + kThing + "/*"};
    case ResourceType::kTopicFilter: return {prefix + "topicfilter/$aws/things/" + kThing + "/*"};
    case ResourceType::kThing: return {prefix + "thing/" + kThing, prefix + "thing/" + kThing + "/*"};
    case ResourceType::kRoleAlias: return {prefix + "rolealias/*"};
    case ResourceType::kAll: return {};
  }
  return {};
}

struct Rewrite {
  std::vector<ir::Edit> edits;
  std::string description;
  bool needs_is_attached = false;
  bool narrows_own_access = false;  ///< drops access that is SELF's (application topics, ...)
};

/// `*`, `arn:...:*`, or `arn:...:TYPE/*` (or `#` for topic filters): split into scoped resources.
std::optional<Rewrite> splitWildcard(const CheckContext& context, const ir::Statement& statement, std::size_t index,
                                     const ActionSet& actions, std::string prefix, std::optional<ResourceType> only) {
  const ir::PolicyString& resource = statement.resources.items[index];
  if (prefix.empty()) prefix = fixes::policyArnPrefix(context.policy());
  std::vector<std::string> values;
  bool types[kResourceTypeCount] = {};
  Rewrite rewrite;
  for (const auto& info : allActions()) {
    if (!actions.test(static_cast<std::size_t>(info.action))) continue;
    if (only && info.resource_type != *only) continue;
    if (info.resource_type == ResourceType::kAll) return std::nullopt;  // needs `*` itself
    types[static_cast<std::size_t>(info.resource_type)] = true;
  }
  std::string names;
  for (std::size_t t = 0; t < kResourceTypeCount; ++t) {
    if (!types[t]) continue;
    const auto type = static_cast<ResourceType>(t);
    for (auto& value : scopedResources(type, prefix)) values.push_back(std::move(value));
    if (type == ResourceType::kClient) rewrite.needs_is_attached = true;
    if (type == ResourceType::kTopic || type == ResourceType::kTopicFilter) rewrite.narrows_own_access = true;
  }
  if (values.empty()) return std::nullopt;
  auto edits = fixes::replaceItem(*context.policy().file, statement, statement.resources, index, values);
  if (!edits) return std::nullopt;
  rewrite.edits = std::move(*edits);
  std::string listed;
  for (const auto& value : values) listed += fmt::format("{}`{}`", listed.empty() ? "" : ", ", value.substr(prefix.size()));
  rewrite.description = values.size() == 1 ? fmt::format("scope `{}` to the device: {}", resource.value, listed)
                                           : fmt::format("split `{}` into resources scoped to the device: {}", resource.value, listed);
  return rewrite;
}

/// Replaces the thing-name segment starting at decoded offset `begin` of `resource`.
std::optional<Rewrite> scopeSegment(const ir::PolicyString& resource, std::size_t begin, std::string_view type_name) {
  const std::string& value = resource.value;
  std::size_t end = value.find('/', begin);
  if (end == std::string::npos) end = value.size();
  const std::string_view segment = std::string_view(value).substr(begin, end - begin);
  if (!broadThingPosition(segment)) return std::nullopt;
  std::string replacement = kThing;
  // A final `*` (or `#` in a filter) also stood for the levels below the thing: keep them.
  if (end == value.size() && (segment == "*" || segment == "#") && type_name != "thing" && type_name != "client") {
    replacement += "/" + std::string(segment);
  }
  Rewrite rewrite;
  rewrite.edits.push_back(fixes::replaceInString(resource, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), replacement));
  rewrite.description = fmt::format("replace `{}` in the thing-name position with `{}`", segment, kThing);
  return rewrite;
}

std::optional<Rewrite> rewriteResource(const CheckContext& context, const ir::Statement& statement, std::size_t index,
                                       const ActionSet& actions) {
  const ir::PolicyString& resource = statement.resources.items[index];
  const std::string& value = resource.value;
  if (value == "*") return splitWildcard(context, statement, index, actions, "", std::nullopt);
  const std::string prefix = fixes::arnPrefix(value);
  if (prefix.empty()) return std::nullopt;
  const std::string_view rest = std::string_view(value).substr(prefix.size());
  if (rest == "*") return splitWildcard(context, statement, index, actions, prefix, std::nullopt);
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view type_name = rest.substr(0, slash);
  const std::string_view name = rest.substr(slash + 1);
  const std::size_t name_begin = prefix.size() + slash + 1;
  if (type_name == "client") {
    if (!broadThingPosition(name)) return std::nullopt;
    Rewrite rewrite;
    rewrite.edits.push_back(fixes::replaceInString(resource, static_cast<std::uint32_t>(name_begin),
                                                   static_cast<std::uint32_t>(value.size()), kThing));
    rewrite.description = fmt::format("allow only the client id `{}`", kThing);
    rewrite.needs_is_attached = true;
    return rewrite;
  }
  if (type_name == "thing") {
    if (name == "*") return splitWildcard(context, statement, index, actions, prefix, ResourceType::kThing);
    return scopeSegment(resource, name_begin, type_name);
  }
  if (type_name == "topic" || type_name == "topicfilter") {
    if (name == "*" || name == "#") {
      auto rewrite = splitWildcard(context, statement, index, actions, prefix,
                                   type_name == "topic" ? ResourceType::kTopic : ResourceType::kTopicFilter);
      return rewrite;
    }
    for (std::string_view reserved : {"$aws/things/", "$aws/commands/things/"}) {
      if (name.starts_with(reserved)) return scopeSegment(resource, name_begin + reserved.size(), type_name);
    }
  }
  return std::nullopt;
}

}  // namespace

void fixDeviceScope(const CheckContext& context, ir::Diagnostic& diagnostic) {
  if (diagnostic.rule != ir::RuleId::kOverlyPermissive) return;
  const ir::Policy& policy = context.policy();
  const auto at = fixes::findResource(policy, diagnostic.range);
  if (!at) return;
  const ir::Statement& statement = policy.statements[at->statement];
  if (statement.effect != ir::Effect::kAllow || statement.not_action || statement.not_resource) return;
  const ActionSet& actions = context.analyses.getExpandActions().statements[at->statement].actions;
  if (actions.none()) return;
  auto rewrite = rewriteResource(context, statement, at->resource, actions);
  if (!rewrite) return;
  ir::Fix fix;
  fix.description = rewrite->description;
  fix.edits = std::move(rewrite->edits);
  if (rewrite->needs_is_attached) {
    auto condition = fixes::addIsAttached(*policy.file, statement);
    if (!condition) return;
    if (!condition->empty()) fix.description += " and require `iot:Connection.Thing.IsAttached`";
    for (auto& edit : *condition) fix.edits.push_back(std::move(edit));
  }
  std::sort(fix.edits.begin(), fix.edits.end(), [](const ir::Edit& x, const ir::Edit& y) { return x.range < y.range; });
  fix.safety = rewrite->narrows_own_access ? ir::FixSafety::kUnsafe : ir::FixSafety::kSafe;
  diagnostic.fixes.push_back(std::move(fix));
}

}  // namespace iotlint::passes
