#include "passes/variables.h"

#include <gtest/gtest.h>

namespace iotlint::passes {
namespace {

TEST(Variables, ThingAndClient) {
  EXPECT_EQ(classifyVariable("iot:Connection.Thing.ThingName").binding, VariableBinding::kSelfThing);
  EXPECT_EQ(classifyVariable("iot:ClientId").binding, VariableBinding::kClientId);
  EXPECT_EQ(classifyVariable("iot:Connection.Thing.IsAttached").binding, VariableBinding::kConditionOnly);
}

TEST(Variables, SharedAdminValues) {
  EXPECT_EQ(classifyVariable("iot:Connection.Thing.ThingTypeName").binding, VariableBinding::kSharedAdmin);
  const auto attribute = classifyVariable("iot:Connection.Thing.Attributes[room]");
  EXPECT_EQ(attribute.kind, VariableKind::kThingAttribute);
  EXPECT_EQ(attribute.binding, VariableBinding::kSharedAdmin);
  EXPECT_EQ(classifyVariable("iot:Connection.Thing.Attributes[]").kind, VariableKind::kUnknown);
}

TEST(Variables, CertificateValues) {
  EXPECT_EQ(classifyVariable("iot:CertificateId").binding, VariableBinding::kPrincipal);
  EXPECT_EQ(classifyVariable("iot:Certificate.Subject.CommonName").kind, VariableKind::kCertificate);
  EXPECT_EQ(classifyVariable("iot:Certificate.Issuer.AlternativeName.DNSName").kind, VariableKind::kCertificate);
  EXPECT_EQ(classifyVariable("iot:Certificate.Subject.Country.1").kind, VariableKind::kCertificate);
  EXPECT_FALSE(classifyVariable("iot:Certificate.Subject.Country.1").multi_valued);
  EXPECT_TRUE(classifyVariable("iot:Certificate.Subject.Organization.List").multi_valued);
  EXPECT_TRUE(classifyVariable("iot:Certificate.AvailableKeys").multi_valued);
  EXPECT_EQ(classifyVariable("iot:Certificate.Subject.Nickname").kind, VariableKind::kUnknown);
  EXPECT_EQ(classifyVariable("cognito-identity.amazonaws.com:sub").binding, VariableBinding::kPrincipal);
}

TEST(Variables, NetworkValues) {
  EXPECT_EQ(classifyVariable("aws:SourceIp").binding, VariableBinding::kNetwork);
  EXPECT_EQ(classifyVariable("iot:DomainName").binding, VariableBinding::kNetwork);
}

TEST(Variables, UnknownNamesCarryASuggestion) {
  const auto thing = classifyVariable("iot:Thing.ThingName");
  EXPECT_EQ(thing.kind, VariableKind::kUnknown);
  EXPECT_EQ(thing.suggestion, "iot:Connection.Thing.ThingName");
  const auto folded = classifyVariable("iot:clientid");
  EXPECT_EQ(folded.kind, VariableKind::kUnknown);
  EXPECT_TRUE(folded.case_mismatch);
  EXPECT_EQ(folded.suggestion, "iot:ClientId");
  const auto attribute = classifyVariable("iot:connection.thing.attributes[Room]");
  EXPECT_TRUE(attribute.case_mismatch);
  EXPECT_EQ(attribute.suggestion, "iot:Connection.Thing.Attributes[Room]");
  EXPECT_EQ(classifyVariable("aws:username").kind, VariableKind::kUnknown);
}

}  // namespace
}  // namespace iotlint::passes
