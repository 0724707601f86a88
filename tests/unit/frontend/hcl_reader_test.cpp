// The hand-written HCL reader must give exactly the tree the generated parser and its tree builder
// give, and take exactly the files the parser reads without a syntax error (the others are read
// by the parser, which reports them). Compared on the corners of the grammar, every Terraform file
// of the tests and the real-world corpus, and thousands of random and mutated texts.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "frontend/src/hcl_reader_check.h"
#include "reader_inputs.h"

namespace iotlint::frontend {
namespace {

using reader_inputs::escaped;
using reader_inputs::mutate;
using reader_inputs::randomString;
using reader_inputs::goldenAndCorpusTerraformFiles;

/// Both readers agree; the hand-written one takes the file exactly when the parser finds no error
/// (in a file that is UTF-8 and does not nest too deeply, which neither reads).
void expectSameTrees(std::string_view text) {
  const HclReaderComparison comparison = compareHclReaders(text);
  EXPECT_EQ(comparison.mismatch, "") << "input: \"" << escaped(text) << "\"";
  if (comparison.utf8 && !comparison.too_deep) {
    EXPECT_EQ(comparison.direct_read, !comparison.parser_errors) << "input: \"" << escaped(text) << "\"";
  }
}

TEST(HclReader, GrammarCorners) {
  for (const char* text : {
           "", "a = 1", "a = 1.5e3", "a = \"x\"", "a = true", "a = null", "a = b", "a = b.c[0].d[*].e.*", "a = b[c + 1]",
           "a = f()", "a = f(1,)", "a = f(1, 2...)", "a = ns::f(x)", "a = provider::aws::arn_parse(x)", "a = [1, 2,]", "a = []",
           "a = {}", "a = { b = 1, c: 2 \"d\" = 3 4 = 5 (e) = 6 }", "a = { b = 1 c = 2 }", "a = (1)", "a = ((b))", "a = -1",
           "a = !b", "a = - -b", "a = -b * c", "a = b * -c", "a = 1 + 2 * 3", "a = b ? c : d", "a = b ? c : d ? e : f",
           "a = b ? c ? d : e : f", "a = b || c && d == e < f + g * h", "a = !b ? c : d", "a = (b ? c : d).e",
           "a = [for x in y : x]", "a = [for i, x in y : x if x]", "a = {for k, v in m : k => v...}",
           "a = {for k, v in m : k => v if v}", "a = [for x in a ? b : c : x]", "a = \"${b}\"", "a = \"%{ if b }c%{ endif }\"",
           "a = <<EOF\nx\nEOF\n", "a = <<-EOF\n  x\n    y\n  EOF\n", "a = <<EOF\nEOF\n", "b {}", "b \"c\" d {\n e = 1\n}",
           "b { c { d = [1] } }", "a = 1\nb { }\nc = 2", "resource \"aws_iot_policy\" \"p\" { policy = jsonencode({ a = 1 }) }",
           // syntax errors: the parser reads and reports them
           "a", "a =", "a = = 1", "= 1", "a = 1 }", "b {", "b { a = }", "a = f(1", "a = f(,)", "a = f(1, ...)", "a = [1 2]",
           "a = {b}", "a = {b = }", "a = (1", "a = b.", "a = b[", "a = b[*", "a = b ? c", "a = b ? c :", "a = ns::x", "a = \"x",
           "a = <<EOF\nx\n", "a = 1 2", "a = [for x in y]", "a = {for k in m : k}", "a = @", "a = x ... y"}) {
    expectSameTrees(text);
  }
}

// Past 64 levels an expression is kept as an unknown value, by both readers alike.
TEST(HclReader, DeepExpressions) {
  for (std::size_t depth : {60U, 64U, 65U, 66U, 80U}) {
    expectSameTrees("a = " + std::string(depth, '[') + "1" + std::string(depth, ']'));
    expectSameTrees("a = " + std::string(depth, '(') + "1" + std::string(depth, ')'));
    std::string objects = "a = ";
    for (std::size_t k = 0; k < depth; ++k) objects += "{ b = f(1, x ? ";
    objects += "2";
    for (std::size_t k = 0; k < depth; ++k) objects += " : 3) }";
    expectSameTrees(objects);
    EXPECT_TRUE(compareHclReaders(objects).direct_read) << depth;
  }
}

// Deeper than kMaxHclNesting, the file is reported (IL102) and read by neither: the generated
// parser would run out of stack on a few tens of thousands of levels.
TEST(HclReader, NestingBeyondTheLimitIsReportedAndNotParsed) {
  for (const std::string& text : {"a = " + std::string(300, '[') + std::string(300, ']'),
                                  "a = " + std::string(300, '-') + "1",
                                  "a = " + std::string(100000, '(') + "1" + std::string(100000, ')')}) {
    const HclReaderComparison comparison = compareHclReaders(text);
    EXPECT_EQ(comparison.mismatch, "");
    EXPECT_TRUE(comparison.too_deep);
    EXPECT_FALSE(comparison.direct_read);
  }
  std::string chain = "a = ";
  for (int k = 0; k < 100000; ++k) chain += "x ? y : ";
  EXPECT_TRUE(compareHclReaders(chain + "z").too_deep);
  // Side by side, conditionals do not add up.
  std::string side_by_side;
  for (int k = 0; k < 1000; ++k) side_by_side += "a" + std::to_string(k) + " = x ? [y] : z\n";
  EXPECT_FALSE(compareHclReaders(side_by_side).too_deep);
}

TEST(HclReader, TerraformFilesAreReadDirectly) {
  const auto files = goldenAndCorpusTerraformFiles();
  ASSERT_FALSE(files.empty());
  std::size_t direct = 0;
  for (const auto& text : files) {
    expectSameTrees(text);
    if (compareHclReaders(text).direct_read) ++direct;
  }
  EXPECT_GT(direct, 0U);
}

/// Pieces of HCL syntax, valid and not, to put together at random.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> kFragments = {
      "a", "b", "x-y", " = ", " : ", "1", "2.5", "\"s\"", "\"${v}\"", "true", "null", "{", "}", "[", "]", "(", ")", ",",
      ".", "*", "+", "-", "!", "?", "==", "&&", "||", "<", ">=", "...", "=>", "::", "for", " in ", " if ", "\n",
      " ", "<<EOF\nx\nEOF\n", "f(", "[*]", "# c\n", "/* c */", "\"", "@", "resource \"t\" \"n\" {", "policy = "};
  return kFragments;
}

TEST(HclReader, RandomTexts) {
  std::mt19937 random(20261129U);
  std::size_t direct = 0;
  for (int n = 0; n < 8000 && !testing::Test::HasFailure(); ++n) {
    const std::string text = "a = " + randomString(random, fragments(), 30);
    expectSameTrees(text);
    if (compareHclReaders(text).direct_read) ++direct;
  }
  EXPECT_GT(direct, 100U);  // enough of them are valid to exercise the reader's trees
}

TEST(HclReader, MutatedTerraformFiles) {
  const auto files = goldenAndCorpusTerraformFiles();
  ASSERT_FALSE(files.empty());
  std::mt19937 random(13U);
  std::uniform_int_distribution<std::size_t> pick(0, files.size() - 1);
  for (int n = 0; n < 1500 && !testing::Test::HasFailure(); ++n) expectSameTrees(mutate(files[pick(random)], random, fragments()));
}

}  // namespace
}  // namespace iotlint::frontend
