// passes/coverage.cpp: the bind-client-id and coverage passes, and the translation of resource
// name globs into automata::Language under may/must polarity (see coverage.h).
#include "passes/coverage.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "ir/text.h"
#include "passes/pass_manager.h"

namespace iotlint::passes {

using automata::Language;
using automata::Symbol;

namespace {

enum class Polarity : std::uint8_t {
  kMay,   ///< over-approximate: everything the resource may match
  kMust,  ///< under-approximate: only what the resource certainly matches
};

Polarity flip(Polarity polarity) { return polarity == Polarity::kMay ? Polarity::kMust : Polarity::kMay; }

/// What the static analysis can say about a statement's Condition block (semantics.md §3).
struct ConditionSummary {
  bool is_attached = false;  ///< `Bool iot:Connection.Thing.IsAttached "true"`
  bool undecidable = false;  ///< some condition cannot be decided statically
  bool never = false;        ///< some condition can never hold (a positive operator on unknown variables)
};

ConditionSummary summarizeConditions(const ir::Statement& statement, const StatementVariables& variables) {
  ConditionSummary summary;
  for (std::size_t c = 0; c < statement.conditions.size(); ++c) {
    const auto& condition = statement.conditions[c];
    const std::string op = ir::asciiLowered(condition.op.value);
    const std::string key = ir::asciiLowered(condition.key.value);
    if (op == "bool" && key == "iot:connection.thing.isattached") {
      const bool all_true = !condition.values.items.empty() &&
                            std::all_of(condition.values.items.begin(), condition.values.items.end(),
                                        [](const ir::PolicyString& v) { return ir::asciiLowered(v.value) == "true"; });
      if (all_true) {
        summary.is_attached = true;
        continue;
      }
    }
    // Positive string/ARN operators never match a value whose every variable is unknown.
    const bool positive = !op.starts_with("forallvalues:") && !op.ends_with("ifexists") &&
                          (op.ends_with("stringequals") || op.ends_with("stringlike") ||
                           op.ends_with("stringequalsignorecase") || op.ends_with("arnequals") || op.ends_with("arnlike"));
    if (positive && c < variables.condition_values.size() && !variables.condition_values[c].empty()) {
      const bool all_unknown = std::all_of(
          variables.condition_values[c].begin(), variables.condition_values[c].end(), [](const ResolvedString& value) {
            return std::any_of(value.variables.begin(), value.variables.end(), [](const VariableUse& use) {
              return use.classification.kind == VariableKind::kUnknown;
            });
          });
      if (all_unknown) {
        summary.never = true;
        continue;
      }
    }
    summary.undecidable = true;
  }
  return summary;
}

/// The value `${iot:ClientId}` takes in one scenario of the per-device question.
struct ClientIdScenario {
  std::optional<std::vector<Symbol>> word;  ///< a known value; otherwise `may` bounds it
  Language may = Language::everything();
};

Language uniteAll(const std::vector<Language>& languages) {
  if (languages.size() == 1) return languages.front();
  return Language::unionOf(languages);  // linear in the total size, shares common prefixes
}
/// The same for parts no longer needed: a single part is moved, not copied (a copy of a language
/// is an atomic reference count once a second thread runs).
Language uniteAll(std::vector<Language>&& languages) {
  if (languages.size() == 1) return std::move(languages.front());
  return Language::unionOf(languages);
}

/// Builds and caches the languages of statements for one policy.
class GrantBuilder {
 public:
  GrantBuilder(const ir::Policy& policy, const ActionsResult& actions, const VariablesResult& variables,
               const ResourcesResult& resources)
      : policy_(policy), actions_(actions), variables_(variables), resources_(resources) {
    for (std::size_t i = 0; i < policy.statements.size(); ++i) {
      conditions_.push_back(summarizeConditions(policy.statements[i], variables.statements[i]));
    }
  }

  const ConditionSummary& conditions(std::size_t statement) const { return conditions_[statement]; }

  /// Whether the statement takes part in the grant under its effect's polarity.
  bool applies(std::size_t statement) const {
    const auto& summary = conditions_[statement];
    if (summary.never) return false;
    // Undecidable: an Allow is assumed to apply, a Deny is assumed not to.
    if (policy_.statements[statement].effect == ir::Effect::kDeny && summary.undecidable) return false;
    return true;
  }

