// tests/unit/backend/sarif_sample.cpp: writes sample reports for the schema and GitHub-rule validation
// (tools/sarif-validate/run.sh), from the same kind of hand-built diagnostics as the unit tests.
//
// Usage: sarif_sample OUTPUT_DIR   writes sample.sarif, clean.sarif and sample.json into OUTPUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "backend/json_report.h"
#include "backend/sarif_report.h"
#include "fixtures.h"

namespace {

using namespace iotlint;
using backend::testing::diagnostic;
using backend::testing::rangeOf;

template <typename Writer>
bool write(const std::filesystem::path& path, Writer writer, const std::vector<ir::Diagnostic>& diagnostics,
           const backend::ReportOptions& options) {
  std::ofstream out(path, std::ios::binary);
  writer(out, diagnostics, options);
  out.close();
  if (!out) std::cerr << "sarif_sample: cannot write " << path << '\n';
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sarif_sample OUTPUT_DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);

  backend::ReportOptions options;
  options.source_root = "/nonexistent-iotlint-root/project";
  const ir::SourceFile policy(options.source_root + "/policies/device policy.json",
                              std::string(backend::testing::kPolicy));
  const ir::SourceFile crlf(options.source_root + "/policies/ünï.json",
                            "\xEF\xBB\xBF{\r\n\t\"😀\": \"iot:*\",\r\n  \"Statement\": []\r\n}\r\n");

  std::vector<ir::Diagnostic> diagnostics;
  diagnostics.push_back(backend::testing::overlyPermissive(policy));
  auto wildcard = diagnostic(ir::RuleId::kUnknownElement, &crlf, rangeOf(crlf, "\"😀\""), "unknown element `😀`");
  ir::Fix remove;
  remove.description = "remove the element";
  remove.edits.push_back({rangeOf(crlf, "\t\"😀\": \"iot:*\",\r\n"), ""});
  wildcard.fixes.push_back(remove);
  diagnostics.push_back(wildcard);
  auto empty = diagnostic(ir::RuleId::kMissingElement, &crlf, rangeOf(crlf, "[]"), "`Statement` holds no statement");
  empty.level = ir::Level::kNote;
  empty.notes.push_back({rangeOf(crlf, "{"), "the policy"});
  diagnostics.push_back(empty);
  diagnostics.push_back(diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "`huge.json` holds 20 MB; iotlint reads at most 1 MB"));

  bool ok = write(dir / "sample.sarif", backend::writeSarifReport, diagnostics, options);
  ok = write(dir / "clean.sarif", backend::writeSarifReport, {}, options) && ok;
  ok = write(dir / "sample.json", backend::writeJsonReport, diagnostics, options) && ok;
  return ok ? 0 : 1;
}
