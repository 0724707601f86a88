// JSON report: version, summary, findings with code-point columns and byte offsets.
#include "backend/json_report.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fixtures.h"

namespace iotlint::backend {
namespace {

using nlohmann::json;
using testing::diagnostic;
using testing::kPolicy;
using testing::rangeOf;

json report(const std::vector<ir::Diagnostic>& diagnostics, ReportOptions options = {}) {
  std::ostringstream out;
  writeJsonReport(out, diagnostics, options);
  return json::parse(out.str());
}

TEST(JsonReport, EmptyReport) {
  const auto r = report({});
  EXPECT_EQ(r["schema_version"], kJsonReportVersion);
  EXPECT_EQ(r["tool"], (json{{"name", "iotlint"}, {"version", IOTLINT_TEST_VERSION}}));
  EXPECT_EQ(r["execution_successful"], true);
  EXPECT_EQ(r["summary"], json::parse(R"({"errors":0,"warnings":0,"notes":0})"));
  EXPECT_TRUE(r["findings"].is_array());
  EXPECT_TRUE(r["findings"].empty());
}

TEST(JsonReport, FindingHasEverythingAScriptNeeds) {
  const ir::SourceFile file("policies/device.json", std::string(kPolicy));
  const auto r = report({testing::overlyPermissive(file)});
  EXPECT_EQ(r["summary"], json::parse(R"({"errors":1,"warnings":0,"notes":0})"));
  ASSERT_EQ(r["findings"].size(), 1U);
  const auto& f = r["findings"][0];
  const auto offset = rangeOf(file, "\"arn:aws:iot:*:*:client/*\"").begin;
  const auto expected = json{
      {"rule", "IOT_POLICY_OVERLY_PERMISSIVE_CHECK"},
      {"rule_name", "overly-permissive-policy"},
      {"level", "error"},
      {"message", "`iot:Connect` on `client/*` lets this device connect as any client, e.g. `other-device`"},
      {"file", "policies/device.json"},
      {"range",
       {{"start", {{"line", 7}, {"column", 19}, {"offset", offset}}},
        {"end", {{"line", 7}, {"column", 45}, {"offset", offset + 26}}}}},
      {"notes", json::array({{{"message", "the statement that grants it"},
                              {"range",
                               {{"start", {{"line", 5}, {"column", 7}, {"offset", rangeOf(file, "\"Effect\"").begin}}},
                                {"end", {{"line", 5}, {"column", 24}, {"offset", rangeOf(file, "\"Effect\"").begin + 17}}}}}}})},
      {"fixes", json::array({{{"description", "scope the client id to the device's thing name"},
                              {"safety", "unsafe"},
                              {"edits", json::array({{{"range",
                                                       {{"start", {{"line", 7}, {"column", 36}, {"offset", offset + 17}}},
                                                        {"end", {{"line", 7}, {"column", 44}, {"offset", offset + 25}}}}},
                                                      {"replacement", "client/${iot:Connection.Thing.ThingName}"}}})}}})},
      {"properties",
       {{"reasonCode", "ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS"}, {"witness", "client/other-device"}}},
      {"security_severity", "9.5"},
      {"help_uri", std::string(homepage()) + "/blob/main/docs/rules/IOT_POLICY_OVERLY_PERMISSIVE_CHECK.md"},
  };
  EXPECT_EQ(f, expected) << f.dump(2);
}

TEST(JsonReport, ColumnsAreCodePointsAndOffsetsAreBytesIncludingTheByteOrderMark) {
  const ir::SourceFile file("b.json", "\xEF\xBB\xBF{\r\n  \"😀\": \"é\"\r\n}\r\n");
  const auto r = report({diagnostic(ir::RuleId::kUnknownElement, &file, rangeOf(file, "\"é\""), "m")});
  const auto& range = r["findings"][0]["range"];
  // Line 2 starts at byte 6 (3 BOM + "{\r\n"); "  \"😀\": " is 2 + 1 + 4 + 1 + 2 bytes.
  EXPECT_EQ(range["start"], json::parse(R"({"line":2,"column":8,"offset":16})"));
  EXPECT_EQ(range["end"], json::parse(R"({"line":2,"column":11,"offset":20})"));
  EXPECT_TRUE(r["findings"][0]["security_severity"].is_null());
}

TEST(JsonReport, DiagnosticWithoutFileHasNullFileAndRanges) {
  auto d = diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "too big");
  d.notes.push_back({{}, "a note"});
  ReportOptions options;
  options.execution_successful = false;
  options.tool_version = "1.2.3";
  const auto r = report({d}, options);
  EXPECT_EQ(r["execution_successful"], false);
  EXPECT_EQ(r["tool"]["version"], "1.2.3");
  const auto& f = r["findings"][0];
  EXPECT_TRUE(f["file"].is_null());
  EXPECT_TRUE(f["range"].is_null());
  EXPECT_TRUE(f["notes"][0]["range"].is_null());
}

TEST(JsonReport, SortedAndCounted) {
  const ir::SourceFile file("p.json", std::string(kPolicy));
  auto note = diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:Connect\""), "c");
  note.level = ir::Level::kNote;
  const auto r = report({
      note,
      diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"Allow\""), "b"),
      diagnostic(ir::RuleId::kUnknownVersion, &file, rangeOf(file, "\"2012-10-17\""), "a"),
  });
  EXPECT_EQ(r["summary"], json::parse(R"({"errors":1,"warnings":1,"notes":1})"));
  ASSERT_EQ(r["findings"].size(), 3U);
  EXPECT_EQ(r["findings"][0]["message"], "a");
  EXPECT_EQ(r["findings"][1]["message"], "b");
  EXPECT_EQ(r["findings"][2]["message"], "c");
  EXPECT_EQ(r["findings"][2]["level"], "note");
}

}  // namespace
}  // namespace iotlint::backend
