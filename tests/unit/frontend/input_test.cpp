// Unit tests of input detection and of locations through every layer: JSON strings with escapes,
// YAML scalars and block scalars, Fn::Sub substitutions and Terraform templates.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "frontend/parse.h"

namespace iotlint::frontend {
namespace {

struct Read {
  std::unique_ptr<ir::SourceFile> file;
  ParsedInput input;
  std::vector<ir::Diagnostic> diagnostics;

  /// The file text at the range of resource `r` of statement `s` of policy `p`, or of decoded bytes [b, e) of it.
  std::string_view resource(std::size_t p, std::size_t s, std::size_t r, std::uint32_t b, std::uint32_t e) const {
    const ir::PolicyString& string = input.policies.at(p).statements.at(s).resources.items.at(r);
    return file->text(string.rangeOf(b, e));
  }
  bool reports(ir::RuleId rule) const {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const ir::Diagnostic& d) { return d.rule == rule; });
  }
};

Read read(std::string name, std::string text, InputFormat format = InputFormat::kAuto,
          const std::vector<bool>* lowered_policies = nullptr) {
  Read result;
  result.file = std::make_unique<ir::SourceFile>(std::move(name), std::move(text));
  ir::DiagnosticEngine engine;
  InputOptions options;
  options.format = format;
  options.lowered_policies = lowered_policies;
  result.input = parseInput(*result.file, engine, options);
  result.diagnostics = engine.take();
  for (const auto& d : result.diagnostics) {
    EXPECT_LE(d.range.end, result.file->size());
    EXPECT_LE(d.range.begin, d.range.end);
  }
  return result;
}

TEST(DetectFormat, ReadsEachKindByContent) {
  EXPECT_EQ(read("a.json", R"({"Version": "2012-10-17", "Statement": []})").input.format, InputFormat::kPolicy);
  EXPECT_EQ(read("a.txt", "Resources:\n  P:\n    Type: AWS::IoT::Policy\n").input.format, InputFormat::kCloudFormation);
  EXPECT_EQ(read("a.json", R"({"Resources": {}})").input.format, InputFormat::kCloudFormation);
  EXPECT_EQ(read("a.json", R"({"planned_values": {}})").input.format, InputFormat::kTerraformPlan);
  EXPECT_EQ(read("a.json", R"({"policyName": "x", "policyDocument": "{}"})").input.format, InputFormat::kCli);
  EXPECT_EQ(read("main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n").input.format, InputFormat::kTerraform);
  const Read none = read("package.json", R"({"name": "x", "version": "1.0.0"})");
  EXPECT_EQ(none.input.format, InputFormat::kNone);
  EXPECT_TRUE(none.reports(ir::RuleId::kNoPolicyInInput));
}

TEST(DetectFormat, ArrayOfDocumentsIsReadAsManyPolicies) {
  const Read r = read("a.json", R"([{"Version": "2012-10-17", "Statement": []}, {"Version": "2012-10-17", "Statement": []}])");
  EXPECT_EQ(r.input.policies.size(), 2U);
  EXPECT_EQ(r.input.policies[1].name, "a[1]");
}

TEST(DetectFormat, ArrayOfDocumentsIsManyPoliciesWhenTheFormatIsNamedToo) {
  const std::string text = R"([{"Version": "2012-10-17", "Statement": []}, {"Version": "2012-10-17", "Statement": []}])";
  const Read r = read("a.json", text, InputFormat::kPolicy);
  EXPECT_EQ(r.input.policies.size(), 2U);
  EXPECT_FALSE(r.reports(ir::RuleId::kWrongValueType));
  // An element that is no document says so, and the others are still read.
  const Read mixed = read("b.json", R"([[], {"Version": "2012-10-17", "Statement": []}])", InputFormat::kPolicy);
  EXPECT_EQ(mixed.input.policies.size(), 1U);
  EXPECT_TRUE(mixed.reports(ir::RuleId::kWrongValueType));
}

TEST(DetectFormat, YamlSequenceOfDocumentsIsReadAsManyPolicies) {
  const Read r = read("a.yaml", "- Version: '2012-10-17'\n  Statement: []\n- Version: '2012-10-17'\n  Statement: []\n");
  EXPECT_EQ(r.input.format, InputFormat::kPolicy);
  EXPECT_EQ(r.input.policies.size(), 2U);
}

