// passes/automata/determinize.cpp: difference, inclusion and complement by LAZY subset
// construction, and DFA minimisation.
//
// DESIGN
//
// Intersection and union never need a DFA. Difference does: A \ B = A ∩ ¬B, and ¬B needs B
// deterministic. Determinising B up front is exponential in the worst case (the minimal DFA of
// `*a??????????` has 2^11 states), and usually pointless: A is typically narrow ("another
// device's topics") and only a few subsets of B are ever met alongside it. So we explore the
// product of A (an NFA) with the subset automaton of B, building each subset of B and its moves
// only when a reachable pair needs them (Rabin–Scott subset construction, on the fly, as in the
// classic antichain-free inclusion checkers and in RE2's DFA cache).
//
//   pair (p, X), p a state of A, X a set of states of B
//   (p, X) --C ∩ D--> (p', δ_B(X, D))  for p --C--> p' and each piece D of X's move table
//   (p, X) ∈ F  iff  p ∈ F(A) and X ∩ F(B) = {}
//
// A subset's move table is a sorted list of ranges covering all of [0, 2^32), each mapped to the
// successor subset (the empty set, "dead", where no edge of X applies). It is computed once per
// subset by a sweep over the range endpoints of X's edges, so its cost depends on the number of
// distinct range boundaries, never on the size of the alphabet.
//
// Three reductions keep the subsets small; each is exact:
//   1. Glob subsumption (see nfa.h): a state before an active `*` state of the same glob chain is
//      dropped, since its language is contained in that `*` state's.
//   2. Universal states: if X holds a state that accepts Σ* (accepting, Σ self-loop: the tail of
//      `prefix*`), then L(X) = Σ*. Every such X is the same subset; in a difference it kills the
//      pair, because (p, X) accepts nothing.
//   3. Dead right-hand side: for trimmed A, a reachable pair (p, {}) proves A \ B ≠ {}, so the
//      inclusion check stops there.
//
// Inclusion A ⊆ B is emptiness of A \ B, explored with early exit and without building anything.
// Complement is Σ* \ B: the product with the one-state Σ* automaton is exactly B's (complete)
// subset automaton, which is then minimised.
//
// CAP. At most kMaxDeterminisedStates subsets may be created per operation; beyond that the
// operation throws LanguageTooComplex (never a silent approximation). Product pairs are capped at
// kMaxProductStates.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>

#include "passes/automata/nfa.h"

namespace iotlint::automata::detail {
namespace {

struct VectorHash {
  std::size_t operator()(const std::vector<std::uint32_t>& v) const noexcept {
    std::uint64_t h = 0x9E37'79B9'7F4A'7C15ull ^ v.size();
    for (std::uint32_t x : v) {
      h ^= x;
      h *= 0xFF51'AFD7'ED55'8CCDull;
      h ^= h >> 32;
    }
    return static_cast<std::size_t>(h);
  }
};

/// One piece of a subset's move table: symbols [lo, hi] lead to subset `to`.
struct Move {
  Symbol lo;
  Symbol hi;
  std::uint32_t to;
};

/// The subset automaton of an Nfa, built on demand.
class LazySubsets {
 public:
  explicit LazySubsets(const Nfa& nfa) : nfa_(nfa), counts_(nfa.states.size(), 0) {
    universal_state_.resize(nfa.states.size());
    for (StateId s = 0; s < nfa.states.size(); ++s) {
      universal_state_[s] = isUniversalState(nfa.states[s], s) ? 1 : 0;
    }
    scratch_.clear();
    dead_ = intern(scratch_);
    scratch_.assign(1, 0);
    start_ = intern(scratch_);
  }

  std::uint32_t start() const { return start_; }
  /// The canonical (sorted, reduced) state set of subset `id`.
  const std::vector<StateId>& set(std::uint32_t id) const { return sets_[id]; }
  /// A 64-bit summary of set(id): bit s % 64 for each state s. set(a) ⊆ set(b) implies
  /// summary(a) & ~summary(b) == 0, which rules out most inclusions without comparing the sets.
  std::uint64_t summary(std::uint32_t id) const { return summaries_[id]; }
  std::uint32_t dead() const { return dead_; }
  bool accepting(std::uint32_t id) const { return info_[id].accepting; }
  /// L(X) = Σ*.
  bool universal(std::uint32_t id) const { return info_[id].universal; }
  std::size_t size() const { return sets_.size(); }

  /// The move table of subset `id` (computed on first use).
  const std::vector<Move>& moves(std::uint32_t id) {
    if (!info_[id].computed) computeMoves(id);
    return moves_[id];
  }

