// The strict JSON reader must give exactly the tree and diagnostics of the generated parser and
// tree builder for every document it takes, and leave every other document to the parser. Compared
// on hand-picked documents, every golden file, the fuzz and real-world corpora, and thousands of
// generated and mutated texts; the common documents must be taken.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "frontend/src/json_reader_check.h"
#include "reader_inputs.h"

namespace iotlint::frontend {
namespace {

using reader_inputs::escaped;
using reader_inputs::mutate;
using reader_inputs::randomString;
using reader_inputs::readFilesUnder;

/// Compares the readers on `text`; returns whether the strict reader took it.
bool expectSameResult(std::string_view text) {
  const JsonReaderComparison comparison = compareJsonReaders(text);
  EXPECT_EQ(comparison.mismatch, "") << "input: \"" << escaped(text) << "\"";
  return comparison.strict_read;
}

TEST(StrictJson, TakesWellFormedDocuments) {
  for (const char* text :
       {"{}", "[]", " \r\n\t{ } ", "\xEF\xBB\xBF{\"a\": 1}", "\"x\"", "-0.5e+3", "true", "null",
        "{\"a\": [1, -2.5, 3E7, true, false, null, \"s\", {}, []], \"b\": {\"c\": \"\\u00e9\\n\\\"\"}}",
        "{\"a\": 1, \"a\": 2}", "{\"bad escape\": \"\\q\", \"ctl\": \"\t\"}", "01"}) {
    EXPECT_TRUE(expectSameResult(text)) << text;
  }
}

TEST(StrictJson, LeavesEverythingElseToTheParser) {
  for (const char* text :
       {"", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\": 1,}", "[1,]", "[1 2]", "[,1]", "{,}", "{'a': 1}",
        "{a: 1}", "[trueish]", "[1.e5]", "[1e]", "[-]", "[1-2]", "[\"abc]", "[\"a\\\n\"]", "[\"a\nb\"]", "// c\n{}",
        "{} /* c */", "{}x", "{} {}", "[True]", "[\xC2\xA0]", "\x0B{}", "[1]]", "{\"a\": 1 \"b\": 2}", "[\"a\",,\"b\"]"}) {
    EXPECT_FALSE(expectSameResult(text)) << text;
  }
  // Nesting: the limit (64) is read. One more level is reported (IL102) where the token scan of the
  // parser's path reports it: by the strict reader when the text is strict JSON up to there,
  // without lexing the rest; by the token scan otherwise.
  EXPECT_TRUE(expectSameResult(std::string(64, '[') + std::string(64, ']')));
  for (const std::string& deep : {std::string(65, '[') + std::string(65, ']'), std::string(100'000, '['),
                                  "{\"a\": [\"[[[\", {\"b\": " + std::string(70, '[') + "}]}",
                                  "[1, " + std::string(64, '[') + "x" + std::string(64, ']') + "]",
                                  "// c\n" + std::string(65, '['), "[1,, " + std::string(65, '[') + "]"}) {
    EXPECT_FALSE(expectSameResult(deep)) << escaped(deep);
  }
}

TEST(StrictJson, GoldenFiles) {
  const auto files = readFilesUnder(IOTLINT_GOLDEN_DIR);
  ASSERT_GT(files.size(), 100U);
  std::size_t taken = 0;
  for (const auto& text : files) taken += expectSameResult(text) ? 1U : 0U;
  // Most golden inputs are well-formed policies (and the expected SARIF and JSON reports are
  // well-formed JSON); the rest test syntax errors. 263 were taken when this was written.
  EXPECT_GT(taken, 200U);
}

TEST(StrictJson, CorpusFiles) {
  for (const auto& text : readFilesUnder(IOTLINT_FRONTEND_FUZZ_CORPUS_DIR)) expectSameResult(text);
  for (const auto& text : readFilesUnder(IOTLINT_CORPUS_DIR)) expectSameResult(text);
}

TEST(StrictJson, RandomStrings) {
  std::mt19937 random(20261128U);
  for (int n = 0; n < 4000 && !::testing::Test::HasFailure(); ++n) expectSameResult(randomString(random));
}

TEST(StrictJson, MutatedGoldenFiles) {
  const auto files = readFilesUnder(IOTLINT_GOLDEN_DIR);
  ASSERT_FALSE(files.empty());
  std::mt19937 random(11U);
  std::uniform_int_distribution<std::size_t> pick(0, files.size() - 1);
  for (int n = 0; n < 2000 && !::testing::Test::HasFailure(); ++n) expectSameResult(mutate(files[pick(random)], random));
}

}  // namespace
}  // namespace iotlint::frontend
