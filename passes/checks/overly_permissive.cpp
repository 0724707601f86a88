// passes/checks/overly_permissive.cpp: IOT_POLICY_OVERLY_PERMISSIVE_CHECK (semantics.md §1, §4).
//
// For each action family, the effective grant (coverage) is intersected with the resources of
// another thing OTHER:
//   Connect                 the client id OTHER
//   Publish, RetainPublish  OTHER's reserved, command and project-layout topics
//   Subscribe               filters whose MQTT reading matches one of those topics
//   shadow and job APIs     `OTHER` and `OTHER/<shadow>`
// (Receive never on its own: delivery needs Subscribe.) A non-empty intersection is a finding; its
// witness is a member of it, rendered with readable names. Findings are attributed to the Allow
// resource strings (GrantPieces) whose own names still reach OTHER after the Denies, and grouped
// per resource string, or per statement when the breadth comes from NotResource or NotAction.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "passes/checks/check.h"
#include "passes/checks/other_device.h"
#include "passes/coverage.h"

namespace iotlint::passes {

using automata::Language;
using automata::Symbol;

namespace {

enum class Family : std::uint8_t { kConnect, kPublish, kSubscribe, kThing };

struct FamilyInfo {
  Family family;
  std::vector<Action> actions;
};

const std::vector<FamilyInfo>& families() {
  static const std::vector<FamilyInfo> kFamilies = {
      {Family::kConnect, {Action::kConnect}},
      {Family::kPublish, {Action::kPublish, Action::kRetainPublish}},
      {Family::kSubscribe, {Action::kSubscribe}},
      {Family::kThing,
       {Action::kGetThingShadow, Action::kUpdateThingShadow, Action::kDeleteThingShadow, Action::kDescribeJobExecution,
        Action::kGetPendingJobExecutions, Action::kStartNextPendingJobExecution, Action::kUpdateJobExecution,
        Action::kJobsDataDescribeJobExecution, Action::kJobsDataGetPendingJobExecutions,
        Action::kJobsDataStartNextPendingJobExecution, Action::kJobsDataUpdateJobExecution}},
  };
  return kFamilies;
}

/// A request the policy allows on OTHER's resources.
struct FamilyWitness {
  std::vector<Symbol> word;      ///< client id, topic, filter or thing name
  std::vector<Symbol> received;  ///< Subscribe: a topic of OTHER the filter receives
  std::string description;       ///< which of OTHER's topics (reserved, command, layout)
};

/// Everything one finding reports: one resource string, or one statement.
struct Group {
  std::uint32_t statement = 0;
  std::int32_t resource = -1;  ///< -1: the whole statement (NotResource or NotAction)
  struct PerFamily {
    std::vector<Action> actions;
    std::optional<FamilyWitness> witness;
  };
  std::map<Family, PerFamily> broad;
  std::vector<Action> too_complex;
  std::set<std::int32_t> resources;  ///< the resource strings involved (for statement-level notes)
};

class OverlyPermissive {
 public:
  explicit OverlyPermissive(const CheckContext& context)
      : context_(context),
        policy_(context.policy()),
        coverage_(context.analyses.getCoverage()),
        names_(witnessNames(policy_, context.options.render)),
        targets_(otherDeviceTopics(context.options.device_topic_layouts)),
        examples_(exampleTopicsOfOther()) {}

  void run() {
    for (const FamilyInfo& info : families()) {
      for (Action action : info.actions) analyseAction(info.family, action);
    }
    for (auto& [key, group] : groups_) report(group);
  }

 private:
  /// Whether `grant` reaches any of OTHER's names of the family: witnessFor's question without the
  /// witness, so that no intersection is built for it.
  bool reachesOther(Family family, const Language& grant) const {
    switch (family) {
      case Family::kConnect:
        return grant.meets(token(TokenTable::kOther));
      case Family::kThing:
        return grant.meets(otherThingNames());
      case Family::kPublish:
      case Family::kSubscribe: {
        const Language topics = family == Family::kSubscribe ? grant.topicsMatchedByFilters() : grant;
        return std::any_of(targets_.begin(), targets_.end(), [&](const OtherTopics& target) { return topics.meets(target.topics); });
      }
    }
    return false;
  }

