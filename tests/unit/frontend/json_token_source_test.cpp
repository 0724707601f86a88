// The hand-written PolicyJson token source must give the generated parser exactly the tokens of
// the lexer ANTLR generates from grammar/PolicyJson.g4: every diagnostic position depends on them.
// Compared token by token on every golden file, the fuzz corpus, the real-world corpus and
// thousands of generated and mutated strings.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "frontend/src/token_check.h"
#include "reader_inputs.h"

namespace iotlint::frontend {
namespace {

using reader_inputs::escaped;
using reader_inputs::mutate;
using reader_inputs::randomString;
using reader_inputs::readFilesUnder;

void expectSameTokens(std::string_view text) {
  const std::string mismatch = describeTokenMismatch(text);
  EXPECT_EQ(mismatch, "") << "input: \"" << escaped(text) << "\"";
}

TEST(JsonTokenSource, HandPickedCorners) {
  for (const char* text :
       {"", " ", "\n", "\r\n\r\n", "{}", "\"", "\"\\", "\"abc", "\"abc\\", "\"abc\\\n", "\"a\\\"", "\"a\\\"\"", "\"a\r\"b\"",
        "'", "'abc", "'a\\'", "'a\\'b'", "'a\nb'", "/", "/*", "/*/", "/**/", "/* a \n b */x", "/* \n", "//", "// a\r\nb",
        "-", "-1", "-a", "1.", "1.2.3", "1e", "1e+", "1E-5x", "01", "true", "trueish", "true.x", "nul", "null:", "$", "_a",
        "\xEF\xBB\xBF{}", "\xF0\x9F\x98\x80 \"\xF0\x9F\x98\x80\" x", "a\n\xC3\xA9 b", "\t\"x\"\r\n  }", "\x01\x02 {"}) {
    expectSameTokens(text);
  }
}

TEST(JsonTokenSource, GoldenFiles) {
  const auto files = readFilesUnder(IOTLINT_GOLDEN_DIR);
  ASSERT_GT(files.size(), 100U);
  for (const auto& text : files) expectSameTokens(text);
}

TEST(JsonTokenSource, CorpusFiles) {
  for (const auto& text : readFilesUnder(IOTLINT_FRONTEND_FUZZ_CORPUS_DIR)) expectSameTokens(text);
  for (const auto& text : readFilesUnder(IOTLINT_CORPUS_DIR)) expectSameTokens(text);
}

TEST(JsonTokenSource, RandomStrings) {
  std::mt19937 random(20261128U);
  for (int n = 0; n < 4000 && !testing::Test::HasFailure(); ++n) expectSameTokens(randomString(random));
}

TEST(JsonTokenSource, MutatedGoldenFiles) {
  const auto files = readFilesUnder(IOTLINT_GOLDEN_DIR);
  ASSERT_FALSE(files.empty());
  std::mt19937 random(7U);
  std::uniform_int_distribution<std::size_t> pick(0, files.size() - 1);
  for (int n = 0; n < 2000 && !testing::Test::HasFailure(); ++n) expectSameTokens(mutate(files[pick(random)], random));
}

}  // namespace
}  // namespace iotlint::frontend
