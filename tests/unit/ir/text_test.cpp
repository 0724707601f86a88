#include "ir/text.h"

#include <gtest/gtest.h>

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