  struct StatementGrant {
    Language total = Language::none();
    std::vector<Language> entries;  ///< per resource entry (for Resource); empty for NotResource
  };

  /// The names statement `s` grants (Allow) or denies (Deny) for an action of `type`.
  const StatementGrant& grant(std::size_t s, ResourceType type, bool connect, std::size_t scenario_index,
                              const ClientIdScenario& scenario) {
    const auto key = std::make_tuple(s, static_cast<int>(type), connect, scenario_index);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    const auto& statement = policy_.statements[s];
    const Polarity polarity = statement.effect == ir::Effect::kAllow ? Polarity::kMay : Polarity::kMust;
    // NotResource: the listed entries are read with the opposite polarity, then complemented.
    const Polarity entry_polarity = statement.not_resource ? flip(polarity) : polarity;
    StatementGrant grant;
    std::vector<Language> entries;
    for (std::size_t j = 0; j < resources_.statements[s].resources.size(); ++j) {
      entries.push_back(entryLanguage(s, j, type, connect, entry_polarity, scenario));
    }
    if (statement.not_resource) {
      grant.total = uniteAll(entries).complement();
    } else {
      grant.total = uniteAll(entries);
      grant.entries = std::move(entries);
    }
    if (connect && conditions_[s].is_attached) {
      // IsAttached: the client id is the name of the attached thing, SELF.
      const Symbol self = TokenTable::kSelf;
      const Language only_self = Language::exactly(std::span<const Symbol>(&self, 1));
      grant.total = grant.total.intersect(only_self);
      for (auto& entry : grant.entries) entry = entry.intersect(only_self);
    }
    return cache_.emplace(key, std::move(grant)).first->second;
  }

 private:
  Language entryLanguage(std::size_t s, std::size_t j, ResourceType type, bool connect, Polarity polarity,
                         const ClientIdScenario& scenario) const {
    if (!variables_.statements[s].resource_resolvable[j]) return Language::none();
    const auto& names = resources_.statements[s].resources[j].names[static_cast<std::size_t>(type)];
    std::vector<Language> parts;
    for (const auto& glob : names) {
      parts.push_back(nameLanguage(glob, variables_.statements[s].resources[j].variables, polarity, connect,
                                   conditions_[s].is_attached, scenario));
    }
    return uniteAll(std::move(parts));
  }

  automata::GlobSemantics semantics(Polarity polarity) const {
    automata::GlobSemantics result;
    // may: a fresh device, a certificate value or SELF may be one character long.
    if (polarity == Polarity::kMay) result.any_one_also_matches = variables_.tokens.allTokens();
    return result;
  }

