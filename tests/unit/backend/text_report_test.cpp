// Text output: exact rendering of headers, snippets, caret lines, notes and fix lines.
#include "backend/text_report.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures.h"

namespace iotlint::backend {
namespace {

using testing::diagnostic;
using testing::kPolicy;
using testing::pointBefore;
using testing::rangeOf;

std::string render(const std::vector<ir::Diagnostic>& diagnostics, bool snippets = true) {
  std::ostringstream out;
  ReportOptions options;
  options.show_snippets = snippets;
  writeTextReport(out, diagnostics, options);
  return out.str();
}

std::string spaces(std::size_t n) { return std::string(n, ' '); }
std::string tildes(std::size_t n) { return std::string(n, '~'); }

TEST(TextReport, ErrorWithNoteAndFix) {
  const ir::SourceFile file("policies/device.json", std::string(kPolicy));
  EXPECT_EQ(render({testing::overlyPermissive(file)}),
            "policies/device.json:7:19: error: `iot:Connect` on `client/*` lets this device connect as any client, "
            "e.g. `other-device` [IOT_POLICY_OVERLY_PERMISSIVE_CHECK]\n"
            "      \"Resource\": \"arn:aws:iot:*:*:client/*\"\n" +
                spaces(18) + "^" + tildes(25) + "\n" +
                "policies/device.json:5:7: note: the statement that grants it\n"
                "      \"Effect\": \"Allow\",\n" +
                spaces(6) + "^" + tildes(16) + "\n" +
                "  fix (unsafe): scope the client id to the device's thing name\n");
}

TEST(TextReport, WithoutSnippets) {
  const ir::SourceFile file("policies/device.json", std::string(kPolicy));
  EXPECT_EQ(render({testing::overlyPermissive(file)}, false),
            "policies/device.json:7:19: error: `iot:Connect` on `client/*` lets this device connect as any client, "
            "e.g. `other-device` [IOT_POLICY_OVERLY_PERMISSIVE_CHECK]\n"
            "policies/device.json:5:7: note: the statement that grants it\n"
            "  fix (unsafe): scope the client id to the device's thing name\n");
}

TEST(TextReport, TabsBeforeTheRangeAreKeptInTheMarkerLine) {
  const ir::SourceFile file("t.json", "{\n\t\t\"Action\": \"iot:*\"\n}\n");
  EXPECT_EQ(render({diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:*\""), "m")}),
            "t.json:2:13: warning: m [IL200]\n"
            "\t\t\"Action\": \"iot:*\"\n"
            "\t\t" + spaces(10) + "^" + tildes(6) + "\n");
}

TEST(TextReport, ColumnsCountCodePointsAndMarkersFollowDisplayWidth) {
  // "日本" are two columns wide each; "é" is two bytes but one column.
  const ir::SourceFile file("u.json", "{\n  \"Sid\": \"日本é\", \"Action\": \"x\"\n}\n");
  EXPECT_EQ(render({diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"x\""), "m")}),
            "u.json:2:27: warning: m [IL200]\n"
            "  \"Sid\": \"日本é\", \"Action\": \"x\"\n" +
                spaces(28) + "^~~\n");
}

TEST(TextReport, AstralPlaneCharacterIsOneColumnInTheHeader) {
  const ir::SourceFile file("e.json", "{\n  \"😀\": \"iot:*\"\n}\n");
  EXPECT_EQ(render({diagnostic(ir::RuleId::kUnknownAction, &file, rangeOf(file, "\"iot:*\""), "m")}),
            "e.json:2:8: warning: m [IL200]\n"
            "  \"😀\": \"iot:*\"\n" +
                spaces(8) + "^" + tildes(6) + "\n");
}

TEST(TextReport, ByteOrderMarkAndCrlf) {
  const ir::SourceFile file("b.json", "\xEF\xBB\xBF{\r\n  \"a\": 1\r\n}\r\n");
  const std::vector<ir::Diagnostic> diagnostics = {
      diagnostic(ir::RuleId::kUnknownElement, &file, rangeOf(file, "\"a\""), "unknown element `a`"),
      diagnostic(ir::RuleId::kMissingElement, &file, rangeOf(file, "{"), "no `Statement`"),
  };
  EXPECT_EQ(render(diagnostics),
            "b.json:1:1: error: no `Statement` [IL112]\n"
            "{\n"
            "^\n"
            "b.json:2:3: error: unknown element `a` [IL111]\n"
            "  \"a\": 1\n"
            "  ^~~\n");
}

