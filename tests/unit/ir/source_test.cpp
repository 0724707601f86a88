#include "ir/source.h"

#include <gtest/gtest.h>

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
