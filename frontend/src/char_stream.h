// frontend/src/char_stream.h: an ANTLR character stream over validated UTF-8, with the byte
// offset of every code point.
//
// The ANTLR C++ runtime counts positions in code points; the IR counts bytes. This stream decodes
// the bytes itself (the runtime's converter throws on invalid UTF-8; callers validate first) and
// keeps the table that turns a token's code-point index back into a byte offset (for ASCII text,
// the usual case, the index is the offset and no table is built).
#pragma once

#include <antlr4-runtime.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iotlint::frontend {

/// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t findInvalidUtf8(std::string_view bytes);

class Utf8CharStream : public antlr4::ANTLRInputStream {
 public:
  /// `bytes` must be valid UTF-8. Offsets are reported relative to `bytes` plus `base_offset`.
  Utf8CharStream(std::string_view bytes, std::uint32_t base_offset);

  /// Byte offset of code point `index` (index == size() gives the end).
  std::uint32_t byteOffset(std::size_t index) const {
    if (byte_offsets_.empty()) return index < _data.size() ? base_offset_ + static_cast<std::uint32_t>(index) : end_offset_;
    return index < byte_offsets_.size() ? byte_offsets_[index] : end_offset_;
  }

  /// The decoded text, one element per code point (what ANTLR's character indices count).
  std::u32string_view codePoints() const { return _data; }

 private:
  std::vector<std::uint32_t> byte_offsets_;  ///< empty when the text is ASCII (offset = base + index)
  std::uint32_t base_offset_ = 0;
  std::uint32_t end_offset_ = 0;
};

}  // namespace iotlint::frontend
