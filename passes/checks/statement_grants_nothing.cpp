// passes/checks/statement_grants_nothing.cpp: IL208 statement-grants-nothing.
//
// An Allow statement every piece of which, for every one of its actions, lies inside the union
// of the Deny statements: it grants nothing the policy ends up granting. Read from the coverage
// pass: a piece grants nothing after the Denies when it does not meet `effective` (per client-id
// scenario that is exact; see coverage.h). Statements that grant nothing for another reason (a
// wrong resource type, an unknown variable or action, a condition that never holds) have no
// non-empty piece and are left to the rules that explain them (IL200-IL204, IL206).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "passes/checks/check.h"

namespace iotlint::passes {

namespace {

std::string statementName(const ir::Statement& statement) {
  if (statement.sid) return fmt::format("statement {} (Sid `{}`)", statement.index, statement.sid->value);
  return fmt::format("statement {}", statement.index);
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += items[i];
  }
  return text;
}

/// Statements whose inclusion in the Denies takes a search of more states than this are left
/// undecided (no finding): a few hundred states answer real policies; wildcards between letters
/// (`a*b?` x300 against `*a?` x150) took 170,000 and 80 ms.
constexpr std::size_t kMaxSearchStates = std::size_t{1} << 15;

}  // namespace

void checkStatementGrantsNothing(const CheckContext& context) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr) return;
  const automata::SearchLimit limit(kMaxSearchStates);
  const ActionsResult& actions = context.analyses.getExpandActions();
  const CoverageResult& coverage = context.analyses.getCoverage();
  for (std::size_t s = 0; s < policy.statements.size(); ++s) {
    const ir::Statement& statement = policy.statements[s];
    if (statement.effect != ir::Effect::kAllow) continue;
    bool grants_something = false;
    bool undecided = false;
    std::vector<Action> granted_actions;  // the actions for which the statement has a non-empty piece
    std::set<std::uint32_t> deniers;
    std::vector<const GrantPiece*> denying_pieces;
    try {
      for (const auto& info : allActions()) {
        if (!actions.statements[s].actions.test(static_cast<std::size_t>(info.action))) continue;
        const ActionCoverage& action = coverage.of(info.action);
        if (action.too_complex) {
          undecided = true;
          break;
        }
        bool has_piece = false;
        for (const auto& piece : action.allow_pieces) {
          if (piece.statement != s || piece.names.isEmpty()) continue;
          has_piece = true;
          if (!action.grantedWithin(piece.names).isEmpty()) {
            grants_something = true;
            break;
          }
          for (const auto& deny : action.deny_pieces) {
            if (deny.names.intersect(piece.names).isEmpty()) continue;
            deniers.insert(deny.statement);
            if (std::find_if(denying_pieces.begin(), denying_pieces.end(), [&](const GrantPiece* seen) {
                  return seen->statement == deny.statement && seen->resource == deny.resource;
                }) == denying_pieces.end()) {
              denying_pieces.push_back(&deny);
            }
          }
        }
        if (grants_something) break;
        if (has_piece) granted_actions.push_back(info.action);
      }
    } catch (const automata::LanguageTooComplex&) {
      undecided = true;
    }
    if (grants_something || undecided || granted_actions.empty() || deniers.empty()) continue;

    std::string what;
    if (granted_actions.size() <= 3) {
      std::vector<std::string> names;
      for (auto action : granted_actions) names.push_back(fmt::format("`{}`", actionName(action)));
      what = "everything it allows for " + joined(names);
    } else {
      what = fmt::format("everything it allows for its {} actions", granted_actions.size());
    }
    std::vector<std::string> by;
    for (auto d : deniers) by.push_back(statementName(policy.statements[d]));
    auto builder = context.diagnostics().report(
        ir::RuleId::kStatementGrantsNothing, context.file(), statement.effect_range,
        fmt::format("this `Allow` grants nothing: {} is denied by {}", what, joined(by)));
    std::sort(denying_pieces.begin(), denying_pieces.end(), [](const GrantPiece* a, const GrantPiece* b) {
      return std::tie(a->statement, a->resource) < std::tie(b->statement, b->resource);
    });
    for (const GrantPiece* piece : denying_pieces) {
      const ir::Statement& deny = policy.statements[piece->statement];
      builder.note(piece->range, piece->resource < 0 ? fmt::format("{} denies everything outside its `NotResource`", statementName(deny))
                                                     : fmt::format("{} denies this", statementName(deny)));
    }
  }
}

}  // namespace iotlint::passes