 private:
  struct Info {
    bool accepting = false;
    bool universal = false;
    bool computed = false;
  };

  /// Canonicalises `set` (sorted, unique on entry; used as scratch) and returns its id. Only a
  /// subset seen for the first time is copied, so most moves allocate nothing.
  std::uint32_t intern(std::vector<StateId>& set) {
    // Reduction 2: every subset holding a universal state is the subset {smallest such state}.
    auto universal = std::find_if(set.begin(), set.end(),
                                  [&](StateId s) { return universal_state_[s] != 0; });
    if (universal != set.end()) set.assign(1, *universal);
    // Reduction 1: drop chain states ranked below an active `*` state of the same chain.
    if (set.size() > 1) {
      stars_.clear();
      for (StateId s : set) {
        const NfaState& st = nfa_.states[s];
        if (st.star && st.chain != kNoChain) stars_.emplace_back(st.chain, st.rank);
      }
      if (!stars_.empty()) {
        std::sort(stars_.begin(), stars_.end());
        auto topStar = [&](std::uint32_t chain) -> std::optional<std::uint32_t> {
          auto it = std::upper_bound(stars_.begin(), stars_.end(),
                                     std::pair{chain, ~std::uint32_t{0}});
          if (it == stars_.begin() || std::prev(it)->first != chain) return std::nullopt;
          return std::prev(it)->second;
        };
        std::erase_if(set, [&](StateId s) {
          const NfaState& st = nfa_.states[s];
          if (st.chain == kNoChain) return false;
          auto top = topStar(st.chain);
          return top && st.rank < *top;
        });
      }
    }
    if (auto found = ids_.find(set); found != ids_.end()) return found->second;
    if (sets_.size() >= kMaxDeterminisedStates) {
      throw LanguageTooComplex("subset construction exceeds " +
                               std::to_string(kMaxDeterminisedStates) + " states");
    }
    const auto id = static_cast<std::uint32_t>(sets_.size());
    ids_.emplace(set, id);
    Info info;
    std::uint64_t summary = 0;
    for (StateId s : set) {
      summary |= std::uint64_t{1} << (s % 64);
      info.accepting = info.accepting || nfa_.states[s].accepting;
      info.universal = info.universal || universal_state_[s];
    }
    info_.push_back(info);
    summaries_.push_back(summary);
    sets_.push_back(set);
    moves_.emplace_back();
    return id;
  }

  // Sweep over the range boundaries of the edges leaving X. Between two consecutive boundaries
  // the set of applicable edges is constant; its targets form the successor subset.
  void computeMoves(std::uint32_t id) {
    std::vector<Event>& events = events_;
    std::vector<StateId>& targets = targets_;
    events.clear();
    targets.clear();
    for (StateId s : sets_[id]) {
      for (const NfaEdge& e : nfa_.states[s].edges) {
        targets.push_back(e.to);
        for (const SymbolRange& r : e.cls.ranges()) {
          events.push_back({r.lo, e.to, +1});
          events.push_back({std::uint64_t{r.hi} + 1, e.to, -1});
        }
      }
    }
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return a.at < b.at; });
    std::vector<Move> table;
    constexpr std::uint64_t kEnd = std::uint64_t{kMaxSymbol} + 1;
    std::uint64_t pos = 0;
    std::size_t i = 0;
    while (pos < kEnd) {
      while (i < events.size() && events[i].at == pos) {
        counts_[events[i].to] += events[i].delta;
        ++i;
      }
      const std::uint64_t end = i < events.size() ? events[i].at : kEnd;
      scratch_.clear();
      for (StateId t : targets) {
        if (counts_[t] > 0) scratch_.push_back(t);
      }
      const std::uint32_t to = intern(scratch_);
      const auto lo = static_cast<Symbol>(pos);
      const auto hi = static_cast<Symbol>(end - 1);
      if (!table.empty() && table.back().to == to) {
        table.back().hi = hi;
      } else {
        table.push_back({lo, hi, to});
      }
      pos = end;
    }
    // Events at 2^32 (ranges ending at kMaxSymbol) are never applied: reset for the next subset.
    for (StateId t : targets) counts_[t] = 0;
    moves_[id] = std::move(table);
    info_[id].computed = true;
  }

  struct Event {
    std::uint64_t at;
    StateId to;
    int delta;
  };

