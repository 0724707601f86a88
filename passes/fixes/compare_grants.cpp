// passes/fixes/compare_grants.cpp: what two versions of a policy grant, compared action by action
// on the coverage languages (the verification of fixes, semantics.md §6).
#include <fmt/format.h>

#include <array>
#include <deque>
#include <optional>

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

/// One language per resource type, built once: these depend only on the SELF and OTHER tokens, and
/// fix verification asks for them for every action of every candidate fix. Languages are immutable
/// and safe to share between the threads that analyse files.
using PerResourceType = std::array<std::optional<Language>, kResourceTypeCount>;

std::optional<Language> buildNotOwnNames(ResourceType type) {
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

Language buildOtherDeviceNames(ResourceType type) {
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

template <typename Build>
PerResourceType perResourceType(Build build) {
  PerResourceType languages;
  for (std::size_t t = 0; t < kResourceTypeCount; ++t) languages[t] = build(static_cast<ResourceType>(t));
  return languages;
}

/// Names that are not SELF's own: any other thing's (literal or not) in the thing-name position.
/// SELF must keep everything outside this set for a fix to be safe.
const std::optional<Language>& notOwnNames(ResourceType type) {
  thread_local const PerResourceType kNotOwnNames = perResourceType(buildNotOwnNames);
  return kNotOwnNames[static_cast<std::size_t>(type)];
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

/// How one action's grant changed; the samples are rendered members of the difference at fault.
struct ActionComparison {
  std::optional<std::string> now_also_grants;   ///< `after` grants more
  std::optional<std::string> now_reaches;       ///< `after` reaches another device's names anew
  std::optional<std::string> no_longer_grants;  ///< `before` granted more (to SELF when only_self)
  bool only_self = false;
  /// The names `after` grants (topics, for Subscribe's filters), once computed.
  mutable std::optional<automata::Language> now_reach;
  mutable std::optional<bool> reaches_other;    ///< now_reach holds another device's names, once asked
};

/// Actions of one resource type whose coverage is shared (the coverage pass computes actions with
/// the same contributing statements once, and their languages share one representation) compare
/// alike; each distinct (type, before, after) triple is compared once.
class ComparisonCache {
 public:
  ComparisonCache(const TokenTable& before, const TokenTable& after, const RenderOptions& render)
      : before_(before), after_(after), render_(render) {}

  const ActionComparison& of(ResourceType type, const Language& was, const Language& now) {
    for (const Entry& entry : entries_) {
      if (entry.type == type && entry.was.sharesRepresentationWith(was) && entry.now.sharesRepresentationWith(now)) {
        return entry.comparison;
      }
    }
    entries_.push_back({type, was, now, compare(type, was, now)});
    return entries_.back().comparison;
  }

  /// Asked only for the broad action families, so that other families never pay for (or fail on)
  /// the emptiness search.
  bool reachesOther(ResourceType type, const Language& now, const ActionComparison& comparison) const {
    if (!comparison.reaches_other) comparison.reaches_other = reachOf(type, now, comparison).meets(otherDeviceNames(type));
    return *comparison.reaches_other;
  }

 private:
  struct Entry {
    ResourceType type;
    Language was;
    Language now;
    ActionComparison comparison;
  };

  // Subscribe grants filter strings; they reach the topics they match under MQTT rules, and
  // that is what is compared (`$aws/things/SELF/#` is narrower than the filter `$aws/things/+/#`
  // although the strings differ).
  static Language reachOf(ResourceType type, const Language& grant) {
    return type == ResourceType::kTopicFilter ? grant.topicsMatchedByFilters() : grant;
  }
  static const Language& reachOf(ResourceType type, const Language& now, const ActionComparison& comparison) {
    if (!comparison.now_reach) comparison.now_reach = reachOf(type, now);
    return *comparison.now_reach;
  }

  ActionComparison compare(ResourceType type, const Language& was, const Language& now) const {
    ActionComparison result;
    // A fix leaves most actions as they were: then every inclusion below holds, and whether
    // `after` reaches another device is asked (of broad families only) when needed.
    if (was.hasSameAutomataAs(now)) return result;
    const Language was_reach = reachOf(type, was);
    const Language& now_reach = reachOf(type, now, result);
    if (was_reach.hasSameAutomataAs(now_reach)) return result;
    const bool subset = now_reach.isSubsetOf(was_reach);
    if (!subset) {
      result.now_also_grants = sample(now_reach.minus(was_reach), after_, render_);
      // Another device's names `after` reaches; within was_reach whenever now_reach is.
      const Language now_other = now_reach.intersect(otherDeviceNames(type));
      result.reaches_other = !now_other.isEmpty();
      if (!now_other.isSubsetOf(was_reach)) result.now_reaches = sample(now_other.minus(was_reach), after_, render_);
    }
    if (const auto& not_own = notOwnNames(type)) {
      result.only_self = true;
      const Language kept = was_reach.minus(*not_own);
      if (!kept.isSubsetOf(now_reach)) result.no_longer_grants = sample(kept.minus(now_reach), before_, render_);
    } else if (!was_reach.isSubsetOf(now_reach)) {
      result.no_longer_grants = sample(was_reach.minus(now_reach), before_, render_);
    }
    return result;
  }

  const TokenTable& before_;
  const TokenTable& after_;
  const RenderOptions& render_;
  std::deque<Entry> entries_;  // stable addresses: of() hands out references
};

}  // namespace

Language otherDeviceNames(ResourceType type) {
  thread_local const PerResourceType kOtherDeviceNames =
      perResourceType([](ResourceType t) { return std::optional<Language>(buildOtherDeviceNames(t)); });
  return *kOtherDeviceNames[static_cast<std::size_t>(type)];
}

GrantComparison compareGrants(const ir::Policy& before, const ir::Policy& after, const RenderOptions& render) {
  ir::DiagnosticEngine scratch_before;
  ir::DiagnosticEngine scratch_after;
  AnalysisManager manager_before(before, scratch_before);
  AnalysisManager manager_after(after, scratch_after);
  try {
    return compareGrants(grantsOf(manager_before.getCoverage()), grantsOf(manager_after.getCoverage()), render);
  } catch (const automata::LanguageTooComplex&) {
    GrantComparison result;
    result.reason = "the grants are too complex to compare";
    return result;
  }
}

GrantComparison compareGrants(const Grants& a, const Grants& b, const RenderOptions& render) {
  GrantComparison result;
  const auto fail = [&](bool& fact, std::string reason) {
    if (fact && result.reason.empty()) result.reason = std::move(reason);
    fact = false;
  };
  try {
    ComparisonCache comparisons(a.tokens, b.tokens, render);
    if (!sameTokens(a.tokens, b.tokens)) {
      result.reason = "the fixed policy uses different principal variables";
      return result;
    }
    result.subset = result.no_new_other_access = result.no_longer_broad = result.self_unchanged = true;
    for (const auto& info : allActions()) {
      const Grants::OfAction& old_grant = a.of(info.action);
      const Grants::OfAction& new_grant = b.of(info.action);
      if (old_grant.too_complex || new_grant.too_complex) {
        result = GrantComparison{};
        result.reason = fmt::format("`{}` is too complex to compare", info.name);
        return result;
      }
      const ActionComparison& compared = comparisons.of(info.resource_type, old_grant.effective, new_grant.effective);
      if (compared.now_also_grants) {
        fail(result.subset, fmt::format("`{}` now also grants `{}`", info.name, *compared.now_also_grants));
      }
      if (compared.now_reaches) {
        fail(result.no_new_other_access, fmt::format("`{}` now reaches `{}`", info.name, *compared.now_reaches));
      }
      if (broadFamily(info.action) && comparisons.reachesOther(info.resource_type, new_grant.effective, compared)) {
        result.no_longer_broad = false;  // not a failure in itself: other statements may still be broad
        result.broad_after.push_back(info.action);
      }
      if (compared.no_longer_grants) {
        fail(result.self_unchanged, compared.only_self
                                        ? fmt::format("`{}` no longer grants SELF `{}`", info.name, *compared.no_longer_grants)
                                        : fmt::format("`{}` no longer grants `{}`", info.name, *compared.no_longer_grants));
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