  /// The first example topic (examples_) that `topics` reaches among `target`'s preferred topics:
  /// what readableMember(topics ∩ target.topics ∩ target.preferred, examples_) finds first, by
  /// membership alone. Most broad grants reach one, and the intersections it spares are the largest
  /// automata a first analysis builds.
  std::optional<std::vector<Symbol>> exampleReached(const Language& topics, const OtherTopics& target) const {
    for (const auto& word : examples_) {
      if (topics.contains(word) && target.topics.contains(word) && target.preferred.contains(word)) return word;
    }
    return std::nullopt;
  }

  std::optional<FamilyWitness> witnessFor(Family family, const Language& grant) const {
    switch (family) {
      case Family::kConnect: {
        const Language other = token(TokenTable::kOther);
        if (grant.intersect(other).isEmpty()) return std::nullopt;
        return FamilyWitness{{TokenTable::kOther}, {}, "client id"};
      }
      case Family::kThing: {
        // Most grants reach no other thing: ask that before building the intersection.
        if (!grant.meets(otherThingNames())) return std::nullopt;
        const auto word = grant.intersect(otherThingNames()).shortestMember();
        if (!word) return std::nullopt;
        return FamilyWitness{*word, {}, "thing"};
      }
      case Family::kPublish:
        for (const OtherTopics& target : targets_) {
          if (!grant.meets(target.topics)) continue;
          auto word = exampleReached(grant, target);
          if (!word) {
            const Language reached = grant.intersect(target.topics);
            word = readableMember(reached.intersect(target.preferred), examples_, coverage_.tokens);
            if (!word) word = readableMember(reached, examples_, coverage_.tokens);
          }
          if (word) return FamilyWitness{*word, {}, target.description};
        }
        return std::nullopt;
      case Family::kSubscribe: {
        const Language topics = grant.topicsMatchedByFilters();
        for (const OtherTopics& target : targets_) {
          if (!topics.meets(target.topics)) continue;
          auto topic = exampleReached(topics, target);
          if (!topic) {
            const Language reached = topics.intersect(target.topics);
            topic = readableMember(reached.intersect(target.preferred), examples_, coverage_.tokens);
            if (!topic) topic = readableMember(reached, examples_, coverage_.tokens);
          }
          if (!topic) continue;
          const auto filter = grant.intersect(filtersMatchingTopic(*topic)).shortestMember();
          if (filter) return FamilyWitness{*filter, *topic, target.description};
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  /// The group of a piece: its resource string, or its statement for NotResource and NotAction.
  Group& groupOf(std::uint32_t statement, std::int32_t resource) {
    const auto& s = policy_.statements[statement];
    const std::int32_t key_resource = (resource < 0 || s.not_action) ? -1 : resource;
    Group& group = groups_[{statement, key_resource}];
    group.statement = statement;
    group.resource = key_resource;
    if (resource >= 0) group.resources.insert(resource);
    return group;
  }

  void markTooComplex(Action action) {
    // The coverage gave up on this action: report every Allow resource that could be broad (one
    // that is not a literal name), and say that the grant could not be bounded.
    const auto& actions = context_.analyses.getExpandActions();
    const auto& resources = context_.analyses.getParseResources();
    const auto type = static_cast<std::size_t>(resourceTypeOf(action));
    for (std::uint32_t s = 0; s < policy_.statements.size(); ++s) {
      const auto& statement = policy_.statements[s];
      if (statement.effect != ir::Effect::kAllow || !actions.statements[s].actions.test(static_cast<std::size_t>(action))) continue;
      if (statement.not_resource) {
        addTooComplex(groupOf(s, -1), action);
        continue;
      }
      for (std::size_t j = 0; j < resources.statements[s].resources.size(); ++j) {
        const auto& globs = resources.statements[s].resources[j].names[type];
        const bool literal = std::all_of(globs.begin(), globs.end(), [](const Pattern& glob) {
          return std::all_of(glob.begin(), glob.end(), [](const PatternAtom& atom) { return atom.kind == PatternAtom::Kind::kByte; });
        });
        if (!globs.empty() && !literal) addTooComplex(groupOf(s, static_cast<std::int32_t>(j)), action);
      }
    }
  }

  static void addTooComplex(Group& group, Action action) {
    if (std::find(group.too_complex.begin(), group.too_complex.end(), action) == group.too_complex.end()) {
      group.too_complex.push_back(action);
    }
  }

  void analyseAction(Family family, Action action) {
    const ActionCoverage& coverage = coverage_.of(action);
    if (coverage.too_complex) {
      markTooComplex(action);
      return;
    }
    if (coverage.allow_pieces.empty()) return;
    // Actions whose grants come from the same pieces share the computation (the shadow and job
    // APIs of one statement, Publish and RetainPublish).
    SharedBy key{family, {}, {}};
    for (const auto& piece : coverage.allow_pieces) std::get<1>(key).emplace_back(piece.statement, piece.resource);
    for (const auto& piece : coverage.deny_pieces) std::get<2>(key).emplace_back(piece.statement, piece.resource);
    auto cached = cache_.find(key);
    if (cached == cache_.end()) {
      std::vector<std::optional<FamilyWitness>> per_piece(coverage.allow_pieces.size());
      bool too_complex = false;
      try {
        if (reachesOther(family, coverage.effective)) {
          for (std::size_t i = 0; i < coverage.allow_pieces.size(); ++i) {
            const GrantPiece& piece = coverage.allow_pieces[i];
            // The part of this piece that no Deny removes.
            const Language granted = coverage.grantedWithin(piece.names);
            if (context_.options.need_witnesses) {
              per_piece[i] = witnessFor(family, granted);
            } else if (reachesOther(family, granted)) {
              // witnessFor finds one exactly when reachesOther holds (FindingsWithoutWitnesses tests).
              per_piece[i] = FamilyWitness{};
            }
          }
        }
      } catch (const automata::LanguageTooComplex&) {
        too_complex = true;
      }
      cached = cache_.emplace(std::move(key), std::make_pair(std::move(per_piece), too_complex)).first;
    }
    const auto& [per_piece, too_complex] = cached->second;
    for (std::size_t i = 0; i < coverage.allow_pieces.size(); ++i) {
      const GrantPiece& piece = coverage.allow_pieces[i];
      if (too_complex) {
        addTooComplex(groupOf(piece.statement, piece.resource), action);
        continue;
      }
      if (!per_piece[i]) continue;
      Group::PerFamily& entry = groupOf(piece.statement, piece.resource).broad[family];
      if (std::find(entry.actions.begin(), entry.actions.end(), action) == entry.actions.end()) entry.actions.push_back(action);
      if (!entry.witness) entry.witness = per_piece[i];
    }
  }

  std::string render(std::span<const Symbol> word) const { return coverage_.tokens.renderWord(word, names_); }

  static std::string actionsText(Family family, const std::vector<Action>& actions) {
    std::vector<std::string> names;
    for (Action action : actions) names.push_back(fmt::format("`{}`", actionName(action)));
    if (names.size() > 3) {
      const std::string kind = family == Family::kThing ? "shadow and job actions" : "actions";
      return fmt::format("{} and {} other {}", names.front(), names.size() - 1, kind);
    }
    return joinWords(names);
  }

  std::string longText(Family family, const Group::PerFamily& entry) const {
    const std::string actions = actionsText(family, entry.actions);
    const bool one = entry.actions.size() == 1;
    const std::string lets = one ? "lets" : "let";
    const FamilyWitness& w = *entry.witness;
    switch (family) {
      case Family::kConnect:
        return fmt::format("{} {} a device connect as another thing: client id `{}` is allowed", actions, lets, render(w.word));
      case Family::kPublish:
        return fmt::format("{} {} a device publish to another thing's {}: `{}` is allowed", actions, lets, w.description,
                           render(w.word));
      case Family::kSubscribe:
        return fmt::format("{} {} a device subscribe to another thing's {}: the filter `{}` is allowed and receives `{}`", actions,
                           lets, w.description, render(w.word), render(w.received));
      case Family::kThing:
        return fmt::format("{} {} a device use another thing's shadow and job executions: `thing/{}` is allowed", actions, lets,
                           render(w.word));
    }
    return {};
  }

  std::string shortText(Family family, const Group::PerFamily& entry) const {
    const std::string actions = actionsText(family, entry.actions);
    const FamilyWitness& w = *entry.witness;
    switch (family) {
      case Family::kConnect: return fmt::format("{} (client id `{}`)", actions, render(w.word));
      case Family::kPublish: return fmt::format("{} (`{}`)", actions, render(w.word));
      case Family::kSubscribe: return fmt::format("{} (filter `{}`)", actions, render(w.word));
      case Family::kThing: return fmt::format("{} (`thing/{}`)", actions, render(w.word));
    }
    return {};
  }

  /// The `witness` property: the request, as semantics.md §1 writes it.
  std::string witnessProperty(Family family, const Group::PerFamily& entry) const {
    const FamilyWitness& w = *entry.witness;
    const std::string self = names_.self_name;
    switch (family) {
      case Family::kConnect: return fmt::format("thing \"{}\" may connect as client id \"{}\"", self, render(w.word));
      case Family::kPublish: return fmt::format("thing \"{}\" may publish to \"{}\"", self, render(w.word));
      case Family::kSubscribe:
        return fmt::format("thing \"{}\" may subscribe to \"{}\" and receive \"{}\"", self, render(w.word), render(w.received));
      case Family::kThing:
        return fmt::format("thing \"{}\" may call {} on \"thing/{}\"", self, actionName(entry.actions.front()), render(w.word));
    }
    return {};
  }

  bool usesClientId(const Group& group) const {
    const auto& variables = context_.analyses.getResolveVariables().statements[group.statement];
    for (std::size_t j = 0; j < variables.resources.size(); ++j) {
      if (group.resource >= 0 && static_cast<std::size_t>(group.resource) != j) continue;
      for (const auto& use : variables.resources[j].variables) {
        if (use.classification.kind == VariableKind::kClientId) return true;
      }
    }
    return false;
  }

  ir::SourceRange pieceRange(std::uint32_t statement, std::int32_t resource) const {
    const auto& s = policy_.statements[statement];
    if (resource >= 0) return s.resources.items[static_cast<std::size_t>(resource)].range;
    return s.resources.key_range;
  }

  void report(const Group& group) {
    const ir::Statement& statement = policy_.statements[group.statement];
    std::vector<std::string> parts;
    std::string witness;
    std::vector<std::string> all_actions;
    bool mentions_self = false;
    for (const auto& [family, entry] : group.broad) {
      if (!entry.witness) continue;
      for (Action action : entry.actions) all_actions.emplace_back(actionName(action));
      mentions_self = mentions_self || holds(entry.witness->word, TokenTable::kSelf) || holds(entry.witness->received, TokenTable::kSelf);
      if (parts.empty()) {
        parts.push_back(longText(family, entry));
        witness = witnessProperty(family, entry);
      } else {
        parts.push_back(shortText(family, entry));
      }
    }
    std::vector<Action> too_complex;
    for (Action action : group.too_complex) {
      const bool already = std::any_of(group.broad.begin(), group.broad.end(), [&](const auto& entry) {
        return std::find(entry.second.actions.begin(), entry.second.actions.end(), action) != entry.second.actions.end();
      });
      if (!already) too_complex.push_back(action);
    }
    if (parts.empty() && too_complex.empty()) return;

    std::string message;
    if (group.resource < 0) {
      message = statement.not_resource ? "through `NotResource`, " : "through `NotAction`, ";
    }
    if (!parts.empty()) {
      message += parts.front();
      if (parts.size() > 1) {
        message += "; also ";
        for (std::size_t i = 1; i < parts.size(); ++i) message += (i > 1 ? "; " : "") + parts[i];
      }
    }
    if (!too_complex.empty()) {
      std::vector<std::string> names;
      for (Action action : too_complex) {
        names.push_back(fmt::format("`{}`", actionName(action)));
        all_actions.emplace_back(actionName(action));
      }
      message += fmt::format("{}the grant of {} here is too complex to bound exactly, so it may reach other things' resources",
                             parts.empty() ? "" : "; ", names.size() > 3 ? fmt::format("{} and {} other actions", names.front(), names.size() - 1)
                                                                         : joinWords(names));
    }
    if (!parts.empty()) {
      message += fmt::format(" (`{}` stands for another thing{})", names_.other_name,
                             mentions_self ? fmt::format(", `{}` for the device itself", names_.self_name) : std::string());
    }

    ir::SourceRange range;
    if (group.resource >= 0) {
      range = statement.resources.items[static_cast<std::size_t>(group.resource)].range;
    } else if (statement.not_resource) {
      range = statement.resources.key_range;
    } else {
      range = statement.actions.key_range;
    }
    auto builder = context_.diagnostics().report(ir::RuleId::kOverlyPermissive, context_.file(), range, std::move(message));
    builder.note(statement.range, statement.sid ? fmt::format("granted by statement `{}`", statement.sid->value)
                                                : std::string("granted by this Allow statement"));
    if (group.resource < 0 && !statement.not_resource) {
      for (std::int32_t j : group.resources) {
        builder.note(statement.resources.items[static_cast<std::size_t>(j)].range, "on this resource");
      }
    }
    // Breadth through `${iot:ClientId}`: point at what frees the client id.
    const bool through_client_id = std::any_of(group.broad.begin(), group.broad.end(), [](const auto& entry) {
      return entry.first != Family::kConnect && entry.second.witness;
    }) && usesClientId(group);
    if (through_client_id) {
      const ClientIdResult& client_id = context_.analyses.getBindClientId();
      if (client_id.connect_statements.empty()) {
        builder.note(range, "`${iot:ClientId}` can be any client id: this policy grants no `iot:Connect` that would bound it");
      } else if (client_id.binding != ClientIdResult::Binding::kFinite) {
        const ActionCoverage& connect = coverage_.of(Action::kConnect);
        for (const GrantPiece& piece : connect.allow_pieces) {
          bool frees = false;
          try {
            frees = !connect.grantedWithin(piece.names).intersect(token(TokenTable::kOther)).isEmpty();
          } catch (const automata::LanguageTooComplex&) {
            frees = true;
          }
          if (!frees) continue;
          builder.note(pieceRange(piece.statement, piece.resource),
                       "this `iot:Connect` grant leaves the client id free, so `${iot:ClientId}` can be another thing's name");
        }
      }
    }
    builder.property("reasonCode", "ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS");
    if (!witness.empty()) builder.property("witness", witness);
    std::string actions_property;
    for (const std::string& name : all_actions) actions_property += (actions_property.empty() ? "" : ",") + name;
    builder.property("actions", actions_property);
    if (!too_complex.empty()) builder.property("tooComplex", "true");
  }

  const CheckContext& context_;
  const ir::Policy& policy_;
  const CoverageResult& coverage_;
  RenderOptions names_;
  std::vector<OtherTopics> targets_;
  const std::vector<std::vector<Symbol>>& examples_;  // built once per process
  std::map<std::pair<std::uint32_t, std::int32_t>, Group> groups_;
  /// The family and the (statement, resource) of the allow and deny pieces of an action's grant.
  using PieceIds = std::vector<std::pair<std::uint32_t, std::int32_t>>;
  using SharedBy = std::tuple<Family, PieceIds, PieceIds>;
  std::map<SharedBy, std::pair<std::vector<std::optional<FamilyWitness>>, bool>> cache_;
};

}  // namespace

void checkOverlyPermissive(const CheckContext& context) {
  if (context.policy().file == nullptr) return;
  OverlyPermissive(context).run();
}

}  // namespace iotlint::passes
