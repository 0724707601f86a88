// passes/automata/nfa.h: the epsilon-free NFA behind every Language (internal).
//
// REPRESENTATION
//
// An Nfa is a vector of states; state 0 is the start state. Each state has a list of edges, each
// labelled by a SymbolClass (see symbol_class.h), and an accepting flag. There are no epsilon
// edges: every construction below is written in its epsilon-free form (the Glushkov style), so
// simulation, products and subset construction never compute epsilon closures.
//
// Every Nfa that leaves this layer is TRIMMED (see trim()): each state is reachable from the start
// and can reach an accepting state, edges to the same target are merged into one class, and no
// edge has an empty class. Consequences the rest of the library relies on:
//   * L = {} iff the Nfa is the single non-accepting state without edges (isEmpty is O(1));
//   * from any state some word is accepted, so a product pair whose right-hand side is dead
//     already proves A \ B non-empty.
//
// GLOB CHAINS (the subsumption trick)
//
// An IAM glob compiles to a linear chain: one state per non-`*` atom plus the start, and each `*`
// becomes a self-loop (on every Symbol) on the state before it. Write L(q) for the language
// accepted from q. For states j < k of the same chain where k carries a `*` loop,
//     L(j) ⊆ L(k)
// because any word x·z with x matching atoms j..k-1 and z ∈ L(k) = Σ*·rest is itself in
// Σ*·rest. So in a subset of NFA states, every state of a chain that lies before an active `*`
// state of the same chain is redundant. The determiniser drops them, which turns the subset
// construction for a glob from "sets of positions" into "(last `*` reached, positions after it)".
// The facts survive concatenation and plus (each maps L(q) monotonically), and union (a state
// that the union's prefix sharing merges with another loses its label; every other state keeps
// its language), so states keep their (chain, rank, star) labels through those; products,
// differences and complements drop them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "passes/automata/language.h"
#include "passes/automata/symbol_class.h"

namespace iotlint::automata::detail {

using StateId = std::uint32_t;
inline constexpr std::uint32_t kNoChain = 0xFFFF'FFFFu;

struct NfaEdge {
  SymbolClass cls;
  StateId to = 0;
};

struct NfaState {
  std::vector<NfaEdge> edges;
  bool accepting = false;
  /// Glob chain this state belongs to (kNoChain if none), its position in the chain, and whether
  /// it carries the chain's `*` self-loop. See "GLOB CHAINS" above.
  std::uint32_t chain = kNoChain;
  std::uint32_t rank = 0;
  bool star = false;
};

struct Nfa {
  std::vector<NfaState> states;  // states[0] is the start state
  std::uint32_t chain_count = 0; // chain ids in use are < chain_count
};

/// Removes unreachable and dead states, merges parallel edges, renumbers stably (start stays 0).
/// Returns the canonical empty Nfa if the start state is dead.
Nfa trim(Nfa nfa);
bool isEmptyNfa(const Nfa& nfa);
/// Same states, acceptance and edges (chain labels aside), so the same language. O(n + e).
bool nfaEqual(const Nfa& a, const Nfa& b);
/// A hash of what nfaEqual compares: equal Nfas have equal hashes. O(n + e).
std::size_t nfaHash(const Nfa& nfa);
/// True iff `state` accepts every word: accepting with a self-loop on every Symbol.
bool isUniversalState(const NfaState& state, StateId id);

Nfa nfaNone();
Nfa nfaEverything();
Nfa nfaWord(std::span<const Symbol> word);
Nfa nfaAnyOf(std::span<const Symbol> symbols);
Nfa nfaGlob(const Glob& glob, const GlobSemantics& semantics);

Nfa nfaUnion(std::span<const Nfa* const> parts);
Nfa nfaConcat(const Nfa& a, const Nfa& b);
Nfa nfaPlus(const Nfa& a);
Nfa nfaIntersect(const Nfa& a, const Nfa& b);
/// L(a) ∩ L(b) ≠ {}: the product of nfaIntersect explored without building it, stopping at the
/// first accepting pair.
bool nfaIntersects(const Nfa& a, const Nfa& b);

bool nfaContains(const Nfa& nfa, std::span<const Symbol> word);
/// The one word of L(nfa) when the trimmed `nfa` is a chain of single-symbol edges (what
/// nfaWord builds), else nullopt. O(n); lets intersections with a word become membership tests.
std::optional<std::vector<Symbol>> nfaSingleWord(const Nfa& nfa);
std::optional<std::vector<Symbol>> nfaShortestMember(const Nfa& nfa);
/// Some state lies on a cycle. For a trimmed Nfa, exactly when its language is infinite. O(n + e).
bool nfaHasCycle(const Nfa& nfa);

// determinize.cpp
Nfa nfaMinus(const Nfa& a, const Nfa& b);
bool nfaIsSubset(const Nfa& a, const Nfa& b);
/// The length-lexicographically smallest word of L(a) \ L(b), found without building a \ b.
std::optional<std::vector<Symbol>> nfaFirstInDifference(const Nfa& a, const Nfa& b);
Nfa nfaComplement(const Nfa& a);
/// Moore partition refinement. Precondition: `dfa` is trimmed and deterministic (the classes on
/// the edges of each state are pairwise disjoint).
Nfa minimiseDfa(const Nfa& dfa);

// mqtt.cpp
Nfa nfaTopicsMatchedByFilters(const Nfa& filters);

}  // namespace iotlint::automata::detail
