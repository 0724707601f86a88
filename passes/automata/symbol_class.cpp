// passes/automata/symbol_class.cpp: range-set algebra for SymbolClass.
//
// Every operation is a linear merge of two sorted range lists. Ranges are inclusive, so "one past
// hi" is computed in 64 bits to survive hi == 2^32 - 1.
#include "passes/automata/symbol_class.h"

#include <algorithm>

namespace iotlint::automata::detail {

SymbolClass SymbolClass::all() { return range(0, kMaxSymbol); }

SymbolClass SymbolClass::single(Symbol symbol) { return range(symbol, symbol); }

SymbolClass SymbolClass::range(Symbol lo, Symbol hi) {
  SymbolClass result;
  if (lo <= hi) result.push({lo, hi});
  return result;
}

SymbolClass SymbolClass::of(std::span<const Symbol> symbols) {
  std::vector<SymbolRange> ranges;
  ranges.reserve(symbols.size());
  for (Symbol s : symbols) ranges.push_back({s, s});
  return fromRanges(std::move(ranges));
}

SymbolClass SymbolClass::fromRanges(std::vector<SymbolRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const SymbolRange& a, const SymbolRange& b) { return a.lo < b.lo; });
  SymbolClass result;
  for (const SymbolRange& r : ranges) {
    if (r.lo > r.hi) continue;
    // Merge when r overlaps or touches the last range: r.lo <= last.hi + 1.
    if (!result.empty() && std::uint64_t{r.lo} <= std::uint64_t{result.back().hi} + 1) {
      result.back().hi = std::max(result.back().hi, r.hi);
    } else {
      result.push(r);
    }
  }
  return result;
}

bool SymbolClass::contains(Symbol symbol) const {
  const auto rs = ranges();
  if (rs.size() == 1) return rs[0].lo <= symbol && symbol <= rs[0].hi;
  // First range whose hi >= symbol.
  auto it = std::lower_bound(rs.begin(), rs.end(), symbol,
                             [](const SymbolRange& r, Symbol s) { return r.hi < s; });
  return it != rs.end() && it->lo <= symbol;
}

SymbolClass SymbolClass::unite(const SymbolClass& other) const {
  if (other.empty()) return *this;
  if (empty()) return other;
  const auto xs = ranges();
  const auto ys = other.ranges();
  std::vector<SymbolRange> merged;
  merged.reserve(xs.size() + ys.size());
  std::merge(xs.begin(), xs.end(), ys.begin(), ys.end(),
             std::back_inserter(merged),
             [](const SymbolRange& a, const SymbolRange& b) { return a.lo < b.lo; });
  return fromRanges(std::move(merged));
}

SymbolClass SymbolClass::intersect(const SymbolClass& other) const {
  SymbolClass result;
  const auto xs = ranges();
  const auto ys = other.ranges();
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < xs.size() && j < ys.size()) {
    const SymbolRange& a = xs[i];
    const SymbolRange& b = ys[j];
    Symbol lo = std::max(a.lo, b.lo);
    Symbol hi = std::min(a.hi, b.hi);
    if (lo <= hi) result.push({lo, hi});
    // Advance whichever range ends first; the other may still overlap the next one.
    if (a.hi < b.hi) {
      ++i;
    } else {
      ++j;
    }
  }
  return result;
}

bool SymbolClass::intersects(const SymbolClass& other) const {
  const auto xs = ranges();
  const auto ys = other.ranges();
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < xs.size() && j < ys.size()) {
    const SymbolRange& a = xs[i];
    const SymbolRange& b = ys[j];
    if (std::max(a.lo, b.lo) <= std::min(a.hi, b.hi)) return true;
    if (a.hi < b.hi) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

bool SymbolClass::includes(const SymbolClass& other) const {
  const auto xs = ranges();
  std::size_t i = 0;
  for (const SymbolRange& r : other.ranges()) {
    // Ranges are maximal (adjacent ones are merged), so r lies inside one range of ours or is not
    // covered at all.
    while (i < xs.size() && xs[i].hi < r.lo) ++i;
    if (i == xs.size() || xs[i].lo > r.lo || xs[i].hi < r.hi) return false;
  }
  return true;
}

SymbolClass SymbolClass::complement() const {
  SymbolClass result;
  std::uint64_t next = 0;  // smallest symbol not yet covered
  for (const SymbolRange& r : ranges()) {
    if (next < r.lo) result.push({static_cast<Symbol>(next), r.lo - 1});
    next = std::uint64_t{r.hi} + 1;
  }
  if (next <= kMaxSymbol) result.push({static_cast<Symbol>(next), kMaxSymbol});
  return result;
}

SymbolClass SymbolClass::minus(const SymbolClass& other) const {
  if (other.empty() || empty()) return *this;
  return intersect(other.complement());
}

}  // namespace iotlint::automata::detail
