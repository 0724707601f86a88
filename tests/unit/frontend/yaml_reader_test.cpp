// iotlint reads YAML from libyaml's events; before, it built the tree from yaml-cpp's node graph.
// Both must give the same tree: compared on the corners of YAML that templates use, every YAML file
// of the tests and the real-world corpus, and thousands of mutated templates. The rest checks
// what only the event reader does: byte offsets in non-ASCII text, the errors it reports, and
// aliases that would expand without end.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "frontend/src/input.h"
#include "frontend/src/yaml_reader_check.h"
#include "reader_inputs.h"

namespace iotlint::frontend {
namespace {

using reader_inputs::escaped;
using reader_inputs::goldenAndCorpusYamlFiles;
using reader_inputs::mutate;

/// Both readers read `text`, and give the same tree.
void expectSameTrees(std::string_view text) {
  const YamlReaderComparison comparison = compareYamlReaders(text);
  EXPECT_TRUE(comparison.compared) << "input: \"" << escaped(text) << "\"";
  EXPECT_EQ(comparison.mismatch, "") << "input: \"" << escaped(text) << "\"";
}

TEST(YamlReader, Corners) {
  for (const char* text : {
           "a: 1", "a: b\nc: d\n", "- 1\n- two\n- 3.5\n- -4\n", "a: true\nb: False\nc: TRUE\nd: yes\n",
           "a: null\nb: ~\nc:\nd: NULL\ne: Null\n", "- null\n- ~\n-\n- x\n", "a: 'single ''quoted'''\n",
           "a: \"double \\\"quoted\\\" \\n \\t \\\\ \\x41 \\u00e9 \\U0001F600\"\n", "a: \"folded\n  over\n\n  lines\"\n",
           "a: \"escaped \\\n  break\"\n", "a: plain\n  continued\n  over lines\n", "a: |\n  literal\n  block\n",
           "a: |-\n  strip\n", "a: |+\n  keep\n\n", "a: >\n  folded\n  block\n\n  para\n", "a: >-\n  x\n  y\n",
           "a: |2\n    indented\n", "a: {b: 1, c: [2, 3], d: {}}\n", "a: [ ]\nb: { }\n", "a: [x, {y: z}, [1, 2]]\n",
           "{a: 1, b: 2}", "[1, 2, 3]", "a:\n  - b: 1\n    c: 2\n  - d\n", "a:\n- b\n- c\n", "a: b # comment\n# more\n",
           "a: b\r\nc: d\r\n", "a: \"x\r\n  y\"\r\n", "a: caf\xC3\xA9 \xE6\x97\xA5\n",
           "\xC3\xA9: \"\xC3\xA9\\u00e9\"\nb: '\xF0\x9F\x98\x80'\n", "a: !Sub 'arn:${AWS::Region}'\n", "a: !Ref Thing\n",
           "a: !GetAtt [R, Arn]\n", "a: !Join\n  - ''\n  - [x, !Ref y]\n", "a: !If [C, !Sub x, !Ref AWS::NoValue]\n",
           "a: !Sub\n  - '${x}'\n  - x: !Ref y\n", "a: !Condition C\n", "a: !!str 1\nb: !!int 2\n", "a: &anchor x\nb: *anchor\n",
           "a: &m {k: v}\nb: *m\n", "a: &s [1, 2]\nb: *s\nc: *s\n", "a: 1\na: 2\nb: 3\n", "? a\n: b\n", "? [x]\n: y\n",
           "a: b\n---\nc: d\n", "---\na: b\n...\n", "%YAML 1.1\n---\na: b\n", "'quoted key': 1\n\"dq key\": 2\n",
           "a: 'x\n\n  y'\n", "a: -1.5\nb: +2\nc: .5\nd: 1.2.3\ne: 0x1F\n", "a:    spaced    \n", "a: 'it''s'\n",
           "a: \"\\/ \\0 \\  \\e\"\n", "a:\n  b:\n    c:\n      d: deep\n", "- - - x\n", "- a: 1\n  b: 2\n- c: 3\n",
           "a: [\n  1,\n  2\n]\n", "a: !Ref\nb: !Sub\n", "- P: !Join\n    - ''\n    - - x\n", "a: {\n  b: c\n}\n", "a: b:c\n", "a: 'http://x:y'\n", "a: x#y\n", "? \n", "? a\n: \n"}) {
    expectSameTrees(text);
  }
}

// Past 64 levels a value is left empty, by both readers alike.
TEST(YamlReader, DeepNesting) {
  for (std::size_t depth : {60U, 64U, 65U, 66U, 80U}) {
    expectSameTrees("a: " + std::string(depth, '[') + "x" + std::string(depth, ']') + "\n");
    std::string block;
    for (std::size_t k = 0; k < depth; ++k) block += std::string(k * 2, ' ') + "k:\n";
    block += std::string(depth * 2, ' ') + "v\n";
    expectSameTrees(block);
  }
}

TEST(YamlReader, EveryYamlFileOfTheTestsAndTheCorpus) {
  const std::vector<std::string> files = goldenAndCorpusYamlFiles();
  ASSERT_GT(files.size(), 5U);
  std::size_t compared = 0;
  for (const std::string& text : files) {
    const YamlReaderComparison comparison = compareYamlReaders(text);
    EXPECT_EQ(comparison.libyaml_read, comparison.yaml_cpp_read) << "input: \"" << escaped(text) << "\"";
    EXPECT_EQ(comparison.mismatch, "") << "input: \"" << escaped(text) << "\"";
    compared += comparison.compared ? 1 : 0;
  }
  EXPECT_GT(compared, files.size() / 2);
}

/// Pieces of YAML that mutations insert: indicators, indentation, quotes, tags and breaks.
const std::vector<std::string>& yamlFragments() {
  static const std::vector<std::string> kFragments = {
      ":", ": ", "- ", "-", "  ", "\n", "\r\n", "\n  ", "'", "\"", "\\", "#", " #", "{", "}", "[", "]", ",", "? ", "|",
      ">", "|-", "!Sub ", "!Ref ", "!!str ", "&a ", "*a", "~", "null", "true", "1.5", "x", "\t", "\xC3\xA9", "%", "@",
      "`", "---\n", "...\n", "\\n", "\\u00e9"};
  return kFragments;
}

// Mutated templates: where both readers read one, they give the same tree. Whether each reads a
// text at all is counted, not required to agree: of these 2,000 texts both read 909, and one alone
// read 133. yaml-cpp alone read 131, which libyaml rightly reports as not YAML: truncated keys
// and quoted scalars, a tag glued to a quote, a line that starts with `:`. libyaml alone read two:
// one ends its document with `...` before the broken part, one continues a plain scalar `...` on
// the next line.
TEST(YamlReader, MutatedFilesGiveTheSameTree) {
  // The files both read (not the broken ones, nor the golden test of aliases without end).
  std::vector<std::string> files = goldenAndCorpusYamlFiles();
  std::erase_if(files, [](const std::string& text) { return !compareYamlReaders(text).compared; });
  ASSERT_FALSE(files.empty());
  std::mt19937 random(20261129);
  std::size_t compared = 0;
  std::size_t disagreements = 0;
  constexpr std::size_t kMutations = 2000;
  for (std::size_t i = 0; i < kMutations; ++i) {
    const std::string text = mutate(files[i % files.size()], random, yamlFragments());
    const YamlReaderComparison comparison = compareYamlReaders(text);
    EXPECT_EQ(comparison.mismatch, "") << "input: \"" << escaped(text) << "\"";
    compared += comparison.compared ? 1 : 0;
    disagreements += comparison.libyaml_read != comparison.yaml_cpp_read ? 1 : 0;
  }
  EXPECT_GT(compared, kMutations / 4);
  EXPECT_LT(disagreements, kMutations / 10);
}

/// The diagnostics of reading `text` as an explicitly named YAML file.
std::vector<ir::Diagnostic> yamlDiagnostics(const ir::SourceFile& file, std::optional<JsonValue>* root = nullptr) {
  ir::DiagnosticEngine diagnostics;
  std::optional<JsonValue> tree = parseYaml(file, diagnostics, true);
  if (root != nullptr) *root = std::move(tree);
  return diagnostics.take();
}

// libyaml counts characters; every range must still be a byte offset into the file.
TEST(YamlReader, RangesAreByteOffsetsInNonAsciiText) {
  const ir::SourceFile file("t.yaml", "\xC3\xA9t\xC3\xA9: 'caf\xC3\xA9'\nk\xF0\x9F\x98\x80: [\xE6\x97\xA5, x]\n");
  std::optional<JsonValue> root;
  EXPECT_TRUE(yamlDiagnostics(file, &root).empty());
  ASSERT_TRUE(root.has_value());
  ASSERT_EQ(root->members.size(), 2U);
  EXPECT_EQ(file.text(root->members[0].key.range), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(file.text(root->members[0].value.range), "'caf\xC3\xA9'");
  EXPECT_EQ(file.text(root->members[1].key.range), "k\xF0\x9F\x98\x80");
  const JsonValue& list = root->members[1].value;
  EXPECT_EQ(file.text(list.range), "[\xE6\x97\xA5, x]");
  ASSERT_EQ(list.elements.size(), 2U);
  EXPECT_EQ(file.text(list.elements[1].range), "x");

  // After a byte order mark (which yaml-cpp left out of its positions).
  const ir::SourceFile marked("t.yaml", "\xEF\xBB\xBFk: [v]\n");
  EXPECT_TRUE(yamlDiagnostics(marked, &root).empty());
  ASSERT_TRUE(root.has_value());
  ASSERT_EQ(root->members.size(), 1U);
  EXPECT_EQ(root->range.begin, 3U);
  EXPECT_EQ(marked.text(root->members[0].key.range), "k");
  EXPECT_EQ(marked.text(root->members[0].value.range), "[v]");
}

TEST(YamlReader, SyntaxErrorsSayWhatAndWhere) {
  const ir::SourceFile file("t.yaml", "Resources:\n  P:\n    Type: x\n   Properties: y\n");
  const std::vector<ir::Diagnostic> found = yamlDiagnostics(file);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, ir::RuleId::kUnreadableTemplateConstruct);
  EXPECT_EQ(file.position(found[0].range.begin).line, 4U);
  EXPECT_EQ(found[0].message,
            "the file is not valid YAML (did not find expected key while parsing a block mapping that starts at line 2, "
            "column 3); "
            "no policy in it is analysed");
}

TEST(YamlReader, InvalidUtf8IsReportedAtItsByte) {
  const ir::SourceFile file("t.yaml", "a: b\nc: \xFF\n");
  const std::vector<ir::Diagnostic> found = yamlDiagnostics(file);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, ir::RuleId::kInvalidUtf8);
  EXPECT_EQ(found[0].range.begin, 8U);
  EXPECT_EQ(found[0].message, "byte 0xFF is not valid UTF-8, so the file is not analysed");

