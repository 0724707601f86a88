// passes/coverage.h: what a policy effectively grants, per action, as sets of resource names.
//
// For each catalog action, the effective grant is union(Allow) minus union(Deny) over the
// resource *names* of the action's type: client ids for Connect, topic names for Publish,
// filter strings for Subscribe, `THING` or `THING/SHADOW` for shadow and job APIs, role aliases
// for AssumeRoleWithCertificate; kAll actions (ListRetainedMessages, ListNamedShadowsForThing)
// get `everything` or nothing. Names are words over bytes and the tokens of tokens.h.
//
// Polarity: Allow resources (and the complement of a Deny NotResource list) are
// over-approximated (may: `?` also matches any token, a free client id is any string, SELF next
// to a wildcard may be the prefix of OTHER, undecidable conditions apply); Deny resources (and
// the complement of an Allow NotResource list) are under-approximated (must: `?` is one byte, a
// free client id denies nothing, undecidable conditions do not apply). So `effective` contains
// every name the policy may grant: a finding on it may be a false positive, never hidden.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ir/policy.h"
#include "passes/automata/language.h"
#include "passes/catalog.h"
#include "passes/tokens.h"

namespace iotlint::passes {

/// One statement's contribution to one action's grant, for attributing findings.
struct GrantPiece {
  std::uint32_t statement = 0;  ///< index in Policy::statements
  /// Index of the resource string in the statement; -1 when the piece is the whole statement
  /// (a NotResource complement, whose breadth belongs to the statement).
  std::int32_t resource = -1;
  ir::Effect effect = ir::Effect::kAllow;
  ir::SourceRange range;  ///< the resource string, or the statement for NotResource
  automata::Language names = automata::Language::none();
};

struct ActionCoverage {
  Action action{};
  automata::Language allowed = automata::Language::none();    ///< union of Allow pieces (may)
  automata::Language denied = automata::Language::none();     ///< union of Deny pieces (must)
  automata::Language effective = automata::Language::none();  ///< what remains granted
  std::vector<GrantPiece> allow_pieces;
  std::vector<GrantPiece> deny_pieces;
  /// The automata exceeded their limits (automata::LanguageTooComplex): `effective` is then
  /// `everything`, a sound over-approximation, and checks should say so rather than guess.
  bool too_complex = false;
  /// Set when `effective` is `allowed` minus this one language (the Denies are the same in every
  /// client-id scenario), so that grantedWithin() need not intersect with `allowed`.
  std::optional<automata::Language> denied_everywhere;

  /// The part of `piece` that stays granted, `piece ∩ effective`, for a language inside `allowed`
  /// (an Allow piece's names). Computed as `piece \ denied_everywhere` where that is exact: the
  /// intersection with `allowed` changes nothing but costs a product of the piece with every
  /// Allow, which for long wildcard patterns is the largest automaton of the analysis.
  automata::Language grantedWithin(const automata::Language& piece) const;
};

/// A concrete member of a grant, with the statements it comes from.
struct Witness {
  std::vector<automata::Symbol> word;
  std::string text;                      ///< rendered with RenderOptions
  std::vector<const GrantPiece*> pieces; ///< the Allow pieces that contain the word
};

struct CoverageResult {
  std::vector<ActionCoverage> actions;  ///< indexed by Action
  TokenTable tokens;

  const ActionCoverage& of(Action action) const { return actions[static_cast<std::size_t>(action)]; }

  /// A shortest name in `of(action).effective` that is also in `target`, if any.
  std::optional<Witness> witness(Action action, const automata::Language& target,
                                 const RenderOptions& options = {}) const;
  /// The Allow pieces of `action` whose names contain `word`.
  std::vector<const GrantPiece*> attribute(Action action, std::span<const automata::Symbol> word) const;
};

/// What a policy grants, without the attribution: each action's effective grant and the tokens its
/// languages use; what fix verification compares (compareGrants, passes/fixes/fixes.h). A file of
/// many policies (an account export) keeps this for each of them while its fixes are verified.
struct Grants {
  struct OfAction {
    automata::Language effective = automata::Language::none();
    bool too_complex = false;  ///< as ActionCoverage::too_complex
  };
  std::vector<OfAction> actions;  ///< indexed by Action; empty for a policy not analysed
  TokenTable tokens;

  const OfAction& of(Action action) const { return actions[static_cast<std::size_t>(action)]; }
};
Grants grantsOf(const CoverageResult& coverage);

/// Helpers for building the sets checks ask about.
automata::Language text(std::string_view literal);
automata::Language token(automata::Symbol symbol);
/// `"$aws/things/" OTHER "/" anything`: the reserved topics of another device.
automata::Language otherThingReservedTopics();

}  // namespace iotlint::passes
