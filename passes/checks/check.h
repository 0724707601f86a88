// passes/checks/check.h: what a check sees, and the list of checks (checks.def).
//
// A check is one function in one file, named after its rule: it reads the cached analyses of
// the pipeline (never recomputes them) and reports findings of its rule. Checks run after every
// pass of passes.def, in checks.def order; they do not depend on each other.
#pragma once

#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "passes/pass_manager.h"
#include "passes/tokens.h"

namespace iotlint::passes {

struct CheckOptions {
  /// Project topic layouts owned by one device, e.g. `devices/{thing}/#` (see docs/semantics.md §1).
  std::vector<std::string> device_topic_layouts;
  /// How witnesses name SELF and OTHER.
  RenderOptions render;
  /// AnalysisOptions::need_witnesses.
  bool need_witnesses = true;
};

struct CheckContext {
  AnalysisManager& analyses;
  const CheckOptions& options;

  const ir::Policy& policy() const { return analyses.policy(); }
  const ir::SourceFile& file() const { return *analyses.policy().file; }
  ir::DiagnosticEngine& diagnostics() const { return analyses.diagnostics(); }
};

#define CHECK(function) void function(const CheckContext& context);
#include "passes/checks/checks.def"
#undef CHECK

/// Runs every check of checks.def.
void runChecks(const CheckContext& context);

}  // namespace iotlint::passes
