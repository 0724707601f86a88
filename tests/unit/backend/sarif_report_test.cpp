// SARIF output: log structure, rule metadata, regions in UTF-16, URIs, fingerprints, fixes.
#include "backend/sarif_report.h"

#include <algorithm>
#include <set>
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

constexpr const char* kRoot = "/nonexistent-iotlint-root/project";

json sarif(const std::vector<ir::Diagnostic>& diagnostics, ReportOptions options = {}) {
  if (options.source_root.empty()) options.source_root = kRoot;
  std::ostringstream out;
  writeSarifReport(out, diagnostics, options);
  return json::parse(out.str());
}

const json& firstResult(const json& log) { return log["runs"][0]["results"][0]; }

std::string fingerprintOf(const json& result) { return result["partialFingerprints"][kFingerprintKey]; }

/// The primary region without its snippet.
json regionOf(const json& result) {
  json region = result["locations"][0]["physicalLocation"]["region"];
  region.erase("snippet");
  return region;
}

TEST(SarifReport, CleanRunHasOneRunEveryRuleAndEmptyResults) {
  const auto log = sarif({});
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1U);
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "iotlint");
  EXPECT_EQ(run["tool"]["driver"]["semanticVersion"], IOTLINT_TEST_VERSION);
  EXPECT_EQ(run["tool"]["driver"]["informationUri"], std::string(homepage()));
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), ir::allRules().size());
  EXPECT_TRUE(run["results"].is_array());
  EXPECT_TRUE(run["results"].empty());
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
  EXPECT_FALSE(run["invocations"][0].contains("toolExecutionNotifications"));
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///nonexistent-iotlint-root/project/");
}

TEST(SarifReport, RuleMetadataMeetsGitHubRequirements) {
  const auto log = sarif({});
  const auto& rules = log["runs"][0]["tool"]["driver"]["rules"];
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = rules[i];
    const auto& info = ir::allRules()[i];
    SCOPED_TRACE(info.id);
    EXPECT_EQ(rule["id"], std::string(info.id));
    EXPECT_EQ(rule["name"], std::string(info.name));
    EXPECT_EQ(rule["shortDescription"]["text"], std::string(info.summary));
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_LE(rule["fullDescription"]["text"].get<std::string>().size(), 1024U);
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["help"]["markdown"].get<std::string>().empty());
    if (info.documentation.empty()) {
      EXPECT_EQ(rule["help"]["markdown"], std::string(info.summary));
      EXPECT_EQ(rule["fullDescription"]["text"], std::string(info.summary));
    } else {
      EXPECT_EQ(rule["help"]["markdown"], std::string(info.documentation));
      EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().starts_with("#"));
    }
    EXPECT_EQ(rule["helpUri"], std::string(homepage()) + "/blob/main/docs/rules/" + std::string(info.id) + ".md");
    EXPECT_EQ(rule["defaultConfiguration"]["level"], std::string(ir::levelName(info.level)));
    const auto& properties = rule["properties"];
    EXPECT_EQ(properties["precision"], std::string(info.precision));
    const auto& tags = properties["tags"];
    EXPECT_NE(std::find(tags.begin(), tags.end(), "iot"), tags.end());
    EXPECT_NE(std::find(tags.begin(), tags.end(), "aws"), tags.end());
    const bool security = std::find(tags.begin(), tags.end(), "security") != tags.end();
    EXPECT_EQ(security, !info.security_severity.empty());
    if (security) {
      EXPECT_EQ(properties["security-severity"], std::string(info.security_severity));
    } else {
      EXPECT_TRUE(properties.contains("problem.severity"));
    }
  }
  EXPECT_EQ(rules[0]["id"], "IOT_POLICY_OVERLY_PERMISSIVE_CHECK");
  EXPECT_EQ(rules[0]["properties"]["security-severity"], "9.5");
}

