#include "ir/policy.h"

#include <algorithm>

namespace iotlint::ir {

SourceRange PolicyString::rangeOf(std::uint32_t begin, std::uint32_t end) const {
  const auto size = static_cast<std::uint32_t>(value.size());
  begin = std::min(begin, size);
  end = std::clamp(end, begin, size);
  if (file_offsets.empty()) return {range.begin + 1 + begin, range.begin + 1 + end};
  // The end of a non-empty range is the end of its last decoded byte's escape sequence, which is
  // where the next decoded byte starts.
  return {file_offsets[begin], file_offsets[end]};
}

}  // namespace iotlint::ir
