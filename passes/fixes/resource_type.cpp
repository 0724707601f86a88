// passes/fixes/resource_type.cpp: IL201 resource-type-mismatch, where the intent is clear: every
// action of the statement takes `topicfilter` resources and the resource is a `topic/` ARN
// (Subscribe on `topic/...`, the common bug), or every action takes `topic` and the resource is a
// `topicfilter/` ARN. The type word is swapped. Unsafe: the statement starts to grant or deny.
#include <fmt/format.h>

#include "passes/fixes/edit_text.h"
#include "passes/fixes/fixes.h"

namespace iotlint::passes {

void fixResourceType(const CheckContext& context, ir::Diagnostic& diagnostic) {
  if (diagnostic.rule != ir::RuleId::kWrongResourceType) return;
  const auto at = fixes::findResource(context.policy(), diagnostic.range);
  if (!at) return;
  const ir::Statement& statement = context.policy().statements[at->statement];
  if (statement.not_action || statement.not_resource) return;
  const ir::PolicyString& resource = statement.resources.items[at->resource];
  const std::string prefix = fixes::arnPrefix(resource.value);
  if (prefix.empty()) return;
  const ActionSet& actions = context.analyses.getExpandActions().statements[at->statement].actions;
  if (actions.none()) return;
  bool all_topic = true;
  bool all_filter = true;
  for (const auto& info : allActions()) {
    if (!actions.test(static_cast<std::size_t>(info.action))) continue;
    all_topic = all_topic && info.resource_type == ResourceType::kTopic;
    all_filter = all_filter && info.resource_type == ResourceType::kTopicFilter;
  }
  const std::string_view rest = std::string_view(resource.value).substr(prefix.size());
  std::string_view from;
  std::string_view to;
  if (all_filter && rest.starts_with("topic/")) {
    from = "topic";
    to = "topicfilter";
  } else if (all_topic && rest.starts_with("topicfilter/")) {
    from = "topicfilter";
    to = "topic";
  } else {
    return;
  }
  const auto begin = static_cast<std::uint32_t>(prefix.size());
  ir::Fix fix;
  fix.description = fmt::format("use a `{}/` resource, which {} matches", to, actionListText(actions));
  fix.safety = ir::FixSafety::kUnsafe;
  fix.edits.push_back(fixes::replaceInString(resource, begin, begin + static_cast<std::uint32_t>(from.size()), std::string(to)));
  diagnostic.fixes.push_back(std::move(fix));
}

}  // namespace iotlint::passes
