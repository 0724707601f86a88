#include "ir/rules.h"
#include "ir/text.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace iotlint::ir {

namespace {

struct EmbeddedDoc {
  std::string_view id;
  std::string_view text;
};

constexpr EmbeddedDoc kDocs[] = {
#include "rule_docs.inc"
    {"", ""},  // keeps the array non-empty while pages are being written
};

constexpr std::string_view documentationOf(std::string_view id) {
  for (const auto& doc : kDocs) {
    if (doc.id == id) return doc.text;
  }
  return {};
}

constexpr Level kNote = Level::kNote;
constexpr Level kError = Level::kError;
constexpr Level kWarning = Level::kWarning;
constexpr Fixability kNever = Fixability::kNever;
constexpr Fixability kSometimes = Fixability::kSometimes;
[[maybe_unused]] constexpr Fixability kAlways = Fixability::kAlways;

const std::array kRules = {
#define RULE(enumerator, id, name, level, security_severity, precision, fixable, summary) \
  RuleInfo{RuleId::k##enumerator, id, name, level, security_severity, precision, fixable, summary, documentationOf(id)},
#include "ir/rules.def"
#undef RULE
};

}  // namespace

std::span<const RuleInfo> allRules() { return kRules; }

const RuleInfo& ruleInfo(RuleId rule) { return kRules[static_cast<std::size_t>(rule)]; }

std::optional<RuleId> findRule(std::string_view id_or_name) {
  if (equalsIgnoringCase(id_or_name, "IOT_POLICY_POTENTIAL_MIS_CONFIGURATION_CHECK")) {
    return RuleId::kPotentialMisconfiguration;
  }
  for (const auto& rule : kRules) {
    if (equalsIgnoringCase(rule.id, id_or_name) || equalsIgnoringCase(rule.name, id_or_name)) return rule.rule;
  }
  return std::nullopt;
}

std::string_view levelName(Level level) {
  switch (level) {
    case Level::kNote: return "note";
    case Level::kWarning: return "warning";
    case Level::kError: return "error";
  }
  return "error";
}

std::string_view fixabilityName(Fixability fixable) {
  switch (fixable) {
    case Fixability::kNever: return "no";
    case Fixability::kSometimes: return "sometimes";
    case Fixability::kAlways: return "yes";
  }
  return "no";
}

std::optional<Level> parseLevel(std::string_view text) {
  if (text == "note") return Level::kNote;
  if (text == "warning") return Level::kWarning;
  if (text == "error") return Level::kError;
  return std::nullopt;
}

}  // namespace iotlint::ir