  const Nfa& nfa_;
  std::vector<int> counts_;
  // Reused by every computeMoves (never reentrant).
  std::vector<Event> events_;
  std::vector<StateId> targets_;
  std::vector<StateId> scratch_;
  std::vector<char> universal_state_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stars_;
  std::unordered_map<std::vector<StateId>, std::uint32_t, VectorHash> ids_;
  std::vector<std::vector<StateId>> sets_;
  std::vector<std::uint64_t> summaries_;
  std::vector<Info> info_;
  std::vector<std::vector<Move>> moves_;
  std::uint32_t dead_ = 0;
  std::uint32_t start_ = 0;
};

/// Builds A \ B into `out` by exploring A × subsets(B) (see the file comment). Returns true iff
/// no accepting pair was found (then A \ B = {}).
bool exploreDifference(const Nfa& a, const Nfa& b, Nfa* out) {
  LazySubsets subsets(b);
  constexpr StateId kNone = 0xFFFF'FFFFu;
  std::unordered_map<std::uint64_t, StateId> ids;
  std::vector<std::pair<StateId, std::uint32_t>> pairs;
  bool found = false;
  auto idOf = [&](StateId p, std::uint32_t x) -> StateId {
    if (subsets.universal(x)) return kNone;  // L(p) \ Σ* = {}
    const std::uint64_t key = (std::uint64_t{p} << 32) | x;
    auto [it, inserted] = ids.try_emplace(key, static_cast<StateId>(pairs.size()));
    if (inserted) {
      if (pairs.size() >= kMaxProductStates) {
        throw LanguageTooComplex("difference exceeds " + std::to_string(kMaxProductStates) +
                                 " states");
      }
      pairs.emplace_back(p, x);
      if (a.states[p].accepting && !subsets.accepting(x)) found = true;
    }
    return it->second;
  };
  if (idOf(0, subsets.start()) == kNone) return true;
  std::vector<std::pair<StateId, SymbolRange>> pieces;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto [p, x] = pairs[i];
    pieces.clear();
    // idOf() never creates subsets, so `table` stays valid through the loop.
    const std::vector<Move>& table = subsets.moves(x);
    for (const NfaEdge& e : a.states[p].edges) {
      for (const SymbolRange& r : e.cls.ranges()) {
        // First move with hi >= r.lo, then every move that starts at or before r.hi.
        auto it = std::lower_bound(table.begin(), table.end(), r.lo,
                                   [](const Move& m, Symbol s) { return m.hi < s; });
        for (; it != table.end() && it->lo <= r.hi; ++it) {
          const std::uint32_t to_subset = it->to;
          const SymbolRange piece{std::max(r.lo, it->lo), std::min(r.hi, it->hi)};
          const StateId target = idOf(e.to, to_subset);
          if (target != kNone) pieces.emplace_back(target, piece);
        }
      }
    }
    NfaState st;
    st.accepting = a.states[p].accepting && !subsets.accepting(x);
    std::sort(pieces.begin(), pieces.end(),
              [](const auto& l, const auto& r) { return l.first < r.first; });
    for (std::size_t j = 0; j < pieces.size();) {
      std::vector<SymbolRange> ranges;
      const StateId target = pieces[j].first;
      for (; j < pieces.size() && pieces[j].first == target; ++j) ranges.push_back(pieces[j].second);
      st.edges.push_back({SymbolClass::fromRanges(std::move(ranges)), target});
    }
    out->states.push_back(std::move(st));
  }
  return !found;
}

}  // namespace

Nfa nfaMinus(const Nfa& a, const Nfa& b) {
  if (isEmptyNfa(a)) return nfaNone();
  if (isEmptyNfa(b)) return a;
  Nfa out;
  if (exploreDifference(a, b, &out)) return nfaNone();
  return trim(std::move(out));
}

