#include "passes/eval.h"

#include <gtest/gtest.h>

#include "test_policy.h"

namespace iotlint::passes {
namespace {

constexpr const char* kPrefix = "arn:aws:iot:us-east-1:123456789012:";

EvalRequest request(std::string action, std::string name, std::optional<std::string> thing = "dev1") {
  EvalRequest r;
  r.action = std::move(action);
  r.resource = std::string(kPrefix) + name;
  r.thing_name = std::move(thing);
  return r;
}

TEST(Eval, AllowDenyAndImplicitDeny) {
  auto parsed = testing::parse(testing::policyOf(
      testing::statement("Allow", "\"iot:Publish\"", "\"arn:aws:iot:*:*:topic/${iot:Connection.Thing.ThingName}/*\"",
                         "\"Sid\": \"Own\"") +
      "," + testing::statement("Deny", "\"iot:Publish\"", "\"arn:aws:iot:*:*:topic/*/secret\"")));
  const auto own = evaluate(parsed->policy, request("iot:Publish", "topic/dev1/x"));
  EXPECT_EQ(own.decision, Decision::kAllow);
  ASSERT_EQ(own.statements.size(), 1U);
  EXPECT_EQ(own.statements[0].sid, "Own");
  EXPECT_EQ(evaluate(parsed->policy, request("iot:Publish", "topic/dev2/x")).implicit, true);
  const auto secret = evaluate(parsed->policy, request("iot:publish", "topic/dev1/secret"));
  EXPECT_EQ(secret.decision, Decision::kDeny);
  EXPECT_FALSE(secret.implicit);
  EXPECT_EQ(secret.statements[0].index, 1U);
  // Without a thing, the variable has no value and the Allow matches nothing.
  const auto no_thing = evaluate(parsed->policy, request("iot:Publish", "topic/dev1/x", std::nullopt));
  EXPECT_TRUE(no_thing.implicit);
  EXPECT_FALSE(no_thing.assumptions.empty());
}

TEST(Eval, IsAttachedAndUndecidableConditions) {
  auto parsed = testing::parse(testing::policyOf(
      testing::statement("Allow", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/${iot:ClientId}\"",
                         "\"Condition\": {\"Bool\": {\"iot:Connection.Thing.IsAttached\": \"true\"}}") +
      "," + testing::statement("Allow", "\"iot:Publish\"", "\"*\"",
                               "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}")));
  EXPECT_EQ(evaluate(parsed->policy, request("iot:Connect", "client/dev1")).decision, Decision::kAllow);
  auto detached = request("iot:Connect", "client/dev1");
  detached.attached = false;
  EXPECT_EQ(evaluate(parsed->policy, detached).decision, Decision::kDeny);
  const auto publish = evaluate(parsed->policy, request("iot:Publish", "topic/a"));
  EXPECT_EQ(publish.decision, Decision::kAllow);
  ASSERT_EQ(publish.assumptions.size(), 1U);
  EXPECT_NE(publish.explanation.find("assumed `IpAddress` on `aws:SourceIp` holds"), std::string::npos) << publish.explanation;
}

}  // namespace
}  // namespace iotlint::passes
