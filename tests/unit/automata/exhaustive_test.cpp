// Exhaustive differential tests: the automata against the naive backtracking matcher in
// tests/reference, in the style of RE2's exhaustive tester.
//
// Universe: globs over the atoms `a`, `/`, `*`, `?`, T (a token), and words over `#`, `+`, `/`,
// `a`, T up to a small length. For every glob (or pair of globs) and every word, membership in the
// built language must equal the reference's answer (or the set-operation's definition over the
// reference's answers).
//
// Emptiness and inclusion are about infinite languages, so the bounded universe can only check
// them in one direction: an enumerated member proves non-emptiness. The other direction is checked
// through witnesses: whenever a language is non-empty, shortestMember() must return a word that the
// REFERENCE confirms is a member (of any length, over any symbols), so a wrong "non-empty" can
// never pass, and a wrong "empty" is caught whenever a short member exists. Identities such as
// A ∩ B ⊆ A are checked exactly, since they must hold on the infinite languages.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

#include "glob_reference.h"
#include "test_util.h"

namespace iotlint::automata {
namespace {

using testing::allGlobSpellings;
using testing::allStrings;
using testing::globOf;
using testing::kT;
using testing::show;
using testing::Word;

const std::string kGlobAtoms = "a/*?T";
// Sorted by Symbol, so allStrings() enumerates in length-lexicographic order.
const std::vector<Symbol> kWordAlphabet = {'#', '+', '/', 'a', kT};
constexpr std::size_t kWordLen = 4;

const std::vector<Word>& words() {
  static const std::vector<Word> kWords = allStrings(kWordAlphabet, kWordLen);
  return kWords;
}

/// A glob with its language and its reference membership over words().
struct Case {
  std::string spelling;
  Glob glob;
  GlobSemantics semantics;
  Language language;
  std::vector<char> member;

