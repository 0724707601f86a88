// Structural tests of the NFA constructions (nfa.h, internal) that finish without trim(): their
// result must be exactly what trim() would make of it (the invariants every other operation relies
// on: each state reachable and live, parallel edges merged, targets sorted, chain labels kept).
#include "passes/automata/nfa.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace iotlint::automata::detail {
namespace {

using testing::allGlobSpellings;
using testing::globOf;

/// Same states, acceptance, edges and chain labels.
bool identical(const Nfa& a, const Nfa& b) {
  if (!nfaEqual(a, b) || a.chain_count != b.chain_count) return false;
  for (std::size_t s = 0; s < a.states.size(); ++s) {
    const NfaState& x = a.states[s];
    const NfaState& y = b.states[s];
    if (x.chain != y.chain || x.rank != y.rank || x.star != y.star) return false;
  }
  return true;
}

TEST(NfaConcat, IsAlreadyTrimmed) {
  // Every glob up to 3 atoms (the empty one, {ε}, included), with and without a `*` at the start of
  // the right part (which keeps its start state entered) or at the end of the left part.
  const auto spellings = allGlobSpellings("a*?T", 3);
  std::size_t pairs = 0;
  for (const std::string& left : spellings) {
    const Nfa a = nfaGlob(globOf(left), {});
    for (const std::string& right : spellings) {
      const Nfa b = nfaGlob(globOf(right), {});
      const Nfa both = nfaConcat(a, b);
      ASSERT_TRUE(identical(both, trim(both))) << "\"" << left << "\" then \"" << right << "\"";
      // A concatenation of concatenations too: its parts carry chain labels from two globs.
      const Nfa three = nfaConcat(both, a);
      ASSERT_TRUE(identical(three, trim(three))) << "\"" << left << right << "\" then \"" << left << "\"";
      ++pairs;
    }
  }
  EXPECT_GT(pairs, 7'000U);
}

}  // namespace
}  // namespace iotlint::automata::detail
