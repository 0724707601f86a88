// passes/automata/symbol_class.h: sets of Symbols as sorted ranges (internal to iotlint_automata).
//
// The alphabet is open-ended: bytes 0..255 and every token from kFirstToken up to 2^32 - 1. An
// automaton edge therefore cannot be a 256-entry table; it is labelled with a SymbolClass, a
// sorted list of disjoint, non-adjacent, inclusive ranges over [0, 2^32). "Any symbol" is the
// single range [0, 2^32 - 1], so `*` and complement never enumerate tokens.
//
// Invariant (checked by every constructor): ranges are sorted by `lo`, `lo <= hi`, and
// `next.lo > prev.hi + 1` (adjacent ranges are merged). Equal sets therefore have equal
// representations, which lets minimisation compare classes with `==`.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "passes/automata/language.h"

namespace iotlint::automata::detail {

inline constexpr Symbol kMaxSymbol = 0xFFFF'FFFFu;

/// Inclusive range [lo, hi] of Symbols.
struct SymbolRange {
  Symbol lo = 0;
  Symbol hi = 0;
  friend bool operator==(const SymbolRange&, const SymbolRange&) = default;
};

class SymbolClass {
 public:
  SymbolClass() = default;
  /// Every Symbol: [0, 2^32 - 1].
  static SymbolClass all();
  static SymbolClass single(Symbol symbol);
  static SymbolClass range(Symbol lo, Symbol hi);
  /// Any order, duplicates allowed.
  static SymbolClass of(std::span<const Symbol> symbols);
  /// Any order, overlaps allowed; normalises.
  static SymbolClass fromRanges(std::vector<SymbolRange> ranges);

  bool empty() const { return size_ == 0; }
  bool isAll() const { return size_ == 1 && one_.lo == 0 && one_.hi == kMaxSymbol; }
  bool contains(Symbol symbol) const;
  /// Smallest member. Precondition: !empty().
  Symbol min() const { return ranges().front().lo; }

  SymbolClass unite(const SymbolClass& other) const;
  SymbolClass intersect(const SymbolClass& other) const;
  SymbolClass minus(const SymbolClass& other) const;
  SymbolClass complement() const;
  bool intersects(const SymbolClass& other) const;
  /// Every member of `other` is a member of this class.
  bool includes(const SymbolClass& other) const;

  std::span<const SymbolRange> ranges() const {
    return size_ <= 1 ? std::span<const SymbolRange>(&one_, size_)
                      : std::span<const SymbolRange>(many_.data(), size_);
  }
  friend bool operator==(const SymbolClass& a, const SymbolClass& b) {
    auto x = a.ranges();
    auto y = b.ranges();
    return std::equal(x.begin(), x.end(), y.begin(), y.end());
  }

 private:
  // Most classes are one range (a literal, `?`, Σ), so the first range is stored inline and a
  // heap vector is used only from the second range on (then it holds all of them).
  void push(SymbolRange r) {
    if (size_ == 0) {
      one_ = r;
    } else {
      if (size_ == 1) many_.assign(1, one_);
      many_.push_back(r);
    }
    ++size_;
  }
  SymbolRange& back() { return size_ == 1 ? one_ : many_.back(); }

  std::uint32_t size_ = 0;
  SymbolRange one_{};
  std::vector<SymbolRange> many_;
};

}  // namespace iotlint::automata::detail
