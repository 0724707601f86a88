// The hand-written policy string scanner must give exactly the tokens of the lexer ANTLR generates
// from grammar/PolicyStringLexer.g4: parts, variables and their diagnostics depend on them.
// Compared token by token on hand-picked corners, thousands of random strings and the text of
// every golden file read as one string.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/src/string_lexer.h"
#include "frontend/src/string_token_check.h"

namespace iotlint::frontend {
namespace {

namespace fs = std::filesystem;

void expectSameTokens(std::string_view text) {
  EXPECT_EQ(describeStringTokenMismatch(text), "") << "input: \"" << text << "\"";
}

TEST(PolicyStringLexer, HandPickedCorners) {
  for (const char* text :
       {"", "a", "*", "?", "$", "{", "}", "$$", "${", "${}", "${*}", "${?}", "${$}", "${*", "${?x}", "${$$}", "${**}",
        "$}", "}${", "${a", "${a}", "${a}}", "${a${b}}", "${${*}}", "a*b?c", "$aws/things/${iot:ClientId}/shadow/*",
        "${iot:Connection.Thing.ThingName}", "x${*}y${?}z${$}", "${ a b }", "\xC3\xA9${\xF0\x9F\x98\x80}*\xE6\x97\xA5"}) {
    expectSameTokens(text);
  }
  const auto tokens = lexPolicyString("a${b}*");
  ASSERT_EQ(tokens.size(), 5U);
  EXPECT_EQ(tokens[1].type, StringTokenType::kVariableOpen);
  EXPECT_EQ(tokens[2].type, StringTokenType::kVariableName);
  EXPECT_EQ(tokens[2].begin, 3U);
  EXPECT_EQ(tokens[4].type, StringTokenType::kStar);
}

TEST(PolicyStringLexer, RandomStrings) {
  static const std::vector<std::string> kFragments = {
      "$", "{", "}", "*", "?", "${", "${*}", "${?}", "${$}", "${*", "${?", "${$", "a", "iot:ClientId", " ", "/", "\\",
      "\xC3\xA9", "\xF0\x9F\x98\x80", "$aws", "+", "#"};
  std::mt19937 random(20261128U);
  std::uniform_int_distribution<std::size_t> length(0, 24);
  std::uniform_int_distribution<std::size_t> pick(0, kFragments.size() - 1);
  for (int n = 0; n < 20000 && !testing::Test::HasFailure(); ++n) {
    std::string text;
    for (std::size_t k = length(random); k > 0; --k) text += kFragments[pick(random)];
    expectSameTokens(text);
  }
}

TEST(PolicyStringLexer, GoldenFilesAsStrings) {
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(IOTLINT_GOLDEN_DIR)) {
    // Regular files only: tests/golden holds a symlink to /dev/zero.
    if (entry.symlink_status().type() != fs::file_type::regular || entry.file_size() >= 64 * 1024) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string value = text.str();
    // Decoded policy strings are valid UTF-8; keep the test to that.
    std::replace_if(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80U; }, '_');
    expectSameTokens(value);
    ++files;
  }
  EXPECT_GT(files, 100U);
}

}  // namespace
}  // namespace iotlint::frontend