  // Control characters are valid UTF-8, but not YAML.
  const ir::SourceFile control("t.yaml", "a: b\x01\n");
  const std::vector<ir::Diagnostic> reported = yamlDiagnostics(control);
  ASSERT_EQ(reported.size(), 1U);
  EXPECT_EQ(reported[0].rule, ir::RuleId::kUnreadableTemplateConstruct);
  EXPECT_EQ(reported[0].range.begin, 4U);
  EXPECT_NE(reported[0].message.find("control characters are not allowed"), std::string::npos) << reported[0].message;
}

// libyaml checks every open flow collection at every token: 100,000 open brackets would take it
// hours. Past 256 levels the file is refused at the collection that opens level 257.
TEST(YamlReader, NestingPast256LevelsIsRefusedWhereItStarts) {
  for (const std::size_t depth : {257U, 300U, 100'000U}) {
    const std::string prefix = "a: ";
    const ir::SourceFile flow("t.yaml", prefix + std::string(depth, '[') + std::string(depth, ']') + "\n");
    const std::vector<ir::Diagnostic> found = yamlDiagnostics(flow);
    ASSERT_EQ(found.size(), 1U) << depth;
    EXPECT_EQ(found[0].rule, ir::RuleId::kNestingTooDeep);
    // The root mapping is level 1, the first bracket level 2: level 257 is bracket 256.
    EXPECT_EQ(found[0].range.begin, prefix.size() + 255) << depth;
  }
  std::string block;
  for (std::size_t k = 0; k < 300; ++k) block += std::string(k, ' ') + "k:\n";
  block += std::string(300, ' ') + "v\n";
  const ir::SourceFile indented("t.yaml", block);
  const std::vector<ir::Diagnostic> found = yamlDiagnostics(indented);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].rule, ir::RuleId::kNestingTooDeep);
  EXPECT_EQ(indented.position(found[0].range.begin).line, 257U);

