// tests/fuzz/frontend_fuzz.cpp: any bytes through the frontend: no crash, no hang, and every
// reported range lies inside the file with begin <= end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "frontend/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const iotlint::ir::SourceFile file("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  iotlint::ir::DiagnosticEngine diagnostics;
  const auto policy = iotlint::frontend::parsePolicy(file, diagnostics);
  for (const auto& d : diagnostics.diagnostics()) {
    if (d.range.begin > d.range.end || d.range.end > file.size()) std::abort();
    for (const auto& note : d.notes) {
      if (note.range.begin > note.range.end || note.range.end > file.size()) std::abort();
    }
    (void)file.position(d.range.begin);  // line/column computation must hold for every range
  }
  if (policy) {
    for (const auto& statement : policy->statements) {
      for (const auto& resource : statement.resources.items) {
        for (const auto& part : resource.parts) {
          const auto range = resource.rangeOf(part.begin, part.end);
          if (range.begin > range.end || range.end > file.size()) std::abort();
        }
      }
    }
  }
  return 0;
}