// Search for the length-lexicographically smallest word of L(A) \ L(B), without building A \ B.
//
// Breadth-first over pairs (p, X) as in exploreDifference(), one layer per word length. Several
// pairs can share an access word (A is nondeterministic), so order inside a layer is by RANK: the
// dense rank of the access word among the layer's access words. A child's word is its parent's
// word plus one symbol, so children are sorted by (parent rank, symbol) and ranked densely; a pair
// keeps the first (smallest) word that reaches it. By induction each layer is then in
// length-lexicographic order, and the first accepting pair of the first layer that has one
// spells the answer.
//
// Antichain pruning (De Wulf, Doyen, Henzinger, Raskin, "Antichains: a new algorithm for checking
// universality of finite automata", CAV 2006): X' ⊆ X implies L(X') ⊆ L(X), so every word that
// leads (p, X) to an accepting pair also leads (p, X') there. A new pair (p, X) is therefore
// dropped when some (p, X') with X' ⊆ X was admitted before; having been admitted earlier,
// (p, X') has an access word no larger, so the answer is unchanged. Only the last
// kAntichainWindow subsets per state are compared, which bounds the cost and only prunes less.
//
// With `need_word == false` the search answers emptiness only and may also stop at a pair (p, {})
// (reduction 3), returning an empty placeholder word.
std::optional<std::vector<Symbol>> searchDifference(const Nfa& a, const Nfa& b, bool need_word) {
  constexpr std::size_t kAntichainWindow = 32;
  constexpr std::uint32_t kRoot = 0xFFFF'FFFFu;
  const std::size_t limit = SearchLimit::current();
  LazySubsets subsets(b);
  struct Node {
    StateId p;
    std::uint32_t x;
    std::uint32_t parent;
    Symbol symbol;
    std::uint32_t rank;  // dense rank of the access word within its layer
  };
  std::vector<Node> nodes;
  std::unordered_map<std::uint64_t, char> seen;
  // Per state of A, the admitted subsets of B with their summaries, oldest first.
  std::vector<std::vector<std::pair<std::uint64_t, std::uint32_t>>> antichain(a.states.size());
  auto admit = [&](StateId p, std::uint32_t x, std::uint32_t parent, Symbol symbol,
                   std::uint32_t rank) {
    if (subsets.universal(x)) return false;  // L(p) \ Σ* = {}
    if (!seen.try_emplace((std::uint64_t{p} << 32) | x, 1).second) return false;
    auto& found = antichain[p];
    const std::vector<StateId>& set = subsets.set(x);
    const std::uint64_t summary = subsets.summary(x);
    const std::size_t from = found.size() > kAntichainWindow ? found.size() - kAntichainWindow : 0;
    for (std::size_t i = from; i < found.size(); ++i) {
      if ((found[i].first & ~summary) != 0) continue;
      const std::vector<StateId>& smaller = subsets.set(found[i].second);
      if (std::includes(set.begin(), set.end(), smaller.begin(), smaller.end())) return false;
    }
    found.emplace_back(summary, x);
    if (nodes.size() >= limit) {
      throw LanguageTooComplex("difference search exceeds " + std::to_string(limit) + " states");
    }
    nodes.push_back({p, x, parent, symbol, rank});
    return true;
  };
  struct Step {
    std::uint32_t parent_rank;
    Symbol symbol;
    StateId p;
    std::uint32_t x;
    std::uint32_t parent;
  };
  std::vector<Step> steps;
  std::vector<std::uint32_t> layer;
  if (admit(0, subsets.start(), kRoot, 0, 0)) layer.push_back(0);
  while (!layer.empty()) {
    // `layer` is in rank order, so the first accepting node has the smallest word of its length.
    for (std::uint32_t i : layer) {
      const Node& node = nodes[i];
      const bool dead = node.x == subsets.dead();
      if ((a.states[node.p].accepting && !subsets.accepting(node.x)) || (dead && !need_word)) {
        std::vector<Symbol> word;
        if (need_word) {
          for (std::uint32_t at = i; nodes[at].parent != kRoot; at = nodes[at].parent) {
            word.push_back(nodes[at].symbol);
          }
          std::reverse(word.begin(), word.end());
        }
        return word;
      }
    }
    steps.clear();
    for (std::uint32_t i : layer) {
      const Node node = nodes[i];
      const std::vector<Move>& table = subsets.moves(node.x);
      for (const NfaEdge& e : a.states[node.p].edges) {
        for (const SymbolRange& r : e.cls.ranges()) {
          auto it = std::lower_bound(table.begin(), table.end(), r.lo,
                                     [](const Move& m, Symbol s) { return m.hi < s; });
          for (; it != table.end() && it->lo <= r.hi; ++it) {
            steps.push_back({node.rank, std::max(r.lo, it->lo), e.to, it->to, i});
          }
        }
      }
    }
    std::sort(steps.begin(), steps.end(), [](const Step& l, const Step& r) {
      return std::tie(l.parent_rank, l.symbol, l.p, l.x) < std::tie(r.parent_rank, r.symbol, r.p, r.x);
    });
    layer.clear();
    std::uint32_t rank = 0;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const Step& step = steps[k];
      if (k > 0 && (steps[k - 1].parent_rank != step.parent_rank || steps[k - 1].symbol != step.symbol)) {
        ++rank;
      }
      if (admit(step.p, step.x, step.parent, step.symbol, rank)) {
        layer.push_back(static_cast<std::uint32_t>(nodes.size() - 1));
      }
    }
  }
  return std::nullopt;
}

