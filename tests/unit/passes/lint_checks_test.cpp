// tests/unit/passes/lint_checks_test.cpp: the lint checks IL206-IL210 and the messages of the
// pipeline's IL200-IL205, on small policies: what is reported, where, and what is not.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "passes/analyze.h"
#include "test_policy.h"

namespace iotlint::passes {
namespace {

using testing::parse;
using testing::policyOf;
using testing::statement;

const std::string kArn = "arn:aws:iot:us-east-1:123456789012:";
const std::string kThingName = "${iot:Connection.Thing.ThingName}";
const std::string kAttached = R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "true"}})";

std::string quoted(const std::string& text) { return "\"" + text + "\""; }
std::string topic(const std::string& name) { return quoted(kArn + "topic/" + name); }
std::string client(const std::string& name) { return quoted(kArn + "client/" + name); }
std::string connect() { return statement("Allow", "\"iot:Connect\"", client(kThingName), kAttached); }

struct Finding {
  ir::RuleId rule;
  std::string text;  ///< the source text the range covers
  std::string message;
};

struct Analysis {
  std::unique_ptr<testing::ParsedPolicy> parsed;
  std::vector<ir::Diagnostic> diagnostics;

  /// The findings of `rule`, with the text their ranges cover.
  std::vector<Finding> of(ir::RuleId rule) const {
    std::vector<Finding> found;
    for (const auto& d : diagnostics) {
      if (d.rule != rule) continue;
      const std::string_view source = parsed->file->contents();
      found.push_back({d.rule, std::string(source.substr(d.range.begin, d.range.end - d.range.begin)), d.message});
    }
    return found;
  }
};

Analysis analyze(const std::string& json) {
  Analysis analysis;
  analysis.parsed = parse(json);
  ir::DiagnosticEngine diagnostics;
  analyzePolicy(analysis.parsed->policy, AnalysisOptions{}, diagnostics);
  analysis.diagnostics = diagnostics.take();
  return analysis;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// IL200-IL205 messages --------------------------------------------------------------------------

TEST(LintMessages, UnknownActionSuggestsTheClosestAction) {
  const auto a = analyze(policyOf(statement("Allow", R"(["iot:Publsh", "iot:Receieve"])", topic("t"))));
  const auto found = a.of(ir::RuleId::kUnknownAction);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].text, "iot:Publsh");
  EXPECT_TRUE(contains(found[0].message, "did you mean `iot:Publish`?")) << found[0].message;
  EXPECT_TRUE(contains(found[1].message, "did you mean `iot:Receive`?")) << found[1].message;
}

TEST(LintMessages, WrongResourceTypeNamesTheTypeToWrite) {
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Subscribe\"", topic("a/*"))));
  const auto found = a.of(ir::RuleId::kWrongResourceType);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].message,
            "this `topic` resource never matches `iot:Subscribe`, which is checked on `topicfilter` resources, so it "
            "grants nothing; write `...:topicfilter/NAME`");
}

TEST(LintMessages, LegacyVariableMessageSaysWhyForEachVersion) {
  const std::string body = statement("Allow", "\"iot:Publish\"", topic(kThingName + "/t"));
  const auto v2008 = analyze(policyOf(body, "2008-10-17")).of(ir::RuleId::kVariableInLegacyVersion);
  const auto missing = analyze(policyOf(body, "")).of(ir::RuleId::kVariableInLegacyVersion);
  const auto unknown = analyze(policyOf(body, "2012-10-18")).of(ir::RuleId::kVariableInLegacyVersion);
  ASSERT_EQ(v2008.size(), 1U);
  ASSERT_EQ(missing.size(), 1U);
  ASSERT_EQ(unknown.size(), 1U);
  EXPECT_EQ(v2008[0].text, kThingName);
  EXPECT_TRUE(contains(v2008[0].message, "under `\"Version\": \"2008-10-17\"`")) << v2008[0].message;
  EXPECT_TRUE(contains(missing[0].message, "in a policy without `Version`")) << missing[0].message;
  EXPECT_TRUE(contains(unknown[0].message, "because `Version` is `2012-10-18` rather than `2012-10-17`")) << unknown[0].message;
  EXPECT_FALSE(contains(unknown[0].message, "without")) << unknown[0].message;
}

// IL206 deny-fails-open ---------------------------------------------------------------------------