TEST(SarifReport, ResultCarriesRuleLevelMessageLocationNotesFixesAndProperties) {
  const ir::SourceFile file(std::string(kRoot) + "/policies/device.json", std::string(kPolicy));
  const auto log = sarif({testing::overlyPermissive(file)});
  const auto& run = log["runs"][0];
  ASSERT_EQ(run["results"].size(), 1U);
  const auto& result = firstResult(log);
  EXPECT_EQ(result["ruleId"], "IOT_POLICY_OVERLY_PERMISSIVE_CHECK");
  EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
  EXPECT_EQ(result["level"], "error");
  EXPECT_EQ(result["message"]["text"],
            "`iot:Connect` on `client/*` lets this device connect as any client, e.g. `other-device`. "
            "See [the statement that grants it](1).");
  ASSERT_EQ(result["locations"].size(), 1U);
  const auto& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "policies/device.json");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(location["region"], json::parse(R"({"startLine":7,"startColumn":19,"endLine":7,"endColumn":45,
                                                  "snippet":{"text":"\"arn:aws:iot:*:*:client/*\""}})"));
  EXPECT_EQ(location["contextRegion"], json::parse(R"({"startLine":7,"startColumn":1,"endLine":7,"endColumn":45,
                                                  "snippet":{"text":"      \"Resource\": \"arn:aws:iot:*:*:client/*\""}})"));

  ASSERT_EQ(result["relatedLocations"].size(), 1U);
  const auto& related = result["relatedLocations"][0];
  EXPECT_EQ(related["id"], 1);
  EXPECT_EQ(related["message"]["text"], "The statement that grants it.");
  EXPECT_EQ(related["physicalLocation"]["region"],
            json::parse(R"({"startLine":5,"startColumn":7,"endLine":5,"endColumn":24})"));

  EXPECT_EQ(result["properties"]["reasonCode"], "ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS");
  EXPECT_EQ(result["properties"]["witness"], "client/other-device");

  ASSERT_EQ(result["fixes"].size(), 1U);
  const auto& fix = result["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "Scope the client id to the device's thing name.");
  EXPECT_EQ(fix["properties"]["safety"], "unsafe");
  ASSERT_EQ(fix["artifactChanges"].size(), 1U);
  const auto& change = fix["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "policies/device.json");
  ASSERT_EQ(change["replacements"].size(), 1U);
  EXPECT_EQ(change["replacements"][0]["deletedRegion"],
            json::parse(R"({"startLine":7,"startColumn":36,"endLine":7,"endColumn":44})"));
  EXPECT_EQ(change["replacements"][0]["insertedContent"]["text"], "client/${iot:Connection.Thing.ThingName}");

  const auto& fingerprint = result["partialFingerprints"][kFingerprintKey];
  ASSERT_TRUE(fingerprint.is_string());
  EXPECT_TRUE(fingerprint.get<std::string>().ends_with(":1"));
  EXPECT_FALSE(result["partialFingerprints"].contains("primaryLocationLineHash"));
}

TEST(SarifReport, ColumnsAreUtf16CodeUnits) {
  // 😀 is one code point but two UTF-16 code units; é is one of each.
  const ir::SourceFile file("e.json", "{\n  \"😀é\": \"iot:*\",\n  \"x\": \"😀\"\n}\n");
  const auto log = sarif({
      diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:*\""), "m"),
      diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"😀\""), "m"),
  });
  const auto& results = log["runs"][0]["results"];
  EXPECT_EQ(regionOf(results[0]), json::parse(R"({"startLine":2,"startColumn":10,"endLine":2,"endColumn":17})"));
  EXPECT_EQ(regionOf(results[1]), json::parse(R"({"startLine":3,"startColumn":8,"endLine":3,"endColumn":12})"));
}

TEST(SarifReport, ByteOrderMarkIsNotAColumnAndCrlfEndsLines) {
  const ir::SourceFile file("b.json", "\xEF\xBB\xBF{\r\n  \"a\": 1\r\n}\r\n");
  const auto log = sarif({
      diagnostic(ir::RuleId::kMissingElement, &file, rangeOf(file, "{"), "m"),
      diagnostic(ir::RuleId::kUnknownElement, &file, rangeOf(file, "\"a\""), "m"),
  });
  const auto& results = log["runs"][0]["results"];
  EXPECT_EQ(regionOf(results[0]), json::parse(R"({"startLine":1,"startColumn":1,"endLine":1,"endColumn":2})"));
  EXPECT_EQ(regionOf(results[1]), json::parse(R"({"startLine":2,"startColumn":3,"endLine":2,"endColumn":6})"));
}

