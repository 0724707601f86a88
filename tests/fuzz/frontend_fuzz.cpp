// tests/fuzz/frontend_fuzz.cpp: any bytes through the frontend, read as a JSON policy, as a
// Terraform file and as a CloudFormation YAML template: no crash, no hang, every reported range
// lies inside the file with begin <= end, the hand-written PolicyJson and HCL token sources give
// exactly the tokens of the lexers generated from the grammars, and the strict JSON reader and the
// hand-written HCL reader give exactly the trees and diagnostics of the generated parsers.
//
// The YAML reader is not compared with its yaml-cpp reference here: fuzzing finds corners where
// yaml-cpp is wrong (it loses the value of an explicit empty key, `? ` then `: x`) faster than
// anything else. yaml_reader_test compares the two on real templates and their mutations.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "frontend/parse.h"
#include "frontend/src/hcl_reader_check.h"
#include "frontend/src/json_reader_check.h"
#include "frontend/src/token_check.h"

namespace {

/// A difference between a hand-written reader and the generated one it must agree with.
void requireAgreement(const std::string& mismatch) {
  if (mismatch.empty()) return;
  std::fprintf(stderr, "%s\n", mismatch.c_str());
  std::abort();
}

void checkRanges(const iotlint::ir::SourceFile& file, const iotlint::ir::DiagnosticEngine& diagnostics) {
  for (const auto& d : diagnostics.diagnostics()) {
    if (d.range.begin > d.range.end || d.range.end > file.size()) std::abort();
    for (const auto& note : d.notes) {
      if (note.range.begin > note.range.end || note.range.end > file.size()) std::abort();
    }
    (void)file.position(d.range.begin);  // line/column computation must hold for every range
  }
}

void checkRanges(const iotlint::ir::SourceFile& file, const iotlint::ir::Policy& policy) {
  for (const auto& statement : policy.statements) {
    for (const auto& resource : statement.resources.items) {
      for (const auto& part : resource.parts) {
        const auto range = resource.rangeOf(part.begin, part.end);
        if (range.begin > range.end || range.end > file.size()) std::abort();
      }
    }
  }
}

void checkAsInput(std::string_view bytes, const char* path, iotlint::frontend::InputFormat format) {
  const iotlint::ir::SourceFile file(path, std::string(bytes));
  iotlint::ir::DiagnosticEngine diagnostics;
  iotlint::frontend::InputOptions options;
  options.format = format;
  const iotlint::frontend::ParsedInput input = iotlint::frontend::parseInput(file, diagnostics, options);
  checkRanges(file, diagnostics);
  for (const auto& policy : input.policies) checkRanges(file, policy);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  requireAgreement(iotlint::frontend::describeTokenMismatch(bytes));
  requireAgreement(iotlint::frontend::compareJsonReaders(bytes).mismatch);
  requireAgreement(iotlint::frontend::describeHclTokenMismatch(bytes));
  requireAgreement(iotlint::frontend::compareHclReaders(bytes).mismatch);
  {
    const iotlint::ir::SourceFile file("fuzz.json", std::string(bytes));
    iotlint::ir::DiagnosticEngine diagnostics;
    const auto policy = iotlint::frontend::parsePolicy(file, diagnostics);
    checkRanges(file, diagnostics);
    if (policy) checkRanges(file, *policy);
  }
  checkAsInput(bytes, "fuzz.tf", iotlint::frontend::InputFormat::kTerraform);
  checkAsInput(bytes, "fuzz.yaml", iotlint::frontend::InputFormat::kCloudFormation);
  return 0;
}
