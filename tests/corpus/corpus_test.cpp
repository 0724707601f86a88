// tests/corpus/corpus_test.cpp: every real-world input of ../shared/corpus/realworld is read and
// analysed without a crash, yields the number of policies a reading by hand found in it, and gets
// the same findings whether or not witnesses are asked for (fix verification asks for none).
//
// The corpus is not part of this repository (its files keep their own licences); the test skips
// when it is absent. A new corpus file needs its row in kExpected: count the `AWS::IoT::Policy`
// resources, `aws_iot_policy` resources (both branches of a conditional), policy documents and
// `policyDocument` strings that hold a readable document.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "frontend/parse.h"
#include "ir/rules.h"
#include "passes/analyze.h"
#include "tests/test_files.h"

namespace iotlint {
namespace {

namespace fs = std::filesystem;
const fs::path kCorpus = IOTLINT_CORPUS_DIR;

// clang-format off
const std::map<std::string, std::size_t> kExpected = {
#include "tests/corpus/expected_counts.inc"
};
// clang-format on

std::vector<fs::path> corpusFiles() {
  std::vector<fs::path> files;
  std::error_code error;
  if (!fs::is_directory(kCorpus, error)) return files;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (entry.path().filename() != "MANIFEST.tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Corpus, EveryFileYieldsTheExpectedPolicies) {
  const std::vector<fs::path> files = corpusFiles();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << kCorpus;
  const bool print = std::getenv("IOTLINT_CORPUS_PRINT") != nullptr;
  for (const fs::path& path : files) {
    const ir::SourceFile file(path.filename().string(), test_files::readText(path));
    ir::DiagnosticEngine diagnostics;
    frontend::ParsedInput parsed = frontend::parseInput(file, diagnostics, {});
    for (const ir::Policy& policy : parsed.policies) {
      passes::analyzePolicy(policy, {}, diagnostics);
      EXPECT_EQ(policy.file, &file);
    }
    // Every location lies inside the file.
    for (const ir::Diagnostic& diagnostic : diagnostics.diagnostics()) {
      EXPECT_LE(diagnostic.range.begin, diagnostic.range.end) << path.filename() << ": " << diagnostic.message;
      EXPECT_LE(diagnostic.range.end, file.size()) << path.filename() << ": " << diagnostic.message;
    }
    const std::string name = path.filename().string();
    if (print) {
      std::cout << "    {\"" << name << "\", " << parsed.policies.size() << "},  // "
                << frontend::inputFormatName(parsed.format) << "\n";
      continue;
    }
    const auto expected = kExpected.find(name);
    if (expected == kExpected.end()) {
      ADD_FAILURE() << name << " has no row in tests/corpus/expected_counts.inc (found " << parsed.policies.size() << ")";
      continue;
    }
    EXPECT_EQ(parsed.policies.size(), expected->second) << name << " read as " << frontend::inputFormatName(parsed.format);
  }
}

TEST(Corpus, FindingsWithoutWitnessesAreTheFindingsWithWitnesses) {
  // Fix verification re-analyses without witnesses and judges by which rules report where.
  const std::vector<fs::path> files = corpusFiles();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << kCorpus;
  passes::AnalysisOptions without;
  without.need_witnesses = false;
  for (const fs::path& path : files) {
    const ir::SourceFile file(path.filename().string(), test_files::readText(path));
    ir::DiagnosticEngine parse_diagnostics;
    const frontend::ParsedInput parsed = frontend::parseInput(file, parse_diagnostics, {});
    for (const ir::Policy& policy : parsed.policies) {
      std::vector<std::string> findings[2];
      for (const bool witnesses : {true, false}) {
        ir::DiagnosticEngine diagnostics;
        passes::analyzePolicy(policy, witnesses ? passes::AnalysisOptions{} : without, diagnostics);
        for (const ir::Diagnostic& d : diagnostics.diagnostics()) {
          findings[witnesses].push_back(std::string(ir::ruleInfo(d.rule).id) + " " + std::to_string(d.range.begin));
        }
      }
      EXPECT_EQ(findings[false], findings[true]) << path.filename();
    }
  }
}

}  // namespace
}  // namespace iotlint
