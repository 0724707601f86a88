#include "backend/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace iotlint::backend {

namespace {

/// Lines with their terminators; a final line without one is kept as is.
std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

enum class Op : unsigned char { kKeep, kDelete, kInsert };
struct Step {
  Op op;
  std::size_t line;  ///< index in `before` (keep, delete) or `after` (insert)
};

/// The edit script between a and b: common prefix and suffix, then a longest common subsequence
/// of the middle (fixes change few, nearby lines, so the middle stays small).
std::vector<Step> editScript(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::size_t n = a.size() - prefix - suffix;
  const std::size_t m = b.size() - prefix - suffix;
  std::vector<Step> steps;
  for (std::size_t i = 0; i < prefix; ++i) steps.push_back({Op::kKeep, i});
  constexpr std::size_t kMaxTable = 16U * 1024U * 1024U;
  if (n > 0 && m > 0 && n * m <= kMaxTable) {
    // lcs[i][j]: LCS length of a[prefix+i..] and b[prefix+j..].
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        steps.push_back({Op::kKeep, prefix + i});
        ++i;
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        steps.push_back({Op::kDelete, prefix + i++});  // deletions first, as diff -u writes them
      } else {
        steps.push_back({Op::kInsert, prefix + j++});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) steps.push_back({Op::kDelete, prefix + i});
    for (std::size_t j = 0; j < m; ++j) steps.push_back({Op::kInsert, prefix + j});
  }
  for (std::size_t i = 0; i < suffix; ++i) steps.push_back({Op::kKeep, a.size() - suffix + i});
  return steps;
}

void appendLine(std::string& out, char marker, std::string_view line) {
  out += marker;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
  // diff -u: a range of one line is written as its number alone; an empty range names the line before.
  if (count == 1) return fmt::format("{}", start + 1);
  return fmt::format("{},{}", count == 0 ? start : start + 1, count);
}

}  // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view from_label,
                        std::string_view to_label, unsigned context) {
  if (before == after) return {};
  const auto a = splitLines(before);
  const auto b = splitLines(after);
  const auto steps = editScript(a, b);
  // Position in `a` and `b` before each step.
  std::vector<std::size_t> at_a(steps.size() + 1, 0);
  std::vector<std::size_t> at_b(steps.size() + 1, 0);
  for (std::size_t k = 0; k < steps.size(); ++k) {
    at_a[k + 1] = at_a[k] + (steps[k].op != Op::kInsert ? 1 : 0);
    at_b[k + 1] = at_b[k] + (steps[k].op != Op::kDelete ? 1 : 0);
  }
  std::string out = fmt::format("--- {}\n+++ {}\n", from_label, to_label);
  std::size_t k = 0;
  while (k < steps.size()) {
    if (steps[k].op == Op::kKeep) {
      ++k;
      continue;
    }
    // A hunk: from `context` keeps before this change to `context` keeps after the last change
    // that is at most 2*context keeps away.
    std::size_t begin = k;
    for (unsigned c = 0; c < context && begin > 0 && steps[begin - 1].op == Op::kKeep; ++c) --begin;
    std::size_t end = k;
    while (true) {
      while (end < steps.size() && steps[end].op != Op::kKeep) ++end;
      std::size_t keeps = 0;
      while (end + keeps < steps.size() && steps[end + keeps].op == Op::kKeep) ++keeps;
      if (end + keeps < steps.size() && keeps <= 2 * static_cast<std::size_t>(context)) {
        end += keeps;
        continue;
      }
      end += std::min<std::size_t>(keeps, context);
      break;
    }
    out += fmt::format("@@ -{} +{} @@\n", range(at_a[begin], at_a[end] - at_a[begin]), range(at_b[begin], at_b[end] - at_b[begin]));
    for (std::size_t s = begin; s < end; ++s) {
      switch (steps[s].op) {
        case Op::kKeep: appendLine(out, ' ', a[steps[s].line]); break;
        case Op::kDelete: appendLine(out, '-', a[steps[s].line]); break;
        case Op::kInsert: appendLine(out, '+', b[steps[s].line]); break;
      }
    }
    k = end;
  }
  return out;
}

}  // namespace iotlint::backend