TEST(DenyFailsOpen, UnknownVariableInDenyResource) {
  const auto a = analyze(policyOf(connect() + "," + statement("Allow", "\"iot:Publish\"", topic("*")) + "," +
                                  statement("Deny", "\"iot:Publish\"", topic("${iot:Thing.ThingName}/bar"))));
  const auto found = a.of(ir::RuleId::kDenyFailsOpen);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, kArn + "topic/${iot:Thing.ThingName}/bar");
  EXPECT_TRUE(contains(found[0].message, "this statement denies nothing")) << found[0].message;
  EXPECT_TRUE(contains(found[0].message, "meant to deny `iot:Publish` on `topic/${iot:Connection.Thing.ThingName}/bar`"))
      << found[0].message;
  EXPECT_EQ(a.of(ir::RuleId::kUnknownVariable).size(), 1U);  // IL202 still names the variable
}

TEST(DenyFailsOpen, OneResourceOfSeveral) {
  const auto a = analyze(policyOf(
      statement("Deny", "\"iot:Publish\"", "[" + topic("admin/*") + ", " + topic("${aws:SourceIp}/*") + "]")));
  const auto found = a.of(ir::RuleId::kDenyFailsOpen);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_TRUE(contains(found[0].message, "this resource denies nothing")) << found[0].message;
}

TEST(DenyFailsOpen, ConditionThatNeverHolds) {
  const auto a = analyze(policyOf(statement("Deny", "\"iot:Connect\"", client("*"),
                                            R"("Condition": {"StringEquals": {"iot:ClientId": "${iot:Thing.ThingName}"}})")));
  const auto found = a.of(ir::RuleId::kDenyFailsOpen);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, "${iot:Thing.ThingName}");
  EXPECT_TRUE(contains(found[0].message, "never holds")) << found[0].message;
}

TEST(DenyFailsOpen, NotReportedForAllowsNotResourceOrKnownVariables) {
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Publish\"", topic("${iot:Thing.ThingName}"))))
                  .of(ir::RuleId::kDenyFailsOpen)
                  .empty());
  // A NotResource entry that matches nothing makes the Deny broader, not narrower.
  EXPECT_TRUE(analyze(policyOf("{\"Effect\": \"Deny\", \"Action\": \"iot:Publish\", \"NotResource\": " +
                               topic("${iot:Thing.ThingName}") + "}"))
                  .of(ir::RuleId::kDenyFailsOpen)
                  .empty());
  EXPECT_TRUE(analyze(policyOf(statement("Deny", "\"iot:Publish\"", topic(kThingName + "/bar"))))
                  .of(ir::RuleId::kDenyFailsOpen)
                  .empty());
  // Under 2008-10-17 the text is literal (IL205), not an unresolvable variable.
  EXPECT_TRUE(analyze(policyOf(statement("Deny", "\"iot:Publish\"", topic("${iot:Thing.ThingName}")), "2008-10-17"))
                  .of(ir::RuleId::kDenyFailsOpen)
                  .empty());
}

// IL207 connect-without-is-attached ----------------------------------------------------------------

TEST(ConnectWithoutIsAttached, ThingNameClientWithoutTheCondition) {
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Connect\"", client(kThingName))));
  const auto found = a.of(ir::RuleId::kConnectWithoutIsAttached);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, kArn + "client/" + kThingName);
}

TEST(ConnectWithoutIsAttached, NotReportedWithTheConditionOrOtherClients) {
  EXPECT_TRUE(analyze(policyOf(connect())).of(ir::RuleId::kConnectWithoutIsAttached).empty());
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Connect\"", client(kThingName),
                                         R"("Condition": {"bool": {"IOT:Connection.Thing.IsAttached": ["true"]}})")))
                  .of(ir::RuleId::kConnectWithoutIsAttached)
                  .empty());
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Connect\"", client("sensor-1")))).of(ir::RuleId::kConnectWithoutIsAttached).empty());
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Connect\"", client(kThingName + "-*"))))
                  .of(ir::RuleId::kConnectWithoutIsAttached)
                  .empty());
  EXPECT_TRUE(analyze(policyOf(statement("Deny", "\"iot:Connect\"", client(kThingName)))).of(ir::RuleId::kConnectWithoutIsAttached).empty());
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Publish\"", client(kThingName)))).of(ir::RuleId::kConnectWithoutIsAttached).empty());
}

