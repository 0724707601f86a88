#include "passes/analyze.h"

#include <ostream>
#include <span>

#include "passes/checks/check.h"
#include "passes/checks/other_device.h"
#include "passes/fixes/fixes.h"
#include "passes/pass_manager.h"

namespace iotlint::passes {

std::vector<std::string> passNames() {
  std::vector<std::string> names;
  for (auto id : passOrder()) names.emplace_back(passInfo(id).name);
  return names;
}

Grants analyzePolicy(const ir::Policy& policy, const AnalysisOptions& options, ir::DiagnosticEngine& diagnostics) {
  // This policy's findings are gathered apart and join the file's when their candidate fixes are
  // added: a file of many policies (an account export) holds the findings of all the policies
  // before this one, and moving those for every policy made such files quadratic.
  ir::DiagnosticEngine findings_of_policy;
  AnalysisManager manager(policy, findings_of_policy);
  const bool dump_all = options.print_ir_after == "all";
  if (options.dumpsIr() && !dump_all && !findPass(options.print_ir_after)) {
    *options.dump_stream << "iotlint: no pass is named `" << options.print_ir_after << "`; passes:";
    for (const auto& name : passNames()) *options.dump_stream << ' ' << name;
    *options.dump_stream << '\n';
  }
  for (auto id : passOrder()) {
    manager.run(id);
    if (options.dumpsIr() && (dump_all || passInfo(id).name == options.print_ir_after)) {
      *options.dump_stream << "// -----// IR dump after " << passInfo(id).name << " //----- //\n" << manager.dump(id);
    }
  }
  // The names of SELF and OTHER in witnesses are chosen once: two checks use them, and choosing
  // searches the policy's text for each name tried.
  const CheckOptions check_options{options.device_topic_layouts, witnessNames(policy, options.render), options.need_witnesses};
  const CheckContext context{manager, check_options};
  runChecks(context);
  // Candidate fixes for this policy's findings (verified later by the driver, tools/iotlint/fixer.h).
  std::vector<ir::Diagnostic> findings = findings_of_policy.take();
  synthesizeFixes(context, findings);
  diagnostics.append(std::move(findings));
  // Computed for the checks already. Only the effective languages are copied out: every copy of a
  // language is an atomic reference count once a second thread runs.
  return grantsOf(manager.getCoverage());
}

}  // namespace iotlint::passes
