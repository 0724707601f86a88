// Unit tests for the internal SymbolClass range algebra.
#include "passes/automata/symbol_class.h"

#include <gtest/gtest.h>

namespace iotlint::automata::detail {
namespace {

std::vector<SymbolRange> rangesOf(const SymbolClass& c) { return {c.ranges().begin(), c.ranges().end()}; }

TEST(SymbolClass, NormalisesRanges) {
  SymbolClass c = SymbolClass::fromRanges({{5, 7}, {1, 2}, {3, 4}, {10, 9}, {6, 12}});
  ASSERT_EQ(c.ranges().size(), 1u);
  EXPECT_EQ(c.ranges()[0], (SymbolRange{1, 12}));
  const Symbol symbols[] = {9, 3, 3, 4, 1};
  EXPECT_EQ(rangesOf(SymbolClass::of(symbols)), (std::vector<SymbolRange>{{1, 1}, {3, 4}, {9, 9}}));
}

TEST(SymbolClass, ComplementCoversTheWholeAlphabet) {
  EXPECT_TRUE(SymbolClass().complement().isAll());
  EXPECT_TRUE(SymbolClass::all().complement().empty());
  SymbolClass c = SymbolClass::range(0, 255).complement();
  EXPECT_EQ(rangesOf(c), (std::vector<SymbolRange>{{256, kMaxSymbol}}));
  SymbolClass mid = SymbolClass::single(kMaxSymbol).unite(SymbolClass::single(0)).complement();
  EXPECT_EQ(rangesOf(mid), (std::vector<SymbolRange>{{1, kMaxSymbol - 1}}));
}

TEST(SymbolClass, IntersectUniteMinus) {
  SymbolClass a = SymbolClass::fromRanges({{0, 10}, {20, 30}});
  SymbolClass b = SymbolClass::fromRanges({{5, 25}});
  EXPECT_EQ(rangesOf(a.intersect(b)), (std::vector<SymbolRange>{{5, 10}, {20, 25}}));
  EXPECT_EQ(rangesOf(a.unite(b)), (std::vector<SymbolRange>{{0, 30}}));
  EXPECT_EQ(rangesOf(a.minus(b)), (std::vector<SymbolRange>{{0, 4}, {26, 30}}));
  EXPECT_TRUE(a.intersects(b));
  EXPECT_FALSE(a.intersects(SymbolClass::range(11, 19)));
  EXPECT_TRUE(a.contains(30));
  EXPECT_FALSE(a.contains(15));
  EXPECT_EQ(a.min(), 0u);
}

TEST(SymbolClass, AdjacentRangesMergeOnUnion) {
  EXPECT_EQ(SymbolClass::range(0, 9).unite(SymbolClass::range(10, 20)), SymbolClass::range(0, 20));
  EXPECT_EQ(SymbolClass::range(kMaxSymbol - 1, kMaxSymbol).unite(SymbolClass::range(0, kMaxSymbol - 2)),
            SymbolClass::all());
}

}  // namespace
}  // namespace iotlint::automata::detail