TEST(ConnectWithoutIsAttached, IsAttachedFalseIsReported) {
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Connect\"", client(kThingName),
                                            R"("Condition": {"Bool": {"iot:Connection.Thing.IsAttached": "false"}})")));
  EXPECT_EQ(a.of(ir::RuleId::kConnectWithoutIsAttached).size(), 1U);
}

// IL208 statement-grants-nothing -----------------------------------------------------------------

TEST(StatementGrantsNothing, AllowInsideTheDenyUnion) {
  const auto a = analyze(policyOf(connect() + "," + statement("Allow", "\"iot:Publish\"", topic("$aws/things/*/shadow/*")) + "," +
                                  statement("Deny", "\"iot:Publish\"", topic("$aws/things/*"), R"("Sid": "NoReserved")")));
  const auto found = a.of(ir::RuleId::kStatementGrantsNothing);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, "\"Allow\"");
  EXPECT_TRUE(contains(found[0].message, "`iot:Publish` is denied by statement 2 (Sid `NoReserved`)")) << found[0].message;
  const auto& diagnostic = *std::find_if(a.diagnostics.begin(), a.diagnostics.end(), [](const ir::Diagnostic& d) {
    return d.rule == ir::RuleId::kStatementGrantsNothing;
  });
  ASSERT_EQ(diagnostic.notes.size(), 1U);
}

TEST(StatementGrantsNothing, NamesEveryDenyThatRemovesAPart) {
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Publish\"", "[" + topic("a/1") + ", " + topic("a/2") + "]") + "," +
                                  statement("Deny", "\"iot:Publish\"", topic("a/1")) + "," +
                                  statement("Deny", "\"iot:*\"", topic("a/2"))));
  const auto found = a.of(ir::RuleId::kStatementGrantsNothing);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_TRUE(contains(found[0].message, "statement 1 and statement 2")) << found[0].message;
}

TEST(StatementGrantsNothing, NotReportedWhenSomethingRemainsOrForOtherReasons) {
  // Part of the Allow survives.
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Publish\"", topic("a/*")) + "," +
                               statement("Deny", "\"iot:Publish\"", topic("a/b/*"))))
                  .of(ir::RuleId::kStatementGrantsNothing)
                  .empty());
  // One action survives, the other is denied.
  EXPECT_TRUE(analyze(policyOf(statement("Allow", R"(["iot:Publish", "iot:Receive"])", topic("a/*")) + "," +
                               statement("Deny", "\"iot:Publish\"", topic("*"))))
                  .of(ir::RuleId::kStatementGrantsNothing)
                  .empty());
  // Grants nothing because of the resource type (IL201), not because of a Deny.
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Subscribe\"", topic("a/*")) + "," +
                               statement("Deny", "\"iot:Subscribe\"", "\"*\"")))
                  .of(ir::RuleId::kStatementGrantsNothing)
                  .empty());
  // Unknown variable (IL202).
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Publish\"", topic("${iot:Thing.ThingName}")) + "," +
                               statement("Deny", "\"iot:Publish\"", "\"*\"")))
                  .of(ir::RuleId::kStatementGrantsNothing)
                  .empty());
  // A Deny whose condition cannot be decided is assumed not to apply.
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Publish\"", topic("a/*")) + "," +
                               statement("Deny", "\"iot:Publish\"", topic("*"),
                                         R"("Condition": {"StringEquals": {"iot:Connection.Thing.ThingTypeName": "x"}})")))
                  .of(ir::RuleId::kStatementGrantsNothing)
                  .empty());
}

TEST(StatementGrantsNothing, ClientIdScenariosCancelPerClient) {
  // The Deny removes `${iot:ClientId}/x` per client; the Allow of `b/x` survives for client a.
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Connect\"", "[" + client("a") + ", " + client("b") + "]") + "," +
                                  statement("Allow", "\"iot:Publish\"", topic("b/x")) + "," +
                                  statement("Deny", "\"iot:Publish\"", topic("${iot:ClientId}/x"))));
  EXPECT_TRUE(a.of(ir::RuleId::kStatementGrantsNothing).empty());
}

// IL209 mqtt-wildcard-in-topic ---------------------------------------------------------------------

TEST(MqttWildcardInTopic, PointsAtTheCharacter) {
  const auto a = analyze(policyOf(statement("Allow", R"(["iot:Publish", "iot:Subscribe"])", topic("a/+/b/#"))));
  const auto found = a.of(ir::RuleId::kMqttWildcardInTopic);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, "+");
  EXPECT_TRUE(contains(found[0].message, "grants `iot:Publish` on no topic")) << found[0].message;
}