TEST(SarifReport, MultiLineAndEmptyRegions) {
  const ir::SourceFile file("m.json", std::string(kPolicy));
  const auto begin = rangeOf(file, "\"Statement\"").begin;
  const auto end = rangeOf(file, "  ]").end;
  const auto point = rangeOf(file, "\"Version\"").begin;
  const auto log = sarif({
      diagnostic(ir::RuleId::kMissingElement, &file, {point, point}, "m"),
      diagnostic(ir::RuleId::kStatementGrantsNothing, &file, {begin, end}, "m"),
  });
  const auto& results = log["runs"][0]["results"];
  EXPECT_EQ(regionOf(results[0]), json::parse(R"({"startLine":2,"startColumn":3,"endLine":2,"endColumn":3})"));
  EXPECT_EQ(regionOf(results[1]), json::parse(R"({"startLine":3,"startColumn":3,"endLine":9,"endColumn":4})"));
}

TEST(SarifReport, ContextRegionCoversWholeLinesWithoutTerminators) {
  const ir::SourceFile file("b.json", "\xEF\xBB\xBF{\"a\":\r\n  [1,\r\n 2]}\r\n");
  const auto log = sarif({diagnostic(ir::RuleId::kWrongValueType, &file, rangeOf(file, "[1,\r\n 2]"), "m")});
  const auto& location = firstResult(log)["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["region"]["snippet"]["text"], "[1,\r\n 2]");
  EXPECT_EQ(location["contextRegion"], json::parse(R"({"startLine":2,"startColumn":1,"endLine":3,"endColumn":5,
                                                      "snippet":{"text":"  [1,\r\n 2]}"}})"));
  const auto point = rangeOf(file, "{").begin;
  const auto empty = sarif({diagnostic(ir::RuleId::kWrongValueType, &file, {point, point}, "m")});
  const auto& empty_location = firstResult(empty)["locations"][0]["physicalLocation"];
  EXPECT_FALSE(empty_location["region"].contains("snippet"));
  EXPECT_EQ(empty_location["contextRegion"]["snippet"]["text"], "{\"a\":");
}

// A minified policy is one long line: its context is a window around the range, cut at code
// point boundaries, and the fingerprint does not depend on what lies far away on that line.
TEST(SarifReport, LongLinesGiveAWindowAsContextAndFingerprint) {
  const std::string e_acute = "\xC3\xA9";  // two bytes
  const auto minified = [&](std::string_view far_away) {
    return "{\"Id\": \"" + std::string(far_away) + std::string(300, 'a') + "\", \"Statement\": [\"" + e_acute +
           std::string(75, 'd') + "x\", \"iot:Connect\", \"" + std::string(76, 'c') + e_acute + std::string(200, 'c') +
           "\"]}";
  };
  const auto resultOf = [](const ir::SourceFile& file) {
    return firstResult(sarif({diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:Connect\""), "m")}));
  };
  const ir::SourceFile file(std::string(kRoot) + "/p.json", minified("one"));
  const ir::SourceFile edited(std::string(kRoot) + "/p.json", minified("another"));
  const auto result = resultOf(file);
  const auto& context = result["locations"][0]["physicalLocation"]["contextRegion"];
  const std::string text = context["snippet"]["text"];
  // 80 bytes either side of `"iot:Connect"`. Both ends fall inside an "é": the window starts after
  // the first and ends after the second.
  EXPECT_EQ(text, std::string(75, 'd') + "x\", \"iot:Connect\", \"" + std::string(76, 'c') + e_acute);
  EXPECT_EQ(context["startLine"], 1);
  EXPECT_EQ(context["endLine"], 1);
  const auto begin = file.contents().find(text);
  ASSERT_NE(begin, std::string::npos);
  EXPECT_EQ(context["startColumn"], file.position(static_cast<std::uint32_t>(begin)).column_utf16);
  EXPECT_EQ(context["endColumn"], file.position(static_cast<std::uint32_t>(begin + text.size())).column_utf16);
  EXPECT_EQ(fingerprintOf(result), fingerprintOf(resultOf(edited)));
}