  bool ref(const Word& w) const { return reference::globMatches(glob, w, semantics); }
};

Case makeCase(const std::string& spelling, const GlobSemantics& semantics = {}) {
  Case c{spelling, globOf(spelling), semantics, Language::none(), {}};
  c.language = Language::fromGlob(c.glob, semantics);
  for (const Word& w : words()) c.member.push_back(reference::globMatches(c.glob, w, semantics) ? 1 : 0);
  return c;
}

/// Checks `lang` against `expected` (membership over words()) and against `definition` (exact
/// membership for any word, used to validate the witness).
void checkLanguage(const Language& lang, const std::vector<char>& expected,
                   const std::function<bool(const Word&)>& definition, const std::string& what) {
  const std::vector<Word>& ws = words();
  const Word* first_member = nullptr;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    ASSERT_EQ(lang.contains(ws[i]), expected[i] != 0) << what << " on " << show(ws[i]);
    if (expected[i] && first_member == nullptr) first_member = &ws[i];
  }
  const std::optional<Word> witness = lang.shortestMember();
  ASSERT_EQ(witness.has_value(), !lang.isEmpty()) << what;
  if (first_member != nullptr) {
    ASSERT_FALSE(lang.isEmpty()) << what << " has " << show(*first_member);
  }
  if (!witness) return;
  ASSERT_TRUE(lang.contains(*witness)) << what << " witness " << show(*witness);
  ASSERT_TRUE(definition(*witness)) << what << " witness " << show(*witness);
  ASSERT_EQ(lang.shortestMember(), witness) << what << ": not deterministic";
  if (first_member != nullptr) {
    // Shortest: no enumerated member is shorter. Smallest: among equal lengths, not larger than
    // the first enumerated member (the witness may use symbols outside the test alphabet).
    ASSERT_LE(witness->size(), first_member->size()) << what << " witness " << show(*witness);
    if (witness->size() == first_member->size()) {
      ASSERT_LE(*witness, *first_member) << what << " witness " << show(*witness);
    }
  } else if (witness->size() <= kWordLen) {
    // No enumerated member, so a short witness must use a symbol outside the test alphabet.
    const bool outside = std::any_of(witness->begin(), witness->end(), [](Symbol c) {
      return std::find(kWordAlphabet.begin(), kWordAlphabet.end(), c) == kWordAlphabet.end();
    });
    ASSERT_TRUE(outside) << what << " witness " << show(*witness) << " missed by enumeration";
  }
}

TEST(Exhaustive, GlobMembershipMatchesReference) {
  // Every glob up to 4 atoms under both semantics of `?`, plus a seeded sample of 5-atom globs
  // (all 3,906 take too long under the sanitizers; the fuzzer covers longer globs).
  std::vector<std::string> spellings = allGlobSpellings(kGlobAtoms, 4);
  const std::vector<std::string> five = allGlobSpellings(kGlobAtoms, 5);
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> pick(spellings.size(), five.size() - 1);
  for (int i = 0; i < 600; ++i) spellings.push_back(five[pick(rng)]);
  std::size_t checked = 0;
  for (const GlobSemantics& semantics : {GlobSemantics{}, GlobSemantics{{kT}}}) {
    for (const std::string& spelling : spellings) {
      const Case c = makeCase(spelling, semantics);
      checkLanguage(c.language, c.member, [&](const Word& w) { return c.ref(w); }, spelling);
      if (HasFatalFailure()) return;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2u * (781u + 600u));
}

TEST(Exhaustive, ComplementMatchesDefinition) {
  // Every glob up to 3 atoms, plus every third 4-atom glob.
  std::vector<std::string> spellings = allGlobSpellings(kGlobAtoms, 3);
  const std::vector<std::string> four = allGlobSpellings(kGlobAtoms, 4);
  for (std::size_t i = spellings.size(); i < four.size(); i += 3) spellings.push_back(four[i]);
  for (const std::string& spelling : spellings) {
    const Case c = makeCase(spelling);
    std::vector<char> expected;
    for (char m : c.member) expected.push_back(m ? 0 : 1);
    const Language comp = c.language.complement();
    checkLanguage(comp, expected, [&](const Word& w) { return !c.ref(w); }, "¬" + spelling);
    if (HasFatalFailure()) return;
    // Exact identities on the infinite languages.
    ASSERT_TRUE(comp.intersect(c.language).isEmpty()) << spelling;
    ASSERT_TRUE(Language::everything().isSubsetOf(comp.unite(c.language))) << spelling;
    const Language back = comp.complement();
    ASSERT_TRUE(back.isSubsetOf(c.language) && c.language.isSubsetOf(back)) << spelling;
  }
}

/// All pairs of short globs, plus a seeded sample of longer pairs.
std::vector<std::pair<std::string, std::string>> globPairs() {
  std::vector<std::pair<std::string, std::string>> pairs;
  const std::vector<std::string> small = allGlobSpellings(kGlobAtoms, 2);
  for (const std::string& a : small) {
    for (const std::string& b : small) pairs.emplace_back(a, b);
  }
  const std::vector<std::string> big = allGlobSpellings(kGlobAtoms, 5);
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<std::size_t> pick(small.size(), big.size() - 1);
  for (int i = 0; i < 300; ++i) pairs.emplace_back(big[pick(rng)], big[pick(rng)]);
  return pairs;
}

TEST(Exhaustive, SetOperationsMatchDefinitions) {
  for (const auto& [sa, sb] : globPairs()) {
    const Case a = makeCase(sa);
    const Case b = makeCase(sb);
    const std::size_t n = words().size();
    std::vector<char> in_union(n), in_inter(n), in_minus(n);
    for (std::size_t i = 0; i < n; ++i) {
      in_union[i] = a.member[i] || b.member[i];
      in_inter[i] = a.member[i] && b.member[i];
      in_minus[i] = a.member[i] && !b.member[i];
    }
    const std::string name = "(" + sa + ", " + sb + ")";
    const Language u = a.language.unite(b.language);
    const Language x = a.language.intersect(b.language);
    const Language d = a.language.minus(b.language);
    checkLanguage(u, in_union, [&](const Word& w) { return a.ref(w) || b.ref(w); }, "∪" + name);
    checkLanguage(x, in_inter, [&](const Word& w) { return a.ref(w) && b.ref(w); }, "∩" + name);
    checkLanguage(d, in_minus, [&](const Word& w) { return a.ref(w) && !b.ref(w); }, "\\" + name);
    if (HasFatalFailure()) return;

    // meets() answers the intersection's emptiness without building it (plain operands), or
    // through it (differences).
    ASSERT_EQ(a.language.meets(b.language), !x.isEmpty()) << name;
    ASSERT_EQ(a.language.meets(d), !d.isEmpty()) << name;
    ASSERT_FALSE(d.meets(b.language)) << name;

    // Inclusion is emptiness of the difference; a counterexample is a reference-checked witness.
    const bool subset = a.language.isSubsetOf(b.language);
    ASSERT_EQ(subset, d.isEmpty()) << name;
    if (subset) {
      for (std::size_t i = 0; i < n; ++i) ASSERT_FALSE(in_minus[i]) << name << show(words()[i]);
    }
    // Exact identities.
    ASSERT_TRUE(x.isSubsetOf(a.language) && x.isSubsetOf(b.language)) << name;
    ASSERT_TRUE(a.language.isSubsetOf(u) && b.language.isSubsetOf(u)) << name;
    ASSERT_TRUE(d.intersect(b.language).isEmpty()) << name;
    ASSERT_TRUE(a.language.isSubsetOf(d.unite(x))) << name;
    ASSERT_EQ(a.language.intersect(b.language.complement()).isEmpty(), subset) << name;
  }
}

TEST(Exhaustive, ConcatAndPlusMatchDefinitions) {
  const std::vector<std::string> globs = allGlobSpellings(kGlobAtoms, 2);
  const std::vector<Word>& ws = words();
  for (const std::string& sa : globs) {
    const Case a = makeCase(sa);
    // w ∈ A+ iff w splits into one or more non-empty pieces in A, or w = ε ∈ A.
    std::function<bool(const Word&)> in_plus = [&](const Word& w) {
      if (a.ref(w)) return true;
      for (std::size_t k = 1; k < w.size(); ++k) {
        if (a.ref(Word(w.begin(), w.begin() + static_cast<long>(k))) &&
            in_plus(Word(w.begin() + static_cast<long>(k), w.end()))) {
          return true;
        }
      }
      return false;
    };
    std::vector<char> expected_plus;
    for (const Word& w : ws) expected_plus.push_back(in_plus(w) ? 1 : 0);
    checkLanguage(a.language.plus(), expected_plus, in_plus, sa + "+");
    for (std::size_t j = 0; j < globs.size(); j += 2) {
      const std::string& sb = globs[j];
      const Case b = makeCase(sb);
      auto in_concat = [&](const Word& w) {
        for (std::size_t k = 0; k <= w.size(); ++k) {
          if (a.ref(Word(w.begin(), w.begin() + static_cast<long>(k))) &&
              b.ref(Word(w.begin() + static_cast<long>(k), w.end()))) {
            return true;
          }
        }
        return false;
      };
      std::vector<char> expected;
      for (const Word& w : ws) expected.push_back(in_concat(w) ? 1 : 0);
      checkLanguage(a.language.concat(b.language), expected, in_concat, sa + "·" + sb);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(Exhaustive, UnionOfManyGlobsAndDifference) {
  // Policy-shaped: allow = union of several globs, deny = union of several globs.
  std::mt19937 rng(7);
  const std::vector<std::string> globs = allGlobSpellings(kGlobAtoms, 4);
  std::uniform_int_distribution<std::size_t> pick(0, globs.size() - 1);
  for (int round = 0; round < 150; ++round) {
    std::vector<Case> allow, deny;
    for (int i = 0; i < 3; ++i) allow.push_back(makeCase(globs[pick(rng)]));
    for (int i = 0; i < 3; ++i) deny.push_back(makeCase(globs[pick(rng)]));
    std::vector<Language> al, dl;
    for (const Case& c : allow) al.push_back(c.language);
    for (const Case& c : deny) dl.push_back(c.language);
    auto anyRef = [](const std::vector<Case>& cs, const Word& w) {
      return std::any_of(cs.begin(), cs.end(), [&](const Case& c) { return c.ref(w); });
    };
    const Language effective = Language::unionOf(al).minus(Language::unionOf(dl));
    std::vector<char> expected;
    for (std::size_t i = 0; i < words().size(); ++i) {
      bool in_allow = false, in_deny = false;
      for (const Case& c : allow) in_allow = in_allow || c.member[i];
      for (const Case& c : deny) in_deny = in_deny || c.member[i];
      expected.push_back(in_allow && !in_deny ? 1 : 0);
    }
    checkLanguage(effective, expected,
                  [&](const Word& w) { return anyRef(allow, w) && !anyRef(deny, w); },
                  "round " + std::to_string(round));
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace iotlint::automata
