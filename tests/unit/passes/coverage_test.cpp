#include "passes/coverage.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "passes/pass_manager.h"
#include "test_policy.h"

namespace iotlint::passes {
namespace {

using automata::Language;
using automata::Symbol;
using testing::parse;
using testing::policyOf;
using testing::res;
using testing::statement;

struct Analysed {
  std::unique_ptr<testing::ParsedPolicy> parsed;
  ir::DiagnosticEngine diagnostics;
  std::unique_ptr<AnalysisManager> manager;

  const CoverageResult& coverage() { return manager->getCoverage(); }
  bool reported(ir::RuleId rule) {
    manager->getCoverage();
    return std::any_of(diagnostics.diagnostics().begin(), diagnostics.diagnostics().end(),
                       [&](const ir::Diagnostic& d) { return d.rule == rule; });
  }
  std::string messages() {
    std::string out;
    for (const auto& d : diagnostics.diagnostics()) out += d.message + "\n";
    return out;
  }
};

std::unique_ptr<Analysed> analyse(const std::string& json) {
  auto analysed = std::make_unique<Analysed>();
  analysed->parsed = parse(json);
  EXPECT_FALSE(analysed->parsed->frontend_diagnostics.hasErrors()) << json;
  analysed->manager = std::make_unique<AnalysisManager>(analysed->parsed->policy, analysed->diagnostics);
  return analysed;
}

Language self() { return token(TokenTable::kSelf); }
Language other() { return token(TokenTable::kOther); }

TEST(Coverage, AllowMinusCoveringDenyIsEmpty) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/*/shadow/*")) + "," +
                            statement("Deny", "\"iot:Publish\"", res("topic/$aws/things/*"))));
  const auto& publish = a->coverage().of(Action::kPublish);
  EXPECT_FALSE(publish.allowed.isEmpty());
  EXPECT_TRUE(publish.effective.isEmpty());
}

// grantedWithin() skips the intersection with `allowed` where the Denies are the same in every
// client-id scenario; it must always equal piece ∩ effective.
TEST(Coverage, GrantedWithinIsThePieceIntersectedWithTheEffectiveGrant) {
  const std::vector<std::string> policies = {
      // no Deny
      policyOf(statement("Allow", "\"iot:Publish\"", "[" + res("topic/a*b?c") + "," + res("topic/*") + "]")),
      // Denies the same in every scenario
      policyOf(statement("Allow", "\"iot:Publish\"", "[" + res("topic/a*b?c") + "," + res("topic/x*") + "]") + "," +
               statement("Deny", "\"iot:Publish\"", "[" + res("topic/*b?") + "," + res("topic/x1*") + "]")),
      policyOf(statement("Allow", "[\"iot:Subscribe\", \"iot:Receive\"]",
                         "[" + res("topicfilter/$aws/things/*/shadow/*") + "," + res("topic/$aws/things/*/shadow/*") + "]") + "," +
               statement("Deny", "\"iot:Subscribe\"", res("topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/*"))),
      // a Deny that depends on the client id, which Connect leaves free: one effective part per scenario
      policyOf(statement("Allow", "[\"iot:Connect\", \"iot:Publish\"]", "[" + res("client/*") + "," + res("topic/d/*") + "]") + "," +
               statement("Deny", "\"iot:Publish\"", res("topic/d/${iot:ClientId}/*"))),
  };
  for (const std::string& json : policies) {
    auto a = analyse(json);
    for (const ActionCoverage& action : a->coverage().actions) {
      for (const GrantPiece& piece : action.allow_pieces) {
        const Language expected = piece.names.intersect(action.effective);
        const Language granted = action.grantedWithin(piece.names);
        EXPECT_TRUE(granted.isSubsetOf(expected) && expected.isSubsetOf(granted))
            << json << "\naction " << static_cast<int>(action.action) << ", statement " << piece.statement;
      }
    }
  }
}

TEST(Coverage, DenyEverythingButSelfLeavesOnlySelf) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Connect\"", res("client/*")) + "," +
      "{\"Effect\": \"Deny\", \"Action\": \"iot:Connect\", \"NotResource\": " +
      res("client/${iot:Connection.Thing.ThingName}") + "}"));
  const auto& connect = a->coverage().of(Action::kConnect);
  EXPECT_TRUE(connect.effective.contains(std::vector<Symbol>{TokenTable::kSelf}));
  EXPECT_TRUE(connect.effective.isSubsetOf(self()));
  EXPECT_FALSE(a->coverage().witness(Action::kConnect, other()).has_value());
}

TEST(Coverage, SelfPrefixReachesOther) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:GetThingShadow\"", res("thing/${iot:Connection.Thing.ThingName}*"))));
  const auto witness = a->coverage().witness(Action::kGetThingShadow, other().concat(Language::everything()));
  ASSERT_TRUE(witness.has_value());
  EXPECT_EQ(witness->text, "OTHER-1");
  ASSERT_EQ(witness->pieces.size(), 1U);
  EXPECT_EQ(witness->pieces[0]->statement, 0U);
  EXPECT_EQ(witness->pieces[0]->resource, 0);
}

TEST(Coverage, OwnThingNameDoesNotReachOther) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:Publish\"",
                                      res("topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"))));
  EXPECT_FALSE(a->coverage().witness(Action::kPublish, otherThingReservedTopics()).has_value());
  EXPECT_TRUE(a->coverage().of(Action::kPublish).effective.contains(
      std::vector<Symbol>{'$', 'a', 'w', 's', '/', 't', 'h', 'i', 'n', 'g', 's', '/', TokenTable::kSelf, '/', 's', 'h',
                          'a', 'd', 'o', 'w', '/', 'g', 'e', 't'}));
}

TEST(Coverage, WildcardThingReachesOtherWithAWitness) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/*/shadow/update"))));
  RenderOptions options;
  options.self_name = "device-1";
  options.other_name = "device-2";
  const auto witness = a->coverage().witness(Action::kPublish, otherThingReservedTopics(), options);
  ASSERT_TRUE(witness.has_value());
  EXPECT_EQ(witness->text, "$aws/things/device-2/shadow/update");
}

TEST(Coverage, QuestionMarkMayMatchAOneCharacterDevice) {
  // Allow: `?` may be a whole (fresh, one-character) thing name.
  auto a = analyse(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/?/shadow/update"))));
  EXPECT_TRUE(a->coverage().witness(Action::kPublish, otherThingReservedTopics()).has_value());
  // Deny: `?` certainly denies only one byte, so OTHER stays granted.
  auto b = analyse(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/*/shadow/update")) + "," +
                            statement("Deny", "\"iot:Publish\"", res("topic/$aws/things/?/shadow/update"))));
  EXPECT_TRUE(b->coverage().witness(Action::kPublish, otherThingReservedTopics()).has_value());
}

TEST(Coverage, ConnectPinnedToSelfBindsTheClientId) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Connect\"", res("client/${iot:Connection.Thing.ThingName}")) + "," +
      statement("Allow", "\"iot:Publish\"", res("topic/$aws/things/${iot:ClientId}/shadow/update"))));
  const auto& binding = a->manager->getBindClientId();
  EXPECT_EQ(binding.binding, ClientIdResult::Binding::kFinite);
  ASSERT_EQ(binding.values.size(), 1U);
  EXPECT_EQ(binding.values[0], std::vector<Symbol>{TokenTable::kSelf});
  EXPECT_FALSE(a->coverage().witness(Action::kPublish, otherThingReservedTopics()).has_value());
}

TEST(Coverage, ConnectOnClientIdWithIsAttachedIsSelf) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Connect\"", res("client/${iot:ClientId}"),
                "\"Condition\": {\"Bool\": {\"iot:Connection.Thing.IsAttached\": \"true\"}}")));
  const auto& connect = a->coverage().of(Action::kConnect);
  EXPECT_TRUE(connect.effective.isSubsetOf(self()));
  EXPECT_FALSE(connect.effective.isEmpty());
}

TEST(Coverage, ConnectOnClientIdWithoutConditionIsFree) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Connect\"", res("client/${iot:ClientId}")) + "," +
      statement("Allow", "\"iot:Publish\"", res("topic/${iot:ClientId}/*"))));
  EXPECT_EQ(a->manager->getBindClientId().binding, ClientIdResult::Binding::kFree);
  EXPECT_TRUE(a->coverage().of(Action::kConnect).effective.complement().isEmpty());
  // A free client id may be `$aws/things/OTHER`, so the topic reaches OTHER's shadow.
  EXPECT_TRUE(a->coverage().witness(Action::kPublish, otherThingReservedTopics()).has_value());
}

TEST(Coverage, ConnectPinnedToLiteralsEnumeratesThem) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Connect\"", "[" + res("client/client1") + "," + res("client/client2") + "]") + "," +
      statement("Allow", "\"iot:Publish\"", res("topic/${iot:ClientId}/*")) + "," +
      statement("Deny", "\"iot:Publish\"", res("topic/${iot:ClientId}/bar"))));
  const auto& binding = a->manager->getBindClientId();
  EXPECT_EQ(binding.binding, ClientIdResult::Binding::kFinite);
  EXPECT_EQ(binding.values.size(), 2U);
  const auto& publish = a->coverage().of(Action::kPublish).effective;
  EXPECT_TRUE(publish.containsText("client1/foo"));
  EXPECT_TRUE(publish.containsText("client2/foo"));
  EXPECT_FALSE(publish.containsText("client1/bar"));
  EXPECT_FALSE(publish.containsText("client3/foo"));
}

TEST(Coverage, UnresolvableVariablesFailClosedForAllowAndOpenForDeny) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Publish\"", res("topic/${iot:Thing.ThingName}/*")) + "," +
      statement("Allow", "\"iot:Subscribe\"", res("topicfilter/a/*")) + "," +
      statement("Deny", "\"iot:Subscribe\"", res("topicfilter/a/${iot:Thing.ThingName}"))));
  EXPECT_TRUE(a->coverage().of(Action::kPublish).effective.isEmpty());
  EXPECT_TRUE(a->coverage().of(Action::kSubscribe).effective.containsText("a/b"));
  EXPECT_TRUE(a->reported(ir::RuleId::kUnknownVariable));
}

TEST(Coverage, NotResourceWithUnresolvableEntryExcludesNothing) {
  auto a = analyse(policyOf(
      "{\"Effect\": \"Allow\", \"Action\": \"iot:Receive\", \"NotResource\": " + res("topic/${iot:Thing.ThingName}") + "}"));
  EXPECT_TRUE(a->coverage().of(Action::kReceive).effective.complement().isEmpty());
  const auto witness = a->coverage().witness(Action::kReceive, otherThingReservedTopics());
  ASSERT_TRUE(witness.has_value());
  ASSERT_EQ(witness->pieces.size(), 1U);
  EXPECT_EQ(witness->pieces[0]->resource, -1);  // the statement, not a resource string
}

TEST(Coverage, UndecidableConditionsAllowApplyDenyDoesNot) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Publish\"", res("topic/*"), "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}") +
      "," + statement("Deny", "\"iot:Publish\"", res("topic/secret"),
                      "\"Condition\": {\"StringEquals\": {\"iot:Certificate.Subject.CommonName\": \"x\"}}")));
  EXPECT_TRUE(a->coverage().of(Action::kPublish).effective.containsText("secret"));
}

TEST(Coverage, CertificateTokensCancelBetweenAllowAndDeny) {
  auto a = analyse(policyOf(
      statement("Allow", "\"iot:Publish\"", res("topic/${iot:CertificateId}/*")) + "," +
      statement("Deny", "\"iot:Publish\"", res("topic/${iot:CertificateId}/admin"))));
  const auto& coverage = a->coverage();
  const auto cert = coverage.tokens.findValueToken("iot:CertificateId");
  ASSERT_TRUE(cert.has_value());
  const auto& publish = coverage.of(Action::kPublish).effective;
  EXPECT_FALSE(publish.contains(std::vector<Symbol>{*cert, '/', 'a', 'd', 'm', 'i', 'n'}));
  EXPECT_TRUE(publish.contains(std::vector<Symbol>{*cert, '/', 'x'}));
}

TEST(Coverage, WrongResourceTypeGrantsNothingAndIsReported) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:Subscribe\"", res("topic/$aws/things/*"))));
  EXPECT_TRUE(a->coverage().of(Action::kSubscribe).effective.isEmpty());
  EXPECT_TRUE(a->reported(ir::RuleId::kWrongResourceType));
  auto b = analyse(policyOf(statement("Allow", "[\"iot:Publish\", \"iot:Subscribe\"]", res("topic/a"))));
  EXPECT_TRUE(b->reported(ir::RuleId::kWrongResourceType)) << "Subscribe has no topicfilter resource";
  auto c = analyse(policyOf(statement("Allow", "\"iot:*\"", res("topic/a"))));
  EXPECT_FALSE(c->reported(ir::RuleId::kWrongResourceType)) << c->messages();
}

TEST(Coverage, StarResourceCoversEveryTypeAndAllActions) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:*\"", "\"*\"")));
  for (const auto& info : allActions()) {
    if (info.name.starts_with("iotjobsdata:")) continue;
    EXPECT_TRUE(a->coverage().of(info.action).effective.complement().isEmpty()) << info.name;
  }
}

TEST(Coverage, NotActionGrantsTheRestOfTheCatalog) {
  auto a = analyse(policyOf("{\"Effect\": \"Allow\", \"NotAction\": \"iot:Connect\", \"Resource\": \"*\"}"));
  EXPECT_TRUE(a->coverage().of(Action::kConnect).effective.isEmpty());
  EXPECT_FALSE(a->coverage().of(Action::kPublish).effective.isEmpty());
}

TEST(Coverage, LegacyVersionReadsVariablesLiterally) {
  auto a = analyse(policyOf(statement("Allow", "\"iot:Publish\"", res("topic/${iot:ClientId}")), "2008-10-17"));
  EXPECT_TRUE(a->coverage().of(Action::kPublish).effective.containsText("${iot:ClientId}"));
  EXPECT_TRUE(a->reported(ir::RuleId::kVariableInLegacyVersion));
}

TEST(Diagnostics, UnknownActionsWithHints) {
  auto a = analyse(policyOf(statement("Allow", "[\"iot:Publsh\", \"s3:GetObject\"]", res("topic/a"))));
  a->manager->getCoverage();
  const std::string messages = a->messages();
  EXPECT_NE(messages.find("`iot:Publsh` matches no AWS IoT policy action, so it grants nothing; did you mean `iot:Publish`?"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("`s3:GetObject` is not an AWS IoT action"), std::string::npos) << messages;
}

TEST(Diagnostics, VariablesWhereTheyCannotResolve) {
  auto a = analyse(policyOf(statement(
      "Allow", "\"iot:Publish\"",
      "[" + res("topic/${aws:SourceIp}") + "," + res("topic/${iot:Connection.Thing.IsAttached}") + "," +
          "\"arn:aws:iot:us-east-1:${iot:ClientId}:topic/x\"," + res("topic/${iot:clientid}") + "]")));
  EXPECT_TRUE(a->reported(ir::RuleId::kUnresolvableVariable));
  EXPECT_TRUE(a->reported(ir::RuleId::kVariableOutsideResourceName));
  EXPECT_TRUE(a->reported(ir::RuleId::kUnknownVariable));
  EXPECT_NE(a->messages().find("case-sensitive: did you mean `${iot:ClientId}`?"), std::string::npos) << a->messages();
  EXPECT_TRUE(a->coverage().of(Action::kPublish).effective.isEmpty());
}

}  // namespace
}  // namespace iotlint::passes
