#include "ir/rules.h"

#include <gtest/gtest.h>

#include <set>

namespace iotlint::ir {
namespace {

TEST(Rules, IdsAndNamesAreUniqueAndIndexed) {
  std::set<std::string_view> ids;
  std::set<std::string_view> names;
  std::size_t index = 0;
  for (const RuleInfo& rule : allRules()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id;
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    EXPECT_EQ(static_cast<std::size_t>(rule.rule), index++);
    EXPECT_EQ(&ruleInfo(rule.rule), &rule);
    EXPECT_FALSE(rule.summary.empty());
  }
}

TEST(Rules, FindByIdNameAndAlias) {
  EXPECT_EQ(findRule("IL110"), RuleId::kDuplicateKey);
  EXPECT_EQ(findRule("il110"), RuleId::kDuplicateKey);
  EXPECT_EQ(findRule("duplicate-key"), RuleId::kDuplicateKey);
  EXPECT_EQ(findRule("IOT_POLICY_POTENTIAL_MIS_CONFIGURATION_CHECK"), RuleId::kPotentialMisconfiguration);
  EXPECT_EQ(findRule("IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK"), RuleId::kPotentialMisconfiguration);
  EXPECT_FALSE(findRule("IL999"));
}

TEST(Rules, Levels) {
  EXPECT_EQ(parseLevel("warning"), Level::kWarning);
  EXPECT_FALSE(parseLevel("fatal"));
  EXPECT_EQ(levelName(Level::kNote), "note");
  EXPECT_LT(Level::kNote, Level::kWarning);
  EXPECT_LT(Level::kWarning, Level::kError);
}

}  // namespace
}  // namespace iotlint::ir