bool nfaIsSubset(const Nfa& a, const Nfa& b) {
  if (isEmptyNfa(a)) return true;
  if (isEmptyNfa(b)) return false;
  if (isUniversalState(b.states[0], 0)) return true;
  // Σ* is in no finite language: bind-client-id asks this of every Connect grant, and most are one
  // client id or a few.
  if (isUniversalState(a.states[0], 0) && !nfaHasCycle(b)) return false;
  if (const auto word = nfaSingleWord(a)) return nfaContains(b, *word);
  return !searchDifference(a, b, /*need_word=*/false).has_value();
}

std::optional<std::vector<Symbol>> nfaFirstInDifference(const Nfa& a, const Nfa& b) {
  if (isEmptyNfa(a)) return std::nullopt;
  if (isEmptyNfa(b)) return nfaShortestMember(a);
  // One word (a client id taken out of a grant of one, the usual Connect grant): no search.
  if (auto word = nfaSingleWord(a)) {
    if (nfaContains(b, *word)) return std::nullopt;
    return word;
  }
  return searchDifference(a, b, /*need_word=*/true);
}

Nfa nfaComplement(const Nfa& a) {
  // ¬B = Σ* \ B. Σ* has one state, so the product is B's subset automaton with acceptance flipped;
  // it is deterministic, and trimming keeps it so.
  return minimiseDfa(nfaMinus(nfaEverything(), a));
}

// Moore's partition refinement. Start from {F, Q \ F}; repeatedly split blocks by the function
// "symbol -> block of successor" until nothing splits. With range-labelled edges that function is
// a sorted list of (range, block) pieces with equal neighbours merged, so two states behave alike
// iff their lists are equal. Missing transitions go to an implicit dead block, which no live state
// of a trimmed DFA is equivalent to. Block ids are numbered by first occurrence in state order, so
// the start state's block is 0 and the result is deterministic.
Nfa minimiseDfa(const Nfa& dfa) {
  if (isEmptyNfa(dfa)) return dfa;
  const std::size_t n = dfa.states.size();
  std::vector<std::uint32_t> block(n);
  for (std::size_t s = 0; s < n; ++s) block[s] = dfa.states[s].accepting ? 1 : 0;
  std::size_t block_count = 0;
  std::vector<std::pair<SymbolRange, std::uint32_t>> pieces;
  auto signature = [&](std::size_t s) {
    pieces.clear();
    for (const NfaEdge& e : dfa.states[s].edges) {
      for (const SymbolRange& r : e.cls.ranges()) pieces.push_back({r, block[e.to]});
    }
    std::sort(pieces.begin(), pieces.end(),
              [](const auto& l, const auto& r) { return l.first.lo < r.first.lo; });
    std::vector<std::uint32_t> sig{block[s]};
    for (const auto& [r, b] : pieces) {
      const std::size_t k = sig.size();
      if (k > 1 && sig[k - 1] == b && std::uint64_t{sig[k - 2]} + 1 == r.lo) {
        sig[k - 2] = r.hi;
      } else {
        sig.insert(sig.end(), {r.lo, r.hi, b});
      }
    }
    return sig;
  };
  while (true) {
    std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, VectorHash> ids;
    std::vector<std::uint32_t> next(n);
    for (std::size_t s = 0; s < n; ++s) {
      auto [it, inserted] = ids.try_emplace(signature(s), static_cast<std::uint32_t>(ids.size()));
      next[s] = it->second;
    }
    block.swap(next);
    if (ids.size() == block_count) break;
    block_count = ids.size();
  }
  Nfa out;
  out.states.resize(block_count);
  std::vector<char> done(block_count, 0);
  for (std::size_t s = 0; s < n; ++s) {
    const std::uint32_t b = block[s];
    if (done[b]) continue;
    done[b] = 1;
    out.states[b].accepting = dfa.states[s].accepting;
    for (const NfaEdge& e : dfa.states[s].edges) out.states[b].edges.push_back({e.cls, block[e.to]});
  }
  return trim(std::move(out));
}

}  // namespace iotlint::automata::detail

namespace iotlint::automata {

namespace {
thread_local std::size_t search_limit = kMaxProductStates;
}  // namespace

SearchLimit::SearchLimit(std::size_t states) : previous_(search_limit) { search_limit = std::min(previous_, states); }
SearchLimit::~SearchLimit() { search_limit = previous_; }
std::size_t SearchLimit::current() { return search_limit; }

}  // namespace iotlint::automata
