// passes/fixes/compare_grants.cpp: what two versions of a policy grant, compared action by action
// on the coverage languages (the verification of fixes, semantics.md §6).
#include <fmt/format.h>

#include "passes/fixes/fixes.h"
#include "passes/pass_manager.h"

namespace iotlint::passes {

namespace {

using automata::Language;

Language any() { return Language::everything(); }

/// Strings without `/` (one topic level, one thing name).
Language segment() { return any().minus(any().concat(text("/")).concat(any())); }

Language optionalRest() { return Language::exactlyText("").unite(text("/").concat(any())); }

/// The reserved topics of `thing`: `$aws/things/THING/...` and `$aws/commands/things/THING/...`.
Language reservedTopicsOf(const Language& thing) {
  const Language rest = text("/").concat(any());
  return text("$aws/things/").concat(thing).concat(rest).unite(text("$aws/commands/things/").concat(thing).concat(rest));
}

/// Names that are not SELF's own: any other thing's (literal or not) in the thing-name position.
/// SELF must keep everything outside this set for a fix to be safe.
std::optional<Language> notOwnNames(ResourceType type) {
  const Language self = token(TokenTable::kSelf);
  switch (type) {
    case ResourceType::kClient: return any().minus(self);
    case ResourceType::kThing: return any().minus(self.concat(optionalRest()));
    case ResourceType::kTopic:
    case ResourceType::kTopicFilter: return reservedTopicsOf(segment().minus(self));
    case ResourceType::kRoleAlias:
    case ResourceType::kAll: return std::nullopt;
  }
  return std::nullopt;
}

/// The action families whose reach to another device makes a policy overly permissive (§1).
bool broadFamily(Action action) {
  switch (resourceTypeOf(action)) {
    case ResourceType::kClient: return action == Action::kConnect;
    case ResourceType::kTopic: return action == Action::kPublish || action == Action::kRetainPublish;
    case ResourceType::kTopicFilter: return true;
    case ResourceType::kThing: return true;
    case ResourceType::kRoleAlias:
    case ResourceType::kAll: return false;
  }
  return false;
}

bool sameTokens(const TokenTable& a, const TokenTable& b) {
  const auto ta = a.valueTokens();
  const auto tb = b.valueTokens();
  if (ta.size() != tb.size()) return false;
  for (std::size_t i = 0; i < ta.size(); ++i) {
    if (ta[i] != tb[i] || a.render(ta[i]) != b.render(tb[i])) return false;
  }
  return true;
}

std::string sample(const Language& language, const TokenTable& tokens, const RenderOptions& render) {
  const auto word = language.shortestMember();
  return word ? tokens.renderWord(*word, render) : std::string();
}

}  // namespace

Language otherDeviceNames(ResourceType type) {
  const Language other = token(TokenTable::kOther);
  switch (type) {
    case ResourceType::kClient: return other;
    case ResourceType::kThing: return other.concat(optionalRest());
    case ResourceType::kTopic:
    case ResourceType::kTopicFilter: return reservedTopicsOf(other);
    case ResourceType::kRoleAlias:
    case ResourceType::kAll: return Language::none();
  }
  return Language::none();
}

GrantComparison compareGrants(const ir::Policy& before, const ir::Policy& after, const RenderOptions& render) {
  GrantComparison result;
  ir::DiagnosticEngine scratch_before;
  ir::DiagnosticEngine scratch_after;
  AnalysisManager manager_before(before, scratch_before);
  AnalysisManager manager_after(after, scratch_after);
  const auto fail = [&](bool& fact, std::string reason) {
    if (fact && result.reason.empty()) result.reason = std::move(reason);
    fact = false;
  };
  try {
    const CoverageResult& a = manager_before.getCoverage();
    const CoverageResult& b = manager_after.getCoverage();
    if (!sameTokens(a.tokens, b.tokens)) {
      result.reason = "the fixed policy uses different principal variables";
      return result;
    }
    result.subset = result.no_new_other_access = result.no_longer_broad = result.self_unchanged = true;
    for (const auto& info : allActions()) {
      const ActionCoverage& old_grant = a.of(info.action);
      const ActionCoverage& new_grant = b.of(info.action);
      if (old_grant.too_complex || new_grant.too_complex) {
        result = GrantComparison{};
        result.reason = fmt::format("`{}` is too complex to compare", info.name);
        return result;
      }
      const Language& was = old_grant.effective;
      const Language& now = new_grant.effective;
      // Subscribe grants filter strings; they reach the topics they match under MQTT rules, and
      // that is what is compared (`$aws/things/SELF/#` is narrower than the filter `$aws/things/+/#`
      // although the strings differ).
      const bool filters = info.resource_type == ResourceType::kTopicFilter;
      const Language was_reach = filters ? was.topicsMatchedByFilters() : was;
      const Language now_reach = filters ? now.topicsMatchedByFilters() : now;
      if (!now_reach.isSubsetOf(was_reach)) {
        fail(result.subset, fmt::format("`{}` now also grants `{}`", info.name, sample(now_reach.minus(was_reach), b.tokens, render)));
      }
      const Language other = otherDeviceNames(info.resource_type);
      const Language now_other = now_reach.intersect(other);
      if (!now_other.isSubsetOf(was_reach)) {
        fail(result.no_new_other_access,
             fmt::format("`{}` now reaches `{}`", info.name, sample(now_other.minus(was_reach), b.tokens, render)));
      }
      if (broadFamily(info.action) && !now_other.isEmpty()) {
        result.no_longer_broad = false;  // not a failure in itself: other statements may still be broad
        result.broad_after.push_back(info.action);
      }
      if (const auto not_own = notOwnNames(info.resource_type)) {
        const Language kept = was_reach.minus(*not_own);
        if (!kept.isSubsetOf(now_reach)) {
          fail(result.self_unchanged, fmt::format("`{}` no longer grants SELF `{}`", info.name,
                                                  sample(kept.minus(now_reach), a.tokens, render)));
        }
      } else if (!was_reach.isSubsetOf(now_reach)) {
        fail(result.self_unchanged,
             fmt::format("`{}` no longer grants `{}`", info.name, sample(was_reach.minus(now_reach), a.tokens, render)));
      }
    }
    result.comparable = true;
  } catch (const automata::LanguageTooComplex&) {
    result = GrantComparison{};
    result.reason = "the grants are too complex to compare";
  }
  return result;
}

}  // namespace iotlint::passes
