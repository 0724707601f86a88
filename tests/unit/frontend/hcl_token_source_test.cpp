// The hand-written HCL token source must give the generated parser exactly the tokens of the lexer
// ANTLR generates from grammar/HclLexer.g4: every diagnostic position and every decoded string
// depends on them. Compared token by token on the corners of each rule, every Terraform file of
// the tests and the real-world corpus, and thousands of random and mutated texts.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "frontend/src/token_check.h"
#include "reader_inputs.h"

namespace iotlint::frontend {
namespace {

using reader_inputs::escaped;
using reader_inputs::mutate;
using reader_inputs::randomString;
using reader_inputs::goldenAndCorpusTerraformFiles;

void expectSameTokens(std::string_view text) {
  const std::string mismatch = describeHclTokenMismatch(text);
  EXPECT_EQ(mismatch, "") << "input: \"" << escaped(text) << "\"";
}

TEST(HclTokenSource, HandPickedCorners) {
  for (const char* text : {
           "", " ", "\n", "\r\n\r\n", "a = 1", "a-b->c", "_x9-", "1", "1.", "1.5", "1.5.6", "1e", "1e+", "1E-5x", "1...",
           "==", "=>", "=", "!=", "!", "<=", ">=", "<", ">", "&&", "&", "||", "|", "...", "..", ".", "::", ":", "+-*/%?,()[]{}",
           "#", "# c\r\nx", "//", "// c\nx", "/", "/*", "/*/", "/**/", "/* a \n b */x", "/* \n", "@", "`", "\xC3\xA9",
           "\xF0\x9F\x98\x80 = \"\xF0\x9F\x98\x80\"", "\x01",
           // strings: escapes, templates, nested strings, unterminated forms
           "\"", "\"abc", "\"abc\"", "\"a\\\"b\"", "\"a\\", "\"a\\\n\"", "\"a\nb\"", "\"a\r\"", "\"${", "\"${x}\"", "\"${x\"",
           "\"${ \"y\" }\"", "\"${ \"y\" } z", "\"a ${ \"x\" } b\n", "\"${ { } }\"", "\"${ } }\"", "\"${ \n x }\"",
           "\"${ \n x \"", "\"$${x}\"", "\"%{ if a }b%{ endif }\"", "\"%%{x}\"", "\"%\"", "\"$\"", "\"${\\\"}\"",
           "\"\\${x}\"", "\"${\"${\"${\"", "\"${\"a\\\"\"}\"", "\"${\"}\"}\"", "\"a\\\\\"b\"", "\"${{{\"",
           // heredocs
           "<<", "<<EOF", "<<EOF\n", "<<EOF\nEOF", "<<EOF\nEOF\n", "<<EOF\r\nx\r\nEOF\r\n", "<<-EOT\n  x\n  EOT\ny",
           "<<EOF \t\nEOFX\n EOF \n", "<<EOF\nEOF EOF\nEOF", "<<EOF\nEOF\r", "<<EOF\nEOF\rx\nEOF\n", "<<EOF\n\n\nEOF",
           "<<E-1\nE-1\n", "<<-\n", "<<9\n", "<< EOF\n", "<<EOF x\n", "<<=", "<<EOF\nEO\nEOF\n= 1",
           "<<EOF\n${x}\nEOF\n\"a\"", "a = <<EOF\n{\"Action\": \"iot:*\"}\nEOF\n"}) {
    expectSameTokens(text);
  }
}

TEST(HclTokenSource, TerraformFiles) {
  const auto files = goldenAndCorpusTerraformFiles();
  ASSERT_FALSE(files.empty());
  for (const auto& text : files) expectSameTokens(text);
}

/// Pieces that exercise every lexer rule, the ambiguity of `${` and the heredoc mode.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> kFragments = {
      "\"", "\\", "\\\"", "$", "${", "$${", "%", "%{", "%%{", "{", "}", "\n", "\r", "\r\n", " ", "\t", "a", "EOF",
      "<<EOF\n", "<<-EOF\n", "<<", "<", "=", "#", "//", "/*", "*/", "/", "*", "1", ".", "e", "-", "_", "x-y", "[", "]",
      "(", ")", ",", ":", "!", "&", "|", ">", "?", "\xC3\xA9", "\xF0\x9F\x98\x80", std::string(1, '\0')};
  return kFragments;
}

TEST(HclTokenSource, RandomTexts) {
  std::mt19937 random(20261129U);
  for (int n = 0; n < 6000 && !testing::Test::HasFailure(); ++n) expectSameTokens(randomString(random, fragments()));
}

TEST(HclTokenSource, MutatedTerraformFiles) {
  const auto files = goldenAndCorpusTerraformFiles();
  ASSERT_FALSE(files.empty());
  std::mt19937 random(11U);
  std::uniform_int_distribution<std::size_t> pick(0, files.size() - 1);
  for (int n = 0; n < 2000 && !testing::Test::HasFailure(); ++n) expectSameTokens(mutate(files[pick(random)], random, fragments()));
}

}  // namespace
}  // namespace iotlint::frontend
