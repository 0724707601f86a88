// passes/fixes/connect_is_attached.cpp: IL207 connect-without-is-attached: adds
// `"Bool": {"iot:Connection.Thing.IsAttached": "true"}` to the Connect statement, merged into
// its Condition block (and its Bool operator) when there is one. Safe: Connect on
// `client/${iot:Connection.Thing.ThingName}` only ever served an attached thing.
#include "passes/fixes/edit_text.h"
#include "passes/fixes/fixes.h"

namespace iotlint::passes {

void fixConnectIsAttached(const CheckContext& context, ir::Diagnostic& diagnostic) {
  if (diagnostic.rule != ir::RuleId::kConnectWithoutIsAttached) return;
  const auto index = fixes::findStatement(context.policy(), diagnostic.range);
  if (!index) return;
  const ir::Statement& statement = context.policy().statements[*index];
  if (statement.effect != ir::Effect::kAllow) return;
  auto edits = fixes::addIsAttached(*context.policy().file, statement);
  if (!edits || edits->empty()) return;
  ir::Fix fix;
  fix.description = "add the condition `Bool` `iot:Connection.Thing.IsAttached` `true`";
  fix.safety = ir::FixSafety::kSafe;
  fix.edits = std::move(*edits);
  diagnostic.fixes.push_back(std::move(fix));
}

}  // namespace iotlint::passes
