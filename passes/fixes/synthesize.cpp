// passes/fixes/synthesize.cpp: runs every fix kind of fixes.def over a policy's findings.
#include "passes/fixes/fixes.h"

namespace iotlint::passes {


FixContract fixContractOf(ir::RuleId rule) {
  const bool intent = rule == ir::RuleId::kUnknownAction || rule == ir::RuleId::kWrongResourceType;
  return intent ? FixContract::kIntent : FixContract::kNarrowing;
}

void synthesizeFixes(const CheckContext& context, std::span<ir::Diagnostic> diagnostics) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr) return;
  for (ir::Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.file != policy.file || !diagnostic.fixes.empty()) continue;
    if (!policy.range.contains(diagnostic.range)) continue;
#define FIX_KIND(function) function(context, diagnostic);
#include "passes/fixes/fixes.def"
#undef FIX_KIND
  }
}

}  // namespace iotlint::passes