TEST(SarifReport, ArtifactUrisAreRelativeToTheSourceRootAndPercentEncoded) {
  const ir::SourceFile inside(std::string(kRoot) + "/policies/my device#1.json", "{}");
  const ir::SourceFile nested(std::string(kRoot) + "/./a/../b/ü.json", "{}");
  const ir::SourceFile outside("/nonexistent-iotlint-root/other/x.json", "{}");
  const auto log = sarif({
      diagnostic(ir::RuleId::kMissingElement, &inside, {0, 2}, "m"),
      diagnostic(ir::RuleId::kMissingElement, &nested, {0, 2}, "m"),
      diagnostic(ir::RuleId::kMissingElement, &outside, {0, 2}, "m"),
  });
  const auto& results = log["runs"][0]["results"];
  std::vector<json> locations;
  for (const auto& result : results) locations.push_back(result["locations"][0]["physicalLocation"]["artifactLocation"]);
  // Sorted by path: "/n.../other" < "/n.../project/./a" < "/n.../project/policies".
  EXPECT_EQ(locations[0], json::parse(R"({"uri":"file:///nonexistent-iotlint-root/other/x.json"})"));
  EXPECT_EQ(locations[1], json::parse(R"({"uri":"b/%C3%BC.json","uriBaseId":"%SRCROOT%"})"));
  EXPECT_EQ(locations[2], json::parse(R"({"uri":"policies/my%20device%231.json","uriBaseId":"%SRCROOT%"})"));
}

TEST(SarifReport, RelativePathsAreResolvedAgainstTheCurrentDirectory) {
  const ir::SourceFile file("policies/device.json", "{}");
  ReportOptions options;
  options.source_root = ".";
  const auto log = sarif({diagnostic(ir::RuleId::kMissingElement, &file, {0, 2}, "m")}, options);
  EXPECT_EQ(firstResult(log)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "policies/device.json");
  const std::string root = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_TRUE(root.starts_with("file:///"));
  EXPECT_TRUE(root.ends_with("/"));
}

TEST(SarifReport, FingerprintsSurviveLinesInsertedAbove) {
  const std::string moved = "{\n\n  \"Id\": \"added\",\n" + std::string(kPolicy).substr(2);
  const ir::SourceFile before(std::string(kRoot) + "/p.json", std::string(kPolicy));
  const ir::SourceFile after(std::string(kRoot) + "/p.json", moved);
  const auto a = firstResult(sarif({testing::overlyPermissive(before)}));
  const auto b = firstResult(sarif({testing::overlyPermissive(after)}));
  EXPECT_NE(regionOf(a)["startLine"], regionOf(b)["startLine"]);
  EXPECT_EQ(fingerprintOf(a), fingerprintOf(b));
}

TEST(SarifReport, FingerprintsDependOnRuleFileAndText) {
  const ir::SourceFile p(std::string(kRoot) + "/p.json", std::string(kPolicy));
  const ir::SourceFile q(std::string(kRoot) + "/q.json", std::string(kPolicy));
  const auto range = rangeOf(p, "\"iot:Connect\"");
  const auto log = sarif({
      diagnostic(ir::RuleId::kUnknownAction, &p, range, "m"),
      diagnostic(ir::RuleId::kWrongResourceType, &p, range, "m"),
      diagnostic(ir::RuleId::kUnknownAction, &p, rangeOf(p, "\"Allow\""), "m"),
      diagnostic(ir::RuleId::kUnknownAction, &q, range, "m"),
  });
  std::set<std::string> fingerprints;
  for (const auto& result : log["runs"][0]["results"]) fingerprints.insert(fingerprintOf(result));
  EXPECT_EQ(fingerprints.size(), 4U);
}

TEST(SarifReport, IdenticalFindingsAreNumbered) {
  const std::string text = "[\n  \"*\",\n  \"*\"\n]\n";
  const ir::SourceFile file(std::string(kRoot) + "/p.json", text);
  const auto log = sarif({
      diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"*\"", 1), "second"),
      diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"*\"", 0), "first"),
  });
  const auto& results = log["runs"][0]["results"];
  const std::string first = fingerprintOf(results[0]);
  const std::string second = fingerprintOf(results[1]);
  EXPECT_EQ(first.substr(0, first.find(':')), second.substr(0, second.find(':')));
  EXPECT_TRUE(first.ends_with(":1"));
  EXPECT_TRUE(second.ends_with(":2"));
}