  // 256 levels are read (the values past 64 left empty).
  const ir::SourceFile deepest("t.yaml", "a: " + std::string(255, '[') + std::string(255, ']') + "\n");
  EXPECT_TRUE(yamlDiagnostics(deepest).empty());
}

TEST(YamlReader, UndefinedAliasIsReported) {
  const ir::SourceFile file("t.yaml", "a: 1\nb: *nowhere\n");
  const std::vector<ir::Diagnostic> found = yamlDiagnostics(file);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].range.begin, 8U);
  EXPECT_NE(found[0].message.find("undefined alias `nowhere`"), std::string::npos) << found[0].message;
}

// Nine aliases of nine aliases ... expand a few hundred bytes into 9^9 values: refused at once.
TEST(YamlReader, AliasesThatExpandWithoutEndAreRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 9; ++level) {
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int k = 0; k < 9; ++k) text += (k == 0 ? "*a" : ", *a") + std::to_string(level - 1);
    text += "]\n";
  }
  const ir::SourceFile file("t.yaml", text);
  const std::vector<ir::Diagnostic> found = yamlDiagnostics(file);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_NE(found[0].message.find("aliases expand to more than 10000 values"), std::string::npos) << found[0].message;
  EXPECT_EQ(file.position(found[0].range.begin).line, 5U);  // where the copies pass the limit

  // The limit grows with the file: ten times the values written out. Ten aliases of a list of
  // 5,000 values copy 50,010 values, in a file that writes out 5,013: allowed, past the 10,000 that
  // any file may copy. An eleventh alias is one too many.
  const auto aliasedList = [](std::size_t written, std::size_t aliases) {
    std::string list = "a: &a [";
    for (std::size_t k = 0; k < written; ++k) list += k == 0 ? "x" : ", x";
    list += "]\n";
    for (std::size_t k = 0; k < aliases; ++k) list += "b" + std::to_string(k) + ": *a\n";
    return ir::SourceFile("t.yaml", list);
  };
  EXPECT_TRUE(yamlDiagnostics(aliasedList(5'000, 10)).empty());
  const std::vector<ir::Diagnostic> eleven = yamlDiagnostics(aliasedList(5'000, 11));
  ASSERT_EQ(eleven.size(), 1U);
  EXPECT_NE(eleven[0].message.find("more than 50140 values"), std::string::npos) << eleven[0].message;

  // A few aliases are read as copies.
  const ir::SourceFile small("t.yaml", "a: &x {b: [1, 2]}\nc: *x\nd: *x\n");
  std::optional<JsonValue> root;
  EXPECT_TRUE(yamlDiagnostics(small, &root).empty());
  ASSERT_TRUE(root.has_value());
  ASSERT_EQ(root->members.size(), 3U);
  EXPECT_EQ(root->members[2].value.members.size(), 1U);
}

}  // namespace
}  // namespace iotlint::frontend
