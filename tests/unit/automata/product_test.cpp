// Differential tests for the intersection product on wildcard-dense globs, where it leaves out
// edges that another edge of the same product state dominates (nfa.cpp, markSubsumedEdges).
//
// The product must still accept exactly A ∩ B, checked against the backtracking reference on
// random words, and its witness must be the length-lexicographic minimum, which is a property of
// the language alone: the same as the witness of A \ (A \ B), found by a different algorithm
// (the lazy subset construction). Globs are unions and concatenations of globs too, since union
// and concat keep the chain labels that the dominance test reads.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>

#include "glob_reference.h"
#include "test_util.h"

namespace iotlint::automata {
namespace {

using testing::globOf;
using testing::kT;
using testing::show;
using testing::Word;

/// A glob of `length` atoms, most of them wildcards.
std::string denseGlob(std::mt19937& rng, std::size_t length) {
  static const std::string kAtoms = "**??*?a/T";
  std::uniform_int_distribution<std::size_t> pick(0, kAtoms.size() - 1);
  std::string spelling;
  for (std::size_t i = 0; i < length; ++i) spelling += kAtoms[pick(rng)];
  return spelling;
}

Word randomWord(std::mt19937& rng) {
  static const std::vector<Symbol> kAlphabet = {0, 'a', 'a', '/', kT, kT + 5};
  std::uniform_int_distribution<std::size_t> length(0, 12);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  Word word(length(rng));
  for (Symbol& symbol : word) symbol = kAlphabet[pick(rng)];
  return word;
}

/// A language with its exact membership test.
struct Operand {
  std::string name;
  Language language;
  std::function<bool(const Word&)> member;
};

Operand globOperand(const std::string& spelling, const GlobSemantics& semantics) {
  const Glob glob = globOf(spelling);
  return {spelling, Language::fromGlob(glob, semantics),
          [glob, semantics](const Word& w) { return reference::globMatches(glob, w, semantics); }};
}

Operand randomOperand(std::mt19937& rng, const GlobSemantics& semantics) {
  std::uniform_int_distribution<int> shape(0, 2);
  std::uniform_int_distribution<std::size_t> length(1, 9);
  Operand first = globOperand(denseGlob(rng, length(rng)), semantics);
  const int kind = shape(rng);
  if (kind == 0) return first;
  Operand second = globOperand(denseGlob(rng, length(rng)), semantics);
  if (kind == 1) {
    return {first.name + " | " + second.name, first.language.unite(second.language),
            [f = first.member, s = second.member](const Word& w) { return f(w) || s(w); }};
  }
  // Concatenation: some split of the word matches both halves.
  return {first.name + " . " + second.name, first.language.concat(second.language),
          [f = first.member, s = second.member](const Word& w) {
            for (std::size_t cut = 0; cut <= w.size(); ++cut) {
              if (f(Word(w.begin(), w.begin() + static_cast<long>(cut))) && s(Word(w.begin() + static_cast<long>(cut), w.end()))) {
                return true;
              }
            }
            return false;
          }};
}

TEST(Product, DenseGlobIntersectionMatchesReference) {
  std::mt19937 rng(20261128);
  GlobSemantics with_token;
  with_token.any_one_also_matches = {kT};
  for (int round = 0; round < 400; ++round) {
    const GlobSemantics& semantics = round % 2 == 0 ? with_token : GlobSemantics{};
    const Operand a = randomOperand(rng, semantics);
    const Operand b = randomOperand(rng, round % 3 == 0 ? GlobSemantics{} : semantics);
    const std::string name = "(" + a.name + ") ∩ (" + b.name + ")";
    const Language product = a.language.intersect(b.language);
    for (int i = 0; i < 60; ++i) {
      const Word word = randomWord(rng);
      ASSERT_EQ(product.contains(word), a.member(word) && b.member(word)) << name << " on " << show(word);
    }
    const auto witness = product.shortestMember();
    const auto expected = a.language.minus(a.language.minus(b.language)).shortestMember();
    ASSERT_EQ(witness, expected) << name;
    if (witness) {
      ASSERT_TRUE(a.member(*witness) && b.member(*witness)) << name << " witness " << show(*witness);
    }
  }
}

TEST(Product, IntersectionWithOneWordIsMembership) {
  // A plain one-word language takes the membership shortcut; the same word as a difference
  // ({w} \ {v}, v != w) takes the product. Both must agree on every operand, differences included.
  std::mt19937 rng(11);
  GlobSemantics with_token;
  with_token.any_one_also_matches = {kT};
  const Word never = {kT + 9, kT + 9};
  for (int round = 0; round < 300; ++round) {
    const Operand a = randomOperand(rng, round % 2 == 0 ? with_token : GlobSemantics{});
    const Operand b = randomOperand(rng, GlobSemantics{});
    const Language operand = round % 3 == 0 ? a.language.minus(b.language) : a.language;
    const auto member = [&](const Word& w) { return a.member(w) && (round % 3 != 0 || !b.member(w)); };
    for (int i = 0; i < 20; ++i) {
      const Word word = i == 0 ? Word{} : randomWord(rng);
      const Language exact = Language::exactly(word);
      const Language as_difference = exact.minus(Language::exactly(never));
      for (const Language& shortcut : {operand.intersect(exact), exact.intersect(operand)}) {
        const Language product = operand.intersect(as_difference);
        ASSERT_EQ(shortcut.isEmpty(), !member(word)) << a.name << " on " << show(word);
        ASSERT_EQ(shortcut.isEmpty(), product.isEmpty()) << a.name << " on " << show(word);
        ASSERT_EQ(shortcut.shortestMember(), product.shortestMember()) << a.name << " on " << show(word);
        ASSERT_EQ(shortcut.contains(word), member(word)) << a.name << " on " << show(word);
      }
    }
  }
}

TEST(Product, StarOneRunsStayLinear) {
  // `*?` repeated: every state is a `*` state of one chain, and without the dominance pruning the
  // product of the glob with a copy of itself reaches all (i, j) pairs.
  std::string spelling;
  for (int i = 0; i < 300; ++i) spelling += "*?";
  const Language a = Language::fromGlob(globOf(spelling));
  const Language b = Language::fromGlob(globOf(spelling));
  const Language product = a.intersect(b);
  EXPECT_LE(product.stateCount(), 2 * a.stateCount());
  EXPECT_TRUE(product.isSubsetOf(a));
  EXPECT_TRUE(a.isSubsetOf(product));
  EXPECT_EQ(product.shortestMember(), Word(300, 0));
}

}  // namespace
}  // namespace iotlint::automata
