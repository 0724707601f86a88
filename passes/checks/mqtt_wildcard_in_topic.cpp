// passes/checks/mqtt_wildcard_in_topic.cpp: IL209 mqtt-wildcard-in-topic.
//
// `+` and `#` are literal characters in a policy (reference §4.2), and publishing clients cannot
// put wildcards in a topic name, so a `topic/` resource holding one never matches the topic of a
// Publish, Receive or RetainPublish request: in an Allow it grants nothing there, in a Deny it
// blocks nothing, in a NotResource list it excludes nothing. Reported for Allow statements only:
// wildcards in Deny statements are the misconfiguration check's
// `POLICY_CONTAINS_MQTT_WILDCARDS_IN_DENY_STATEMENT`, which mirrors Device Defender, and one
// character deserves one finding.
#include <fmt/format.h>

#include "passes/checks/check.h"

namespace iotlint::passes {

namespace {


/// Decoded offset of the first literal `+` or `#` at or after `from`, or npos.
std::size_t firstMqttWildcard(const ir::PolicyString& resource, std::size_t from) {
  const std::vector<ir::StringPart> split = resource.parts.empty() ? splitPolicyString(resource.value) : std::vector<ir::StringPart>{};
  const std::vector<ir::StringPart>& parts = resource.parts.empty() ? split : resource.parts;
  for (const auto& part : parts) {
    if (part.kind != ir::StringPart::Kind::kLiteral) continue;
    for (std::size_t i = 0; i < part.text.size(); ++i) {
      if ((part.text[i] == '+' || part.text[i] == '#') && part.begin + i >= from) return part.begin + i;
    }
  }
  return std::string::npos;
}

std::string listed(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += fmt::format("`{}`", names[i]);
  }
  return text;
}

}  // namespace

void checkMqttWildcardInTopic(const CheckContext& context) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr) return;
  const ActionsResult& actions = context.analyses.getExpandActions();
  for (std::size_t s = 0; s < policy.statements.size(); ++s) {
    const ir::Statement& statement = policy.statements[s];
    if (statement.effect != ir::Effect::kAllow) continue;
    std::vector<std::string_view> concerned;
    for (Action action : {Action::kPublish, Action::kReceive, Action::kRetainPublish}) {
      if (actions.statements[s].actions.test(static_cast<std::size_t>(action))) concerned.push_back(actionName(action));
    }
    if (concerned.empty()) continue;
    for (const auto& resource : statement.resources.items) {
      const std::size_t begin = resourcePartBegin(resource);
      if (begin == std::string::npos || !std::string_view(resource.value).substr(begin).starts_with("topic/")) continue;
      const std::size_t at = firstMqttWildcard(resource, begin + 6);
      if (at == std::string::npos) continue;
      const char wildcard = resource.value[at];
      std::string consequence;
      if (statement.not_resource) {
        consequence = "this `NotResource` entry excludes no topic";
      } else {
        consequence = fmt::format("this resource grants {} on no topic", listed(concerned));
      }
      const std::string hint = wildcard == '#' ? "write `*` to match every topic under this prefix"
                                               : "write `*` to match any characters here (it also matches `/`)";
      context.diagnostics().report(
          ir::RuleId::kMqttWildcardInTopic, context.file(), resource.rangeOf(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 1)),
          fmt::format("`{}` is a literal character in a policy, and published topic names never contain it, so {}; {}",
                      wildcard, consequence, hint));
    }
  }
}

}  // namespace iotlint::passes
