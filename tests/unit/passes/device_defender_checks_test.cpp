// Unit tests of the Device Defender checks: IOT_POLICY_OVERLY_PERMISSIVE_CHECK and
// IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK, and their helpers (passes/checks/other_device.h).
#include <gtest/gtest.h>

#include <algorithm>

#include "passes/analyze.h"
#include "passes/checks/other_device.h"
#include "passes/coverage.h"
#include "test_policy.h"

namespace iotlint::passes {
namespace {

using automata::Language;
using automata::Symbol;
using testing::kArn;
using testing::parse;
using testing::policyOf;
using testing::res;
using testing::statement;

const std::string kThingName = "${iot:Connection.Thing.ThingName}";
const std::string kAttached = "\"Condition\": {\"Bool\": {\"iot:Connection.Thing.IsAttached\": \"true\"}}";

std::vector<Symbol> word(std::string_view text, std::string_view other_marker = "") {
  std::vector<Symbol> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!other_marker.empty() && text.substr(i).starts_with(other_marker)) {
      out.push_back(TokenTable::kOther);
      i += other_marker.size();
    } else {
      out.push_back(static_cast<unsigned char>(text[i++]));
    }
  }
  return out;
}

struct Checked {
  std::unique_ptr<testing::ParsedPolicy> parsed;
  ir::DiagnosticEngine diagnostics;

  std::vector<const ir::Diagnostic*> of(ir::RuleId rule) const {
    std::vector<const ir::Diagnostic*> found;
    for (const auto& d : diagnostics.diagnostics()) {
      if (d.rule == rule) found.push_back(&d);
    }
    return found;
  }
  std::string text(ir::SourceRange range) const { return std::string(parsed->file->text(range)); }
};

std::unique_ptr<Checked> check(const std::string& json, std::vector<std::string> layouts = {}) {
  auto checked = std::make_unique<Checked>();
  checked->parsed = parse(json);
  EXPECT_FALSE(checked->parsed->frontend_diagnostics.hasErrors()) << json;
  AnalysisOptions options;
  options.device_topic_layouts = std::move(layouts);
  analyzePolicy(checked->parsed->policy, options, checked->diagnostics);
  return checked;
}

std::vector<const ir::Diagnostic*> broad(const Checked& checked) { return checked.of(ir::RuleId::kOverlyPermissive); }
std::vector<const ir::Diagnostic*> misconfigured(const Checked& checked) {
  return checked.of(ir::RuleId::kPotentialMisconfiguration);
}

// Helpers ---------------------------------------------------------------------------------------

TEST(DeviceTopicLayout, AcceptsMqttFiltersWithOneThing) {
  EXPECT_FALSE(deviceTopicLayoutError("devices/{thing}/#"));
  EXPECT_FALSE(deviceTopicLayoutError("+/fleet/{thing}"));
  EXPECT_FALSE(deviceTopicLayoutError("{thing}"));
  EXPECT_FALSE(deviceTopicLayoutError("dev-{thing}/+/state"));
}

TEST(DeviceTopicLayout, RejectsMalformedLayouts) {
  EXPECT_TRUE(deviceTopicLayoutError(""));
  EXPECT_TRUE(deviceTopicLayoutError("devices/#"));                 // no {thing}
  EXPECT_TRUE(deviceTopicLayoutError("{thing}/{thing}"));           // twice
  EXPECT_TRUE(deviceTopicLayoutError("devices/{thing/#"));          // unclosed brace
  EXPECT_TRUE(deviceTopicLayoutError("devices/{thing}/*"));         // policy wildcard
  EXPECT_TRUE(deviceTopicLayoutError("devices/{thing}/#/x"));       // `#` not last
  EXPECT_TRUE(deviceTopicLayoutError("devices/{thing}/a#"));        // `#` not alone
  EXPECT_TRUE(deviceTopicLayoutError("devices/{thing}+/x"));        // `+` not alone
  EXPECT_NE(deviceTopicLayoutError("devices/*/{thing}")->find("`+`"), std::string::npos);
}

