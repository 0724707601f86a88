// tests/golden/check_golden_test.cpp: one test per golden case of `iotlint check`.
//
// A case is `<name>.json` (or `.yaml`, `.tf`, ...) under tests/golden/rules/<RULE>/ or
// tests/golden/check/, with `<name>.expected` beside it: the exact output of
// `iotlint check <name>.json [args from <name>.args]` run in the case's folder, followed by a line
// `[exit status N]`. SARIF and JSON cases are the same with `--format sarif` in the args; see
// normalize() for what is masked in them. Files named `fail_*` must produce a finding of
// their folder's rule and `pass_*` must not (tests/meta checks that every rule has both).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <regex>

#include "tests/golden/golden_harness.h"

namespace iotlint::golden {
namespace {

const std::filesystem::path kGoldenRoot = IOTLINT_GOLDEN_DIR;

/// Every input under rules/ and check/: any file but `.expected` and `.args` files and dotfiles
/// (such as a case folder's `.iotlint.json`). Cases are found by their inputs, so a new input
/// without its expected file fails (or, when updating, gets one) instead of being skipped.
std::vector<std::filesystem::path> allCases() {
  std::vector<std::filesystem::path> cases;
  for (const char* folder : {"rules", "check"}) {
    const std::filesystem::path root = kGoldenRoot / folder;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      const std::filesystem::path& path = entry.path();
      const std::string extension = path.extension().string();
      if (entry.is_directory() || path.filename().string().starts_with(".") || extension == ".expected" ||
          extension == ".args") {
        continue;
      }
      cases.push_back(path);
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

/// Makes reports comparable across releases and checkouts: the tool version and the absolute
/// source root are masked, and in SARIF the rule
/// metadata built from the documentation pages is reduced to ids and names, so that editing a
/// rule's page does not change every SARIF golden file. (The full metadata is validated against
/// the SARIF schema and GitHub's rules by the sarif_validation test instead.)
std::string normalize(const std::string& output) {
  nlohmann::ordered_json report = nlohmann::ordered_json::parse(output, nullptr, /*allow_exceptions=*/false);
  if (!report.is_discarded() && report.is_object() && report.contains("runs")) {
    for (auto& run : report["runs"]) {
      auto& driver = run["tool"]["driver"];
      driver["semanticVersion"] = "<version>";
      // The source root is the absolute folder the test runs in, different on every checkout.
      for (auto& [name, base] : run["originalUriBaseIds"].items()) base["uri"] = "<source root>";
      if (driver.contains("version")) driver["version"] = "<version>";
      for (auto& rule : driver["rules"]) {
        for (const char* field : {"shortDescription", "fullDescription", "help", "helpUri"}) rule.erase(field);
      }
    }
    return report.dump(2) + "\n";
  }
  static const std::regex kVersion(R"re("(version|semanticVersion|tool_version)": "[0-9]+\.[0-9]+\.[0-9]+[^"]*")re");
  return std::regex_replace(output, kVersion, "\"$1\": \"<version>\"");
}

class CheckGolden : public testing::TestWithParam<std::filesystem::path> {};

TEST_P(CheckGolden, MatchesExpectedOutput) {
  const std::filesystem::path input = GetParam();
  const std::filesystem::path expected = std::filesystem::path(input).replace_extension(".expected");
  std::vector<std::string> args = {"check"};
  for (std::string& word : readArgs(expected.parent_path() / (expected.stem().string() + ".args"))) {
    args.push_back(std::move(word));
  }
  args.push_back(input.filename().string());
  const CommandResult result = runProgram(IOTLINT_BINARY, args, expected.parent_path());
  const std::string actual = normalize(result.output) + "[exit status " + std::to_string(result.exit_status) + "]\n";
  const std::string failure = compareOrUpdate(expected, actual);
  EXPECT_TRUE(failure.empty()) << failure << "\nTo rerun just this case: ctest -R '"
                               << expected.parent_path().filename().string() << "/" << expected.stem().string() << "'";
}

std::string caseName(const testing::TestParamInfo<std::filesystem::path>& info) {
  return testNameOf(std::filesystem::relative(info.param, kGoldenRoot).replace_extension().string());
}

INSTANTIATE_TEST_SUITE_P(Golden, CheckGolden, testing::ValuesIn(allCases()), caseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckGolden);

}  // namespace
}  // namespace iotlint::golden