  Language nameLanguage(const Pattern& glob, const std::vector<VariableUse>& uses, Polarity polarity, bool connect,
                        bool is_attached, const ClientIdScenario& scenario) const {
    using Kind = PatternAtom::Kind;
    const auto isClientId = [&](const PatternAtom& atom) {
      return atom.kind == Kind::kVariable && uses[atom.variable].classification.kind == VariableKind::kClientId;
    };
    if (connect && std::any_of(glob.begin(), glob.end(), isClientId)) {
      // Connect checks `client/<id>` with `${iot:ClientId}` = <id>: a name that is the variable
      // (between `*`s) always matches; anything else around it is beyond this analysis.
      const bool self_reference = std::count_if(glob.begin(), glob.end(), isClientId) == 1 &&
                                  std::all_of(glob.begin(), glob.end(), [&](const PatternAtom& atom) {
                                    return isClientId(atom) || atom.kind == Kind::kAnySequence;
                                  });
      if (self_reference || polarity == Polarity::kMay) return Language::everything();
      return Language::none();
    }
    const automata::GlobSemantics glob_semantics = semantics(polarity);
    // The name is built as one glob while its variables stand for one word each (SELF, a value
    // token, a known client id): their symbols are atoms of the glob. Only a variable that stands
    // for a set (SELF or OTHER next to a wildcard, a bounded client id) is concatenated, which
    // copies both automata.
    std::optional<Language> result;
    automata::Glob segment;
    const auto append = [&](const Language& language) { result = result ? result->concat(language) : language; };
    const auto flush = [&] {
      if (!segment.empty() || !result) append(Language::fromGlob(segment, glob_semantics));
      segment.clear();
    };
    const auto appendWord = [&](std::span<const Symbol> word) {
      for (const Symbol symbol : word) segment.push_back({automata::GlobAtom::Kind::kSymbol, symbol});
    };
    const auto nextToWildcard = [&](std::size_t i) {
      const auto wild = [](const PatternAtom& atom) { return atom.kind == Kind::kAnySequence || atom.kind == Kind::kAnyOne; };
      return (i > 0 && wild(glob[i - 1])) || (i + 1 < glob.size() && wild(glob[i + 1]));
    };
    const auto appendSelf = [&](std::size_t i) {
      // may: SELF's name next to a wildcard is also a prefix/suffix of other devices' names.
      if (polarity == Polarity::kMay && nextToWildcard(i)) {
        const std::vector<Symbol> both = {TokenTable::kSelf, TokenTable::kOther};
        if (!segment.empty()) flush();
        append(Language::anyOf(both));
        return;
      }
      const Symbol self = TokenTable::kSelf;
      appendWord(std::span<const Symbol>(&self, 1));
    };
    for (std::size_t i = 0; i < glob.size(); ++i) {
      const PatternAtom& atom = glob[i];
      switch (atom.kind) {
        case Kind::kByte:
          segment.push_back({automata::GlobAtom::Kind::kSymbol, static_cast<Symbol>(static_cast<unsigned char>(atom.byte))});
          continue;
        case Kind::kAnySequence:
          segment.push_back({automata::GlobAtom::Kind::kAnySequence, 0});
          continue;
        case Kind::kAnyOne:
          segment.push_back({automata::GlobAtom::Kind::kAnyOne, 0});
          continue;
        case Kind::kVariable:
          break;
      }
      const VariableUse& use = uses[atom.variable];
      switch (use.classification.kind) {
        case VariableKind::kThingName:
          appendSelf(i);
          break;
        case VariableKind::kClientId:
          if (is_attached || (scenario.word && *scenario.word == std::vector<Symbol>{TokenTable::kSelf})) {
            appendSelf(i);
          } else if (scenario.word) {
            appendWord(*scenario.word);
          } else if (polarity == Polarity::kMay) {
            if (!segment.empty()) flush();
            append(scenario.may);
          } else {
            return Language::none();  // must: a client id the device chooses denies nothing certain
          }
          break;
        case VariableKind::kThingTypeName:
        case VariableKind::kThingAttribute:
        case VariableKind::kCertificateId:
        case VariableKind::kCertificate:
        case VariableKind::kCognitoSub: {
          const auto token = variables_.tokens.findValueToken(use.name);
          if (!token || use.classification.multi_valued) return Language::none();
          appendWord(std::span<const Symbol>(&*token, 1));
          break;
        }
        case VariableKind::kIsAttached:
        case VariableKind::kSourceIp:
        case VariableKind::kDomainName:
        case VariableKind::kUnknown:
          return Language::none();
      }
    }
    flush();
    return *result;
  }

