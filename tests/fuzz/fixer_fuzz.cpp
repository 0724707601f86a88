// tests/fuzz/fixer_fuzz.cpp: any bytes through the fixer (tools/iotlint/fixer.h), safe and unsafe
// fixes applied to a fixpoint: no crash, no hang, and the fixer keeps its promise: the fixed text
// reads as as many policies as the original and no rule reports more findings than before (each
// fix, and each round's combination of fixes, is verified to make no rule worse).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "tools/iotlint/fixer.h"

namespace {

std::map<iotlint::ir::RuleId, std::size_t> countRules(const iotlint::tools::FileAnalysis& analysis) {
  std::map<iotlint::ir::RuleId, std::size_t> counts;
  for (const auto& diagnostic : analysis.diagnostics) ++counts[diagnostic.rule];
  return counts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iotlint::tools;
  const std::string text(reinterpret_cast<const char*>(data), size);
  FixSettings settings;
  settings.unsafe = true;
  const FileAnalysis before = analyzeText("fuzz.json", text, settings);
  const FixOutcome outcome = fixToFixpoint("fuzz.json", text, settings);
  if (outcome.fixed == text) return 0;
  const FileAnalysis after = analyzeText("fuzz.json", outcome.fixed, settings);
  if (after.policies.size() != before.policies.size()) std::abort();
  const auto before_counts = countRules(before);
  for (const auto& [rule, count] : countRules(after)) {
    const auto found = before_counts.find(rule);
    if (count > (found == before_counts.end() ? 0 : found->second)) std::abort();
  }
  return 0;
}
