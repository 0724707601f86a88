#include "ir/source.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ir/policy.h"

namespace iotlint::ir {
namespace {

TEST(SourceFile, LinesAndColumnsInThreeUnits) {
  // "é" is 2 bytes, 1 code point, 1 UTF-16 unit; "😀" is 4 bytes, 1 code point, 2 UTF-16 units.
  const SourceFile file("p.json", "ab\n\"é😀x\"\n");
  const LineColumn x = file.position(10);  // the `x`
  EXPECT_EQ(x.line, 2U);
  EXPECT_EQ(x.column_bytes, 8U);
  EXPECT_EQ(x.column_code_points, 4U);
  EXPECT_EQ(x.column_utf16, 5U);
  EXPECT_EQ(file.lineText(2), "\"é😀x\"");
  EXPECT_EQ(file.lineCount(), 3U);
}

TEST(SourceFile, AsciiLinesNextToOthersCountBytes) {
  // Lines without a byte >= 0x80 take the shortcut; the line before or after one that has such
  // bytes must not.
  const SourceFile file("p.json", "a\"b\r\n\"é\"x\nabc");
  EXPECT_EQ(file.position(2).column_utf16, 3U);
  const LineColumn x = file.position(9);  // the `x` after "é"
  EXPECT_EQ(x.line, 2U);
  EXPECT_EQ(x.column_bytes, 5U);
  EXPECT_EQ(x.column_code_points, 4U);
  const LineColumn c = file.position(13);
  EXPECT_EQ(c.line, 3U);
  EXPECT_EQ(c.column_code_points, 3U);
  EXPECT_EQ(c.column_utf16, 3U);
}

TEST(SourceFile, CrLfAndLoneCrEndLines) {
  const SourceFile file("p.json", "a\r\nb\rc");
  EXPECT_EQ(file.position(3).line, 2U);
  EXPECT_EQ(file.position(5).line, 3U);
  EXPECT_EQ(file.lineText(1), "a");
  EXPECT_EQ(file.lineText(2), "b");
  EXPECT_EQ(file.lineText(3), "c");
}

TEST(SourceFile, ByteOrderMarkIsNotAColumn) {
  const SourceFile file("p.json", "\xEF\xBB\xBF{}");
  EXPECT_EQ(file.position(3).column_code_points, 1U);
  EXPECT_EQ(file.position(4).column_code_points, 2U);
  EXPECT_EQ(file.lineText(1), "{}");
}

TEST(SourceFile, InvalidBytesCountOneColumnEach) {
  const SourceFile file("p.json", "\xFF\xFEx");
  EXPECT_EQ(file.position(2).column_code_points, 3U);
}

// The line index skips blocks of plain ASCII bytes: on random texts it must agree, offset by
// offset, with reading every byte.
TEST(SourceFile, PositionsMatchAByteByByteReading) {
  std::mt19937 random(7);
  const std::string plain = "abc {}\"\t/xy";
  const std::string alphabet = plain + "\n\r\xC3\xA9\xF0\x9F\x98\x80\xFF";
  const auto pick = [&](const std::string& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const auto length = std::uniform_int_distribution<int>(0, 80)(random);
    for (int k = 0; k < length; ++k) {
      // Mostly plain runs, so that whole blocks are skipped next to the bytes that end them.
      const bool mostly_plain = std::uniform_int_distribution<int>(0, 3)(random) != 0;
      text += pick(mostly_plain ? plain : alphabet);
    }
    const SourceFile file("p.json", text);
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    for (std::uint32_t offset = 0; offset <= text.size(); ++offset) {
      ASSERT_EQ(file.position(offset).line, line) << "text " << ::testing::PrintToString(text) << " offset " << offset;
      ASSERT_EQ(file.position(offset).column_bytes, column) << ::testing::PrintToString(text) << " offset " << offset;
      if (offset == text.size()) break;
      const char c = text[offset];
      const bool crlf = c == '\r' && offset + 1 < text.size() && text[offset + 1] == '\n';
      if ((c == '\n' || c == '\r') && !crlf) {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    EXPECT_EQ(file.lineCount(), line);
  }
}

TEST(SourceFile, OffsetsPastTheEndAreClamped) {
  const SourceFile file("p.json", "ab");
  EXPECT_EQ(file.position(100).column_bytes, 3U);
  EXPECT_EQ(file.text({1, 100}), "b");
  EXPECT_EQ(file.lineText(7), "");
}

TEST(PolicyString, RangesWithoutEscapesAreShiftedPastTheQuote) {
  PolicyString string;
  string.value = "abc";
  string.range = {10, 15};
  EXPECT_EQ(string.rangeOf(1, 2), (SourceRange{12, 13}));
  EXPECT_EQ(string.contentRange(), (SourceRange{11, 14}));
}

TEST(PolicyString, RangesFollowEscapes) {
  // File text `"\u0024a"` at offset 0: decoded "$a"; `$` comes from 6 bytes.
  PolicyString string;
  string.value = "$a";
  string.range = {0, 9};
  string.file_offsets = {1, 7, 8};
  EXPECT_EQ(string.rangeOf(0, 1), (SourceRange{1, 7}));
  EXPECT_EQ(string.rangeOf(1, 2), (SourceRange{7, 8}));
}

}  // namespace
}  // namespace iotlint::ir
