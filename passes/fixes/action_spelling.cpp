// passes/fixes/action_spelling.cpp: IL200 unknown-action: a misspelled action with exactly one
// close catalog match (the "did you mean" of the finding) is replaced by that action.
// Unsafe: the statement starts granting (or denying) the action, which changes behaviour.
#include <fmt/format.h>

#include "ir/text.h"
#include "passes/fixes/edit_text.h"
#include "passes/fixes/fixes.h"

namespace iotlint::passes {

namespace {

bool hasIotPrefix(std::string_view action) {
  const auto colon = action.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string prefix = ir::asciiLowered(action.substr(0, colon));
  return prefix == "iot" || prefix == "iotjobsdata";
}

}  // namespace

void fixActionSpelling(const CheckContext& context, ir::Diagnostic& diagnostic) {
  if (diagnostic.rule != ir::RuleId::kUnknownAction) return;
  for (const auto& statement : context.policy().statements) {
    for (const auto& entry : statement.actions.items) {
      if (!entry.range.contains(diagnostic.range)) continue;
      if (!hasIotPrefix(entry.value) || ir::findFirstOf(entry.value, "*?") != std::string::npos) return;
      const std::optional<Action> closest = closestAction(entry.value);
      if (!closest) return;
      const std::string_view name = actionName(*closest);
      ir::Fix fix;
      fix.description = fmt::format("replace `{}` with `{}`", entry.value, name);
      fix.safety = ir::FixSafety::kUnsafe;
      fix.edits.push_back(fixes::replaceInString(entry, 0, static_cast<std::uint32_t>(entry.value.size()), std::string(name)));
      diagnostic.fixes.push_back(std::move(fix));
      return;
    }
  }
}

}  // namespace iotlint::passes
