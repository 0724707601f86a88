// Tests for Language::topicsMatchedByFilters(): the AWS documentation's examples, the naive
// reference's own consistency, and an exhaustive differential test against the reference.
#include <gtest/gtest.h>

#include <algorithm>

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
using testing::wordOf;

Language topicsOf(const std::string& filter_glob) {
  return Language::fromGlob(globOf(filter_glob)).topicsMatchedByFilters();
}

TEST(MqttReference, AwsDocumentationExamples) {
  using reference::mqttFilterMatches;
  EXPECT_TRUE(mqttFilterMatches(wordOf("sensor/#"), wordOf("sensor/")));
  EXPECT_TRUE(mqttFilterMatches(wordOf("sensor/#"), wordOf("sensor/temperature")));
  EXPECT_TRUE(mqttFilterMatches(wordOf("sensor/#"), wordOf("sensor/temperature/room1")));
  EXPECT_FALSE(mqttFilterMatches(wordOf("sensor/#"), wordOf("sensor")));
  EXPECT_TRUE(mqttFilterMatches(wordOf("sensor/+/room1"), wordOf("sensor/temperature/room1")));
  EXPECT_FALSE(mqttFilterMatches(wordOf("sensor/+"), wordOf("sensor/a/b")));
  EXPECT_TRUE(mqttFilterMatches(wordOf("#"), wordOf("a/b")));
  EXPECT_FALSE(mqttFilterMatches(wordOf("sensor#"), wordOf("sensor")));
  EXPECT_FALSE(mqttFilterMatches(wordOf("a/#/b"), wordOf("a/x/b")));
  EXPECT_FALSE(mqttFilterMatches(wordOf("a+/b"), wordOf("a+/b")));
}

TEST(MqttReference, CandidateFiltersAreExactlyTheMatchingFilters) {
  const std::vector<Symbol> filter_alphabet = {'#', '+', '/', 'a', kT};
  const std::vector<Symbol> topic_alphabet = {'/', 'a', kT};
  const auto filters = allStrings(filter_alphabet, 5);
  for (const Word& topic : allStrings(topic_alphabet, 3)) {
    std::vector<Word> candidates = reference::mqttFiltersMatching(topic);
    std::sort(candidates.begin(), candidates.end());
    for (const Word& f : filters) {
      const bool is_candidate = std::binary_search(candidates.begin(), candidates.end(), f);
      ASSERT_EQ(reference::mqttFilterMatches(f, topic), is_candidate)
          << show(f) << " vs " << show(topic);
    }
  }
}

TEST(TopicsMatchedByFilters, AwsDocumentationExamples) {
  Language sensor = topicsOf("sensor/#");
  EXPECT_TRUE(sensor.containsText("sensor/"));
  EXPECT_TRUE(sensor.containsText("sensor/temperature"));
  EXPECT_TRUE(sensor.containsText("sensor/temperature/room1"));
  EXPECT_FALSE(sensor.containsText("sensor"));
  EXPECT_FALSE(sensor.containsText("sensor/#"));
  Language all = topicsOf("#");
  EXPECT_TRUE(all.containsText("a"));
  EXPECT_TRUE(all.containsText("$aws/things/x/shadow/update"));
  EXPECT_TRUE(all.contains(wordOf("T/a")));
  EXPECT_FALSE(all.containsText(""));
  EXPECT_FALSE(all.containsText("a+"));
}

TEST(TopicsMatchedByFilters, PlusIsOneLevel) {
  Language l = topicsOf("a/+/c");
  EXPECT_TRUE(l.containsText("a/b/c"));
  EXPECT_TRUE(l.containsText("a//c"));
  EXPECT_TRUE(l.contains(wordOf("a/T/c")));
  EXPECT_FALSE(l.containsText("a/b/x/c"));
  EXPECT_FALSE(l.containsText("a/+/c"));
}

TEST(TopicsMatchedByFilters, InvalidFiltersMatchNothing) {
  EXPECT_TRUE(topicsOf("a+").isEmpty());
  EXPECT_TRUE(topicsOf("a/#/b").isEmpty());
  EXPECT_TRUE(topicsOf("#a").isEmpty());
  EXPECT_TRUE(topicsOf("").isEmpty());
  EXPECT_TRUE(Language::none().topicsMatchedByFilters().isEmpty());
}

TEST(TopicsMatchedByFilters, GlobOfFiltersReachesEveryTopicBelow) {
  // topicfilter/a/* allows the filter `a/#`, hence every topic under `a/` (AWS IoT docs).
  Language l = topicsOf("a/*");
  EXPECT_TRUE(l.containsText("a/restricted/x"));
  EXPECT_FALSE(l.containsText("b/x"));
  // Denying filters `a/restricted/*` does not shrink the topics reachable through `a/#`.
  Language deny = topicsOf("a/restricted/*");
  EXPECT_FALSE(l.minus(deny).containsText("a/restricted/x"));
  Language filters = Language::fromGlob(globOf("a/*")).minus(Language::fromGlob(globOf("a/restricted/*")));
  EXPECT_TRUE(filters.topicsMatchedByFilters().containsText("a/restricted/x"));
  // Everything is matched by the filter `#`.
  EXPECT_TRUE(topicsOf("*").containsText("x/y"));
  EXPECT_EQ(topicsOf("*").shortestMember(), Word{0});
}

