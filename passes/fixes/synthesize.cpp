// passes/fixes/synthesize.cpp: runs every fix kind of fixes.def over a policy's findings.
#include "passes/fixes/fixes.h"

namespace iotlint::passes {


FixContract fixContractOf(ir::RuleId rule) {
  const bool intent = rule == ir::RuleId::kUnknownAction || rule == ir::RuleId::kWrongResourceType;
  return intent ? FixContract::kIntent : FixContract::kNarrowing;
}

namespace {

/// The policy is written as plain JSON in the file (a policy document, or a JSON template), not
/// inside a JSON string, YAML or HCL: its keys are quoted tokens and its statements objects. The
/// edits of fixes are JSON text; elsewhere they would need that layer's own quoting.
bool writtenAsJson(const ir::Policy& policy) {
  for (const auto& statement : policy.statements) {
    const std::string_view key = policy.file->text(statement.actions.key_range);
    const std::string_view object = policy.file->text(statement.range);
    const bool quoted_key = key == "\"Action\"" || key == "\"NotAction\"";
    if (!quoted_key || object.size() < 2 || object.front() != '{' || object.back() != '}') return false;
  }
  return true;
}

}  // namespace

void synthesizeFixes(const CheckContext& context, std::span<ir::Diagnostic> diagnostics) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr || !writtenAsJson(policy)) return;
  for (ir::Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.file != policy.file || !diagnostic.fixes.empty()) continue;
    if (!policy.range.contains(diagnostic.range)) continue;
#define FIX_KIND(function) function(context, diagnostic);
#include "passes/fixes/fixes.def"
#undef FIX_KIND
  }
}

}  // namespace iotlint::passes
