#include "passes/catalog.h"

#include <gtest/gtest.h>

namespace iotlint::passes {
namespace {

bool has(const ActionSet& set, Action action) { return set.test(static_cast<std::size_t>(action)); }

TEST(Catalog, ExactNamesAreCaseInsensitive) {
  const ActionSet set = expandActionPattern("IOT:publish");
  EXPECT_EQ(set.count(), 1U);
  EXPECT_TRUE(has(set, Action::kPublish));
}

TEST(Catalog, WildcardsExpandAgainstTheCatalog) {
  EXPECT_EQ(expandActionPattern("*").count(), kActionCount);
  EXPECT_EQ(expandActionPattern("iot:*").count(), kActionCount - 4);  // the four iotjobsdata: actions
  const ActionSet gets = expandActionPattern("iot:Get*");
  EXPECT_TRUE(has(gets, Action::kGetThingShadow));
  EXPECT_TRUE(has(gets, Action::kGetRetainedMessage));
  EXPECT_TRUE(has(gets, Action::kGetPendingJobExecutions));
  EXPECT_FALSE(has(gets, Action::kJobsDataGetPendingJobExecutions));
  EXPECT_EQ(gets.count(), 3U);
  const ActionSet question = expandActionPattern("iot:?eceive");
  EXPECT_TRUE(has(question, Action::kReceive));
  EXPECT_EQ(question.count(), 1U);
  EXPECT_EQ(expandActionPattern("*JobExecution").count(), 6U);  // Describe, Update, StartNextPending x2
}

TEST(Catalog, NotActionIsTheComplement) {
  const ActionSet all_but_connect = complementOf(expandActionPattern("iot:connect"));
  EXPECT_FALSE(has(all_but_connect, Action::kConnect));
  EXPECT_EQ(all_but_connect.count(), kActionCount - 1);
}

TEST(Catalog, UnknownActionsMatchNothing) {
  EXPECT_TRUE(expandActionPattern("iot:Publsh").none());
  EXPECT_TRUE(expandActionPattern("s3:GetObject").none());
  EXPECT_TRUE(expandActionPattern("iot:CreateThing").none());
}

TEST(Catalog, ClosestActionSuggestsATypoFix) {
  EXPECT_EQ(closestAction("iot:Publsh"), Action::kPublish);
  EXPECT_EQ(closestAction("iot:Receieve"), Action::kReceive);
  EXPECT_EQ(closestAction("IOT:SUBSCRIB"), Action::kSubscribe);
  EXPECT_FALSE(closestAction("s3:GetObject").has_value());
  EXPECT_FALSE(closestAction("iot:Pub*").has_value());
}

TEST(Catalog, ResourceTypes) {
  EXPECT_EQ(resourceTypeOf(Action::kConnect), ResourceType::kClient);
  EXPECT_EQ(resourceTypeOf(Action::kSubscribe), ResourceType::kTopicFilter);
  EXPECT_EQ(resourceTypeOf(Action::kJobsDataUpdateJobExecution), ResourceType::kThing);
  EXPECT_EQ(resourceTypeOf(Action::kListRetainedMessages), ResourceType::kAll);
  EXPECT_EQ(resourceTypeOf(Action::kAssumeRoleWithCertificate), ResourceType::kRoleAlias);
  EXPECT_EQ(resourceTypePrefix(ResourceType::kTopicFilter), "topicfilter");
}

TEST(Catalog, EveryNameIsUnique) {
  for (const auto& a : allActions()) {
    EXPECT_EQ(expandActionPattern(a.name).count(), 1U) << a.name;
  }
}

}  // namespace
}  // namespace iotlint::passes
