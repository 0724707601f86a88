#include "ir/source.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace iotlint::ir {

namespace {

bool isContinuationByte(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

/// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for anything malformed, so
/// that invalid bytes still count as one column each).
std::uint32_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0U && lead <= 0xF4U) return 4;
  if (lead >= 0xE0U) return 3;
  if (lead >= 0xC2U && lead <= 0xDFU) return 2;
  return 1;
}

constexpr std::uint64_t kEveryByte = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

bool hasZeroByte(std::uint64_t word) { return ((word - kEveryByte) & ~word & kHighBits) != 0; }

/// True when none of the 8 bytes at `bytes` ends a line or lies outside ASCII: the line index
/// can skip them. A file is read again for every candidate fix verified, and this scan was 13
/// instructions a byte.
bool plainBlock(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  return (word & kHighBits) == 0 && !hasZeroByte(word ^ (kEveryByte * '\n')) && !hasZeroByte(word ^ (kEveryByte * '\r'));
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string contents)
    : path_(std::move(path)), contents_(std::move(contents)) {
  line_starts_.push_back(0);
  line_is_ascii_.push_back(1);
  const std::size_t size = contents_.size();
  for (std::uint32_t i = 0; i < size; ++i) {
    while (size - i >= 8 && plainBlock(contents_.data() + i)) i += 8;
    if (i >= size) break;
    const char c = contents_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
      line_is_ascii_.push_back(1);
    } else if (c == '\r') {
      if (i + 1 < contents_.size() && contents_[i + 1] == '\n') {
        ++i;
        has_crlf_ = true;
      }
      line_starts_.push_back(i + 1);
      line_is_ascii_.push_back(1);
    } else if (static_cast<unsigned char>(c) >= 0x80U) {
      line_is_ascii_.back() = 0;
    }
  }
}

std::string_view SourceFile::text(SourceRange range) const {
  const auto begin = std::min<std::size_t>(range.begin, contents_.size());
  const auto end = std::clamp<std::size_t>(range.end, begin, contents_.size());
  return std::string_view(contents_).substr(begin, end - begin);
}

LineColumn SourceFile::position(std::uint32_t offset) const {
  offset = std::min(offset, size());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::uint32_t>(next - line_starts_.begin() - 1);
  std::uint32_t start = line_starts_[line_index];
  if (line_index == 0 && contents_.starts_with("\xEF\xBB\xBF") && offset >= 3) start = 3;

  LineColumn result;
  result.line = line_index + 1;
  result.column_bytes = offset - start + 1;
  if (line_is_ascii_[line_index] != 0) {
    // One byte, one code point, one UTF-16 unit: no need to walk a long (minified) line.
    result.column_code_points = result.column_utf16 = result.column_bytes;
    return result;
  }
  std::uint32_t i = start;
  while (i < offset) {
    const auto lead = static_cast<unsigned char>(contents_[i]);
    std::uint32_t length = sequenceLength(lead);
    // A truncated or malformed sequence counts byte by byte.
    for (std::uint32_t k = 1; k < length; ++k) {
      if (i + k >= contents_.size() || !isContinuationByte(static_cast<unsigned char>(contents_[i + k]))) {
        length = 1;
        break;
      }
    }
    result.column_code_points += 1;
    result.column_utf16 += length == 4 ? 2 : 1;
    i += length;
  }
  return result;
}

std::string_view SourceFile::lineText(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t begin = line_starts_[line - 1];
  if (line == 1 && contents_.starts_with("\xEF\xBB\xBF")) begin = 3;
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : size();
  while (end > begin && (contents_[end - 1] == '\n' || contents_[end - 1] == '\r')) --end;
  return std::string_view(contents_).substr(begin, end - begin);
}

}  // namespace iotlint::ir
