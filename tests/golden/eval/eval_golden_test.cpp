// tests/golden/eval/eval_golden_test.cpp: one test per <case>.json in this folder; see
// CMakeLists.txt for the file layout. IOTLINT_UPDATE_GOLDEN=1 rewrites the expected files.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/parse.h"
#include "ir/diagnostic.h"
#include "passes/eval.h"
#include "tests/golden/golden_harness.h"

namespace iotlint::golden {
namespace {

namespace fs = std::filesystem;
using iotlint::passes::EvalRequest;

/// Words of one `.args` line; `'...'` quotes a word with spaces.
std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false;
  bool have = false;
  for (char c : line) {
    if (c == '\'') {
      quoted = !quoted;
      have = true;
    } else if (!quoted && (c == ' ' || c == '\t')) {
      if (have) out.push_back(word);
      word.clear();
      have = false;
    } else {
      word += c;
      have = true;
    }
  }
  if (have) out.push_back(word);
  return out;
}

std::string runLine(const iotlint::ir::Policy& policy, const std::string& line) {
  EvalRequest request;
  const auto args = words(line);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "--action" && has_value) {
      request.action = args[++i];
    } else if (arg == "--resource" && has_value) {
      request.resource = args[++i];
    } else if (arg == "--thing-name" && has_value) {
      request.thing_name = args[++i];
    } else if (arg == "--client-id" && has_value) {
      request.client_id = args[++i];
    } else if (arg == "--not-attached") {
      request.attached = false;
    } else {
      return "error: unknown argument `" + arg + "`\n";
    }
  }
  return iotlint::passes::evaluate(policy, request).explanation;
}

class EvalGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(EvalGolden, Matches) {
  const fs::path folder = IOTLINT_EVAL_GOLDEN_DIR;
  const fs::path input = folder / (GetParam() + ".json");
  ir::SourceFile file(GetParam() + ".json", readText(input));
  iotlint::ir::DiagnosticEngine diagnostics;
  const auto policy = iotlint::frontend::parsePolicy(file, diagnostics);
  ASSERT_TRUE(policy.has_value()) << input;

  std::string actual;
  std::istringstream lines(readText(folder / (GetParam() + ".args")));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    actual += "$ iotlint eval " + line + "\n" + runLine(*policy, line);
  }
  const std::string failure = compareOrUpdate(folder / (GetParam() + ".expected"), actual);
  EXPECT_TRUE(failure.empty()) << failure << "\nTo rerun just this case: ctest -R 'eval_golden/.*" << GetParam() << "'";
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const fs::path& path : findCases(IOTLINT_EVAL_GOLDEN_DIR, ".json")) names.push_back(path.stem().string());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, EvalGolden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return testNameOf(param.param); });

}  // namespace
}  // namespace iotlint::golden

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
