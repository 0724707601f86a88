#include "passes/resource_pattern.h"

#include <gtest/gtest.h>

namespace iotlint::passes {
namespace {

ResolvedString read(const std::string& text, ir::PolicyVersion version = ir::PolicyVersion::kV2012) {
  ir::PolicyString string;
  string.value = text;
  string.range = {0, static_cast<std::uint32_t>(text.size() + 2)};
  return resolveString(string, version);
}

std::vector<std::string> names(const std::string& resource, ResourceType type) {
  const ResolvedString resolved = read(resource);
  std::vector<std::string> out;
  for (const auto& glob : namesForType(parseResource(resolved), type)) out.push_back(patternText(glob, resolved.variables));
  return out;
}

TEST(ResourcePattern, StarMatchesEveryType) {
  EXPECT_EQ(parseResource(read("*")).form, ParsedResource::Form::kStar);
  EXPECT_EQ(names("*", ResourceType::kClient), std::vector<std::string>{"*"});
  EXPECT_EQ(names("*", ResourceType::kAll), std::vector<std::string>{"*"});
}

TEST(ResourcePattern, ArnTypeSelectsNames) {
  const std::string arn = "arn:aws:iot:us-east-1:123456789012:topic/a/b";
  EXPECT_EQ(parseResource(read(arn)).form, ParsedResource::Form::kArn);
  EXPECT_EQ(names(arn, ResourceType::kTopic), std::vector<std::string>{"a/b"});
  EXPECT_TRUE(names(arn, ResourceType::kTopicFilter).empty());
  EXPECT_TRUE(names(arn, ResourceType::kAll).empty());
  EXPECT_EQ(names("arn:aws:iot:*:*:topicfilter/x", ResourceType::kTopicFilter), std::vector<std::string>{"x"});
}

TEST(ResourcePattern, WildcardsSpanningTheType) {
  EXPECT_EQ(names("arn:aws:iot:*:*:*", ResourceType::kThing), std::vector<std::string>{"*"});
  // `t*` reaches every type starting with t, and the name after any later `/`.
  EXPECT_EQ(names("arn:aws:iot:*:*:t*", ResourceType::kTopic), std::vector<std::string>{"*"});
  EXPECT_TRUE(names("arn:aws:iot:*:*:t*", ResourceType::kClient).empty());
  EXPECT_EQ(names("arn:aws:iot:*:*:topic*", ResourceType::kTopicFilter), std::vector<std::string>{"*"});
  // Fewer than five colons: a trailing `*` still reaches everything.
  EXPECT_EQ(names("arn:aws:iot:*", ResourceType::kClient), std::vector<std::string>{"*"});
}

TEST(ResourcePattern, MalformedAndForeignArns) {
  EXPECT_EQ(parseResource(read("topic/a")).form, ParsedResource::Form::kMalformed);
  EXPECT_EQ(parseResource(read("arn:aws:s3:::bucket/x")).form, ParsedResource::Form::kNotIot);
  EXPECT_EQ(parseResource(read("arn:aws:iot:us-east-1:123456789012")).form, ParsedResource::Form::kMalformed);
  EXPECT_EQ(parseResource(read("arn:aws-cn:iot:cn-north-1:123456789012:client/x")).form, ParsedResource::Form::kArn);
}

TEST(ResourcePattern, VariablesBeforeTheResourcePart) {
  const auto parsed = parseResource(read("arn:aws:iot:us-east-1:${iot:ClientId}:client/x"));
  EXPECT_EQ(parsed.form, ParsedResource::Form::kMisplacedVariable);
  EXPECT_EQ(parsed.misplaced_variables.size(), 1U);
}

TEST(ResourcePattern, EscapesAndLegacyVersions) {
  const auto escaped = read("topic/${*}/${?}/${$}");
  EXPECT_TRUE(escaped.variables.empty());
  EXPECT_EQ(patternText(escaped.atoms, escaped.variables), "topic/${*}/${?}/$");
  EXPECT_TRUE(globMatches(escaped.atoms, "topic/*/?/$"));
  EXPECT_FALSE(globMatches(escaped.atoms, "topic/a/b/$"));

  const auto variable = read("client/${iot:ClientId}");
  ASSERT_EQ(variable.variables.size(), 1U);
  EXPECT_EQ(variable.variables[0].classification.kind, VariableKind::kClientId);

  const auto legacy = read("client/${iot:ClientId}", ir::PolicyVersion::kV2008);
  EXPECT_TRUE(legacy.legacy_literal);
  EXPECT_TRUE(legacy.variables.empty());
  EXPECT_TRUE(globMatches(legacy.atoms, "client/${iot:ClientId}"));
  const auto legacy_escape = read("a${*}", ir::PolicyVersion::kMissing);
  EXPECT_TRUE(globMatches(legacy_escape.atoms, "a${anything}"));
}

TEST(ResourcePattern, GlobMatching) {
  const auto pattern = read("a*b?c").atoms;
  EXPECT_TRUE(globMatches(pattern, "ab/c"));
  EXPECT_TRUE(globMatches(pattern, "a/x/yb-c"));
  EXPECT_FALSE(globMatches(pattern, "abc"));
}

}  // namespace
}  // namespace iotlint::passes