// Exhaustive: every filter glob over `a / + # * ? T` up to 4 atoms, every topic up to length 4.
// t ∈ topics(L(g)) iff some filter that matches t (the reference's finite candidate list) is
// matched by g (reference glob matcher).
TEST(TopicsMatchedByFilters, ExhaustiveAgainstReference) {
  // Topics over `/ a T` up to length 4, plus every string up to length 2 holding `+` or `#`
  // (never topics).
  const std::vector<Symbol> alphabet = {'/', 'a', kT};
  auto topics = allStrings(alphabet, 4);
  for (const Word& w : allStrings(std::vector<Symbol>{'#', '+', '/', 'a', kT}, 2)) {
    if (std::count(w.begin(), w.end(), Symbol{'#'}) + std::count(w.begin(), w.end(), Symbol{'+'}) > 0) {
      topics.push_back(w);
    }
  }
  std::vector<std::vector<Word>> candidates;
  for (const Word& t : topics) candidates.push_back(reference::mqttFiltersMatching(t));
  std::size_t checked = 0;
  for (const std::string& spelling : allGlobSpellings("a/+#*?T", 4)) {
    const Glob g = globOf(spelling);
    auto expected = [&](const std::vector<Word>& filters) {
      return std::any_of(filters.begin(), filters.end(),
                         [&](const Word& f) { return reference::globMatches(g, f); });
    };
    const Language topics_lang = Language::fromGlob(g).topicsMatchedByFilters();
    bool any_member = false;
    for (std::size_t i = 0; i < topics.size(); ++i) {
      const bool want = expected(candidates[i]);
      any_member = any_member || want;
      ASSERT_EQ(topics_lang.contains(topics[i]), want) << spelling << " on " << show(topics[i]);
      ++checked;
    }
    ASSERT_EQ(topics_lang.isEmpty(), topics_lang.shortestMember() == std::nullopt);
    if (any_member) {
      ASSERT_FALSE(topics_lang.isEmpty()) << spelling;
    }
    if (auto w = topics_lang.shortestMember()) {
      ASSERT_TRUE(expected(reference::mqttFiltersMatching(*w))) << spelling << " witness " << show(*w);
    }
  }
  EXPECT_GT(checked, 300'000u);
}

// Checks ask the same question of equal automata many times, and the answers are remembered by
// the filters' automaton, a bounded number of them per thread. Every answer, asked first, again,
// of a separately built equal language, and again after hundreds of other questions have emptied
// the memory, is the reference's, and equal questions get the same automaton.
TEST(TopicsMatchedByFilters, RepeatedQuestionsGetFreshAnswers) {
  const auto topics = allStrings(std::vector<Symbol>{'/', 'a', kT}, 3);
  const std::vector<std::string> spellings = allGlobSpellings("a/+#*?T", 3);
  ASSERT_GT(spellings.size(), 256u);  // more than the memory holds, so it is emptied on the way
  std::vector<Language> first_answers;
  for (const std::string& spelling : spellings) {
    first_answers.push_back(Language::fromGlob(globOf(spelling)).topicsMatchedByFilters());
  }
  for (int round = 0; round < 2; ++round) {
    for (std::size_t k = 0; k < spellings.size(); ++k) {
      const std::size_t i = round == 0 ? spellings.size() - 1 - k : k;  // backwards, then forwards
      const Glob g = globOf(spellings[i]);
      const Language answer = Language::fromGlob(g).topicsMatchedByFilters();
      ASSERT_TRUE(answer.hasSameAutomataAs(first_answers[i])) << spellings[i];
      for (const Word& t : topics) {
        const auto filters = reference::mqttFiltersMatching(t);
        const bool want = std::any_of(filters.begin(), filters.end(), [&](const Word& f) { return reference::globMatches(g, f); });
        ASSERT_EQ(answer.contains(t), want) << spellings[i] << " on " << show(t);
      }
    }
  }
}

TEST(TopicsMatchedByFilters, UnionOfFilterGlobsWithTokens) {
  std::vector<Language> parts{Language::fromGlob(globOf("$aws/things/T/shadow/#")),
                              Language::fromGlob(globOf("x/+"))};
  Language topics = Language::unionOf(parts).topicsMatchedByFilters();
  EXPECT_TRUE(topics.contains(wordOf("$aws/things/T/shadow/update")));
  EXPECT_FALSE(topics.contains(wordOf("$aws/things/U/shadow/update")));
  EXPECT_TRUE(topics.containsText("x/"));
  EXPECT_FALSE(topics.containsText("x/y/z"));
}

}  // namespace
}  // namespace iotlint::automata
