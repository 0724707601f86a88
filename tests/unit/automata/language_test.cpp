// Unit tests for Language, one group per operation. The exhaustive differential tests live in
// exhaustive_test.cpp and mqtt_test.cpp.
#include "passes/automata/language.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace iotlint::automata {
namespace {

using testing::globOf;
using testing::kT;
using testing::kU;
using testing::show;
using testing::Word;
using testing::wordOf;

Language glob(const std::string& spelling, const GlobSemantics& semantics = {}) {
  return Language::fromGlob(globOf(spelling), semantics);
}

bool equivalent(const Language& a, const Language& b) { return a.isSubsetOf(b) && b.isSubsetOf(a); }

TEST(GlobFromText, ReadsStarAndQuestionMarkOnly) {
  Glob g = globFromText("a*?+#");
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g[0].kind, GlobAtom::Kind::kSymbol);
  EXPECT_EQ(g[0].symbol, Symbol{'a'});
  EXPECT_EQ(g[1].kind, GlobAtom::Kind::kAnySequence);
  EXPECT_EQ(g[2].kind, GlobAtom::Kind::kAnyOne);
  EXPECT_EQ(g[3].symbol, Symbol{'+'});
  EXPECT_EQ(g[4].symbol, Symbol{'#'});
}

TEST(Basics, NoneAndEverything) {
  EXPECT_TRUE(Language::none().isEmpty());
  EXPECT_FALSE(Language::everything().isEmpty());
  EXPECT_TRUE(Language::everything().contains(Word{}));
  EXPECT_TRUE(Language::everything().contains(wordOf("aT/U")));
  EXPECT_TRUE(Language::everything().contains(Word{0xFFFF'FFFFu}));
  EXPECT_FALSE(Language::none().contains(Word{}));
  EXPECT_EQ(Language::everything().shortestMember(), Word{});
  EXPECT_EQ(Language::none().shortestMember(), std::nullopt);
}

// none() has no representation of its own (it is copied everywhere, and copies of shared ones
// count references); every operation must read it as the empty language an automaton spells.
TEST(Basics, NoneActsAsABuiltEmptyLanguageInEveryOperation) {
  const Language none = Language::none();
  const Language built = Language::anyOf({});
  ASSERT_FALSE(none.sharesRepresentationWith(built));
  const Language others[] = {glob("a*"), Language::everything(), glob("*").minus(glob("a*")), none, built};
  for (const Language& other : others) {
    SCOPED_TRACE(other.shortestMember() ? show(*other.shortestMember()) : std::string("(empty)"));
    EXPECT_TRUE(equivalent(none.unite(other), built.unite(other)));
    EXPECT_TRUE(equivalent(other.unite(none), other));
    EXPECT_TRUE(none.intersect(other).isEmpty());
    EXPECT_TRUE(other.intersect(none).isEmpty());
    EXPECT_FALSE(none.meets(other));
    EXPECT_FALSE(other.meets(none));
    EXPECT_TRUE(none.minus(other).isEmpty());
    EXPECT_TRUE(equivalent(other.minus(none), other));
    EXPECT_TRUE(none.concat(other).isEmpty());
    EXPECT_TRUE(other.concat(none).isEmpty());
    EXPECT_TRUE(none.isSubsetOf(other));
    EXPECT_EQ(other.isSubsetOf(none), other.isEmpty());
    const Language parts[] = {none, other, none};
    EXPECT_TRUE(equivalent(Language::unionOf(parts), other));
  }
  EXPECT_TRUE(equivalent(none.complement(), Language::everything()));
  EXPECT_TRUE(none.plus().isEmpty());
  EXPECT_TRUE(none.topicsMatchedByFilters().isEmpty());
  EXPECT_TRUE(none.hasSameAutomataAs(built));
  EXPECT_TRUE(built.hasSameAutomataAs(none));
  EXPECT_EQ(none.stateCount(), built.stateCount());
  EXPECT_TRUE(Language::unionOf({}).isEmpty());
}

TEST(Basics, SameAutomataHashAlike) {
  // Built twice, apart: the same automata, so the same hash (drivers share equal languages by it).
  const auto build = [] {
    return Language::fromGlob(globFromText("thing/*/shadow/?")).unite(Language::exactlyText("client/a"));
  };
  const Language first = build();
  const Language second = build();
  ASSERT_FALSE(first.sharesRepresentationWith(second));
  ASSERT_TRUE(first.hasSameAutomataAs(second));
  EXPECT_EQ(first.automataHash(), second.automataHash());
  // A difference hashes both of its sides; built twice, it hashes alike too.
  const Language minus_first = first.minus(Language::exactlyText("client/a"));
  const Language minus_second = second.minus(Language::exactlyText("client/a"));
  ASSERT_TRUE(minus_first.hasSameAutomataAs(minus_second));
  EXPECT_EQ(minus_first.automataHash(), minus_second.automataHash());
  EXPECT_FALSE(minus_first.hasSameAutomataAs(first));
  EXPECT_EQ(Language::none().automataHash(), Language::unionOf({}).automataHash());
}

TEST(Basics, ExactlyAndAnyOf) {
  Language l = Language::exactlyText("ab");
  EXPECT_TRUE(l.containsText("ab"));
  EXPECT_FALSE(l.containsText("a"));
  EXPECT_FALSE(l.containsText("abc"));
  const Symbol symbols[] = {kT, 'x'};
  Language one = Language::anyOf(symbols);
  EXPECT_TRUE(one.contains(Word{kT}));
  EXPECT_TRUE(one.containsText("x"));
  EXPECT_FALSE(one.contains(Word{kU}));
  EXPECT_TRUE(Language::anyOf({}).isEmpty());
}

TEST(FromGlob, StarCrossesSlashesAndTokens) {
  Language l = Language::fromGlob(globFromText("bucket/*/test/*"));
  // The IAM documentation's own examples.
  EXPECT_TRUE(l.containsText("bucket/1/2/test/object.jpg"));
  EXPECT_TRUE(l.containsText("bucket/1///test///object.jpg"));
  EXPECT_TRUE(l.containsText("bucket//test/object.jpg"));
  EXPECT_TRUE(l.containsText("bucket/1/test/"));
  EXPECT_FALSE(l.containsText("bucket/1-test/object.jpg"));
  EXPECT_FALSE(l.containsText("bucket/test/object.jpg"));
  EXPECT_FALSE(l.containsText("bucket/1/2/test.jpg"));
  EXPECT_TRUE(glob("a*").contains(wordOf("aT")));
}

TEST(FromGlob, PlusAndHashAreLiteral) {
  Language l = Language::fromGlob(globFromText("a/+/#"));
  EXPECT_TRUE(l.containsText("a/+/#"));
  EXPECT_FALSE(l.containsText("a/b/c"));
}

TEST(FromGlob, QuestionMarkMatchesTokensOnlyWhenAsked) {
  EXPECT_TRUE(glob("?").containsText("x"));
  EXPECT_FALSE(glob("?").contains(Word{kT}));
  GlobSemantics may{{kT}};
  EXPECT_TRUE(glob("?", may).contains(Word{kT}));
  EXPECT_FALSE(glob("?", may).contains(Word{kU}));
  EXPECT_FALSE(glob("?").containsText(""));
  EXPECT_FALSE(glob("?").containsText("ab"));
}

TEST(FromGlob, IsLinearInThePattern) {
  EXPECT_EQ(glob("").stateCount(), 1u);
  EXPECT_EQ(glob("***").stateCount(), 1u);
  EXPECT_EQ(glob("a*b?c").stateCount(), 5u);
}

TEST(Unite, IsSetUnion) {
  Language l = glob("a*").unite(glob("*b"));
  EXPECT_TRUE(l.containsText("ax"));
  EXPECT_TRUE(l.containsText("xb"));
  EXPECT_FALSE(l.containsText("x"));
  EXPECT_TRUE(Language::none().unite(glob("a")).containsText("a"));
}

TEST(UnionOf, MatchesFoldedUnite) {
  std::vector<Language> parts{glob("a"), glob("b*"), Language::none(), glob("?c")};
  Language all = Language::unionOf(parts);
  Language folded = Language::none();
  for (const Language& p : parts) folded = folded.unite(p);
  EXPECT_TRUE(equivalent(all, folded));
  EXPECT_TRUE(all.containsText("xc"));
  EXPECT_TRUE(Language::unionOf({}).isEmpty());
}

TEST(Intersect, IsSetIntersection) {
  Language l = glob("a*").intersect(glob("*b"));
  EXPECT_TRUE(l.containsText("ab"));
  EXPECT_TRUE(l.containsText("axb"));
  EXPECT_FALSE(l.containsText("a"));
  EXPECT_EQ(l.shortestMember(), wordOf("ab"));
  EXPECT_TRUE(glob("a*").intersect(glob("b*")).isEmpty());
}

TEST(Minus, IsSetDifference) {
  Language l = glob("a*").minus(glob("a/*"));
  EXPECT_TRUE(l.containsText("a"));
  EXPECT_TRUE(l.containsText("ab/"));
  EXPECT_FALSE(l.containsText("a/b"));
  EXPECT_EQ(l.shortestMember(), wordOf("a"));
  EXPECT_TRUE(glob("a/b").minus(glob("a/*")).isEmpty());
}

TEST(Minus, HardDeterminisationStaysLocalToTheLeftOperand) {
  // The DFA of `*a??????????????????` has 2^19 states, but only few subsets are met alongside a
  // narrow left-hand side.
  Language hard = glob("*a??????????????????");
  Language narrow = Language::exactlyText("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  EXPECT_FALSE(narrow.minus(hard).isEmpty());
  EXPECT_TRUE(narrow.isSubsetOf(narrow.unite(hard)));
}

TEST(Complement, IsSetComplement) {
  Language l = glob("a*").complement();
  EXPECT_TRUE(l.containsText(""));
  EXPECT_TRUE(l.containsText("b"));
  EXPECT_TRUE(l.contains(Word{kT, 'a'}));
  EXPECT_FALSE(l.containsText("a"));
  EXPECT_EQ(l.shortestMember(), Word{});
  EXPECT_TRUE(Language::everything().complement().isEmpty());
  EXPECT_TRUE(equivalent(Language::none().complement(), Language::everything()));
}

TEST(Complement, IsMinimal) {
  // Σ* \ a*  is "empty, or starts with a non-a": 2 states after minimisation (plus none dead).
  EXPECT_EQ(glob("a*").complement().stateCount(), 2u);
  // ¬¬L = L and the minimal DFA of `*a?` has 4 states.
  EXPECT_EQ(glob("*a?").complement().complement().stateCount(), 4u);
}

TEST(Complement, ThrowsPastTheCap) {
  // 2^17 > kMaxDeterminisedStates subsets; never approximated.
  EXPECT_THROW((void)glob("*a????????????????").complement(), LanguageTooComplex);
  EXPECT_NO_THROW((void)glob("*a??????????").complement());
}

TEST(SearchLimit, BoundsSearchesWithinItsScopeOnly) {
  // Wildcards between letters: proving the inclusion explores far more than 64 search states.
  std::string allowed;
  std::string denied;
  for (int i = 0; i < 40; ++i) allowed += "a*b?";
  for (int i = 0; i < 20; ++i) denied += "*a*b";
  denied += "*";
  const Language a = glob(allowed);
  const Language d = glob(denied);
  {
    const SearchLimit limit(64);
    EXPECT_EQ(SearchLimit::current(), 64U);
    {
      const SearchLimit looser(1U << 20);  // nested scopes keep the smallest limit
      EXPECT_EQ(SearchLimit::current(), 64U);
    }
    EXPECT_THROW((void)a.isSubsetOf(d), LanguageTooComplex);
    EXPECT_THROW((void)a.minus(d).isEmpty(), LanguageTooComplex);
  }
  EXPECT_EQ(SearchLimit::current(), kMaxProductStates);
  EXPECT_TRUE(a.isSubsetOf(d));
  EXPECT_TRUE(a.minus(d).isEmpty());
}

TEST(Concat, IsConcatenation) {
  Language l = glob("a?").concat(Language::exactly(Word{kT}));
  EXPECT_TRUE(l.contains(wordOf("abT")));
  EXPECT_FALSE(l.contains(wordOf("ab")));
  EXPECT_TRUE(glob("*").concat(Language::none()).isEmpty());
  EXPECT_TRUE(equivalent(glob("a*").concat(glob("*b")), glob("a*b")));
}

TEST(Plus, IsOneOrMoreRepetitions) {
  Language l = Language::exactlyText("ab").plus();
  EXPECT_FALSE(l.containsText(""));
  EXPECT_TRUE(l.containsText("ab"));
  EXPECT_TRUE(l.containsText("ababab"));
  EXPECT_FALSE(l.containsText("aba"));
  // `?` takes bytes only, so `?`+ is every non-empty byte string, not `?*` (which admits tokens).
  EXPECT_TRUE(glob("?").plus().containsText("xyz"));
  EXPECT_FALSE(glob("?").plus().contains(Word{'x', kT}));
  EXPECT_TRUE(equivalent(glob("a*").plus(), glob("a*")));
}

TEST(IsSubsetOf, Examples) {
  EXPECT_TRUE(glob("a/b").isSubsetOf(glob("a/*")));
  EXPECT_TRUE(glob("a/*/c").isSubsetOf(glob("a/*")));
  EXPECT_FALSE(glob("a/*").isSubsetOf(glob("a/*/c")));
  EXPECT_TRUE(glob("a?b").isSubsetOf(glob("a*b")));
  EXPECT_TRUE(glob("*a*").isSubsetOf(glob("*")));
  EXPECT_TRUE(Language::none().isSubsetOf(Language::none()));
  EXPECT_FALSE(glob("").isSubsetOf(Language::none()));
  // `?` matches no token unless asked, so `a*` is not within `a?*` (witness "a" is shorter too).
  EXPECT_FALSE(glob("aT").isSubsetOf(glob("a?")));
  EXPECT_TRUE(glob("aT").isSubsetOf(glob("a?", GlobSemantics{{kT}})));
}

TEST(ShortestMember, IsShortestThenSmallest) {
  EXPECT_EQ(glob("*").shortestMember(), Word{});
  EXPECT_EQ(glob("?").shortestMember(), Word{0});
  EXPECT_EQ(glob("*b*a").shortestMember(), wordOf("ba"));
  EXPECT_EQ(glob("a*").minus(glob("a")).shortestMember(), (Word{'a', 0}));
  Language either = Language::exactlyText("zz").unite(Language::exactlyText("ab")).unite(
      Language::exactlyText("b"));
  EXPECT_EQ(either.shortestMember(), wordOf("b"));
  Language tie = Language::exactlyText("ba").unite(Language::exactlyText("ab"));
  EXPECT_EQ(tie.shortestMember(), wordOf("ab"));
  // Tokens sort after bytes.
  EXPECT_EQ(Language::exactly(Word{kT}).unite(glob("z")).shortestMember(), wordOf("z"));
}

TEST(ShortestMember, OneWordMinusAnotherLanguage) {
  // A single word on the left is answered without a search: it is the member, or there is none.
  const Language client = Language::exactly(Word{kT});
  EXPECT_EQ(client.minus(client).shortestMember(), std::nullopt);
  EXPECT_TRUE(client.minus(client).isEmpty());
  EXPECT_EQ(client.minus(glob("?", GlobSemantics{{kT}})).shortestMember(), std::nullopt);
  EXPECT_EQ(client.minus(glob("?")).shortestMember(), Word{kT});
  for (const char* spelling : {"", "*", "a*", "*b", "ab", "a?", "?", "b*", "*c*"}) {
    const Language subtracted = glob(spelling);
    const Language word = Language::exactlyText("ab");
    const auto expected = subtracted.containsText("ab") ? std::nullopt : std::optional<Word>(wordOf("ab"));
    EXPECT_EQ(word.minus(subtracted).shortestMember(), expected) << spelling;
  }
}

TEST(IsSubsetOf, EverythingIsInNoFiniteLanguage) {
  const Language finite = Language::exactlyText("a").unite(Language::exactly(Word{kT}));
  EXPECT_FALSE(Language::everything().isSubsetOf(finite));
  EXPECT_FALSE(Language::everything().isSubsetOf(Language::exactlyText("")));
  EXPECT_FALSE(Language::everything().isSubsetOf(glob("a*")));  // infinite, still not everything
  EXPECT_TRUE(Language::everything().isSubsetOf(glob("*")));
  EXPECT_TRUE(Language::everything().isSubsetOf(glob("a*").unite(glob("*"))));
}

TEST(ShortestMember, ThingNameWitness) {
  // "Is there another device's shadow topic that this grant reaches?"
  GlobSemantics may{{kT, kU}};
  Language grant = glob("$aws/things/*/shadow/*", may);
  Language other = Language::exactlyText("$aws/things/")
                       .concat(Language::exactly(Word{kU}))
                       .concat(Language::exactlyText("/"))
                       .concat(Language::everything());
  Language reach = grant.intersect(other);
  ASSERT_FALSE(reach.isEmpty());
  auto w = reach.shortestMember();
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(show(*w), "\"$aws/things/<U>/shadow/\"");
  Language own = glob("$aws/things/T/*");
  EXPECT_TRUE(own.intersect(other).isEmpty());
}

TEST(IsFinite, Examples) {
  EXPECT_TRUE(Language::none().isFinite());
  EXPECT_FALSE(Language::everything().isFinite());
  EXPECT_TRUE(glob("a?b").isFinite());
  EXPECT_FALSE(glob("client/sensor-*").isFinite());
  EXPECT_TRUE(Language::exactlyText("a").unite(glob("b??")).isFinite());
  EXPECT_TRUE(glob("a*").intersect(glob("??")).isFinite());
  // Differences: an infinite part less an infinite part may leave finitely many words.
  const Language non_empty = Language::everything().minus(Language::exactly(Word{}));
  EXPECT_TRUE(Language::everything().minus(non_empty).isFinite());  // only the empty word
  EXPECT_FALSE(glob("*").minus(glob("?*")).isFinite());  // `?` is a byte: words that start with a token remain
  EXPECT_FALSE(glob("a*").minus(glob("ab*")).isFinite());
  EXPECT_TRUE(glob("???").minus(glob("a*")).isFinite());
}

// Against a definition: a language is infinite iff it has a word longer than the states of an
// automaton for it (such a word runs through a cycle), i.e. it meets Σ^(n+1)Σ*.
TEST(IsFinite, AgreesWithLongWords) {
  const Language non_empty = Language::everything().minus(Language::exactly(Word{}));
  for (const std::string& spelling : testing::allGlobSpellings("a*?", 4)) {
    for (const std::string& subtracted : {std::string(""), std::string("a*"), std::string("?*"), std::string("*a")}) {
      Language language = glob(spelling);
      if (!subtracted.empty()) language = language.minus(glob(subtracted));
      Language longer = non_empty;
      for (std::size_t k = 0; k < language.stateCount(); ++k) longer = longer.concat(non_empty);
      const bool infinite = language.meets(longer);
      EXPECT_EQ(language.isFinite(), !infinite) << spelling << " minus " << subtracted;
    }
  }
}

TEST(StateCount, IsReported) {
  EXPECT_EQ(Language::none().stateCount(), 1u);
  EXPECT_EQ(Language::everything().stateCount(), 1u);
  EXPECT_EQ(Language::exactlyText("abc").stateCount(), 4u);
}

TEST(Performance, SixtyFourWildcardGlob) {
  // Not a timed test (see bench/automata_bench.cpp), but must finish: 64 wildcards with literals.
  std::string spelling;
  for (int i = 0; i < 64; ++i) {
    spelling += (i % 3 == 0) ? '*' : '?';
    spelling += static_cast<char>('a' + i % 3);
  }
  Language l = glob(spelling);
  EXPECT_FALSE(l.isEmpty());
  auto w = l.shortestMember();
  ASSERT_TRUE(w.has_value());
  EXPECT_TRUE(l.contains(*w));
  Language c = l.complement();
  EXPECT_FALSE(c.contains(*w));
  EXPECT_TRUE(c.containsText(""));
}

}  // namespace
}  // namespace iotlint::automata
