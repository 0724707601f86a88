// tests/golden/eval/eval_golden_test.cpp: one test per <case>.json in this folder; see
// CMakeLists.txt for the file layout. IOTLINT_UPDATE_GOLDEN=1 rewrites the expected files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/parse.h"
#include "ir/diagnostic.h"
#include "passes/eval.h"

namespace {

namespace fs = std::filesystem;
using iotlint::passes::EvalRequest;

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

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
  iotlint::ir::SourceFile file(GetParam() + ".json", readText(input));
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
  const fs::path expected_path = folder / (GetParam() + ".expected");
  const char* update = std::getenv("IOTLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(readText(expected_path), actual)
      << "to rerun just this case: ctest -R 'eval_golden/.*" << GetParam() << "'\n"
      << "to accept the new output: IOTLINT_UPDATE_GOLDEN=1 ctest -R 'eval_golden/.*" << GetParam() << "'";
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(IOTLINT_EVAL_GOLDEN_DIR)) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, EvalGolden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
