// passes/automata/nfa.cpp: epsilon-free NFA constructions, trimming, products, simulation and the
// shortest-witness search.
//
// Each construction is written in its epsilon-free form. For an Nfa N write S(N) for its start
// state, F(N) for its accepting states and L(q) for the language accepted from state q. Every
// function returns a trimmed Nfa (see nfa.h), so callers never see dead states.
//
// Costs (n, m: state counts; e: edge counts):
//   trim, union, concat, plus        O(n + e) (plus the merge of parallel edges)
//   intersect                        O(reachable pairs · e_a · e_b), at most n·m pairs
//   contains(word)                   O(|word| · e)
//   shortestMember                   O(e + |witness| · e)
#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "passes/automata/nfa.h"

namespace iotlint::automata::detail {
namespace {

/// Merges edges to the same target into one class and drops empty classes. Keeps targets sorted,
/// which makes every later traversal order (and so every witness) deterministic.
void mergeParallelEdges(std::vector<NfaEdge>& edges) {
  std::erase_if(edges, [](const NfaEdge& e) { return e.cls.empty(); });
  if (edges.size() < 2) return;
  auto by_target = [](const NfaEdge& x, const NfaEdge& y) { return x.to < y.to; };
  if (!std::is_sorted(edges.begin(), edges.end(), by_target)) {
    std::stable_sort(edges.begin(), edges.end(), by_target);
  }
  std::size_t out = 0;
  for (std::size_t i = 1; i < edges.size(); ++i) {
    if (edges[i].to == edges[out].to) {
      edges[out].cls = edges[out].cls.unite(edges[i].cls);
    } else if (++out != i) {
      edges[out] = std::move(edges[i]);
    }
  }
  edges.resize(out + 1);
}

/// Compressed adjacency (CSR): the neighbours of state s are items[begin[s] .. begin[s + 1]).
template <typename Item>
struct Adjacency {
  std::vector<std::uint32_t> begin;
  std::vector<Item> items;
};

struct TrimScratch {
  std::vector<char> reachable;
  std::vector<char> live;
  std::vector<StateId> stack;
  Adjacency<StateId> reverse;
  std::vector<std::uint32_t> fill;
  std::vector<StateId> renumber;
};

/// Appends the states of `part` to `out`, shifting state ids by `offset` and chain ids by
/// `chain_offset`.
[[maybe_unused]]
void appendShifted(Nfa& out, const Nfa& part, StateId offset, std::uint32_t chain_offset) {
  for (const NfaState& s : part.states) {
    NfaState copy = s;
    for (NfaEdge& e : copy.edges) e.to += offset;
    if (copy.chain != kNoChain) copy.chain += chain_offset;
    out.states.push_back(std::move(copy));
  }
}

std::vector<NfaEdge> shiftedEdges(const NfaState& s, StateId offset) {
  std::vector<NfaEdge> edges = s.edges;
  for (NfaEdge& e : edges) e.to += offset;
  return edges;
}

StateId checkedStateCount(std::size_t n) {
  if (n > kMaxProductStates) {
    throw LanguageTooComplex("automaton exceeds " + std::to_string(kMaxProductStates) +
                             " states");
  }
  return static_cast<StateId>(n);
}

/// L(x) ⊆ L(y) by the glob chain facts of nfa.h: the same state, or y a `*` state of x's chain
/// ranked after it.
bool languageIncluded(const Nfa& nfa, StateId x, StateId y) {
  if (x == y) return true;
  const NfaState& sx = nfa.states[x];
  const NfaState& sy = nfa.states[y];
  return sx.chain != kNoChain && sx.chain == sy.chain && sy.star && sx.rank < sy.rank;
}

/// A candidate edge of a product state, to the pair (p, q).
struct ProductEdge {
  SymbolClass cls;
  StateId p;
  StateId q;
  bool subsumed;
};

/// Marks the edges of one product state that another edge of the same state dominates: a class
/// that includes theirs, to a pair whose language includes theirs (L(p) ⊆ L(p'), L(q) ⊆ L(q'),
/// by languageIncluded). Every word such an edge starts is also started by the dominating edge,
/// so the state accepts the same language without it (by induction on the word length). The
/// relation is a strict order (it needs a strictly higher rank in one factor), so the maximal
/// edges are kept. Quadratic in the state's edges, so only done where they are few.
void markSubsumedEdges(const Nfa& a, const Nfa& b, std::vector<ProductEdge>& edges) {
  constexpr std::size_t kMaxCompared = 64;
  if (edges.size() < 2 || edges.size() > kMaxCompared) return;
  for (ProductEdge& low : edges) {
    for (const ProductEdge& high : edges) {
      if (&low == &high || high.subsumed) continue;
      if ((low.p != high.p || low.q != high.q) && languageIncluded(a, low.p, high.p) &&
          languageIncluded(b, low.q, high.q) && high.cls.includes(low.cls)) {
        low.subsumed = true;
        break;
      }
    }
  }
}

/// The edges of product state (p, q) into `edges` (cleared first), dominated ones marked.
void productEdges(const Nfa& a, const Nfa& b, StateId p, StateId q, std::vector<ProductEdge>& edges) {
  edges.clear();
  for (const NfaEdge& ea : a.states[p].edges) {
    for (const NfaEdge& eb : b.states[q].edges) {
      SymbolClass cls = ea.cls.intersect(eb.cls);
      if (!cls.empty()) edges.push_back({std::move(cls), ea.to, eb.to, false});
    }
  }
  markSubsumedEdges(a, b, edges);
}

}  // namespace

bool isEmptyNfa(const Nfa& nfa) {
  return nfa.states.size() == 1 && !nfa.states[0].accepting && nfa.states[0].edges.empty();
}

bool nfaEqual(const Nfa& a, const Nfa& b) {
  if (&a == &b) return true;
  if (a.states.size() != b.states.size()) return false;
  for (std::size_t s = 0; s < a.states.size(); ++s) {
    const NfaState& x = a.states[s];
    const NfaState& y = b.states[s];
    if (x.accepting != y.accepting || x.edges.size() != y.edges.size()) return false;
    for (std::size_t k = 0; k < x.edges.size(); ++k) {
      if (x.edges[k].to != y.edges[k].to || !(x.edges[k].cls == y.edges[k].cls)) return false;
    }
  }
  return true;
}

std::size_t nfaHash(const Nfa& nfa) {
  std::size_t hash = nfa.states.size();
  auto mix = [&hash](std::size_t value) { hash ^= value + 0x9e37'79b9'7f4a'7c15ull + (hash << 6) + (hash >> 2); };
  for (const NfaState& state : nfa.states) {
    mix(state.accepting ? 1 : 2);
    for (const NfaEdge& e : state.edges) {
      mix(e.to);
      for (const SymbolRange& r : e.cls.ranges()) mix((static_cast<std::size_t>(r.lo) << 32) | r.hi);
    }
  }
  return hash;
}

bool isUniversalState(const NfaState& state, StateId id) {
  if (!state.accepting) return false;
  for (const NfaEdge& e : state.edges) {
    if (e.to == id && e.cls.isAll()) return true;
  }
  return false;
}

Nfa trim(Nfa nfa) {
  const std::size_t n = nfa.states.size();
  if (n == 0) return nfaNone();
  // Every operation ends in a trim, so its bookkeeping reuses this thread's buffers instead of
  // allocating seven vectors per call. trim() never calls itself, so one set per thread suffices.
  thread_local TrimScratch scratch;
  std::vector<char>& reachable = scratch.reachable;
  std::vector<char>& live = scratch.live;
  std::vector<StateId>& stack = scratch.stack;
  Adjacency<StateId>& reverse = scratch.reverse;
  std::vector<std::uint32_t>& fill = scratch.fill;
  std::vector<StateId>& renumber = scratch.renumber;
  // Forward reachability from the start state.
  reachable.assign(n, 0);
  stack.assign(1, 0);
  reachable[0] = 1;
  while (!stack.empty()) {
    StateId s = stack.back();
    stack.pop_back();
    for (const NfaEdge& e : nfa.states[s].edges) {
      if (!e.cls.empty() && !reachable[e.to]) {
        reachable[e.to] = 1;
        stack.push_back(e.to);
      }
    }
  }
  // Backward reachability from the accepting states, over reachable states only.
  reverse.begin.assign(n + 1, 0);
  for (StateId s = 0; s < n; ++s) {
    if (!reachable[s]) continue;
    for (const NfaEdge& e : nfa.states[s].edges) ++reverse.begin[e.to + 1];
  }
  for (std::size_t s = 0; s < n; ++s) reverse.begin[s + 1] += reverse.begin[s];
  reverse.items.resize(reverse.begin[n]);
  fill.assign(reverse.begin.begin(), reverse.begin.end() - 1);
  for (StateId s = 0; s < n; ++s) {
    if (!reachable[s]) continue;
    for (const NfaEdge& e : nfa.states[s].edges) reverse.items[fill[e.to]++] = s;
  }
  live.assign(n, 0);
  for (StateId s = 0; s < n; ++s) {
    if (reachable[s] && nfa.states[s].accepting) {
      live[s] = 1;
      stack.push_back(s);
    }
  }
  while (!stack.empty()) {
    StateId s = stack.back();
    stack.pop_back();
    for (std::uint32_t k = reverse.begin[s]; k < reverse.begin[s + 1]; ++k) {
      const StateId p = reverse.items[k];
      if (!live[p]) {
        live[p] = 1;
        stack.push_back(p);
      }
    }
  }
  if (!live[0]) return nfaNone();
  // Stable renumbering keeps the start at 0 and chain states in rank order.
  constexpr StateId kGone = 0xFFFF'FFFFu;
  renumber.assign(n, kGone);
  StateId next = 0;
  for (StateId s = 0; s < n; ++s) {
    if (live[s]) renumber[s] = next++;
  }
  if (next == n) {
    // Nothing to remove (the common case for constructions): the numbering is the identity.
    for (NfaState& st : nfa.states) mergeParallelEdges(st.edges);
    return nfa;
  }
  Nfa out;
  out.chain_count = nfa.chain_count;
  out.states.reserve(next);
  for (StateId s = 0; s < n; ++s) {
    if (!live[s]) continue;
    NfaState& st = nfa.states[s];
    std::erase_if(st.edges, [&](const NfaEdge& e) { return renumber[e.to] == kGone; });
    for (NfaEdge& e : st.edges) e.to = renumber[e.to];
    mergeParallelEdges(st.edges);
    out.states.push_back(std::move(st));
  }
  return out;
}

// L = {}: one non-accepting state, no edges. This is also what trim() returns for any empty Nfa.
Nfa nfaNone() {
  Nfa nfa;
  nfa.states.emplace_back();
  return nfa;
}

// L = Σ*: one accepting state with a self-loop on every Symbol.
Nfa nfaEverything() {
  Nfa nfa;
  nfa.states.emplace_back();
  nfa.states[0].accepting = true;
  nfa.states[0].edges.push_back({SymbolClass::all(), 0});
  return nfa;
}

// L = {w}: a chain of |w| + 1 states.
Nfa nfaWord(std::span<const Symbol> word) {
  Nfa nfa;
  nfa.states.resize(word.size() + 1);
  for (std::size_t i = 0; i < word.size(); ++i) {
    nfa.states[i].edges.push_back({SymbolClass::single(word[i]), static_cast<StateId>(i + 1)});
  }
  nfa.states.back().accepting = true;
  return nfa;
}

// L = {c | c ∈ symbols}.
Nfa nfaAnyOf(std::span<const Symbol> symbols) {
  SymbolClass cls = SymbolClass::of(symbols);
  if (cls.empty()) return nfaNone();
  Nfa nfa;
  nfa.states.resize(2);
  nfa.states[0].edges.push_back({std::move(cls), 1});
  nfa.states[1].accepting = true;
  return nfa;
}

// The glob chain (see nfa.h). Reading atoms left to right with `cur` the last state:
//   c  (a Symbol):  cur --{c}--> new
//   ?            :  cur --[0,255] ∪ any_one_also_matches--> new
//   *            :  cur --Σ--> cur          (a second consecutive `*` adds nothing)
// The final state is accepting. All states are live, so no trim is needed.
Nfa nfaGlob(const Glob& glob, const GlobSemantics& semantics) {
  const SymbolClass any_one =
      SymbolClass::range(0, 255).unite(SymbolClass::of(semantics.any_one_also_matches));
  Nfa nfa;
  nfa.chain_count = 1;
  nfa.states.reserve(glob.size() + 1);
  nfa.states.emplace_back();
  nfa.states[0].chain = 0;
  for (const GlobAtom& atom : glob) {
    const auto cur = static_cast<StateId>(nfa.states.size() - 1);
    switch (atom.kind) {
      case GlobAtom::Kind::kAnySequence:
        if (!nfa.states[cur].star) {
          nfa.states[cur].star = true;
          nfa.states[cur].edges.push_back({SymbolClass::all(), cur});
        }
        continue;
      case GlobAtom::Kind::kSymbol:
        nfa.states[cur].edges.push_back({SymbolClass::single(atom.symbol), cur + 1});
        break;
      case GlobAtom::Kind::kAnyOne:
        nfa.states[cur].edges.push_back({any_one, cur + 1});
        break;
    }
    NfaState next;
    next.chain = 0;
    next.rank = cur + 1;
    nfa.states.push_back(std::move(next));
  }
  nfa.states.back().accepting = true;
  for (NfaState& s : nfa.states) mergeParallelEdges(s.edges);
  return nfa;
}

// L(N1 ∪ ... ∪ Nk), built as a trie of the parts' common prefixes.
//
// The textbook construction is a fresh start state copying the out-edges of every S(Ni). Policies
// unite hundreds of globs that all begin `arn:aws:iot:<region>:<account>:`, so the k copies of
// that prefix would make every later product walk it k times. Instead, each part is inserted
// into the result in BFS order, and a state t of the part is MERGED into an existing result
// state u when both are reached by exactly the same words:
//   t and u have exactly one incoming edge, from the same result state with the same class, and
//   the same self-loop class (no other incoming edges)  ⟹  L_in(t) = L_in(u)
// so one state u with the out-edges of both accepts L_in(u)·(L(u) ∪ L(t)), which is the union of
// what the two accepted separately. A part's start state without incoming edges merges into the
// result's start (both are reached by ε only); one with incoming edges (a leading `*`) keeps its
// own state and lends its out-edges to the result's start, as in the textbook construction.
// Merging never changes a reached-by set, so the condition stays true as more parts arrive.
// A merged state's language grows, so it leaves its glob chain (see nfa.h).
//
// Linear in the total size of the parts: unite k globs at once rather than folding k - 1
// binary unions (which copies O(k²) states).
Nfa nfaUnion(std::span<const Nfa* const> parts) {
  std::vector<const Nfa*> live;
  for (const Nfa* p : parts) {
    if (!isEmptyNfa(*p)) live.push_back(p);
  }
  if (live.empty()) return nfaNone();
  if (live.size() == 1) return *live[0];
  std::size_t total = 1;
  for (const Nfa* p : live) total += p->states.size();
  checkedStateCount(total);

  // Merge keys: (source, edge range, self-loop range or none). Only single-range classes are
  // keyed, which covers literals, `?` and `*`; anything else simply never merges.
  struct Key {
    StateId src;
    SymbolRange in;
    SymbolRange loop;
    bool has_loop;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      std::uint64_t h = k.src;
      for (std::uint64_t x : {std::uint64_t{k.in.lo}, std::uint64_t{k.in.hi},
                              std::uint64_t{k.loop.lo}, std::uint64_t{k.loop.hi},
                              std::uint64_t{k.has_loop}}) {
        h = (h ^ x) * 0x9E37'79B9'7F4A'7C15ull;
        h ^= h >> 29;
      }
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<Key, StateId, KeyHash> trie;
  trie.reserve(total);
  std::vector<char> merged_into;  // result states that absorbed a part state
  merged_into.reserve(total);

  Nfa out;
  out.states.reserve(total);
  out.states.emplace_back();
  merged_into.push_back(0);
  constexpr StateId kUnmapped = 0xFFFF'FFFFu;
  std::uint32_t chain_offset = 0;
  std::vector<StateId> map;
  std::vector<std::uint32_t> in_degree;
  std::vector<const NfaEdge*> only_in;
  std::vector<StateId> order;
  std::vector<const SymbolClass*> loop;
  std::vector<StateId> parent;
  std::vector<char> reused;
  std::vector<char> seen;
  for (const Nfa* part : live) {
    const std::size_t n = part->states.size();
    map.assign(n, kUnmapped);
    in_degree.assign(n, 0);
    only_in.assign(n, nullptr);
    loop.assign(n, nullptr);
    for (StateId s = 0; s < n; ++s) {
      for (const NfaEdge& e : part->states[s].edges) {
        if (e.to == s) {
          loop[s] = &e.cls;
        } else {
          ++in_degree[e.to];
          only_in[e.to] = &e;
        }
      }
    }
    parent.assign(n, kUnmapped);
    reused.assign(n, 0);
    const bool start_has_incoming = in_degree[0] > 0 || loop[0] != nullptr;
    order.assign(1, 0);
    seen.assign(n, 0);
    seen[0] = 1;
    for (std::size_t i = 0; i < order.size(); ++i) {
      for (const NfaEdge& e : part->states[order[i]].edges) {
        if (!seen[e.to]) {
          seen[e.to] = 1;
          parent[e.to] = order[i];
          order.push_back(e.to);
        }
      }
    }
    auto fresh = [&](StateId t) {
      const auto id = static_cast<StateId>(out.states.size());
      NfaState st;
      const NfaState& src = part->states[t];
      st.chain = src.chain == kNoChain ? kNoChain : src.chain + chain_offset;
      st.rank = src.rank;
      st.star = src.star;
      out.states.push_back(std::move(st));
      merged_into.push_back(0);
      return id;
    };
    for (StateId t : order) {
      if (t == 0) {
        map[0] = start_has_incoming ? fresh(0) : 0;
        continue;
      }
      // Mergeable: one incoming edge, from the BFS parent (so already mapped), not from a start
      // state that also lends its edges to the result's start, and single-range classes.
      const NfaEdge* in = only_in[t];
      const bool keyed = in_degree[t] == 1 && !(parent[t] == 0 && start_has_incoming) &&
                         in->cls.ranges().size() == 1 &&
                         (loop[t] == nullptr || loop[t]->ranges().size() == 1);
      if (!keyed) {
        map[t] = fresh(t);
        continue;
      }
      Key key{map[parent[t]], in->cls.ranges()[0], loop[t] ? loop[t]->ranges()[0] : SymbolRange{},
              loop[t] != nullptr};
      auto [it, inserted] = trie.try_emplace(key, 0);
      if (inserted) {
        it->second = fresh(t);
      } else {
        merged_into[it->second] = 1;
        reused[t] = 1;
      }
      map[t] = it->second;
    }
    for (StateId t = 0; t < n; ++t) {
      if (map[t] == kUnmapped) continue;  // unreachable in the part
      NfaState& into = out.states[map[t]];
      into.accepting = into.accepting || part->states[t].accepting;
      for (const NfaEdge& e : part->states[t].edges) {
        // A reused target's only incoming edge and its self-loop are in the key, so the result
        // already has them.
        if (reused[e.to]) continue;
        into.edges.push_back({e.cls, map[e.to]});
      }
    }
    if (start_has_incoming) {
      NfaState& start = out.states[0];
      start.accepting = start.accepting || part->states[0].accepting;
      for (const NfaEdge& e : part->states[0].edges) start.edges.push_back({e.cls, map[e.to]});
    }
    chain_offset += part->chain_count;
  }
  for (StateId s = 0; s < out.states.size(); ++s) {
    if (merged_into[s]) out.states[s].chain = kNoChain;
  }
  out.chain_count = chain_offset;
  return trim(std::move(out));
}

// L(A)·L(B): the states of A then B. Every f ∈ F(A) also gets the out-edges of S(B), and stays
// accepting iff ε ∈ L(B). Then L'(q) = L(q)·L(B) for q in A, which is monotone in L(q), so glob
// chain facts survive.
Nfa nfaConcat(const Nfa& a, const Nfa& b) {
  if (isEmptyNfa(a) || isEmptyNfa(b)) return nfaNone();
  checkedStateCount(a.states.size() + b.states.size());
  Nfa out;
  out.states.reserve(a.states.size() + b.states.size());
  appendShifted(out, a, 0, 0);
  const auto offset = static_cast<StateId>(a.states.size());
  appendShifted(out, b, offset, a.chain_count);
  const std::vector<NfaEdge> b_start = shiftedEdges(b.states[0], offset);
  for (StateId s = 0; s < offset; ++s) {
    NfaState& st = out.states[s];
    if (!st.accepting) continue;
    st.edges.insert(st.edges.end(), b_start.begin(), b_start.end());
    st.accepting = b.states[0].accepting;
  }
  out.chain_count = a.chain_count + b.chain_count;
  // What trim() would do, without its two searches (they were a twentieth of checking a policy):
  // with both parts trimmed, every state stays reachable (A's accepting states lead into B) and
  // live (they still reach B's accepting states), except B's start, which only edges into it keep;
  // and no two edges of a state share a target, as A's states and B's are apart.
  const bool start_entered = std::any_of(out.states.begin(), out.states.end(), [&](const NfaState& st) {
    return std::any_of(st.edges.begin(), st.edges.end(), [&](const NfaEdge& e) { return e.to == offset; });
  });
  if (start_entered) return out;
  out.states.erase(out.states.begin() + offset);
  for (NfaState& st : out.states) {
    for (NfaEdge& e : st.edges) {
      if (e.to > offset) --e.to;
    }
  }
  return out;
}

// L(A)+ = L(A)·L(A)*: every f ∈ F(A) also gets the out-edges of S(A).
Nfa nfaPlus(const Nfa& a) {
  if (isEmptyNfa(a)) return nfaNone();
  Nfa out = a;
  const std::vector<NfaEdge> start = a.states[0].edges;
  for (NfaState& st : out.states) {
    if (st.accepting) st.edges.insert(st.edges.end(), start.begin(), start.end());
  }
  return trim(std::move(out));
}

// L(A) ∩ L(B): the product restricted to pairs reachable from (S(A), S(B)).
//   (p, q) --C∩D--> (p', q')  for p --C--> p', q --D--> q', C ∩ D ≠ {}
//   (p, q) ∈ F  iff  p ∈ F(A) and q ∈ F(B)
//
// Dominated edges are left out (see subsumedEdges), which keeps the product of two glob chains
// linear instead of quadratic: `*?*?...*?` with itself would otherwise reach every (i, j).
Nfa nfaIntersect(const Nfa& a, const Nfa& b) {
  if (isEmptyNfa(a) || isEmptyNfa(b)) return nfaNone();
  std::unordered_map<std::uint64_t, StateId> ids;
  std::vector<std::pair<StateId, StateId>> pairs;
  auto idOf = [&](StateId p, StateId q) {
    const std::uint64_t key = (std::uint64_t{p} << 32) | q;
    auto [it, inserted] = ids.try_emplace(key, static_cast<StateId>(pairs.size()));
    if (inserted) {
      pairs.emplace_back(p, q);
      checkedStateCount(pairs.size());
    }
    return it->second;
  };
  idOf(0, 0);
  Nfa out;
  std::vector<ProductEdge> candidates;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto [p, q] = pairs[i];
    productEdges(a, b, p, q, candidates);
    NfaState st;
    st.accepting = a.states[p].accepting && b.states[q].accepting;
    st.edges.reserve(candidates.size());
    for (ProductEdge& edge : candidates) {
      if (!edge.subsumed) st.edges.push_back({std::move(edge.cls), idOf(edge.p, edge.q)});
    }
    out.states.push_back(std::move(st));
  }
  return trim(std::move(out));
}

bool nfaIntersects(const Nfa& a, const Nfa& b) {
  if (isEmptyNfa(a) || isEmptyNfa(b)) return false;
  // Pairs seen: a bit per pair while the product is small (checks ask this of small automata, and
  // the hash set cost more than the search), else a hash set.
  constexpr std::size_t kMaxDensePairs = std::size_t{1} << 16;
  const std::size_t columns = b.states.size();
  const bool dense = a.states.size() * columns <= kMaxDensePairs;
  std::vector<bool> seen_dense(dense ? a.states.size() * columns : 0, false);
  std::unordered_set<std::uint64_t> seen;
  std::size_t seen_count = 0;
  std::vector<std::pair<StateId, StateId>> pending;
  const auto visit = [&](StateId p, StateId q) {
    if (dense) {
      const std::size_t at = std::size_t{p} * columns + q;
      if (seen_dense[at]) return;
      seen_dense[at] = true;
    } else if (!seen.insert((std::uint64_t{p} << 32) | q).second) {
      return;
    }
    pending.emplace_back(p, q);
    checkedStateCount(++seen_count);
  };
  visit(0, 0);
  std::vector<ProductEdge> candidates;
  while (!pending.empty()) {
    const auto [p, q] = pending.back();
    pending.pop_back();
    if (a.states[p].accepting && b.states[q].accepting) return true;
    productEdges(a, b, p, q, candidates);  // as nfaIntersect, so that glob products stay linear
    for (const ProductEdge& edge : candidates) {
      if (!edge.subsumed) visit(edge.p, edge.q);
    }
  }
  return false;
}

// Subset simulation: w ∈ L iff δ*({S}, w) ∩ F ≠ {}.
bool nfaContains(const Nfa& nfa, std::span<const Symbol> word) {
  std::vector<StateId> current{0};
  std::vector<StateId> next;
  std::vector<char> seen(nfa.states.size(), 0);
  for (Symbol c : word) {
    next.clear();
    for (StateId s : current) {
      for (const NfaEdge& e : nfa.states[s].edges) {
        if (!seen[e.to] && e.cls.contains(c)) {
          seen[e.to] = 1;
          next.push_back(e.to);
        }
      }
    }
    for (StateId s : next) seen[s] = 0;
    current.swap(next);
    if (current.empty()) return false;
  }
  return std::any_of(current.begin(), current.end(),
                     [&](StateId s) { return nfa.states[s].accepting; });
}

// A trimmed chain 0 -> 1 -> ... -> n, every edge one symbol, only the last state accepting:
// exactly one word. Trimming merged parallel edges, so one edge per state means one target.
std::optional<std::vector<Symbol>> nfaSingleWord(const Nfa& nfa) {
  const std::size_t n = nfa.states.size();
  const NfaState& last = nfa.states[n - 1];
  if (!last.accepting || !last.edges.empty()) return std::nullopt;
  for (StateId s = 0; s + 1 < n; ++s) {
    const NfaState& st = nfa.states[s];
    if (st.accepting || st.edges.size() != 1 || st.edges[0].to != s + 1) return std::nullopt;
    const auto ranges = st.edges[0].cls.ranges();
    if (ranges.size() != 1 || ranges[0].lo != ranges[0].hi) return std::nullopt;
  }
  std::vector<Symbol> word;
  word.reserve(n - 1);
  for (StateId s = 0; s + 1 < n; ++s) word.push_back(nfa.states[s].edges[0].cls.min());
  return word;
}

// Shortest member, then smallest by Symbol order (length-lexicographic minimum).
//
// dist(q) = length of the shortest word accepted from q (backward BFS from F). The witness has
// length d = dist(S). Walk forward keeping the SET of states that can still finish in exactly
// `rem` symbols; at each step the next symbol is the smallest c that leads from that set to a
// state with dist = rem - 1:
//   c = min { min(C) | q ∈ cur, q --C--> q', dist(q') = rem - 1 }
//   cur' = { q' | q ∈ cur, q --C--> q', dist(q') = rem - 1, c ∈ C }
// Any symbol of C works for the length, so min(C) is the best choice per edge; keeping the set
// (not one state) is what makes the greedy choice globally minimal.
std::optional<std::vector<Symbol>> nfaShortestMember(const Nfa& nfa) {
  if (isEmptyNfa(nfa)) return std::nullopt;
  const std::size_t n = nfa.states.size();
  constexpr std::uint32_t kInf = 0xFFFF'FFFFu;
  std::vector<std::vector<StateId>> reverse(n);
  for (StateId s = 0; s < n; ++s) {
    for (const NfaEdge& e : nfa.states[s].edges) reverse[e.to].push_back(s);
  }
  std::vector<std::uint32_t> dist(n, kInf);
  std::deque<StateId> queue;
  for (StateId s = 0; s < n; ++s) {
    if (nfa.states[s].accepting) {
      dist[s] = 0;
      queue.push_back(s);
    }
  }
  while (!queue.empty()) {
    StateId s = queue.front();
    queue.pop_front();
    for (StateId p : reverse[s]) {
      if (dist[p] == kInf) {
        dist[p] = dist[s] + 1;
        queue.push_back(p);
      }
    }
  }
  if (dist[0] == kInf) return std::nullopt;  // unreachable for trimmed input
  std::vector<Symbol> word;
  word.reserve(dist[0]);
  std::vector<StateId> current{0};
  std::vector<StateId> next;
  std::vector<char> seen(n, 0);
  for (std::uint32_t rem = dist[0]; rem > 0; --rem) {
    Symbol best = kMaxSymbol;
    for (StateId s : current) {
      for (const NfaEdge& e : nfa.states[s].edges) {
        if (dist[e.to] == rem - 1) best = std::min(best, e.cls.min());
      }
    }
    next.clear();
    for (StateId s : current) {
      for (const NfaEdge& e : nfa.states[s].edges) {
        if (dist[e.to] == rem - 1 && !seen[e.to] && e.cls.contains(best)) {
          seen[e.to] = 1;
          next.push_back(e.to);
        }
      }
    }
    for (StateId s : next) seen[s] = 0;
    current.swap(next);
    word.push_back(best);
  }
  return word;
}

bool nfaHasCycle(const Nfa& nfa) {
  // Depth-first search without recursion: a cycle is an edge to a state still on the stack.
  enum class Mark : unsigned char { kNew, kOnStack, kDone };
  std::vector<Mark> mark(nfa.states.size(), Mark::kNew);
  std::vector<std::pair<StateId, std::size_t>> stack;  // state, next edge to follow
  for (StateId root = 0; root < nfa.states.size(); ++root) {
    if (mark[root] != Mark::kNew) continue;
    mark[root] = Mark::kOnStack;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [state, edge] = stack.back();
      const auto& edges = nfa.states[state].edges;
      if (edge == edges.size()) {
        mark[state] = Mark::kDone;
        stack.pop_back();
        continue;
      }
      const StateId to = edges[edge++].to;
      if (mark[to] == Mark::kOnStack) return true;
      if (mark[to] == Mark::kNew) {
        mark[to] = Mark::kOnStack;
        stack.emplace_back(to, 0);
      }
    }
  }
  return false;
}

}  // namespace iotlint::automata::detail