// Fix verification re-reads a file of many policies and lowers only those it judges: the others
// keep their place (index, range, name) and report nothing.
TEST(DetectFormat, OnlyTheWantedPoliciesAreLoweredAndTheOthersKeepTheirPlace) {
  const std::string text =
      R"([{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]},)"
      R"( 7, {"Id": "x", "Version": "2012-10-17", "Statement": []},)"
      R"( {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iot:Publish", "Resource": "*"}]}])";
  const Read all = read("a.json", text);
  ASSERT_EQ(all.input.policies.size(), 3U);
  ASSERT_TRUE(all.reports(ir::RuleId::kPrincipalInDevicePolicy));  // `Id`, in the second policy
  const std::vector<bool> wanted{true, false, true};
  const Read some = read("a.json", text, InputFormat::kAuto, &wanted);
  ASSERT_EQ(some.input.policies.size(), 3U);
  for (std::size_t p = 0; p < 3; ++p) {
    EXPECT_EQ(some.input.policies[p].range, all.input.policies[p].range) << p;
    EXPECT_EQ(some.input.policies[p].name, all.input.policies[p].name) << p;
    EXPECT_EQ(some.input.policies[p].file, some.file.get()) << p;
  }
  EXPECT_EQ(some.input.policies[0].statements.size(), 1U);
  EXPECT_TRUE(some.input.policies[1].statements.empty());
  EXPECT_EQ(some.input.policies[2].statements.at(0).effect, ir::Effect::kDeny);
  EXPECT_FALSE(some.reports(ir::RuleId::kPrincipalInDevicePolicy));
  EXPECT_TRUE(some.reports(ir::RuleId::kWrongValueType));  // the 7, which is no policy and takes no index
}

TEST(Locations, ThroughEscapesOfAJsonString) {
  // `\u002a` is the `*`; `\"` are the quotes of the inner strings.
  const std::string text =
      R"({"policyName": "p", "policyDocument": "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"iot:Connect\", \"Resource\": \"arn:aws:iot:us-east-1:123456789012:client/\u002a\"}}"})";
  const Read r = read("cli.json", text);
  ASSERT_EQ(r.input.policies.size(), 1U);
  EXPECT_EQ(r.input.policies[0].name, "p");
  const ir::PolicyString& resource = r.input.policies[0].statements.at(0).resources.items.at(0);
  EXPECT_EQ(resource.value, "arn:aws:iot:us-east-1:123456789012:client/*");
  const auto size = static_cast<std::uint32_t>(resource.value.size());
  EXPECT_EQ(r.resource(0, 0, 0, size - 1, size), "\\u002a");
  EXPECT_EQ(r.resource(0, 0, 0, 0, 3), "arn");
  EXPECT_EQ(r.file->text(resource.range), R"(\"arn:aws:iot:us-east-1:123456789012:client/\u002a\")");
  EXPECT_EQ(r.file->text(r.input.policies[0].statements[0].actions.items[0].range), R"(\"iot:Connect\")");
}

TEST(Locations, ThroughYamlScalarsAndSub) {
  const std::string text =
      "Resources:\n"
      "  P:\n"
      "    Type: AWS::IoT::Policy\n"
      "    Properties:\n"
      "      PolicyDocument:\n"
      "        Version: '2012-10-17'\n"
      "        Statement:\n"
      "          - Effect: Allow\n"
      "            Action: \"iot:Conn\\x65ct\"\n"
      "            Resource: !Sub 'arn:aws:iot:${AWS::Region}:123456789012:client/${!iot:ClientId}'\n";
  const Read r = read("t.yaml", text);
  ASSERT_EQ(r.input.policies.size(), 1U);
  EXPECT_EQ(r.input.policies[0].name, "P");
  const ir::Statement& statement = r.input.policies[0].statements.at(0);
  EXPECT_EQ(statement.actions.items.at(0).value, "iot:Connect");
  EXPECT_EQ(r.file->text(statement.actions.items[0].rangeOf(8, 9)), "\\x65");
  const ir::PolicyString& resource = statement.resources.items.at(0);
  EXPECT_EQ(resource.value, "arn:aws:iot:*:123456789012:client/${iot:ClientId}");
  EXPECT_EQ(r.resource(0, 0, 0, 12, 13), "${AWS::Region}");
  const auto variable = static_cast<std::uint32_t>(resource.value.find("${iot"));
  EXPECT_EQ(r.resource(0, 0, 0, variable, static_cast<std::uint32_t>(resource.value.size())), "${!iot:ClientId}");
  EXPECT_FALSE(r.reports(ir::RuleId::kUnescapedVariableInSub));
}

