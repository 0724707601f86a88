// tools/iotlint/main.cpp: the `iotlint` command line (see docs/cli.md and ../shared/spec/cli.md).
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <thread>

#include "backend/report.h"
#include "passes/analyze.h"
#include "tools/iotlint/commands.h"

namespace {

using iotlint::tools::kExitTrouble;

constexpr const char* kDescription =
    "iotlint finds AWS IoT Core policies that let one device reach other devices' resources\n"
    "(connect as them, use their shadows, jobs or reserved topics), and policies that are\n"
    "malformed or do not do what they appear to do.";

constexpr const char* kFooter =
    "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 the command could not run.\n"
    "Run `iotlint COMMAND --help` for a command's options, `iotlint rules` for the rules.";

std::vector<std::string> splitList(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = value.find(',', start);
      const std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) items.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return items;
}

/// Reports to a file or a pipe go out in large writes. Standard output is otherwise written in
/// blocks of the device's size (4 KiB here): the SARIF of 50,000 policies took 51,000 write calls,
/// 5% of the run when it goes to a file. A terminal keeps its line buffering, so that a text report
/// shows as it is written.
void bufferStandardOutput() {
  // (glibc ignores the size unless it is given the buffer; stdout is flushed at exit, which
  // static storage outlives.)
  static char buffer[256 * 1024];
  if (::isatty(STDOUT_FILENO) == 0) std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
}

}  // namespace

