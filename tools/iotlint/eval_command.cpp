// tools/iotlint/eval_command.cpp: `iotlint eval`: decide one request against one policy.
#include <iostream>

#include "backend/text_report.h"
#include "frontend/parse.h"
#include "passes/eval.h"
#include "tools/iotlint/commands.h"
#include "tools/iotlint/input_files.h"

namespace iotlint::tools {

int runEval(const EvalOptions& options) {
  const frontend::ParseLimits limits;
  std::string error;
  std::optional<std::string> contents = readFile(options.policy, limits.max_file_bytes, error);
  if (!contents) {
    std::cerr << "iotlint: " << options.policy << ": " << error << "\n";
    return kExitTrouble;
  }
  const ir::SourceFile file(options.policy, std::move(*contents));
  ir::DiagnosticEngine diagnostics;
  const std::optional<ir::Policy> policy = frontend::parsePolicy(file, diagnostics, limits);
  // Problems in the policy are shown (they may explain the answer), but only a policy that could
  // not be read at all stops the evaluation.
  if (!diagnostics.diagnostics().empty()) {
    backend::writeTextReport(std::cerr, diagnostics.diagnostics(), backend::ReportOptions{});
  }
  if (!policy) {
    std::cerr << "iotlint: " << options.policy << ": not a policy that can be evaluated\n";
    return kExitTrouble;
  }

  passes::EvalRequest request;
  request.action = options.action;
  request.resource = options.resource;
  if (!options.thing_name.empty()) request.thing_name = options.thing_name;
  if (!options.client_id.empty()) request.client_id = options.client_id;
  request.attached = options.attached;
  const passes::EvalResult result = passes::evaluate(*policy, request);
  std::cout << result.explanation << std::flush;
  return result.decision == passes::Decision::kAllow ? kExitClean : kExitFindings;
}

}  // namespace iotlint::tools
