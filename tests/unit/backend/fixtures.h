// tests/unit/backend/fixtures.h: hand-built source files and diagnostics for the backend tests.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "ir/diagnostic.h"

namespace iotlint::backend::testing {

/// The range of the `occurrence`-th (0-based) `needle` in `file`; throws when it is not there.
inline ir::SourceRange rangeOf(const ir::SourceFile& file, std::string_view needle, int occurrence = 0) {
  std::size_t at = file.contents().find(needle);
  for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = file.contents().find(needle, at + 1);
  if (at == std::string::npos) throw std::invalid_argument("fixture text not found: " + std::string(needle));
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

/// An empty range just before the `occurrence`-th `needle`.
inline ir::SourceRange pointBefore(const ir::SourceFile& file, std::string_view needle, int occurrence = 0) {
  const auto range = rangeOf(file, needle, occurrence);
  return {range.begin, range.begin};
}

inline ir::Diagnostic diagnostic(ir::RuleId rule, const ir::SourceFile* file, ir::SourceRange range,
                                 std::string message) {
  ir::Diagnostic d;
  d.rule = rule;
  d.level = ir::ruleInfo(rule).level;
  d.file = file;
  d.range = range;
  d.message = std::move(message);
  return d;
}

/// A policy that trips the overly-permissive check, with a note, a fix and Device Defender properties.
inline constexpr std::string_view kPolicy =
    "{\n"
    "  \"Version\": \"2012-10-17\",\n"
    "  \"Statement\": [\n"
    "    {\n"
    "      \"Effect\": \"Allow\",\n"
    "      \"Action\": \"iot:Connect\",\n"
    "      \"Resource\": \"arn:aws:iot:*:*:client/*\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

inline ir::Diagnostic overlyPermissive(const ir::SourceFile& file) {
  auto d = diagnostic(ir::RuleId::kOverlyPermissive, &file, rangeOf(file, "\"arn:aws:iot:*:*:client/*\""),
                      "`iot:Connect` on `client/*` lets this device connect as any client, e.g. `other-device`");
  d.notes.push_back({rangeOf(file, "\"Effect\": \"Allow\""), "the statement that grants it"});
  ir::Fix fix;
  fix.description = "scope the client id to the device's thing name";
  fix.safety = ir::FixSafety::kUnsafe;
  fix.edits.push_back({rangeOf(file, "client/*"), "client/${iot:Connection.Thing.ThingName}"});
  d.fixes.push_back(std::move(fix));
  d.properties["reasonCode"] = "ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS";
  d.properties["witness"] = "client/other-device";
  return d;
}

}  // namespace iotlint::backend::testing