int main(int argc, char** argv) {
  bufferStandardOutput();  // before anything is written
  CLI::App app(kDescription, "iotlint");
  app.footer(kFooter);
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", std::string("iotlint ") + std::string(iotlint::backend::toolVersion()));

  iotlint::tools::CheckOptions check;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string fail_on = "warning";
  bool no_snippets = false;
  CLI::App* check_command = app.add_subcommand(
      "check", "Analyse policy files and folders (folders: every *.json, *.yaml, *.yml, *.template and *.tf, recursively)");
  check_command->add_option("PATH", check.paths, "Policy files and folders to analyse")->required()->type_name("");
  check_command->add_option("--format", check.format, "Report format: text (compiler style), sarif (SARIF 2.1.0) or json")
      ->check(CLI::IsMember({"text", "sarif", "json"}))
      ->type_name("FORMAT")
      ->default_str("text");
  check_command->add_option("--input-format", check.input_format,
                            "What the files are: auto (detected from the content), policy, cloudformation, terraform, "
                            "terraform-plan or cli")
      ->check(CLI::IsMember({"auto", "policy", "cloudformation", "terraform", "terraform-plan", "cli"}))
      ->type_name("FORMAT")
      ->default_str("auto");
  check_command->add_option("-o,--output", check.output, "Write the report to FILE instead of standard output")->type_name("FILE");
  check_command->add_option("--select", select, "Report only these rules (ids or names, comma-separated)")->type_name("RULES");
  check_command->add_option("--ignore", ignore, "Do not report these rules (ids or names, comma-separated)")->type_name("RULES");
  check_command->add_option("--fail-on", fail_on, "Exit with status 1 only for findings at this level or above: error, warning or note")
      ->check(CLI::IsMember({"error", "warning", "note"}))
      ->type_name("LEVEL")
      ->default_str("warning");
  check_command->add_option("--source-root", check.source_root,
                            "Folder that SARIF locations are relative to (default: the current folder)")
      ->type_name("DIR");
  check_command->add_flag("--no-snippets", no_snippets, "Text format: print only the finding lines, without source lines and carets");
  check_command->add_option("--device-topic-layout", check.device_topic_layouts,
                            "A project topic layout owned by one device, with {thing} for its thing name, "
                            "e.g. devices/{thing}/#; may be repeated")
      ->type_name("LAYOUT");
  std::vector<std::string> pass_names = iotlint::passes::passNames();
  pass_names.insert(pass_names.begin(), "all");
  check_command->add_option("--print-ir-after", check.print_ir_after,
                            "Debugging: print what the named pass computed, for each policy")
      ->check(CLI::IsMember(pass_names))
      ->type_name("PASS");
  check.jobs = std::max(1U, std::thread::hardware_concurrency());
  check_command->add_option("-j,--jobs", check.jobs, "Analyse N files in parallel, and the policies of a file that holds many (default: the number of cores)")
      ->check(CLI::Range(1U, 1024U))
      ->type_name("N");

  CLI::Option* fix_option = check_command->add_flag("--fix", check.fix, "Apply safe fixes to the files in place (atomically)");
  CLI::Option* diff_option =
      check_command->add_flag("--diff", check.diff, "Print the fixes as a unified diff and change no file (exit 1 when there is one)");
  CLI::Option* fix_to_option =
      check_command->add_option("--fix-to", check.fix_to, "Write fixed copies under DIR, mirroring the paths given; originals untouched")
          ->type_name("DIR");
  check_command->add_flag("--unsafe-fixes", check.unsafe_fixes, "With --fix, --diff or --fix-to, also apply fixes marked unsafe");
  check_command->add_option("--emit-remediation", check.emit_remediation,
                            "With --fix or --fix-to, write the AWS CLI commands that deploy each fixed, named policy as a new default version")
      ->type_name("FILE");
  fix_option->excludes(diff_option)->excludes(fix_to_option);
  diff_option->excludes(fix_to_option);

  std::string rules_format = "text";
  CLI::App* rules_command = app.add_subcommand("rules", "List every rule: id, name, level, fixable");
  rules_command->add_option("--format", rules_format, "text or json")->check(CLI::IsMember({"text", "json"}))->type_name("FORMAT");

  std::string explain_rule;
  CLI::App* explain_command = app.add_subcommand("explain", "Print a rule's documentation");
  explain_command->add_option("RULE", explain_rule, "A rule id (IL110) or name (duplicate-key)")->required()->type_name("");

  iotlint::tools::EvalOptions eval;
  bool not_attached = false;
  CLI::App* eval_command =
      app.add_subcommand("eval", "Decide one request against a policy: prints ALLOW or DENY and the deciding statements\n(exit status 0 ALLOW, 1 DENY, 2 the policy could not be read)");
  eval_command->add_option("--policy", eval.policy, "The policy file")->required()->type_name("FILE");
  eval_command->add_option("--action", eval.action, "The action, e.g. iot:Publish")->required()->type_name("ACTION");
  eval_command->add_option("--resource", eval.resource, "The resource ARN, e.g. arn:aws:iot:us-east-1:123456789012:topic/a")
      ->required()
      ->type_name("ARN");
  eval_command->add_option("--thing-name", eval.thing_name, "Thing name of the connected device (SELF)")->type_name("NAME");
  eval_command->add_option("--client-id", eval.client_id, "MQTT client id of the connection (default: the thing name)")->type_name("ID");
  eval_command->add_flag("--not-attached", not_attached, "The thing is not attached to the certificate (IsAttached is false)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "iotlint: " << e.what() << "\nRun `iotlint --help` for usage.\n";
    return kExitTrouble;
  }

  try {
    if (check_command->parsed()) {
      check.select = splitList(select);
      check.ignore = splitList(ignore);
      check.fail_on = *iotlint::ir::parseLevel(fail_on);
      check.show_snippets = !no_snippets;
      if (!check.emit_remediation.empty() && !check.fix && check.fix_to.empty()) {
        std::cerr << "iotlint: --emit-remediation needs --fix or --fix-to (the commands point at the fixed documents)\n";
        return kExitTrouble;
      }
      return iotlint::tools::runCheck(check);
    }
    if (rules_command->parsed()) return iotlint::tools::runRules(rules_format);
    if (explain_command->parsed()) return iotlint::tools::runExplain(explain_rule);
    if (eval_command->parsed()) {
      eval.attached = !not_attached;
      return iotlint::tools::runEval(eval);
    }
  } catch (const std::exception& e) {
    std::cerr << "iotlint: internal error: " << e.what() << "\n";
    return kExitTrouble;
  }
  std::cerr << app.help();
  return kExitTrouble;
}
