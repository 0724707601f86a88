// passes/fixes/receive_deny.cpp: potential misconfiguration, reason
// TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS: a Deny on Subscribe for a subtree that
// a wildcard filter still reaches. The fix adds, right after the Deny, a Deny of `iot:Receive` on
// the same subtree as topics, which blocks delivery whatever filter the device subscribes with.
// Unsafe: SELF loses messages it received before (that is the point, but it is a change).
#include <fmt/format.h>

#include "ir/text.h"
#include "passes/fixes/edit_text.h"
#include "passes/fixes/fixes.h"

namespace iotlint::passes {

void fixReceiveDeny(const CheckContext& context, ir::Diagnostic& diagnostic) {
  if (diagnostic.rule != ir::RuleId::kPotentialMisconfiguration) return;
  const auto reason = diagnostic.properties.find("reasonCode");
  if (reason == diagnostic.properties.end() || reason->second != "TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS") return;
  const ir::Policy& policy = context.policy();
  const auto at = fixes::findResource(policy, diagnostic.range);
  if (!at) return;
  const ir::Statement& statement = policy.statements[at->statement];
  if (statement.effect != ir::Effect::kDeny || statement.not_resource || !statement.conditions.empty()) return;
  const std::string& value = statement.resources.items[at->resource].value;
  const std::string prefix = fixes::arnPrefix(value);
  if (prefix.empty()) return;
  const std::string_view rest = std::string_view(value).substr(prefix.size());
  if (!rest.starts_with("topicfilter/")) return;
  const std::string_view subtree = rest.substr(std::string_view("topicfilter/").size());
  if (subtree.empty() || ir::findFirstOf(subtree, "+#") != std::string_view::npos) return;
  const std::string topic = prefix + "topic/" + std::string(subtree);
  auto edit = fixes::insertStatementAfter(*policy.file, policy, statement,
                                          {{"Effect", {"Deny"}}, {"Action", {"iot:Receive"}}, {"Resource", {topic}}});
  if (!edit) return;
  ir::Fix fix;
  fix.description = fmt::format("also deny `iot:Receive` on `topic/{}`", subtree);
  fix.safety = ir::FixSafety::kUnsafe;
  fix.edits.push_back(std::move(*edit));
  diagnostic.fixes.push_back(std::move(fix));
}

}  // namespace iotlint::passes