TEST(DeviceTopicLayout, ThingPositionIsOther) {
  const Language topics = layoutTopicsOfOther("devices/{thing}/#");
  EXPECT_TRUE(topics.contains(word("devices/@/telemetry", "@")));
  EXPECT_TRUE(topics.contains(word("devices/@/a/b", "@")));
  EXPECT_FALSE(topics.contains(word("devices/pump/telemetry")));
  EXPECT_FALSE(topics.contains(word("devices/@", "@")));
  const Language one_level = layoutTopicsOfOther("+/{thing}");
  EXPECT_TRUE(one_level.contains(word("site/@", "@")));
  EXPECT_FALSE(one_level.contains(word("site/@/x", "@")));
}

TEST(FiltersMatchingTopic, EveryMqttFilterOfTheTopic) {
  const Language filters = filtersMatchingTopic(word("a/b"));
  for (std::string_view filter : {"#", "a/#", "+/#", "a/b", "+/b", "a/+", "+/+"}) {
    EXPECT_TRUE(filters.contains(word(filter))) << filter;
  }
  for (std::string_view filter : {"a/b/#", "a", "b", "a/c", "+", "a/b/c"}) {
    EXPECT_FALSE(filters.contains(word(filter))) << filter;
  }
  // Each filter matches the topic under the engine's own MQTT reading.
  EXPECT_TRUE(filters.topicsMatchedByFilters().contains(word("a/b")));
}

TEST(WitnessNames, AvoidNamesThatOccurInThePolicy) {
  auto parsed = parse(policyOf(statement("Allow", "\"iot:Connect\"", res("client/device-1"))));
  const RenderOptions names = witnessNames(parsed->policy, {});
  EXPECT_EQ(names.self_name, "device-2");
  EXPECT_EQ(names.other_name, "device-3");
  const RenderOptions given = witnessNames(parsed->policy, {"me", "them"});
  EXPECT_EQ(given.other_name, "them");
}

// IOT_POLICY_OVERLY_PERMISSIVE_CHECK ------------------------------------------------------------

TEST(OverlyPermissive, ConnectAnyClientIsBroadWithWitness) {
  auto c = check(policyOf(statement("Allow", "\"iot:Connect\"", res("client/*"))));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]->level, ir::Level::kError);
  EXPECT_EQ(c->text(found[0]->range), "\"" + std::string(kArn) + "client/*\"");  // quotes included
  EXPECT_EQ(found[0]->properties.at("reasonCode"), "ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS");
  EXPECT_EQ(found[0]->properties.at("witness"), "thing \"device-1\" may connect as client id \"device-2\"");
  EXPECT_NE(found[0]->message.find("client id `device-2`"), std::string::npos) << found[0]->message;
  ASSERT_FALSE(found[0]->notes.empty());
  EXPECT_TRUE(c->text(found[0]->notes[0].range).starts_with("{"));  // the statement
}

TEST(OverlyPermissive, ConnectPinnedToTheThingIsNotBroad) {
  auto c = check(policyOf(statement("Allow", "\"iot:Connect\"", res("client/" + kThingName), kAttached)));
  EXPECT_TRUE(broad(*c).empty());
  auto literal = check(policyOf(statement("Allow", "\"iot:Connect\"", res("client/sensor-001"))));
  EXPECT_TRUE(broad(*literal).empty());
}