  const ir::Policy& policy_;
  [[maybe_unused]] const ActionsResult& actions_;
  const VariablesResult& variables_;
  const ResourcesResult& resources_;
  std::vector<ConditionSummary> conditions_;
  std::map<std::tuple<std::size_t, int, bool, std::size_t>, StatementGrant> cache_;
};

std::vector<ClientIdScenario> scenariosFor(const VariablesResult& variables, const ClientIdResult& client_id) {
  if (!variables.uses_client_id_outside_connect) return {ClientIdScenario{}};
  switch (client_id.binding) {
    case ClientIdResult::Binding::kFree:
      return {ClientIdScenario{}};
    case ClientIdResult::Binding::kFinite: {
      std::vector<ClientIdScenario> scenarios;
      for (const auto& value : client_id.values) scenarios.push_back({value, Language::exactly(value)});
      return scenarios;
    }
    case ClientIdResult::Binding::kBounded:
      return {ClientIdScenario{std::nullopt, client_id.may_bound}};
  }
  return {ClientIdScenario{}};
}

std::string describe(const Language& language, const TokenTable& tokens) {
  if (language.isEmpty()) return "nothing";
  if (language.complement().isEmpty()) return "everything";
  const auto samples = sampleMembers(language, tokens, 4);
  std::string text;
  for (const auto& sample : samples) text += fmt::format("{}`{}`", text.empty() ? "" : ", ", sample);
  if (samples.size() == 4) text += ", ...";
  const Symbol other = TokenTable::kOther;
  const bool reaches_other = !language.intersect(Language::everything()
                                                      .concat(Language::exactly(std::span<const Symbol>(&other, 1)))
                                                      .concat(Language::everything()))
                                  .isEmpty();
  if (reaches_other) text += " (reaches OTHER)";
  return text;
}

}  // namespace

// bind-client-id ------------------------------------------------------------------------------

ClientIdResult runBindClientId(AnalysisManager& manager) {
  const ir::Policy& policy = manager.policy();
  const ActionsResult& actions = manager.getExpandActions();
  const VariablesResult& variables = manager.getResolveVariables();
  const ResourcesResult& resources = manager.getParseResources();
  GrantBuilder builder(policy, actions, variables, resources);
  const ClientIdScenario free_scenario;
  std::vector<Language> allowed;
  std::vector<Language> denied;
  ClientIdResult result;
  for (std::size_t s = 0; s < policy.statements.size(); ++s) {
    if (!actions.statements[s].actions.test(static_cast<std::size_t>(Action::kConnect)) || !builder.applies(s)) continue;
    const auto& grant = builder.grant(s, ResourceType::kClient, true, 0, free_scenario);
    if (policy.statements[s].effect == ir::Effect::kAllow) {
      allowed.push_back(grant.total);
      result.connect_statements.push_back(static_cast<std::uint32_t>(s));
    } else {
      denied.push_back(grant.total);
    }
  }
  const Language allowed_union = uniteAll(allowed);
  const Language grant = denied.empty() ? allowed_union : allowed_union.minus(uniteAll(denied));
  // No Connect grant in this document: another policy connects the device; the id is free.
  // (Inclusion tests keep the difference lazy; complement() would materialise it.)
  if (grant.isEmpty() || Language::everything().isSubsetOf(grant)) {
    result.binding = ClientIdResult::Binding::kFree;
    result.grant = Language::everything();
    result.may_bound = Language::everything();
    return result;
  }
  result.grant = grant;
  // The may-bound drops the Deny part: an over-approximation that never needs the (possibly
  // exponential) automaton of the difference when it is spliced into other resources.
  // Splicing a big automaton into every resource that uses `${iot:ClientId}` would copy it each
  // time; past a small size, `*` (any string) is the cheaper sound bound.
  constexpr std::size_t kMaxSplicedStates = 64;
  result.may_bound = allowed_union.stateCount() <= kMaxSplicedStates ? allowed_union : Language::everything();
  // At most kMaxValues client ids make a finite binding. A plain grant with a wildcard (the usual
  // `client/sensor-*`) is infinite, which its automaton tells at once; listing members of it to find
  // that out cost eight searches of a growing difference. A grant with Denies is listed, as
  // materialising the difference to ask may cost more.
  constexpr std::size_t kMaxValues = 8;
  if (denied.empty() && !grant.isFinite()) {
    result.binding = ClientIdResult::Binding::kBounded;
    return result;
  }
  Language rest = grant;
  while (result.values.size() < kMaxValues) {
    auto word = rest.shortestMember();
    if (!word) break;
    rest = rest.minus(Language::exactly(*word));
    result.values.push_back(std::move(*word));
  }
  if (rest.isEmpty()) {
    result.binding = ClientIdResult::Binding::kFinite;
  } else {
    result.binding = ClientIdResult::Binding::kBounded;
    result.values.clear();
  }
  return result;
}

std::string dumpBindClientId(const ClientIdResult& result, const ir::Policy&) {
  TokenTable tokens;
  std::string out = "bind-client-id\n";
  switch (result.binding) {
    case ClientIdResult::Binding::kFree: out += "  ${iot:ClientId}: free (any string)\n"; break;
    case ClientIdResult::Binding::kFinite: {
      out += "  ${iot:ClientId}: one of";
      for (const auto& value : result.values) out += " `" + tokens.renderWord(value) + "`";
      out += "\n";
      break;
    }
    case ClientIdResult::Binding::kBounded:
      out += fmt::format("  ${{iot:ClientId}}: bounded by the Connect grant: {}\n", describe(result.grant, tokens));
      break;
  }
  if (!result.connect_statements.empty()) {
    out += "  Connect granted by statements";
    for (auto s : result.connect_statements) out += fmt::format(" {}", s);
    out += "\n";
  }
  return out;
}

// coverage ------------------------------------------------------------------------------------

CoverageResult runCoverage(AnalysisManager& manager) {
  const ir::Policy& policy = manager.policy();
  const ActionsResult& actions = manager.getExpandActions();
  const VariablesResult& variables = manager.getResolveVariables();
  const ResourcesResult& resources = manager.getParseResources();
  const ClientIdResult& client_id = manager.getBindClientId();
  GrantBuilder builder(policy, actions, variables, resources);
  const std::vector<ClientIdScenario> scenarios = scenariosFor(variables, client_id);

  CoverageResult result;
  result.tokens = variables.tokens;
  result.actions.reserve(allActions().size());
  // Actions with the same type and the same contributing statements share one computation.
  using SharedBy = std::tuple<ResourceType, bool, std::vector<std::size_t>, std::vector<std::size_t>>;
  std::map<SharedBy, std::size_t> computed;
  for (const auto& info : allActions()) {
    ActionCoverage coverage;
    coverage.action = info.action;
    const bool connect = info.action == Action::kConnect;
    std::vector<std::size_t> allow_statements;
    std::vector<std::size_t> deny_statements;
    for (std::size_t s = 0; s < policy.statements.size(); ++s) {
      if (!actions.statements[s].actions.test(static_cast<std::size_t>(info.action)) || !builder.applies(s)) continue;
      (policy.statements[s].effect == ir::Effect::kAllow ? allow_statements : deny_statements).push_back(s);
    }
    SharedBy key{info.resource_type, connect, allow_statements, deny_statements};
    if (auto it = computed.find(key); it != computed.end()) {
      coverage = result.actions[it->second];
      coverage.action = info.action;
      result.actions.push_back(std::move(coverage));
      continue;
    }
    try {
    const std::size_t scenario_count = connect ? 1 : scenarios.size();
    std::vector<Language> effective_parts;
    std::vector<Language> allowed_parts;
    std::vector<Language> denied_parts;
    // Pieces: per (statement, entry), united over the scenarios.
    std::map<std::pair<std::size_t, std::int32_t>, std::vector<Language>> allow_piece_parts;
    std::map<std::pair<std::size_t, std::int32_t>, std::vector<Language>> deny_piece_parts;
    for (std::size_t k = 0; k < scenario_count; ++k) {
      std::vector<Language> allow;
      std::vector<Language> deny;
      for (auto s : allow_statements) {
        const auto& grant = builder.grant(s, info.resource_type, connect, k, scenarios[k]);
        allow.push_back(grant.total);
        if (policy.statements[s].not_resource) {
          allow_piece_parts[{s, -1}].push_back(grant.total);
        } else {
          for (std::size_t j = 0; j < grant.entries.size(); ++j) {
            allow_piece_parts[{s, static_cast<std::int32_t>(j)}].push_back(grant.entries[j]);
          }
        }
      }
      for (auto s : deny_statements) {
        const auto& grant = builder.grant(s, info.resource_type, connect, k, scenarios[k]);
        deny.push_back(grant.total);
        if (policy.statements[s].not_resource) {
          deny_piece_parts[{s, -1}].push_back(grant.total);
        } else {
          for (std::size_t j = 0; j < grant.entries.size(); ++j) {
            deny_piece_parts[{s, static_cast<std::int32_t>(j)}].push_back(grant.entries[j]);
          }
        }
      }
      const Language allowed = uniteAll(std::move(allow));
      const Language denied = uniteAll(std::move(deny));
      effective_parts.push_back(deny_statements.empty() ? allowed : allowed.minus(denied));
      allowed_parts.push_back(allowed);
      denied_parts.push_back(denied);
    }
    coverage.allowed = uniteAll(allowed_parts);
    coverage.denied = uniteAll(denied_parts);
    const bool deny_depends_on_client_id = std::any_of(deny_statements.begin(), deny_statements.end(), [&](std::size_t s) {
      for (const auto& resource : variables.statements[s].resources) {
        for (const auto& use : resource.variables) {
          if (use.classification.kind == VariableKind::kClientId) return true;
        }
      }
      return false;
    });
    if (deny_statements.empty()) {
      coverage.effective = coverage.allowed;
      coverage.denied_everywhere = Language::none();
    } else if (effective_parts.size() == 1 || !deny_depends_on_client_id) {
      // union_s (A_s - D) = (union_s A_s) - D: keeps the difference lazy (see language.h).
      coverage.effective = coverage.allowed.minus(denied_parts.front());
      coverage.denied_everywhere = denied_parts.front();
    } else {
      coverage.effective = uniteAll(std::move(effective_parts));
    }
    const auto makePieces = [&](auto& parts, std::vector<GrantPiece>& out) {
      for (auto& [where, languages] : parts) {
        const auto& statement = policy.statements[where.first];
        GrantPiece piece;
        piece.statement = static_cast<std::uint32_t>(where.first);
        piece.resource = where.second;
        piece.effect = statement.effect;
        piece.range = where.second < 0 ? statement.range
                                       : statement.resources.items[static_cast<std::size_t>(where.second)].contentRange();
        piece.names = uniteAll(std::move(languages));
        out.push_back(std::move(piece));
      }
    };
    makePieces(allow_piece_parts, coverage.allow_pieces);
    makePieces(deny_piece_parts, coverage.deny_pieces);
    } catch (const automata::LanguageTooComplex&) {
      // Sound fallback: the action may grant anything; checks say "too complex" instead of guessing.
      coverage.too_complex = true;
      coverage.allowed = Language::everything();
      coverage.effective = Language::everything();
      coverage.denied_everywhere.reset();
    }
    computed.emplace(std::move(key), result.actions.size());
    result.actions.push_back(std::move(coverage));
  }
  return result;
}

Grants grantsOf(const CoverageResult& coverage) {
  Grants grants;
  grants.tokens = coverage.tokens;
  grants.actions.reserve(coverage.actions.size());
  for (const ActionCoverage& action : coverage.actions) grants.actions.push_back({action.effective, action.too_complex});
  return grants;
}

std::string dumpCoverage(const CoverageResult& result, const ir::Policy& policy) {
  std::string out = "coverage\n";
  for (const auto& coverage : result.actions) {
    if (coverage.allow_pieces.empty() && coverage.deny_pieces.empty()) continue;
    out += fmt::format("  {}{}\n", actionName(coverage.action), coverage.too_complex ? " (too complex: assumed to grant everything)" : "");
    out += fmt::format("    allowed: {}\n", describe(coverage.allowed, result.tokens));
    if (!coverage.deny_pieces.empty()) out += fmt::format("    denied: {}\n", describe(coverage.denied, result.tokens));
    out += fmt::format("    effective: {}\n", describe(coverage.effective, result.tokens));
    const auto pieces = [&](const std::vector<GrantPiece>& list, std::string_view label) {
      for (const auto& piece : list) {
        const auto& statement = policy.statements[piece.statement];
        const std::string where = piece.resource < 0
                                      ? std::string("NotResource")
                                      : fmt::format("`{}`", statement.resources.items[static_cast<std::size_t>(piece.resource)].value);
        out += fmt::format("    {} statement {} {}: {}\n", label, piece.statement, where, describe(piece.names, result.tokens));
      }
    };
    pieces(coverage.allow_pieces, "allow");
    pieces(coverage.deny_pieces, "deny");
  }
  return out;
}

// CoverageResult ------------------------------------------------------------------------------

Language ActionCoverage::grantedWithin(const Language& piece) const {
  // piece ⊆ allowed, so piece ∩ (allowed \ D) = piece \ D.
  if (!denied_everywhere) return piece.intersect(effective);
  return denied_everywhere->isEmpty() ? piece : piece.minus(*denied_everywhere);
}

std::optional<Witness> CoverageResult::witness(Action action, const Language& target, const RenderOptions& options) const {
  const auto word = of(action).effective.intersect(target).shortestMember();
  if (!word) return std::nullopt;
  Witness witness;
  witness.word = *word;
  witness.text = tokens.renderWord(*word, options);
  witness.pieces = attribute(action, *word);
  return witness;
}

std::vector<const GrantPiece*> CoverageResult::attribute(Action action, std::span<const Symbol> word) const {
  std::vector<const GrantPiece*> pieces;
  for (const auto& piece : of(action).allow_pieces) {
    if (piece.names.contains(word)) pieces.push_back(&piece);
  }
  return pieces;
}

Language text(std::string_view literal) { return Language::exactlyText(literal); }

Language token(Symbol symbol) { return Language::exactly(std::span<const Symbol>(&symbol, 1)); }

Language otherThingReservedTopics() {
  thread_local const Language kTopics =
      text("$aws/things/").concat(token(TokenTable::kOther)).concat(text("/")).concat(Language::everything());
  return kTopics;
}

}  // namespace iotlint::passes
