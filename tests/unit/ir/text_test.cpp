#include "ir/text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace iotlint::ir {
namespace {

TEST(Text, CaseFoldingIsAsciiOnly) {
  EXPECT_EQ(asciiLowered("iot:Connect-ÄZ_9"), "iot:connect-Äz_9");
  EXPECT_TRUE(equalsIgnoringCase("IOT:CONNECT", "iot:Connect"));
  EXPECT_FALSE(equalsIgnoringCase("iot:Connect", "iot:Connec"));
  EXPECT_FALSE(equalsIgnoringCase("\xC3\x84", "\xC3\xA4"));  // Ä and ä are different bytes, not folded
  EXPECT_TRUE(startsWithIgnoringCase("iot:Certificate.Subject", "IOT:certificate."));
  EXPECT_FALSE(startsWithIgnoringCase("iot", "iot:"));
}

TEST(Text, FindFirstOfAgreesWithTheStandardLibrary) {
  // Random texts over a small alphabet that holds the searched bytes, NUL and bytes above 0x7F.
  const std::string alphabet = std::string("ab*?$ \t\r\n") + '\0' + "\xC3\xA9\xFF";
  const std::vector<std::string_view> sets = {"*?$", "*?", " \t\r\n", "", "\xFF", std::string_view("\0a", 2)};
  std::uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1664525U + 1013904223U; };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (std::uint32_t n = next() % 12; n > 0; --n) text += alphabet[(next() >> 8) % alphabet.size()];
    const std::string_view bytes = sets[(next() >> 8) % sets.size()];
    const std::size_t from = (next() >> 8) % (text.size() + 2);
    ASSERT_EQ(findFirstOf(text, bytes, from), std::string_view(text).find_first_of(bytes, from))
        << "text of " << text.size() << " bytes, from " << from;
  }
}

TEST(Text, EditDistance) {
  EXPECT_EQ(editDistance("", ""), 0U);
  EXPECT_EQ(editDistance("abc", ""), 3U);
  EXPECT_EQ(editDistance("", "abc"), 3U);
  EXPECT_EQ(editDistance("kitten", "sitting"), 3U);
  EXPECT_EQ(editDistance("Resource", "Resources"), 1U);
  EXPECT_EQ(editDistance("Efect", "Effect"), 1U);
  EXPECT_EQ(editDistance("iot:Publsh", "iot:Publish"), 1U);
  EXPECT_EQ(editDistance("iot:publish", "iot:Publish"), 1U);
  EXPECT_EQ(editDistance("iot:publish", "iot:Publish", Case::kIgnored), 0U);
  EXPECT_EQ(editDistance("ACTION", "Actoin", Case::kIgnored), 2U);
}

}  // namespace
}  // namespace iotlint::ir
