// passes/fixes/fixes.h: fix synthesis (candidate edits for findings) and the grant comparison
// that verifies them.
//
// Synthesis runs after the checks (analyze.cpp): each fix kind (one file each, listed in
// fixes.def) looks at the findings of its rule and attaches candidate `ir::Fix`es: byte-range
// edits of the file, never a re-serialisation, with the safety the kind expects. A candidate is
// only a proposal: the driver (tools/iotlint/fixer.h) applies it to the text, re-parses,
// re-analyses and calls compareGrants(); it drops candidates that fail, and sets the safety the
// comparison proves (shared/spec/semantics.md §6).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "passes/catalog.h"
#include "passes/checks/check.h"

namespace iotlint::passes {

/// What the fixes of a rule promise about the grant, so that the driver knows what to verify.
enum class FixContract : unsigned char {
  kNarrowing,  ///< the fixed grant is a subset of the original (safe when SELF keeps its own access)
  kIntent,     ///< repairs what the text evidently meant (a typo, a wrong resource type): it may
               ///< grant more, so it is always unsafe, but it never adds access to other devices
};
/// The contract of the fixes offered for `rule`'s findings.
FixContract fixContractOf(ir::RuleId rule);

/// Attaches candidate fixes to `diagnostics` (the findings reported for `context.policy()`).
void synthesizeFixes(const CheckContext& context, std::span<ir::Diagnostic> diagnostics);

// Each fix kind: one file in passes/fixes/, declared in fixes.def.
#define FIX_KIND(function) void function(const CheckContext& context, ir::Diagnostic& diagnostic);
#include "passes/fixes/fixes.def"
#undef FIX_KIND

/// How two versions of a policy compare, action by action (coverage languages, §4).
struct GrantComparison {
  /// Both policies were analysed within the automata limits and name the same principal tokens;
  /// when false, no other fact holds.
  bool comparable = false;
  /// For every action, what `after` grants is a subset of what `before` grants (for Subscribe:
  /// the topics its filters match).
  bool subset = false;
  /// For every action, `after` reaches no other device's resource that `before` did not.
  bool no_new_other_access = false;
  /// `after` reaches no other device's resource at all (Connect, Publish, Subscribe, the shadow and
  /// job APIs: the families of semantics.md §1; Receive is never broad on its own).
  bool no_longer_broad = false;
  /// For every action, everything `before` granted that is not another device's is still granted:
  /// SELF keeps its own access (the condition of a safe fix).
  bool self_unchanged = false;
  /// Human-readable reason for the first fact that failed, e.g. "`iot:Publish` no longer grants
  /// `sensors/temp`".
  std::string reason;
  std::vector<Action> broad_after;  ///< actions that still reach another device
};


/// Compares what `before` and `after` grant (both fully lowered, strings split into parts).
GrantComparison compareGrants(const ir::Policy& before, const ir::Policy& after, const RenderOptions& render = {});
/// The same on grants already computed (analyzePolicy hands them out), so that verifying a fix does
/// not compute them again.
GrantComparison compareGrants(const Grants& before, const Grants& after, const RenderOptions& render = {});

/// The names of `type` that belong to another device (OTHER in the thing-name position), the
/// broad targets of semantics.md §1. Subscribe's are read through topicsMatchedByFilters.
automata::Language otherDeviceNames(ResourceType type);

}  // namespace iotlint::passes