TEST(TextReport, RangeSpanningLinesIsUnderlinedToTheEndOfItsFirstLine) {
  const ir::SourceFile file("m.json", std::string(kPolicy));
  const auto begin = rangeOf(file, "\"Statement\"").begin;
  const auto end = rangeOf(file, "  ]").end;
  EXPECT_EQ(render({diagnostic(ir::RuleId::kStatementGrantsNothing, &file, {begin, end}, "m")}),
            "m.json:3:3: warning: m [IL208]\n"
            "  \"Statement\": [\n"
            "  ^" + tildes(13) + "\n");
}

TEST(TextReport, EmptyRangeIsOneCaret) {
  const ir::SourceFile file("p.json", std::string(kPolicy));
  const auto at_line_end = rangeOf(file, "\"2012-10-17\",").end;
  const std::vector<ir::Diagnostic> diagnostics = {
      diagnostic(ir::RuleId::kMissingElement, &file, pointBefore(file, "\"Version\""), "here"),
      diagnostic(ir::RuleId::kMissingElement, &file, {at_line_end, at_line_end}, "at the end"),
  };
  EXPECT_EQ(render(diagnostics),
            "p.json:2:3: error: here [IL112]\n"
            "  \"Version\": \"2012-10-17\",\n"
            "  ^\n"
            "p.json:2:27: error: at the end [IL112]\n"
            "  \"Version\": \"2012-10-17\",\n" +
                spaces(26) + "^\n");
}

TEST(TextReport, SortedByFileAndPosition) {
  const ir::SourceFile a("a.json", std::string(kPolicy));
  const ir::SourceFile b("b.json", std::string(kPolicy));
  const std::vector<ir::Diagnostic> diagnostics = {
      diagnostic(ir::RuleId::kUnknownAction, &b, rangeOf(b, "\"iot:Connect\""), "third"),
      diagnostic(ir::RuleId::kUnknownAction, &a, rangeOf(a, "\"iot:Connect\""), "second"),
      diagnostic(ir::RuleId::kUnknownVersion, &a, rangeOf(a, "\"2012-10-17\""), "first"),
  };
  EXPECT_EQ(render(diagnostics, false),
            "a.json:2:14: error: first [IL116]\n"
            "a.json:6:17: warning: second [IL200]\n"
            "b.json:6:17: warning: third [IL200]\n");
}

TEST(TextReport, DiagnosticWithoutFileAndFixLines) {
  auto d = diagnostic(ir::RuleId::kInputTooLarge, nullptr, {}, "`big.json` holds 20 MB; iotlint reads at most 1 MB");
  d.notes.push_back({{}, "split the file"});
  ir::Fix safe;
  safe.description = "drop the duplicate";
  d.fixes.push_back(safe);
  EXPECT_EQ(render({d}),
            "iotlint: error: `big.json` holds 20 MB; iotlint reads at most 1 MB [IL103]\n"
            "iotlint: note: split the file\n"
            "  fix (safe): drop the duplicate\n");
}

TEST(TextReport, ControlCharactersDoNotReachTheTerminal) {
  const ir::SourceFile file("c.json", "{\"a\x1b[2J\": 1}\n");
  EXPECT_EQ(render({diagnostic(ir::RuleId::kUnknownElement, &file, rangeOf(file, "1"), "bad \x07 bell")}),
            "c.json:1:11: error: bad \xEF\xBF\xBD bell [IL111]\n"
            "{\"a\xEF\xBF\xBD[2J\": 1}\n" +
                spaces(10) + "^\n");
}

TEST(TextReport, EmptyInputWritesNothing) { EXPECT_EQ(render({}), ""); }

TEST(TextReport, LongLinesAreShownAsAWindowAroundTheRange) {
  const std::string line = std::string(300, 'a') + "XY" + std::string(300, 'b');
  const ir::SourceFile file("long.json", line);
  const std::string text =
      render({diagnostic(ir::RuleId::kJsonSyntax, &file, {300, 302}, "here")});
  const std::string shown = "..." + std::string(60, 'a') + "XY" + std::string(98, 'b') + "...";
  EXPECT_EQ(text, "long.json:1:301: error: here [IL100]\n" + shown + "\n" + spaces(63) + "^~\n");
}

TEST(TextReport, InvalidUtf8InTheSourceLineIsReplaced) {
  const ir::SourceFile file("bad.json", "{\"a\": \"\xFF\"}");
  EXPECT_EQ(render({diagnostic(ir::RuleId::kInvalidUtf8, &file, {7, 8}, "bad byte")}),
            "bad.json:1:8: error: bad byte [IL101]\n{\"a\": \"\xEF\xBF\xBD\"}\n" + spaces(7) + "^\n");
}

}  // namespace
}  // namespace iotlint::backend
