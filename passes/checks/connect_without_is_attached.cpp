// passes/checks/connect_without_is_attached.cpp: IL207 connect-without-is-attached.
//
// An Allow of `iot:Connect` on exactly `client/${iot:Connection.Thing.ThingName}` whose statement
// lacks `Bool iot:Connection.Thing.IsAttached "true"`. The thing name only resolves for a thing
// attached to the principal, so the grant is not broad (semantics.md §3); but AWS's compliant
// example carries the condition, and Device Defender may flag the form without it (reference
// §6, open question 2). Wider client resources are the overly-permissive check's business.
#include <fmt/format.h>

#include <algorithm>

#include "ir/text.h"
#include "passes/checks/check.h"

namespace iotlint::passes {

namespace {

bool hasIsAttachedTrue(const ir::Statement& statement) {
  return std::any_of(statement.conditions.begin(), statement.conditions.end(), [](const ir::Condition& condition) {
    return ir::equalsIgnoringCase(condition.op.value, "Bool") &&
           ir::equalsIgnoringCase(condition.key.value, "iot:Connection.Thing.IsAttached") && !condition.values.items.empty() &&
           std::all_of(condition.values.items.begin(), condition.values.items.end(),
                       [](const ir::PolicyString& value) { return ir::equalsIgnoringCase(value.value, "true"); });
  });
}

/// The resource's client ids are exactly `${iot:Connection.Thing.ThingName}`.
bool isOwnThingNameClient(const ResourceNames& names, const ResolvedString& resolved) {
  const auto& clients = names.names[static_cast<std::size_t>(ResourceType::kClient)];
  if (names.parsed.form != ParsedResource::Form::kArn || clients.size() != 1 || clients.front().size() != 1) return false;
  const PatternAtom& atom = clients.front().front();
  return atom.kind == PatternAtom::Kind::kVariable && atom.variable < resolved.variables.size() &&
         resolved.variables[atom.variable].classification.kind == VariableKind::kThingName;
}

}  // namespace

void checkConnectWithoutIsAttached(const CheckContext& context) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr) return;
  const ActionsResult& actions = context.analyses.getExpandActions();
  const VariablesResult& variables = context.analyses.getResolveVariables();
  const ResourcesResult& resources = context.analyses.getParseResources();
  for (std::size_t s = 0; s < policy.statements.size(); ++s) {
    const ir::Statement& statement = policy.statements[s];
    if (statement.effect != ir::Effect::kAllow || statement.not_resource) continue;
    if (!actions.statements[s].actions.test(static_cast<std::size_t>(Action::kConnect))) continue;
    if (hasIsAttachedTrue(statement)) continue;
    for (std::size_t j = 0; j < statement.resources.items.size(); ++j) {
      if (!isOwnThingNameClient(resources.statements[s].resources[j], variables.statements[s].resources[j])) continue;
      context.diagnostics().report(
          ir::RuleId::kConnectWithoutIsAttached, context.file(), statement.resources.items[j].contentRange(),
          "`iot:Connect` on `client/${iot:Connection.Thing.ThingName}` without the condition "
          "`\"Bool\": {\"iot:Connection.Thing.IsAttached\": \"true\"}`; add it so that only a thing attached to the "
          "certificate connects, with its thing name as the client id");
    }
  }
}

}  // namespace iotlint::passes