TEST(MqttWildcardInTopic, DenyStatementsAreLeftToTheMisconfigurationCheck) {
  const auto deny_publish = analyze(policyOf(statement("Deny", "\"iot:Publish\"", topic("a/#"))));
  EXPECT_TRUE(deny_publish.of(ir::RuleId::kMqttWildcardInTopic).empty());
  EXPECT_EQ(deny_publish.of(ir::RuleId::kPotentialMisconfiguration).size(), 1U);
  EXPECT_TRUE(analyze(policyOf(statement("Deny", "\"iot:Receive\"", topic("a/#")))).of(ir::RuleId::kMqttWildcardInTopic).empty());
  EXPECT_TRUE(analyze(policyOf(statement("Deny", "\"iot:Subscribe\"", quoted(kArn + "topicfilter/a/#"))))
                  .of(ir::RuleId::kMqttWildcardInTopic)
                  .empty());
}

TEST(MqttWildcardInTopic, NotReportedOutsideTopicNamesOrInVariables) {
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Subscribe\"", quoted(kArn + "topicfilter/a/#"))))
                  .of(ir::RuleId::kMqttWildcardInTopic)
                  .empty());
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Publish\"", topic("${iot:Connection.Thing.Attributes[a+b]}/x"))))
                  .of(ir::RuleId::kMqttWildcardInTopic)
                  .empty());
  EXPECT_TRUE(analyze(policyOf(statement("Allow", "\"iot:Connect\"", client("a+b")))).of(ir::RuleId::kMqttWildcardInTopic).empty());
}

TEST(MqttWildcardInTopic, EscapedCharacterIsFoundThroughTheOffsetMap) {
  // `\u0023` is `#` after JSON decoding; the range covers the six characters of the escape.
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Publish\"", quoted(kArn + "topic/a/\\u0023"))));
  const auto found = a.of(ir::RuleId::kMqttWildcardInTopic);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, "\\u0023");
}

// IL210 vacuous-for-all-values --------------------------------------------------------------------

TEST(VacuousForAllValues, ConnectAttributes) {
  const auto a = analyze(policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"",
                                            R"("Condition": {"ForAllValues:StringEquals": {"iot:ConnectAttributes": ["LastWill"]}})")));
  const auto found = a.of(ir::RuleId::kVacuousForAllValues);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].text, "ForAllValues");
  EXPECT_TRUE(contains(found[0].message, "use `ForAnyValue:StringEquals`")) << found[0].message;
  EXPECT_TRUE(contains(found[0].message, "`\"Null\": {\"iot:ConnectAttributes\": \"false\"}`")) << found[0].message;
}

TEST(VacuousForAllValues, NotReported) {
  const auto none = [](const std::string& condition) {
    return analyze(policyOf(statement("Allow", "\"iot:Connect\"", "\"*\"", "\"Condition\": " + condition)))
        .of(ir::RuleId::kVacuousForAllValues)
        .empty();
  };
  EXPECT_TRUE(none(R"({"ForAllValues:StringEquals": {"iot:ConnectAttributes": []}})"));
  EXPECT_TRUE(none(R"({"ForAnyValue:StringEquals": {"iot:ConnectAttributes": ["LastWill"]}})"));
  EXPECT_TRUE(none(R"({"ForAllValues:StringEquals": {"iot:ConnectAttributes": ["LastWill"]}, "Null": {"iot:connectattributes": "false"}})"));
  EXPECT_TRUE(none(R"({"ForAllValues:StringLike": {"iot:ClientId": ["sensor-*"]}})"));
}

TEST(VacuousForAllValues, NegatedOperatorGetsOnlyTheNullHint) {
  const auto a = analyze(policyOf(statement("Deny", "\"iot:Connect\"", "\"*\"",
                                            R"("Condition": {"forallvalues:StringNotEquals": {"iot:Certificate.Subject.Organization.List": ["A"]}})")));
  const auto found = a.of(ir::RuleId::kVacuousForAllValues);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_TRUE(contains(found[0].message, "this `Deny` also applies")) << found[0].message;
  EXPECT_FALSE(contains(found[0].message, "ForAnyValue")) << found[0].message;
}

}  // namespace
}  // namespace iotlint::passes
