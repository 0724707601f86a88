// tools/iotlint/commands.h: the iotlint commands, as the command line hands them over.
//
// Each returns the process exit status of cli.md: 0 clean, 1 findings at or above --fail-on,
// 2 when the command could not do its job.
#pragma once

#include <string>
#include <vector>

#include "ir/rules.h"

namespace iotlint::tools {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitTrouble = 2;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string input_format = "auto";  ///< --input-format: auto, policy, cloudformation, terraform, terraform-plan, cli
  std::string output;  ///< empty: standard output
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  ir::Level fail_on = ir::Level::kWarning;
  std::string source_root;  ///< empty: the current directory
  bool show_snippets = true;
  std::vector<std::string> device_topic_layouts;
  std::string print_ir_after;
  /// -j/--jobs: threads for files, and for the policies of a file of many (the command line
  /// defaults it to the core count).
  unsigned jobs = 1;
  // Fixes (tools/iotlint/fixer.h).
  bool fix = false;           ///< --fix: apply fixes in place
  bool unsafe_fixes = false;  ///< --unsafe-fixes: also apply fixes marked unsafe
  bool diff = false;          ///< --diff: print the fixes as a unified diff, change no file
  std::string fix_to;         ///< --fix-to DIR: write fixed copies under DIR
  std::string emit_remediation;  ///< --emit-remediation FILE: AWS CLI commands deploying the fixed policies
};
int runCheck(const CheckOptions& options);

int runRules(const std::string& format);
int runExplain(const std::string& rule);

struct EvalOptions {
  std::string policy;
  std::string action;
  std::string resource;
  std::string thing_name;
  std::string client_id;
  bool attached = true;
};
int runEval(const EvalOptions& options);

}  // namespace iotlint::tools
