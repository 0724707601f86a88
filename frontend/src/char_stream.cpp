#include "frontend/src/char_stream.h"

#include <fmt/format.h>

#include <cstring>

#include "frontend/src/input.h"
#include "ir/text.h"

namespace iotlint::frontend {

namespace {

/// Length of the ASCII prefix of `bytes`, eight bytes at a time.
std::size_t asciiPrefix(std::string_view bytes) {
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
  }
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80U) ++i;
  return i;
}

}  // namespace

std::size_t findInvalidUtf8(std::string_view bytes) {
  char32_t ignored = 0;
  for (std::size_t i = asciiPrefix(bytes); i < bytes.size();) {
    const std::size_t length = ir::decodeUtf8(bytes, i, ignored);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

Utf8CharStream::Utf8CharStream(std::string_view bytes, std::uint32_t base_offset) : base_offset_(base_offset) {
  end_offset_ = base_offset + static_cast<std::uint32_t>(bytes.size());
  // ASCII, the common case: one code point per byte, so the offset table is the identity and is
  // not built.
  if (asciiPrefix(bytes) == bytes.size()) {
    _data.assign(bytes.begin(), bytes.end());
    return;
  }
  _data.reserve(bytes.size());
  byte_offsets_.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    char32_t code_point = 0xFFFD;
    std::size_t length = ir::decodeUtf8(bytes, i, code_point);
    if (length == 0) length = 1;  // unreachable for validated input; keeps the stream total
    _data.push_back(code_point);
    byte_offsets_.push_back(base_offset + static_cast<std::uint32_t>(i));
    i += length;
  }
}

bool isUtf8File(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, bool report) {
  const std::string_view bytes = file.contents();
  const std::size_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::size_t bad = findInvalidUtf8(bytes.substr(start));
  if (bad == std::string_view::npos) return true;
  if (report) {
    const auto at = static_cast<std::uint32_t>(start + bad);
    diagnostics.report(ir::RuleId::kInvalidUtf8, file, {at, at + 1},
                       fmt::format("byte 0x{:02X} is not valid UTF-8, so the file is not analysed",
                                   static_cast<unsigned char>(bytes[at])));
  }
  return false;
}

}  // namespace iotlint::frontend
