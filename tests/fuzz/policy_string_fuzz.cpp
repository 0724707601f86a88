// tests/fuzz/policy_string_fuzz.cpp: any decoded string through the string grammar: the
// hand-written scanner gives the generated lexer's tokens, and the parts are ordered,
// non-overlapping, cover the string exactly, and rebuild it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "frontend/parse.h"
#include "frontend/src/string_token_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // The string grammar reads decoded policy strings, which are valid UTF-8 by construction.
  for (char& c : text) {
    if (static_cast<unsigned char>(c) >= 0x80U) c = '_';
  }
  if (const std::string mismatch = iotlint::frontend::describeStringTokenMismatch(text); !mismatch.empty()) {
    std::fprintf(stderr, "%s\n", mismatch.c_str());
    std::abort();
  }
  iotlint::ir::PolicyString string;
  string.value = text;
  string.range = {0, static_cast<std::uint32_t>(text.size() + 2)};
  const iotlint::ir::SourceFile file("fuzz.json", "\"" + text + "\"");
  iotlint::ir::DiagnosticEngine diagnostics;
  const auto parts = iotlint::frontend::parseStringParts(string, file, diagnostics);
  std::uint32_t at = 0;
  for (const auto& part : parts) {
    if (part.begin != at || part.end < part.begin || part.end > text.size()) std::abort();
    at = part.end;
  }
  if (at != text.size()) std::abort();
  return 0;
}