TEST(OverlyPermissive, PublishWitnessIsAShadowTopicOfAnotherThing) {
  auto c = check(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/*"))));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NE(found[0]->message.find("`$aws/things/device-2/shadow/update` is allowed"), std::string::npos) << found[0]->message;
}

TEST(OverlyPermissive, SubscribeFilterIsReadAsMqtt) {
  auto hash = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/$aws/things/#"))));
  ASSERT_EQ(broad(*hash).size(), 1U);
  EXPECT_NE(broad(*hash)[0]->message.find("the filter `$aws/things/#` is allowed"), std::string::npos);
  auto plus = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/$aws/things/+/shadow/update"))));
  ASSERT_EQ(broad(*plus).size(), 1U);
  EXPECT_NE(broad(*plus)[0]->message.find("`$aws/things/+/shadow/update`"), std::string::npos);
  auto own = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/$aws/things/" + kThingName + "/#"))));
  EXPECT_TRUE(broad(*own).empty());
  auto application = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/sensors/*"))));
  EXPECT_TRUE(broad(*application).empty());
}

TEST(OverlyPermissive, ReceiveAloneIsNeverBroad) {
  auto c = check(policyOf(statement("Allow", "\"iot:Receive\"", "\"*\"")));
  EXPECT_TRUE(broad(*c).empty());
}

TEST(OverlyPermissive, OneFindingPerResourceNamingEveryAction) {
  auto c = check(policyOf(statement("Allow", "\"iot:*\"", "\"*\"")));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  const std::string& actions = found[0]->properties.at("actions");
  for (std::string_view action : {"iot:Connect", "iot:Publish", "iot:RetainPublish", "iot:Subscribe", "iot:GetThingShadow",
                                  "iot:UpdateJobExecution"}) {
    EXPECT_NE(actions.find(action), std::string::npos) << action;
  }
  EXPECT_EQ(actions.find("iot:Receive,"), std::string::npos);
  EXPECT_EQ(actions.find("iotjobsdata:"), std::string::npos);  // `iot:*` does not name them
}

TEST(OverlyPermissive, EachBroadResourceStringIsItsOwnFinding) {
  auto c = check(policyOf(statement("Allow", "[\"iot:Publish\", \"iot:GetThingShadow\"]",
                                    "[" + res("topic/$aws/things/*/shadow/update") + ", " + res("thing/*") + ", " +
                                        res("topic/$aws/things/" + kThingName + "/shadow/get") + "]")));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_NE(c->text(found[0]->range).find("shadow/update"), std::string::npos);
  EXPECT_NE(c->text(found[1]->range).find("thing/*"), std::string::npos);
}

TEST(OverlyPermissive, DenyThatRemovesTheBreadthRemovesTheFinding) {
  auto c = check(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/*/shadow/*")) + "," +
                          statement("Deny", "\"iot:Publish\"", res("topic/$aws/things/*"))));
  EXPECT_TRUE(broad(*c).empty());
  auto partial = check(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/*")) + "," +
                                statement("Deny", "\"iot:Publish\"", res("topic/$aws/things/*/shadow/*"))));
  ASSERT_EQ(broad(*partial).size(), 1U);
  EXPECT_NE(broad(*partial)[0]->message.find("jobs/"), std::string::npos) << broad(*partial)[0]->message;
}

TEST(OverlyPermissive, UndecidableDenyDoesNotHideTheFinding) {
  auto c = check(policyOf(statement("Allow", "\"iot:Connect\"", res("client/*")) + "," +
                          statement("Deny", "\"iot:Connect\"", res("client/*"),
                                    "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}")));
  EXPECT_EQ(broad(*c).size(), 1U);
}

TEST(OverlyPermissive, NotResourceIsReportedOnTheStatement) {
  auto c = check(policyOf("{\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", \"NotResource\": " +
                          res("topic/$aws/things/" + kThingName + "/*") + "}"));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(c->text(found[0]->range), "\"NotResource\"");
  EXPECT_TRUE(found[0]->message.starts_with("through `NotResource`")) << found[0]->message;
}

TEST(OverlyPermissive, NotActionIsReportedOnTheStatementWithResourceNotes) {
  auto c = check(policyOf("{\"Effect\": \"Allow\", \"NotAction\": \"iot:Receive\", \"Resource\": [" + res("thing/*") + ", " +
                          res("client/*") + "]}"));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(c->text(found[0]->range), "\"NotAction\"");
  EXPECT_EQ(found[0]->notes.size(), 3U);  // the statement, and each resource
}

TEST(OverlyPermissive, ClientIdTopicsFollowTheConnectGrant) {
  const std::string topic = statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/${iot:ClientId}/shadow/update"));
  auto free = check(policyOf(statement("Allow", "\"iot:Connect\"", res("client/*")) + "," + topic));
  const auto found = broad(*free);
  ASSERT_EQ(found.size(), 2U);  // the Connect grant itself, and the topic
  const ir::Diagnostic* publish = found[0]->message.find("iot:Publish") != std::string::npos ? found[0] : found[1];
  const bool points_at_connect = std::any_of(publish->notes.begin(), publish->notes.end(), [&](const ir::Note& note) {
    return free->text(note.range).find("client/*") != std::string::npos;
  });
  EXPECT_TRUE(points_at_connect);

  auto pinned = check(policyOf(statement("Allow", "\"iot:Connect\"", res("client/" + kThingName), kAttached) + "," + topic));
  EXPECT_TRUE(broad(*pinned).empty());

  auto none = check(policyOf(topic));
  ASSERT_EQ(broad(*none).size(), 1U);
  EXPECT_NE(broad(*none)[0]->notes.back().message.find("grants no `iot:Connect`"), std::string::npos);
}

TEST(OverlyPermissive, ThingNamePrefixReachesOtherThings) {
  auto c = check(policyOf(statement("Allow", "\"iot:GetThingShadow\"", res("thing/" + kThingName + "*"))));
  ASSERT_EQ(broad(*c).size(), 1U);
  auto literal_prefix = check(policyOf(statement("Allow", "\"iot:GetThingShadow\"", res("thing/MyThing*"))));
  EXPECT_TRUE(broad(*literal_prefix).empty());
}

TEST(OverlyPermissive, JobsDataActionsAreChecked) {
  auto c = check(policyOf(statement("Allow", "\"iotjobsdata:*\"", res("thing/*"))));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NE(found[0]->properties.at("actions").find("iotjobsdata:DescribeJobExecution"), std::string::npos);
}

TEST(OverlyPermissive, ProjectLayoutsAreOtherThingsTopics) {
  const std::string policy = policyOf(statement("Allow", "\"iot:Publish\"", res("topic/devices/*/telemetry")));
  EXPECT_TRUE(broad(*check(policy)).empty());
  auto c = check(policy, {"devices/{thing}/#"});
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NE(found[0]->message.find("`devices/device-2/telemetry`"), std::string::npos) << found[0]->message;
  EXPECT_NE(found[0]->message.find("devices/{thing}/#"), std::string::npos);
  auto own = check(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/devices/" + kThingName + "/*"))), {"devices/{thing}/#"});
  EXPECT_TRUE(broad(*own).empty());
}

TEST(OverlyPermissive, CommandTopicsOfOtherThings) {
  auto c = check(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/commands/things/*/executions/*/response/json"))));
  ASSERT_EQ(broad(*c).size(), 1U);
  EXPECT_NE(broad(*c)[0]->message.find("command topics"), std::string::npos);
}

TEST(OverlyPermissive, TooComplexGrantIsReportedConservatively) {
  // The MQTT reading of `*` minus `*a` and 20 `?` needs the complement of the Deny: more subsets
  // than the automata allow, so the check says it could not bound the grant.
  auto c = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/*")) + "," +
                          statement("Deny", "\"iot:Subscribe\"", res("topicfilter/*a" + std::string(20, '?')))));
  const auto found = broad(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]->properties.at("tooComplex"), "true");
  EXPECT_NE(found[0]->message.find("too complex to bound exactly"), std::string::npos);
  EXPECT_NE(c->text(found[0]->range).find("topicfilter/*\""), std::string::npos);
}

// IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK ---------------------------------------------------

std::string m1() {
  return policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/building/*")) + "," +
                  statement("Deny", "\"iot:Subscribe\"", res("topicfilter/building/control_room/#")) + "," +
                  statement("Allow", "\"iot:Receive\"", res("topic/building/*")));
}

TEST(PotentialMisconfiguration, WildcardInDenyPointsAtTheCharacter) {
  auto c = check(m1());
  const auto found = misconfigured(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]->level, ir::Level::kWarning);
  EXPECT_EQ(c->text(found[0]->range), "#");
  EXPECT_EQ(found[0]->properties.at("reasonCode"), "POLICY_CONTAINS_MQTT_WILDCARDS_IN_DENY_STATEMENT");
  EXPECT_EQ(found[0]->properties.at("witness"), "building/#");
}

TEST(PotentialMisconfiguration, WildcardFilterBypassesDeny) {
  const std::string m3 = policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/building/*")) + "," +
                                  statement("Deny", "\"iot:Subscribe\"", res("topicfilter/building/control_room/*")) + "," +
                                  statement("Allow", "\"iot:Receive\"", res("topic/building/*")));
  auto c = check(m3);
  const auto found = misconfigured(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0]->properties.at("reasonCode"), "TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS");
  EXPECT_EQ(found[0]->properties.at("witness"), "building/#");
  EXPECT_NE(found[0]->message.find("topic/building/control_room/*"), std::string::npos) << found[0]->message;
  EXPECT_TRUE(c->text(found[0]->range).starts_with("\"arn:"));

  // M2: denying Receive on the subtree closes the gap.
  const std::string m2 = m3.substr(0, m3.size() - 2) + "," +
                         statement("Deny", "\"iot:Receive\"", res("topic/building/control_room/*")) + "]}";
  EXPECT_TRUE(misconfigured(*check(m2)).empty());
}

TEST(PotentialMisconfiguration, DenyOfALiteralFilterIsFine) {
  auto c = check(policyOf(statement("Allow", "\"iot:Subscribe\"", "[" + res("topicfilter/a/b") + "," + res("topicfilter/a/c") + "]") +
                          "," + statement("Deny", "\"iot:Subscribe\"", res("topicfilter/a/c"))));
  EXPECT_TRUE(misconfigured(*c).empty());
}

TEST(PotentialMisconfiguration, DenyCoveringTheWholeAllowIsFine) {
  auto c = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/a/*")) + "," +
                          statement("Deny", "\"iot:Subscribe\"", res("topicfilter/a*"))));
  EXPECT_TRUE(misconfigured(*c).empty());
}

TEST(PotentialMisconfiguration, TheFilterThatSlipsThroughIsAWildcardFilter) {
  // `?` also matches `+` and `#`, so the Deny blocks `a/+` and `a/#` as well; what slips through
  // is still a wildcard filter (`a/+/` receives `a//`, a topic the Deny covers).
  auto c = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/a/*")) + "," +
                          statement("Deny", "\"iot:Subscribe\"", res("topicfilter/a/?"))));
  const auto found = misconfigured(*c);
  ASSERT_EQ(found.size(), 1U);
  const std::string& witness = found[0]->properties.at("witness");
  EXPECT_NE(witness.find_first_of("+#"), std::string::npos) << witness;
  EXPECT_NE(witness, "a/+");
  EXPECT_NE(witness, "a/#");
}

TEST(PotentialMisconfiguration, VariablesAreNotWildcards) {
  auto c = check(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topicfilter/fleet/x")) + "," +
                          statement("Deny", "\"iot:Subscribe\"", res("topicfilter/fleet/${iot:ClientId}"))));
  EXPECT_TRUE(misconfigured(*c).empty());
}

TEST(PotentialMisconfiguration, WildcardInDenyOfPublishBlocksNothing) {
  auto c = check(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/factory/*")) + "," +
                          statement("Deny", "\"iot:Publish\"", res("topic/factory/secret/#"))));
  const auto found = misconfigured(*c);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NE(found[0]->message.find("blocks nothing"), std::string::npos);
  EXPECT_NE(found[0]->message.find("`factory/secret/a`"), std::string::npos) << found[0]->message;
}

}  // namespace
}  // namespace iotlint::passes