TEST(SarifReport, DiagnosticWithoutFileIsAToolExecutionNotification) {
  auto d = diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "`big.json` holds 20 MB");
  d.notes.push_back({{}, "the limit is 1 MB"});
  ReportOptions options;
  options.execution_successful = false;
  const auto log = sarif({d}, options);
  const auto& run = log["runs"][0];
  EXPECT_TRUE(run["results"].empty());
  const auto& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1U);
  const auto& notification = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(notification["level"], "error");
  EXPECT_EQ(notification["message"]["text"], "`big.json` holds 20 MB. The limit is 1 MB.");
  EXPECT_EQ(notification["associatedRule"]["id"], "IL103");
  EXPECT_EQ(run["tool"]["driver"]["rules"][notification["associatedRule"]["index"].get<std::size_t>()]["id"], "IL103");
}

TEST(SarifReport, FixWithoutEditsIsLeftOutAndDeletionsInsertEmptyText) {
  const ir::SourceFile file("p.json", std::string(kPolicy));
  auto d = diagnostic(ir::RuleId::kDuplicateKey, &file, rangeOf(file, "\"Effect\": \"Allow\",\n"), "m");
  d.fixes.push_back({"nothing to do", ir::FixSafety::kSafe, {}});
  d.fixes.push_back({"remove the duplicate", ir::FixSafety::kSafe, {{rangeOf(file, "      \"Effect\": \"Allow\",\n"), ""}}});
  const auto result = firstResult(sarif({d}));
  ASSERT_EQ(result["fixes"].size(), 1U);
  const auto& replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"], json::parse(R"({"startLine":5,"startColumn":1,"endLine":6,"endColumn":1})"));
  EXPECT_EQ(replacement["insertedContent"]["text"], "");
  EXPECT_EQ(result["fixes"][0]["properties"]["safety"], "safe");
}

TEST(SarifReport, InvalidUtf8IsReplacedNotFatal) {
  const ir::SourceFile file("bad.json", "{\"a\xff\": 1}");
  const auto log = sarif({diagnostic(ir::RuleId::kInvalidUtf8, &file, {3, 4}, "byte \xff is not UTF-8")});
  EXPECT_EQ(firstResult(log)["message"]["text"], "Byte \xEF\xBF\xBD is not UTF-8.");
}

TEST(SarifReport, BracketsAreEscapedWhenTheMessageLinksToNotes) {
  const ir::SourceFile file("p.json", std::string(kPolicy));
  auto d = diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:Connect\""), "`a[0]` is unknown");
  d.notes.push_back({rangeOf(file, "\"Allow\""), "see [here]"});
  EXPECT_EQ(firstResult(sarif({d}))["message"]["text"], "`a\\[0\\]` is unknown. See [see \\[here\\]](1).");
}

TEST(SarifReport, ToolVersionCanBeOverridden) {
  ReportOptions options;
  options.tool_version = "9.9.9-test";
  EXPECT_EQ(sarif({}, options)["runs"][0]["tool"]["driver"]["semanticVersion"], "9.9.9-test");
}

}  // namespace
}  // namespace iotlint::backend
