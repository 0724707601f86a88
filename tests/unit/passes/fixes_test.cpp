// tests/unit/passes/fixes_test.cpp: fix synthesis (passes/fixes/): the edits each kind proposes,
// the formatting helpers, and passes::compareGrants.
#include "passes/fixes/fixes.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "passes/analyze.h"
#include "passes/fixes/edit_text.h"
#include "test_policy.h"

namespace iotlint::passes {
namespace {

using testing::parse;
using testing::policyOf;
using testing::statement;

std::string applied(const std::string& text, const std::vector<ir::Edit>& edits) {
  std::vector<ir::Edit> sorted = edits;
  std::sort(sorted.begin(), sorted.end(), [](const ir::Edit& a, const ir::Edit& b) { return a.range < b.range; });
  std::string out;
  std::size_t at = 0;
  for (const auto& edit : sorted) {
    out += text.substr(at, edit.range.begin - at) + edit.replacement;
    at = edit.range.end;
  }
  return out + text.substr(at);
}

/// The fixes synthesized for the findings of `rule` in `json`.
std::vector<ir::Fix> fixesFor(const std::string& json, ir::RuleId rule) {
  auto parsed = parse(json);
  ir::DiagnosticEngine diagnostics;
  analyzePolicy(parsed->policy, AnalysisOptions{}, diagnostics);
  std::vector<ir::Fix> out;
  for (const auto& d : diagnostics.diagnostics()) {
    if (d.rule == rule) out.insert(out.end(), d.fixes.begin(), d.fixes.end());
  }
  return out;
}

/// Runs one fix kind on a hand-made finding (for rules whose checks may not report it yet).
std::vector<ir::Fix> fixFor(const std::string& json, ir::RuleId rule, std::string_view at,
                            std::map<std::string, std::string> properties = {}) {
  auto parsed = parse(json);
  ir::DiagnosticEngine scratch;
  AnalysisManager manager(parsed->policy, scratch);
  const CheckOptions options;
  const CheckContext context{manager, options};
  ir::Diagnostic diagnostic;
  diagnostic.rule = rule;
  diagnostic.file = parsed->file.get();
  const auto begin = static_cast<std::uint32_t>(json.find(at));
  EXPECT_NE(json.find(at), std::string::npos) << at;
  diagnostic.range = {begin, begin + static_cast<std::uint32_t>(at.size())};
  diagnostic.properties = std::move(properties);
  std::vector<ir::Diagnostic> diagnostics{diagnostic};
  synthesizeFixes(context, diagnostics);
  return diagnostics.front().fixes;
}

TEST(Fixes, MisspelledActionTakesItsOneCloseMatch) {
  const std::string json = policyOf(statement("Allow", "[\"iot:Connect\", \"iot:Publsh\"]", "\"*\""));
  const auto fixes = fixesFor(json, ir::RuleId::kUnknownAction);
  ASSERT_EQ(fixes.size(), 1U);
  EXPECT_EQ(fixes[0].safety, ir::FixSafety::kUnsafe);
  EXPECT_EQ(applied(json, fixes[0].edits), policyOf(statement("Allow", "[\"iot:Connect\", \"iot:Publish\"]", "\"*\"")));
}

TEST(Fixes, UnknownServiceOrWildcardActionHasNoFix) {
  EXPECT_TRUE(fixesFor(policyOf(statement("Allow", "\"s3:GetObject\"", "\"*\"")), ir::RuleId::kUnknownAction).empty());
  EXPECT_TRUE(fixesFor(policyOf(statement("Allow", "\"iot:Pub*x\"", "\"*\"")), ir::RuleId::kUnknownAction).empty());
}

TEST(Fixes, SubscribeOnTopicBecomesTopicFilter) {
  const std::string json =
      policyOf(statement("Allow", "\"iot:Subscribe\"", "\"arn:aws:iot:us-east-1:123456789012:topic/sensors/#\""));
  const auto fixes = fixesFor(json, ir::RuleId::kWrongResourceType);
  ASSERT_EQ(fixes.size(), 1U);
  EXPECT_EQ(applied(json, fixes[0].edits),
            policyOf(statement("Allow", "\"iot:Subscribe\"", "\"arn:aws:iot:us-east-1:123456789012:topicfilter/sensors/#\"")));
}

TEST(Fixes, MixedActionsLeaveTheResourceTypeAlone) {
  // Connect and Subscribe with a topic resource: the intent is not clear.
  const std::string json = policyOf(
      statement("Allow", "[\"iot:Subscribe\", \"iot:Connect\"]", "\"arn:aws:iot:us-east-1:123456789012:topic/a\""));
  EXPECT_TRUE(fixesFor(json, ir::RuleId::kWrongResourceType).empty());
}

TEST(Fixes, ConnectOnAnyClientBecomesTheThingNameWithIsAttached) {
  const std::string json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                           "      \"Action\": \"iot:Connect\",\n      \"Resource\": \"arn:aws:iot:*:*:client/*\"\n    }\n  ]\n}\n";
  const auto fixes = fixFor(json, ir::RuleId::kOverlyPermissive, "\"arn:aws:iot:*:*:client/*\"");
  ASSERT_EQ(fixes.size(), 1U);
  EXPECT_EQ(fixes[0].safety, ir::FixSafety::kSafe);
  EXPECT_EQ(applied(json, fixes[0].edits),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
            "      \"Action\": \"iot:Connect\",\n      \"Resource\": \"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}\",\n"
            "      \"Condition\": {\n        \"Bool\": {\n          \"iot:Connection.Thing.IsAttached\": \"true\"\n        }\n      }\n"
            "    }\n  ]\n}\n");
}

TEST(Fixes, ThingNamePositionWildcardsBecomeTheThingName) {
  const std::string json = policyOf(statement(
      "Allow", "\"iot:Publish\"",
      "[\"arn:aws:iot:*:*:topic/$aws/things/+/shadow/update\", \"arn:aws:iot:*:*:topic/$aws/things/*\"]"));
  auto first = fixFor(json, ir::RuleId::kOverlyPermissive, "\"arn:aws:iot:*:*:topic/$aws/things/+/shadow/update\"");
  ASSERT_EQ(first.size(), 1U);
  EXPECT_NE(applied(json, first[0].edits).find("topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/update"), std::string::npos);
  auto second = fixFor(json, ir::RuleId::kOverlyPermissive, "\"arn:aws:iot:*:*:topic/$aws/things/*\"");
  ASSERT_EQ(second.size(), 1U);
  EXPECT_NE(applied(json, second[0].edits).find("\"arn:aws:iot:*:*:topic/$aws/things/${iot:Connection.Thing.ThingName}/*\""),
            std::string::npos);
}

TEST(Fixes, SharedStarIsSplitPerResourceType) {
  const std::string json = policyOf(statement("Allow", "[\"iot:Connect\", \"iot:Publish\", \"iot:GetThingShadow\"]",
                                              "\"*\""));
  const auto fixes = fixFor(json, ir::RuleId::kOverlyPermissive, "\"*\"");
  ASSERT_EQ(fixes.size(), 1U);
  EXPECT_EQ(fixes[0].safety, ir::FixSafety::kUnsafe) << "application topics are dropped";
  const std::string fixed = applied(json, fixes[0].edits);
  EXPECT_NE(fixed.find("[\"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}\", "
                       "\"arn:aws:iot:*:*:topic/$aws/things/${iot:Connection.Thing.ThingName}/*\", "
                       "\"arn:aws:iot:*:*:thing/${iot:Connection.Thing.ThingName}\", "
                       "\"arn:aws:iot:*:*:thing/${iot:Connection.Thing.ThingName}/*\"]"),
            std::string::npos)
      << fixed;
  EXPECT_NE(fixed.find("\"Condition\": {\"Bool\": {\"iot:Connection.Thing.IsAttached\": \"true\"}}"), std::string::npos) << fixed;
}

TEST(Fixes, LiteralNamesAndDenyStatementsAreLeftAlone) {
  const std::string literal = policyOf(statement("Allow", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/sensor-001\""));
  EXPECT_TRUE(fixFor(literal, ir::RuleId::kOverlyPermissive, "\"arn:aws:iot:*:*:client/sensor-001\"").empty());
  const std::string deny = policyOf(statement("Deny", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/*\""));
  EXPECT_TRUE(fixFor(deny, ir::RuleId::kOverlyPermissive, "\"arn:aws:iot:*:*:client/*\"").empty());
}

TEST(Fixes, ReceiveDenyFollowsTheSubscribeDeny) {
  const std::string json = policyOf(statement("Allow", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topicfilter/factory/*\"") + ", " +
                                    statement("Deny", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topicfilter/factory/secret/*\""));
  const auto fixes = fixFor(json, ir::RuleId::kPotentialMisconfiguration, "\"arn:aws:iot:*:*:topicfilter/factory/secret/*\"",
                            {{"reasonCode", "TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS"}});
  ASSERT_EQ(fixes.size(), 1U);
  EXPECT_EQ(applied(json, fixes[0].edits),
            policyOf(statement("Allow", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topicfilter/factory/*\"") + ", " +
                     statement("Deny", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topicfilter/factory/secret/*\"") + ", " +
                     statement("Deny", "\"iot:Receive\"", "\"arn:aws:iot:*:*:topic/factory/secret/*\"")));
}

// Formatting -----------------------------------------------------------------------------------

std::string withIsAttached(const std::string& json) {
  auto parsed = parse(json);
  EXPECT_EQ(parsed->policy.statements.size(), 1U);
  auto edits = fixes::addIsAttached(*parsed->file, parsed->policy.statements.front());
  EXPECT_TRUE(edits.has_value());
  return edits ? applied(json, *edits) : std::string();
}

TEST(FixFormatting, TabsAndCrlfAreKept) {
  const std::string json = "{\r\n\t\"Version\": \"2012-10-17\",\r\n\t\"Statement\": [{\r\n\t\t\"Effect\": \"Allow\",\r\n"
                           "\t\t\"Action\": \"iot:Connect\",\r\n\t\t\"Resource\": \"*\"\r\n\t}]\r\n}\r\n";
  EXPECT_EQ(withIsAttached(json),
            "{\r\n\t\"Version\": \"2012-10-17\",\r\n\t\"Statement\": [{\r\n\t\t\"Effect\": \"Allow\",\r\n"
            "\t\t\"Action\": \"iot:Connect\",\r\n\t\t\"Resource\": \"*\",\r\n\t\t\"Condition\": {\r\n\t\t\t\"Bool\": {\r\n"
            "\t\t\t\t\"iot:Connection.Thing.IsAttached\": \"true\"\r\n\t\t\t}\r\n\t\t}\r\n\t}]\r\n}\r\n");
}

TEST(FixFormatting, OneLineStaysOneLineWithItsColonSpacing) {
  const std::string json = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]})";
  EXPECT_EQ(withIsAttached(json),
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*","Condition":{"Bool":{"iot:Connection.Thing.IsAttached":"true"}}}]})");
}

TEST(FixFormatting, MergesIntoAnExistingConditionAndBool) {
  const std::string other_operator = policyOf(statement(
      "Allow", "\"iot:Connect\"", "\"*\"", R"("Condition": {"StringEquals": {"iot:Connection.Thing.ThingTypeName": "sensor"}})"));
  EXPECT_EQ(withIsAttached(other_operator),
            policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"",
                               R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}, "StringEquals": {"iot:Connection.Thing.ThingTypeName": "sensor"}})")));
  const std::string bool_operator =
      policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"", R"("Condition": {"Bool": {"aws:SecureTransport": "true"}})"));
  EXPECT_EQ(withIsAttached(bool_operator),
            policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"",
                               R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true", "aws:SecureTransport": "true"}})")));
}

TEST(FixFormatting, ExistingOrConflictingIsAttached) {
  const std::string present =
      policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"", R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}})"));
  auto parsed = parse(present);
  auto edits = fixes::addIsAttached(*parsed->file, parsed->policy.statements.front());
  ASSERT_TRUE(edits.has_value());
  EXPECT_TRUE(edits->empty());
  const std::string conflicting =
      policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"", R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "false"}})"));
  auto parsed_conflict = parse(conflicting);
  EXPECT_FALSE(fixes::addIsAttached(*parsed_conflict->file, parsed_conflict->policy.statements.front()).has_value());
}

TEST(FixFormatting, ScalarBecomesArrayAndArraysKeepOneItemPerLine) {
  const std::string scalar = policyOf(statement("Allow", "\"iot:Publish\"", "\"*\""));
  auto parsed = parse(scalar);
  auto edits = fixes::replaceItem(*parsed->file, parsed->policy.statements.front(), parsed->policy.statements.front().resources, 0, {"a", "b"});
  ASSERT_TRUE(edits.has_value());
  EXPECT_EQ(applied(scalar, *edits), policyOf(statement("Allow", "\"iot:Publish\"", "[\"a\", \"b\"]")));
  const std::string lines = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", "
                            "\"Resource\": [\n      \"x\",\n      \"*\"\n    ]}]}";
  auto parsed_lines = parse(lines);
  auto line_edits = fixes::replaceItem(*parsed_lines->file, parsed_lines->policy.statements.front(), parsed_lines->policy.statements.front().resources, 1, {"a", "b"});
  ASSERT_TRUE(line_edits.has_value());
  EXPECT_EQ(applied(lines, *line_edits),
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", "
            "\"Resource\": [\n      \"x\",\n      \"a\",\n      \"b\"\n    ]}]}");
}

// compareGrants --------------------------------------------------------------------------------

GrantComparison compare(const std::string& before, const std::string& after) {
  auto a = parse(before);
  auto b = parse(after);
  const GrantComparison fresh = compareGrants(a->policy, b->policy);
  // The driver compares the coverages its analysis already made: the answer must be the same.
  iotlint::ir::DiagnosticEngine scratch;
  const Grants grants_a = analyzePolicy(a->policy, AnalysisOptions{}, scratch);
  const Grants grants_b = analyzePolicy(b->policy, AnalysisOptions{}, scratch);
  const GrantComparison reused = compareGrants(grants_a, grants_b);
  EXPECT_EQ(fresh.comparable, reused.comparable);
  EXPECT_EQ(fresh.subset, reused.subset);
  EXPECT_EQ(fresh.no_new_other_access, reused.no_new_other_access);
  EXPECT_EQ(fresh.no_longer_broad, reused.no_longer_broad);
  EXPECT_EQ(fresh.self_unchanged, reused.self_unchanged);
  EXPECT_EQ(fresh.reason, reused.reason);
  EXPECT_EQ(fresh.broad_after, reused.broad_after);
  return fresh;
}

TEST(CompareGrants, ConnectScopedToTheThingIsASafeNarrowing) {
  const auto result = compare(policyOf(statement("Allow", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/*\"")),
                              policyOf(statement("Allow", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}\"",
                                                 R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}})")));
  ASSERT_TRUE(result.comparable) << result.reason;
  EXPECT_TRUE(result.subset);
  EXPECT_TRUE(result.no_new_other_access);
  EXPECT_TRUE(result.no_longer_broad);
  EXPECT_TRUE(result.self_unchanged) << result.reason;
}

TEST(CompareGrants, NarrowingApplicationTopicsIsNotSafe) {
  const auto result = compare(policyOf(statement("Allow", "\"iot:Publish\"", "\"arn:aws:iot:*:*:topic/*\"")),
                              policyOf(statement("Allow", "\"iot:Publish\"",
                                                 "\"arn:aws:iot:*:*:topic/$aws/things/${iot:Connection.Thing.ThingName}/*\"")));
  ASSERT_TRUE(result.comparable);
  EXPECT_TRUE(result.subset);
  EXPECT_TRUE(result.no_longer_broad);
  EXPECT_FALSE(result.self_unchanged);
  EXPECT_NE(result.reason.find("iot:Publish"), std::string::npos) << result.reason;
}

TEST(CompareGrants, WideningIsNotASubsetAndMayReachOthers) {
  const auto result = compare(policyOf(statement("Allow", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topic/$aws/things/+/shadow/#\"")),
                              policyOf(statement("Allow", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topicfilter/$aws/things/+/shadow/#\"")));
  ASSERT_TRUE(result.comparable);
  EXPECT_FALSE(result.subset);
  EXPECT_FALSE(result.no_new_other_access);
  EXPECT_FALSE(result.no_longer_broad);
}

TEST(CompareGrants, SamePolicyIsUnchanged) {
  const std::string json = policyOf(statement("Allow", "[\"iot:Publish\", \"iot:Subscribe\"]", "\"*\""));
  const auto result = compare(json, json);
  ASSERT_TRUE(result.comparable);
  EXPECT_TRUE(result.subset && result.no_new_other_access && result.self_unchanged);
  EXPECT_FALSE(result.no_longer_broad);
}

}  // namespace
}  // namespace iotlint::passes