TEST(Locations, ThroughAYamlBlockScalar) {
  const std::string text =
      "Resources:\n"
      "  P:\n"
      "    Type: AWS::IoT::Policy\n"
      "    Properties:\n"
      "      PolicyDocument: |\n"
      "        {\"Version\": \"2012-10-17\",\n"
      "         \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Connect\",\n"
      "                        \"Resource\": \"arn:aws:iot:us-east-1:123456789012:client/*\"}]}\n";
  const Read r = read("t.yaml", text);
  ASSERT_EQ(r.input.policies.size(), 1U);
  const ir::PolicyString& resource = r.input.policies[0].statements.at(0).resources.items.at(0);
  const ir::LineColumn at = r.file->position(resource.range.begin);
  EXPECT_EQ(at.line, 8U);
  EXPECT_EQ(at.column_bytes, 37U);
  EXPECT_EQ(r.file->text(resource.range), "\"arn:aws:iot:us-east-1:123456789012:client/*\"");
}

TEST(Cloudformation, UnescapedVariableInSubIsReported) {
  const Read r = read("t.yaml",
                      "Resources:\n  P:\n    Type: AWS::IoT::Policy\n    Properties:\n      PolicyDocument:\n"
                      "        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n"
                      "            Action: iot:Connect\n            Resource: !Sub 'arn:aws:iot:*:*:client/${iot:ClientId}'\n");
  ASSERT_TRUE(r.reports(ir::RuleId::kUnescapedVariableInSub));
  const auto& d = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                [](const ir::Diagnostic& x) { return x.rule == ir::RuleId::kUnescapedVariableInSub; });
  EXPECT_EQ(r.file->text(d.range), "${iot:ClientId}");
}

TEST(Terraform, JsonencodeHeredocAndInterpolations) {
  const std::string text =
      "resource \"aws_iot_policy\" \"a\" {\n"
      "  name = \"alpha\"\n"
      "  policy = jsonencode({\n"
      "    Version = \"2012-10-17\"\n"
      "    Statement = [{ Effect = \"Allow\", Action = \"iot:Connect\",\n"
      "      Resource = \"arn:aws:iot:${var.region}:1:client/$${iot:ClientId}\" }]\n"
      "  })\n"
      "}\n"
      "resource \"aws_iot_policy\" \"b\" {\n"
      "  policy = <<-EOT\n"
      "    {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Connect\", \"Resource\": \"*\"}]}\n"
      "  EOT\n"
      "}\n";
  const Read r = read("main.tf", text);
  ASSERT_EQ(r.input.policies.size(), 2U);
  EXPECT_EQ(r.input.policies[0].name, "alpha");
  EXPECT_EQ(r.input.policies[1].name, "b");
  const ir::PolicyString& resource = r.input.policies[0].statements.at(0).resources.items.at(0);
  EXPECT_EQ(resource.value, "arn:aws:iot:*:1:client/${iot:ClientId}");
  EXPECT_EQ(r.resource(0, 0, 0, 12, 13), "${var.region}");
  EXPECT_EQ(r.resource(1, 0, 0, 0, 1), "*");
  EXPECT_EQ(r.file->position(r.input.policies[1].statements[0].resources.items[0].range.begin).line, 11U);
}

TEST(Terraform, SyntaxErrorsAreLocated) {
  const Read r = read("main.tf", "resource \"aws_iot_policy\" \"a\" {\n  policy = = 1\n}\n");
  ASSERT_TRUE(r.reports(ir::RuleId::kUnreadableTemplateConstruct));
  EXPECT_EQ(r.file->position(r.diagnostics[0].range.begin).line, 2U);
}

// A file with errors is read in a second parse that reports each error and recovers (the first,
// faster one gives up at the first error): every error is reported at its place, and the policies
// around them are still found.
TEST(Terraform, EverySyntaxErrorIsReportedAndThePoliciesAroundThemRead) {
  const std::string text =
      "resource \"aws_iot_policy\" \"p\" {\n"
      "  policy = jsonencode({ Statement = [{ Effect = \"Allow\", Action = \"iot:*\", Resource = \"*\" }] })\n"
      "  broken = = 3\n"
      "  other = [1, 2,, ]\n"
      "}\n"
      "resource \"aws_iot_policy\" \"q\" {\n"
      "  policy = <<EOF\n"
      "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Connect\", \"Resource\": \"*\"}]}\n"
      "EOF\n"
      "  x = ( 1 +\n"
      "}\n";
  const Read r = read("main.tf", text);
  std::vector<std::size_t> lines;
  for (const auto& d : r.diagnostics) {
    if (d.rule == ir::RuleId::kUnreadableTemplateConstruct) lines.push_back(r.file->position(d.range.begin).line);
  }
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4, 11}));
  ASSERT_EQ(r.input.policies.size(), 2U);
  EXPECT_EQ(r.input.policies[0].name, "p");
  EXPECT_EQ(r.input.policies[1].name, "q");
}

}  // namespace
}  // namespace iotlint::frontend
