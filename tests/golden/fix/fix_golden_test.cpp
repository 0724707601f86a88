// tests/golden/fix/fix_golden_test.cpp: one test per <case>.json in this folder; see
// CMakeLists.txt for the layout. IOTLINT_UPDATE_GOLDEN=1 rewrites <case>.diff and <case>.fixed.json.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "tests/golden/golden_harness.h"

namespace iotlint::golden {
namespace {

namespace fs = std::filesystem;

const fs::path kFolder = IOTLINT_FIX_GOLDEN_DIR;

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto& path : findCases(kFolder, ".json")) {
    const std::string file = path.filename().string();
    if (file.ends_with(".fixed.json")) continue;
    names.push_back(file.substr(0, file.size() - 5));
  }
  return names;
}

class FixGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(FixGolden, DiffAndFixedFile) {
  const std::string name = GetParam();
  const std::string input = name + ".json";
  const std::vector<std::string> extra = readArgs(kFolder / (name + ".args"));
  SCOPED_TRACE("to rerun just this case: ctest -R 'fix_golden/.*" + name + "$'");

  std::vector<std::string> diff_args{"check", "--diff"};
  diff_args.insert(diff_args.end(), extra.begin(), extra.end());
  diff_args.push_back(input);
  const CommandResult diff = runProgram(IOTLINT_BINARY, diff_args, kFolder);
  EXPECT_NE(diff.exit_status, 2) << diff.output;
  std::string failure = compareOrUpdate(kFolder / (name + ".diff"), diff.output);
  EXPECT_TRUE(failure.empty()) << failure;

  std::string temp_name = (fs::temp_directory_path() / "iotlint-fix-golden-XXXXXX").string();
  const fs::path out = ::mkdtemp(temp_name.data());
  std::vector<std::string> fix_args{"check", "--no-snippets", "--fix-to", out.string()};
  fix_args.insert(fix_args.end(), extra.begin(), extra.end());
  fix_args.push_back(input);
  const CommandResult fixed_run = runProgram(IOTLINT_BINARY, fix_args, kFolder);
  EXPECT_NE(fixed_run.exit_status, 2) << fixed_run.output;
  const std::string fixed = readText(out / input);
  failure = compareOrUpdate(kFolder / (name + ".fixed.json"), fixed);
  EXPECT_TRUE(failure.empty()) << failure;
  // The diff and the fixed file agree: no diff means an unchanged copy.
  if (diff.output.empty()) {
    EXPECT_EQ(fixed, readText(kFolder / input));
  }

  // The fixed file parses (no structural finding) and fixing it again changes nothing.
  std::vector<std::string> again_args{"check", "--diff"};
  again_args.insert(again_args.end(), extra.begin(), extra.end());
  again_args.push_back(input);
  const CommandResult again = runProgram(IOTLINT_BINARY, again_args, out);
  EXPECT_EQ(again.output, "") << "fixing the fixed file changes it again";
  const CommandResult report = runProgram(IOTLINT_BINARY, {"check", "--no-snippets", input}, out);
  EXPECT_EQ(report.output.find("[IL1"), std::string::npos) << report.output;
  std::error_code error;
  fs::remove_all(out, error);
}

INSTANTIATE_TEST_SUITE_P(Cases, FixGolden, ::testing::ValuesIn(caseNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return testNameOf(param.param); });

}  // namespace
}  // namespace iotlint::golden
