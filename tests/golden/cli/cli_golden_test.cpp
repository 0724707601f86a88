// tests/golden/cli/cli_golden_test.cpp: `iotlint rules` and `iotlint explain`.
//
// One test per `<case>.args` (the words after `iotlint`), compared with `<case>.expected`: the
// output followed by `[exit status N]`. Beside the cases, two checks against the registry: the
// listing names every rule of ir/rules.def with its level and fixability, and `explain` prints
// every rule's page.
#include <gtest/gtest.h>

#include <sstream>

#include "ir/rules.h"
#include "tests/golden/golden_harness.h"

namespace iotlint::golden {
namespace {

const std::filesystem::path kRoot = IOTLINT_CLI_GOLDEN_DIR;

class CliGolden : public testing::TestWithParam<std::filesystem::path> {};

TEST_P(CliGolden, MatchesExpectedOutput) {
  const std::filesystem::path args_file = GetParam();
  const CommandResult result = runProgram(IOTLINT_BINARY, readArgs(args_file), kRoot);
  const std::string actual = result.output + "[exit status " + std::to_string(result.exit_status) + "]\n";
  const std::filesystem::path expected = args_file.parent_path() / (args_file.stem().string() + ".expected");
  const std::string failure = compareOrUpdate(expected, actual);
  EXPECT_TRUE(failure.empty()) << failure;
}

std::string caseName(const testing::TestParamInfo<std::filesystem::path>& info) {
  return testNameOf(info.param.stem().string());
}

INSTANTIATE_TEST_SUITE_P(Cli, CliGolden, testing::ValuesIn(findCases(kRoot, ".args")), caseName);

TEST(Rules, ListsEveryRuleWithItsLevelAndFixability) {
  const CommandResult result = runProgram(IOTLINT_BINARY, {"rules"}, kRoot);
  ASSERT_EQ(result.exit_status, 0) << result.output;
  for (const ir::RuleInfo& rule : ir::allRules()) {
    bool found = false;
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);) {
      std::istringstream words(line);
      std::string id, name, level, fixable;
      words >> id >> name >> level >> fixable;
      if (id != rule.id) continue;
      found = true;
      EXPECT_EQ(name, rule.name) << line;
      EXPECT_EQ(level, ir::levelName(rule.level)) << line;
      EXPECT_EQ(fixable, ir::fixabilityName(rule.fixable)) << line;
    }
    EXPECT_TRUE(found) << rule.id << " is missing from `iotlint rules`";
  }
}

TEST(Explain, PrintsEveryRulePageByIdAndByName) {
  for (const ir::RuleInfo& rule : ir::allRules()) {
    for (const std::string_view key : {rule.id, rule.name}) {
      const CommandResult result = runProgram(IOTLINT_BINARY, {"explain", std::string(key)}, kRoot);
      EXPECT_EQ(result.exit_status, 0) << key;
      EXPECT_TRUE(result.output.starts_with("# " + std::string(rule.id) + ": " + std::string(rule.name) + "\n")) << key;
      EXPECT_NE(result.output.find("## Fix safety"), std::string::npos) << key;
    }
  }
}

}  // namespace
}  // namespace iotlint::golden
