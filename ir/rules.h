// ir/rules.h: the rule registry (see rules.def), shared by every layer that reports or shows rules.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace iotlint::ir {

enum class Level : unsigned char { kNote, kWarning, kError };
enum class Fixability : unsigned char { kNever, kSometimes, kAlways };

enum class RuleId : unsigned short {
#define RULE(enumerator, id, name, level, security_severity, precision, fixable, summary) k##enumerator,
#include "ir/rules.def"
#undef RULE
};

struct RuleInfo {
  RuleId rule;
  std::string_view id;
  std::string_view name;
  Level level;
  std::string_view security_severity;  ///< "" for rules that are not security findings
  std::string_view precision;
  Fixability fixable;
  std::string_view summary;
  std::string_view documentation;  ///< the rule's page, docs/rules/<id>.md, built into the binary
};

/// Every rule, in rules.def order.
std::span<const RuleInfo> allRules();
const RuleInfo& ruleInfo(RuleId rule);
/// Looks a rule up by id or by name, case-insensitively. Accepts the alias
/// `IOT_POLICY_POTENTIAL_MIS_CONFIGURATION_CHECK`, the spelling of AWS's CDK.
std::optional<RuleId> findRule(std::string_view id_or_name);

std::string_view levelName(Level level);
/// "no", "sometimes" or "yes", as `iotlint rules` lists it.
std::string_view fixabilityName(Fixability fixable);
std::optional<Level> parseLevel(std::string_view text);

}  // namespace iotlint::ir
