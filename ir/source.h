// ir/source.h: the bytes of one input file, and positions inside it.
//
// Every element of the IR and every diagnostic points into a SourceFile by byte offsets
// (SourceRange). Lines and columns are computed only when something is shown to a user, and are
// available in the three units consumers need: bytes, Unicode code points (text output) and
// UTF-16 code units (SARIF's default `columnKind`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iotlint::ir {

/// A half-open byte range [begin, end) in one SourceFile.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const { return end - begin; }
  bool contains(const SourceRange& other) const { return begin <= other.begin && other.end <= end; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
  friend auto operator<=>(const SourceRange&, const SourceRange&) = default;
};

/// 1-based line and column of a byte offset.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column_bytes = 1;        ///< 1-based, counted in bytes
  std::uint32_t column_code_points = 1;  ///< 1-based, counted in Unicode code points
  std::uint32_t column_utf16 = 1;        ///< 1-based, counted in UTF-16 code units
};

class SourceFile {
 public:
  /// `path` is the name shown to users (as given on the command line, or relative to a folder).
  SourceFile(std::string path, std::string contents);

  const std::string& path() const { return path_; }
  const std::string& contents() const { return contents_; }
  std::string_view text(SourceRange range) const;
  std::uint32_t size() const { return static_cast<std::uint32_t>(contents_.size()); }

  /// Position of `offset` (clamped to the file size). A UTF-8 BOM, if any, is not counted as a column.
  LineColumn position(std::uint32_t offset) const;
  /// The text of 1-based line `line`, without its line terminator (`\n`, `\r\n` or `\r`).
  std::string_view lineText(std::uint32_t line) const;
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// Whether any line ends in `\r\n` (text inserted by fixes then uses it).
  bool hasCrlf() const { return has_crlf_; }

 private:
  std::string path_;
  std::string contents_;
  std::vector<std::uint32_t> line_starts_;
  std::vector<std::uint8_t> line_is_ascii_;  ///< per line: every byte < 0x80, so columns are byte offsets
  bool has_crlf_ = false;
};

}  // namespace iotlint::ir
