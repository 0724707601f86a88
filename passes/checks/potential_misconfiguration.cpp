// passes/checks/potential_misconfiguration.cpp: IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK
// (semantics.md §5), with its two reason codes:
//
// POLICY_CONTAINS_MQTT_WILDCARDS_IN_DENY_STATEMENT: a Deny whose `topic/` or `topicfilter/`
//   resource holds a literal `+` or `#` (read from the string's parts, so `${...}` never counts).
//   In a policy they are plain characters, so the Deny only blocks that literal name. The finding
//   points at the character; when the policy still allows what the admin meant to block (the
//   Deny's names read as MQTT filters), the witness says so.
// TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS: a Deny on Subscribe whose denied names
//   are topics that an allowed filter still receives, computed on the languages:
//     topics(effective Subscribe) ∩ denied names ∩ receivable topics ≠ ∅
//   where receivable is the effective Receive grant when the policy grants Receive, else every
//   topic its Receive Denies leave. A Deny on Receive of the same subtree therefore closes the
//   gap. Deny resources already reported for a literal wildcard are not reported twice.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "passes/checks/check.h"
#include "passes/checks/other_device.h"
#include "passes/coverage.h"

namespace iotlint::passes {

using automata::Language;
using automata::Symbol;

namespace {

constexpr std::string_view kWildcardsInDeny = "POLICY_CONTAINS_MQTT_WILDCARDS_IN_DENY_STATEMENT";
constexpr std::string_view kFiltersBypassDeny = "TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS";

/// Decoded offset where the resource part (`TYPE/NAME`) of an ARN starts, after the fifth colon.
std::optional<std::size_t> resourcePartStart(std::string_view value) {
  std::size_t at = 0;
  for (int colons = 0; colons < 5; ++colons) {
    at = value.find(':', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  return at;
}

/// The first literal `+` or `#` of the resource part, as a decoded offset.
std::optional<std::uint32_t> literalMqttWildcard(const ir::PolicyString& string) {
  const auto start = resourcePartStart(string.value);
  if (!start) return std::nullopt;
  const std::vector<ir::StringPart> parts = string.parts.empty() ? splitPolicyString(string.value) : string.parts;
  for (const auto& part : parts) {
    if (part.kind != ir::StringPart::Kind::kLiteral || part.end <= *start) continue;
    for (std::uint32_t i = std::max<std::uint32_t>(part.begin, static_cast<std::uint32_t>(*start)); i < part.end; ++i) {
      if (string.value[i] == '+' || string.value[i] == '#') return i;
    }
  }
  return std::nullopt;
}

/// What follows `topic/` or `topicfilter/` in an ARN, or the whole resource part.
std::string resourceName(std::string_view value) {
  const auto start = resourcePartStart(value);
  if (!start) return std::string(value);
  std::string_view part = value.substr(*start);
  for (std::string_view type : {"topicfilter/", "topic/"}) {
    if (part.starts_with(type)) return std::string(part.substr(type.size()));
  }
  return std::string(part);
}

class PotentialMisconfiguration {
 public:
  explicit PotentialMisconfiguration(const CheckContext& context)
      : context_(context),
        policy_(context.policy()),
        coverage_(context.analyses.getCoverage()),
        names_(witnessNames(policy_, context.options.render)) {}

  void run() {
    std::set<std::pair<std::uint32_t, std::int32_t>> literal_wildcards;
    reportWildcardsInDeny(literal_wildcards);
    reportFiltersBypassingDeny(literal_wildcards);
  }

 private:
  std::string render(std::span<const Symbol> word) const { return coverage_.tokens.renderWord(word, names_); }

  /// ` (`device-1` stands for the device itself)` when a witness shows SELF or OTHER.
  std::string namesLegend(std::span<const Symbol> a, std::span<const Symbol> b = {}) const {
    std::vector<std::string> legend;
    if (holds(a, TokenTable::kSelf) || holds(b, TokenTable::kSelf)) {
      legend.push_back(fmt::format("`{}` stands for the device itself", names_.self_name));
    }
    if (holds(a, TokenTable::kOther) || holds(b, TokenTable::kOther)) {
      legend.push_back(fmt::format("`{}` for another thing", names_.other_name));
    }
    if (legend.empty()) return {};
    return fmt::format(" ({})", joinWords(legend));
  }

  /// Topics a client may still receive: the effective Receive grant, or (when this policy grants
  /// no Receive, so another policy may) every topic that its Receive Denies leave.
  Language receivable() const {
    const ActionCoverage& receive = coverage_.of(Action::kReceive);
    if (receive.too_complex) return Language::everything();
    if (!receive.allow_pieces.empty()) return receive.effective;
    if (receive.deny_pieces.empty()) return Language::everything();
    return Language::everything().minus(receive.denied);
  }

  struct Slip {
    std::vector<Symbol> filter;
    std::vector<Symbol> topic;
  };

  /// An allowed Subscribe filter that receives one of `intended` (topics).
  std::optional<Slip> slipThrough(const Language& intended) {
    const ActionCoverage& subscribe = coverage_.of(Action::kSubscribe);
    if (subscribe.too_complex || subscribe.allow_pieces.empty()) return std::nullopt;
    if (!subscribed_topics_) subscribed_topics_ = subscribe.effective.topicsMatchedByFilters().intersect(receivable());
    const Language reached = subscribed_topics_->intersect(intended);
    if (reached.isEmpty()) return std::nullopt;
    const auto topic = readableMember(reached, {}, coverage_.tokens);
    if (!topic) return std::nullopt;
    const auto filter = subscribe.effective.intersect(filtersMatchingTopic(*topic)).shortestMember();
    if (!filter) return std::nullopt;
    return Slip{*filter, *topic};
  }

  const GrantPiece* denyPiece(Action action, std::uint32_t statement, std::int32_t resource) const {
    for (const auto& piece : coverage_.of(action).deny_pieces) {
      if (piece.statement == statement && piece.resource == resource) return &piece;
    }
    return nullptr;
  }

  void noteAllowedFilter(ir::DiagnosticEngine::Builder& builder, const Slip& slip) const {
    for (const GrantPiece* piece : coverage_.attribute(Action::kSubscribe, slip.filter)) {
      const auto& statement = policy_.statements[piece->statement];
      const ir::SourceRange range = piece->resource >= 0
                                        ? statement.resources.items[static_cast<std::size_t>(piece->resource)].range
                                        : statement.resources.key_range;
      builder.note(range, fmt::format("this Allow grants the filter `{}`", render(slip.filter)));
    }
  }

  void reportWildcardsInDeny(std::set<std::pair<std::uint32_t, std::int32_t>>& reported) {
    const auto& actions = context_.analyses.getExpandActions();
    const auto& resources = context_.analyses.getParseResources();
    for (std::uint32_t s = 0; s < policy_.statements.size(); ++s) {
      const ir::Statement& statement = policy_.statements[s];
      if (statement.effect != ir::Effect::kDeny || statement.not_resource) continue;
      const ActionSet& set = actions.statements[s].actions;
      const bool subscribe = set.test(static_cast<std::size_t>(Action::kSubscribe));
      std::vector<Action> topic_actions;
      for (Action action : {Action::kPublish, Action::kReceive, Action::kRetainPublish, Action::kGetRetainedMessage}) {
        if (set.test(static_cast<std::size_t>(action))) topic_actions.push_back(action);
      }
      for (std::size_t j = 0; j < statement.resources.items.size(); ++j) {
        const ir::PolicyString& string = statement.resources.items[j];
        const ResourceNames& names = resources.statements[s].resources[j];
        if (names.parsed.form != ParsedResource::Form::kArn) continue;
        const bool filter_type = subscribe && !names.names[static_cast<std::size_t>(ResourceType::kTopicFilter)].empty();
        const bool topic_type = !topic_actions.empty() && !names.names[static_cast<std::size_t>(ResourceType::kTopic)].empty();
        if (!filter_type && !topic_type) continue;
        const auto at = literalMqttWildcard(string);
        if (!at) continue;
        reported.insert({s, static_cast<std::int32_t>(j)});
        const char wildcard = string.value[*at];
        const std::string name = resourceName(string.value);
        std::string message;
        std::string witness;
        std::optional<Slip> slip;
        try {
          if (filter_type) {
            message = fmt::format("`{}` is a literal character in a policy, not an MQTT wildcard: this Deny blocks only the topic filter `{}` itself",
                                  wildcard, name);
            if (const GrantPiece* piece = denyPiece(Action::kSubscribe, s, static_cast<std::int32_t>(j))) {
              slip = slipThrough(piece->names.topicsMatchedByFilters());
            }
            if (slip) {
              message += fmt::format("; the filter `{}` is still allowed and receives `{}`{}", render(slip->filter), render(slip->topic),
                                     namesLegend(slip->filter, slip->topic));
              witness = render(slip->filter);
            }
          } else {
            message = fmt::format("`{}` is a literal character in a policy, not an MQTT wildcard: no topic name contains it, so this Deny blocks nothing",
                                  wildcard);
            for (Action action : topic_actions) {
              const GrantPiece* piece = denyPiece(action, s, static_cast<std::int32_t>(j));
              const ActionCoverage& coverage = coverage_.of(action);
              if (piece == nullptr || coverage.too_complex) continue;
              const Language intended = piece->names.topicsMatchedByFilters();
              if (auto topic = readableMember(coverage.effective.intersect(intended), {}, coverage_.tokens)) {
                message += fmt::format("; `{}` on `{}` is still allowed{}", actionName(action), render(*topic), namesLegend(*topic));
                witness = render(*topic);
                break;
              }
            }
          }
        } catch (const automata::LanguageTooComplex&) {
          // The literal character is the finding; the witness is a bonus.
        }
        auto builder = context_.diagnostics().report(ir::RuleId::kPotentialMisconfiguration, context_.file(),
                                                     string.rangeOf(*at, *at + 1), std::move(message));
        builder.note(string.range, "in this Deny resource");
        if (slip) noteAllowedFilter(builder, *slip);
        builder.property("reasonCode", std::string(kWildcardsInDeny));
        builder.property("witness", witness.empty() ? name : witness);
      }
    }
  }

  void reportFiltersBypassingDeny(const std::set<std::pair<std::uint32_t, std::int32_t>>& literal_wildcards) {
    const ActionCoverage& subscribe = coverage_.of(Action::kSubscribe);
    if (subscribe.too_complex || subscribe.allow_pieces.empty()) return;
    for (const GrantPiece& piece : subscribe.deny_pieces) {
      if (piece.resource < 0 || literal_wildcards.contains({piece.statement, piece.resource})) continue;
      std::optional<Slip> slip;
      try {
        slip = slipThrough(piece.names);
      } catch (const automata::LanguageTooComplex&) {
        continue;  // a warning-level heuristic: stay silent rather than guess
      }
      if (!slip) continue;
      const ir::Statement& statement = policy_.statements[piece.statement];
      const ir::PolicyString& string = statement.resources.items[static_cast<std::size_t>(piece.resource)];
      std::string message = fmt::format(
          "this Deny does not stop wildcard subscriptions: the filter `{}` is allowed and receives `{}`, which this Deny appears to block",
          render(slip->filter), render(slip->topic));
      const std::string legend = namesLegend(slip->filter, slip->topic);
      if (const auto start = resourcePartStart(string.value); start && std::string_view(string.value).substr(*start).starts_with("topicfilter/")) {
        std::string receive = string.value;
        receive.replace(*start, std::string_view("topicfilter/").size(), "topic/");
        message += fmt::format("; deny `iot:Receive` on `{}` too", receive);
      } else {
        message += "; deny `iot:Receive` on these topics too";
      }
      message += legend;
      auto builder = context_.diagnostics().report(ir::RuleId::kPotentialMisconfiguration, context_.file(), string.range,
                                                   std::move(message));
      noteAllowedFilter(builder, *slip);
      builder.property("reasonCode", std::string(kFiltersBypassDeny));
      builder.property("witness", render(slip->filter));
    }
  }

  const CheckContext& context_;
  const ir::Policy& policy_;
  const CoverageResult& coverage_;
  RenderOptions names_;
  std::optional<Language> subscribed_topics_;
};

}  // namespace

void checkPotentialMisconfiguration(const CheckContext& context) {
  if (context.policy().file == nullptr) return;
  PotentialMisconfiguration(context).run();
}

}  // namespace iotlint::passes
