// passes/automata/mqtt.cpp: the MQTT reading of a language of topic filters.
//
// Given an Nfa N over filter strings, build an Nfa M over topic names with
//     L(M) = { t | t ≠ ε, t has no `+`/`#`, ∃ f ∈ L(N): f is a valid filter matching t }.
//
// MQTT rules (AWS IoT flavour, see the header): levels are separated by `/`. A filter level is
// `+` (matches exactly one topic level: any non-`/` symbols, possibly none), `#` (only as the last
// level: matches the rest of the topic, so `a/#` matches `a/` and `a/x/y` but not `a`), or plain
// text without `+`/`#` (matches itself). Tokens are plain level content.
//
// M reads the topic and guesses the filter by running N alongside. Its states:
//   A(q)  N is in q and the filter is at the start of a level
//   B(q)  N is in q inside a plain level (the last filter symbol was level content)
//   P(q)  N is in q just after a `+` level; the topic is still inside that level
//   H     the filter ended with a valid `#`; the topic may continue with anything
// Transitions (c ranges over topic symbols: everything but `+`, `#`; "content" excludes `/`):
//   A(q), B(q) --c-->  B(q')   for q --c--> q', c content      (plain level text)
//   A(q), B(q) --/-->  A(q')   for q --/--> q'                 (level separator)
//   P(q)       --c-->  P(q)    for c content                   (`+` eats the level)
//   P(q)       --/-->  A(q')   for q --/--> q'                 (`+` must end its level)
//   H          --c-->  H       for every topic symbol, `/` included
//   A(q)  ==ε==> P(q')   for q --+--> q'                       (`+` alone in its level)
//   A(q)  ==ε==> H       for q --#--> q', q' ∈ F(N)            (`#` alone and last)
// Accepting: A(q), B(q), P(q) iff q ∈ F(N); H always. A `+` or `#` reached from B (inside a
// level) or followed by anything but `/`/end is never followed, so invalid filters match nothing.
// The ε-moves only leave A states and lead to P or H, which have none: the closure is one step,
// and we fold it into A(q) directly. Finally ε is removed with a fresh non-accepting start state
// (MQTT topic names are at least one character long).
#include <map>

#include "passes/automata/nfa.h"

namespace iotlint::automata::detail {
namespace {

enum class Mode : std::uint8_t { kLevelStart, kInLevel, kAfterPlus, kHashTail };

class TopicBuilder {
 public:
  explicit TopicBuilder(const Nfa& filters) : n_(filters) {
    const Symbol plus_hash[] = {'+', '#'};
    topic_ = SymbolClass::of(plus_hash).complement();
    content_ = topic_.minus(SymbolClass::single('/'));
  }

  Nfa build() {
    idOf(Mode::kLevelStart, 0);
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      const auto [mode, q] = keys_[i];
      NfaState st;
      addMember(st, mode, q);
      if (mode == Mode::kLevelStart) {
        for (const NfaEdge& e : n_.states[q].edges) {
          if (e.cls.contains('+')) addMember(st, Mode::kAfterPlus, e.to);
          if (e.cls.contains('#') && n_.states[e.to].accepting) addMember(st, Mode::kHashTail, 0);
        }
      }
      out_.states.push_back(std::move(st));
    }
    // Fresh start state: same edges as A(S), never accepting (drops the empty topic).
    NfaState start;
    start.edges = out_.states[0].edges;
    for (NfaEdge& e : start.edges) e.to += 1;
    for (NfaState& st : out_.states) {
      for (NfaEdge& e : st.edges) e.to += 1;
    }
    out_.states.insert(out_.states.begin(), std::move(start));
    return trim(std::move(out_));
  }

 private:
  StateId idOf(Mode mode, StateId q) {
    auto [it, inserted] = ids_.try_emplace({mode, q}, static_cast<StateId>(keys_.size()));
    if (inserted) keys_.emplace_back(mode, q);
    return it->second;
  }

  /// Adds the own edges and acceptance of state (mode, q) to `st` (which may be A(q)'s closure).
  void addMember(NfaState& st, Mode mode, StateId q) {
    const NfaState& nq = n_.states[q];
    switch (mode) {
      case Mode::kLevelStart:
      case Mode::kInLevel:
        // A(q), B(q) --c--> B(q') for content c;  --/--> A(q').
        st.accepting = st.accepting || nq.accepting;
        for (const NfaEdge& e : nq.edges) {
          SymbolClass text = e.cls.intersect(content_);
          if (!text.empty()) st.edges.push_back({std::move(text), idOf(Mode::kInLevel, e.to)});
          if (e.cls.contains('/')) {
            st.edges.push_back({SymbolClass::single('/'), idOf(Mode::kLevelStart, e.to)});
          }
        }
        break;
      case Mode::kAfterPlus:
        // P(q) --content--> P(q);  P(q) --/--> A(q').
        st.accepting = st.accepting || nq.accepting;
        st.edges.push_back({content_, idOf(Mode::kAfterPlus, q)});
        for (const NfaEdge& e : nq.edges) {
          if (e.cls.contains('/')) {
            st.edges.push_back({SymbolClass::single('/'), idOf(Mode::kLevelStart, e.to)});
          }
        }
        break;
      case Mode::kHashTail:
        // H --topic symbol--> H, accepting.
        st.accepting = true;
        st.edges.push_back({topic_, idOf(Mode::kHashTail, 0)});
        break;
    }
  }

  const Nfa& n_;
  SymbolClass topic_;
  SymbolClass content_;
  std::map<std::pair<Mode, StateId>, StateId> ids_;
  std::vector<std::pair<Mode, StateId>> keys_;
  Nfa out_;
};

}  // namespace

Nfa nfaTopicsMatchedByFilters(const Nfa& filters) {
  if (isEmptyNfa(filters)) return nfaNone();
  return TopicBuilder(filters).build();
}

}  // namespace iotlint::automata::detail
