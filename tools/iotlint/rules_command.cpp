// tools/iotlint/rules_command.cpp: `iotlint rules` and `iotlint explain`.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "tools/iotlint/commands.h"

namespace iotlint::tools {

int runRules(const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const ir::RuleInfo& rule : ir::allRules()) {
      rules.push_back({{"id", rule.id},
                       {"name", rule.name},
                       {"level", ir::levelName(rule.level)},
                       {"security_severity", rule.security_severity},
                       {"fixable", ir::fixabilityName(rule.fixable)},
                       {"summary", rule.summary}});
    }
    std::cout << rules.dump(2) << "\n";
    return kExitClean;
  }
  std::cout << fmt::format("{:<44} {:<34} {:<8} {:<9} {}\n", "ID", "NAME", "LEVEL", "FIXABLE", "SUMMARY");
  for (const ir::RuleInfo& rule : ir::allRules()) {
    std::cout << fmt::format("{:<44} {:<34} {:<8} {:<9} {}\n", rule.id, rule.name, ir::levelName(rule.level),
                             ir::fixabilityName(rule.fixable), rule.summary);
  }
  return kExitClean;
}

int runExplain(const std::string& name) {
  const std::optional<ir::RuleId> rule = ir::findRule(name);
  if (!rule) {
    std::cerr << "iotlint: unknown rule `" << name << "`; `iotlint rules` lists them\n";
    return kExitTrouble;
  }
  const ir::RuleInfo& info = ir::ruleInfo(*rule);
  if (info.documentation.empty()) {
    std::cout << fmt::format("# {}: {}\n\n{}\n", info.id, info.name, info.summary);
  } else {
    std::cout << info.documentation;
    if (!info.documentation.ends_with('\n')) std::cout << '\n';
  }
  return kExitClean;
}

}  // namespace iotlint::tools
