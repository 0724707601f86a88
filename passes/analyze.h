// passes/analyze.h: the entry point of the semantic analysis for the driver.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "passes/coverage.h"
#include "passes/tokens.h"

namespace iotlint::passes {

struct AnalysisOptions {
  /// Name of a pass (passes.def) whose result is dumped after it runs; "all" dumps every pass;
  /// empty: no dump.
  std::string print_ir_after;
  /// Where dumps go; nothing is printed when null.
  std::ostream* dump_stream = nullptr;
  /// The project's per-device topic layouts, e.g. `devices/{thing}/#` (used by the checks).
  std::vector<std::string> device_topic_layouts;
  /// How witnesses name SELF and OTHER.
  RenderOptions render;
  /// False when only which rules report, where and how often is read (the re-analysis that judges
  /// a candidate fix): checks then skip the searches that only find a finding's witness, whose
  /// messages are left without an example. Which findings are reported is the same either way.
  bool need_witnesses = true;

  /// Whether analyzePolicy writes to `dump_stream` (a dump, or the list of passes when
  /// `print_ir_after` names none): callers keep such analyses to one thread.
  bool dumpsIr() const { return dump_stream != nullptr && !print_ir_after.empty(); }
};

/// Runs every pass of passes.def on `policy` in dependency order, reporting to `diagnostics`.
/// An unknown `print_ir_after` name is reported on `dump_stream`, listing the known passes.
/// Returns what the policy grants, for verifying fixes (compareGrants).
Grants analyzePolicy(const ir::Policy& policy, const AnalysisOptions& options, ir::DiagnosticEngine& diagnostics);

/// The names accepted by `--print-ir-after`, in run order.
std::vector<std::string> passNames();

}  // namespace iotlint::passes
