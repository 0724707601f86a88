// Unit tests of the frontend: the IR it builds and the diagnostics it reports, with positions.
#include <gtest/gtest.h>

#include <string>

#include "frontend/parse.h"

namespace iotlint::frontend {
namespace {

using ir::RuleId;

struct Parsed {
  std::unique_ptr<ir::SourceFile> file;
  std::optional<ir::Policy> policy;
  std::vector<ir::Diagnostic> diagnostics;

  /// "line:column rule" of every diagnostic, in source order.
  std::string summary() const {
    std::vector<ir::Diagnostic> sorted = diagnostics;
    ir::sortDiagnostics(sorted);
    std::string text;
    for (const auto& d : sorted) {
      const auto at = file->position(d.range.begin);
      text += std::to_string(at.line) + ":" + std::to_string(at.column_code_points) + " " +
              std::string(ir::ruleInfo(d.rule).id) + "\n";
    }
    return text;
  }
};

Parsed parse(std::string text, const ParseLimits& limits = {}) {
  Parsed result;
  result.file = std::make_unique<ir::SourceFile>("p.json", std::move(text));
  ir::DiagnosticEngine engine;
  result.policy = parsePolicy(*result.file, engine, limits);
  result.diagnostics = engine.take();
  return result;
}

constexpr const char* kScoped = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "Own",
    "Effect": "Deny",
    "NotAction": ["iot:Publish", "iot:Receive"],
    "Resource": "arn:aws:iot:us-east-1:123456789012:topic/$aws/things/${iot:Connection.Thing.ThingName}/*",
    "Condition": {"Bool": {"iot:Connection.Thing.IsAttached": true}, "StringLike": {"k": ["a*", "b"]}}
  }]
})";

TEST(ParsePolicy, LowersEveryElementWithRanges) {
  const Parsed p = parse(kScoped);
  ASSERT_TRUE(p.policy);
  EXPECT_TRUE(p.diagnostics.empty()) << p.summary();
  EXPECT_EQ(p.policy->version, ir::PolicyVersion::kV2012);
  ASSERT_EQ(p.policy->statements.size(), 1U);
  const ir::Statement& s = p.policy->statements[0];
  EXPECT_EQ(s.effect, ir::Effect::kDeny);
  EXPECT_TRUE(s.not_action);
  EXPECT_FALSE(s.actions.scalar);
  ASSERT_EQ(s.actions.items.size(), 2U);
  EXPECT_EQ(s.actions.items[1].value, "iot:Receive");
  EXPECT_EQ(p.file->text(s.actions.items[1].range), "\"iot:Receive\"");
  EXPECT_TRUE(s.resources.scalar);
  EXPECT_EQ(p.file->text(s.effect_range), "\"Deny\"");
  ASSERT_TRUE(s.sid);
  EXPECT_EQ(s.sid->value, "Own");
  ASSERT_EQ(s.conditions.size(), 2U);
  EXPECT_EQ(s.conditions[0].op.value, "Bool");
  EXPECT_EQ(s.conditions[0].values.items[0].value, "true");
  EXPECT_EQ(p.file->text(s.conditions[0].values.items[0].contentRange()), "true");
  EXPECT_EQ(s.conditions[1].values.items.size(), 2U);

  const auto& parts = s.resources.items[0].parts;
  ASSERT_EQ(parts.size(), 4U);
  EXPECT_EQ(parts[0].kind, ir::StringPart::Kind::kLiteral);
  EXPECT_EQ(parts[1].kind, ir::StringPart::Kind::kVariable);
  EXPECT_EQ(parts[1].text, "iot:Connection.Thing.ThingName");
  EXPECT_EQ(p.file->text(s.resources.items[0].rangeOf(parts[1].begin, parts[1].end)),
            "${iot:Connection.Thing.ThingName}");
  EXPECT_EQ(parts[3].kind, ir::StringPart::Kind::kAnySequence);
}

TEST(ParsePolicy, StatementMayBeOneObject) {
  const Parsed p = parse(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}})");
  ASSERT_TRUE(p.policy);
  EXPECT_TRUE(p.policy->statement_scalar);
  EXPECT_EQ(p.policy->statements.size(), 1U);
  EXPECT_TRUE(p.diagnostics.empty()) << p.summary();
}

TEST(ParsePolicy, EscapedStringsMapBackToTheFile) {
  // `\u0024` is `$` and `\/` is `/`: the malformed variable must still be located exactly.
  const Parsed p = parse(
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Publish","Resource":"arn:aws:iot:us-east-1:123456789012:topic\/\u0024aws\/${iot:ClientId"}]})");
  ASSERT_EQ(p.diagnostics.size(), 1U) << p.summary();
  EXPECT_EQ(p.diagnostics[0].rule, RuleId::kMalformedVariable);
  EXPECT_EQ(p.file->text(p.diagnostics[0].range), "${iot:ClientId");
  ASSERT_TRUE(p.policy);
  EXPECT_EQ(p.policy->statements[0].resources.items[0].value, "arn:aws:iot:us-east-1:123456789012:topic/$aws/${iot:ClientId");
}

TEST(ParsePolicy, SurrogatePairsAndBadEscapes) {
  const Parsed p = parse("{\"Version\":\"2012-10-17\",\"Id\":\"\\ud83d\\ude00\\x\\ud800\"}");
  EXPECT_EQ(p.summary(), "1:1 IL112\n1:25 IL117\n1:43 IL100\n1:45 IL100\n");
}

TEST(ParsePolicy, StructuralProblemsKeepTheRestAnalysable) {
  const Parsed p = parse(R"({"Version":"2012-10-18","Statement":[
 {"Effect":"allow","Action":"iot:Connect","Resource":"*"},
 {"Effect":"Allow","Action":"iot:Connect","NotAction":"iot:Publish","Resource":"*"},
 {"Effect":"Allow","Resource":"*","Principal":"*"},
 {"effect":"Allow","Effect":"Deny","Action":3,"Resource":[]},
 "x",
 {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:s3:::bucket"},
 {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:iot:us-east-1:123456789012:client/ok"}
]})");
  EXPECT_EQ(p.summary(),
            "1:12 IL116\n"
            "2:12 IL113\n"
            "3:43 IL114\n"
            "4:2 IL112\n"
            "4:35 IL117\n"
            "5:3 IL111\n"
            "5:45 IL115\n"
            "5:58 IL115\n"
            "6:2 IL115\n"
            "7:63 IL119\n");
  ASSERT_TRUE(p.policy);
  // Only the sound statements reach the IR.
  ASSERT_EQ(p.policy->statements.size(), 2U);
  EXPECT_EQ(p.policy->statements[0].index, 5U);
  EXPECT_EQ(p.policy->statements[1].index, 6U);
}

TEST(ParsePolicy, SyntaxErrorsAreAllReportedAndStopLowering) {
  const Parsed p = parse("{\"Version\": \"2012-10-17\" \"Statement\": [1 2,], 'x': y, }\n// note\n");
  // Missing commas (reported where the comma belongs), a trailing comma in the array and in the object, single quotes, a bare word,
  // a comment; then, from lowering, the numbers in `Statement` and the unknown element `x`.
  EXPECT_EQ(p.summary(),
            "1:25 IL100\n1:40 IL115\n1:41 IL100\n1:42 IL115\n1:43 IL100\n1:47 IL100\n1:47 IL111\n1:52 IL100\n"
            "1:53 IL100\n2:1 IL100\n");
  EXPECT_TRUE(p.policy);  // every mistake above is one the grammar recovers from exactly
  const Parsed broken = parse("{\"Version\": }");
  EXPECT_EQ(broken.summary(), "1:13 IL100\n");
  EXPECT_FALSE(broken.policy);
}

TEST(ParsePolicy, EmptyAndBlankFiles) {
  EXPECT_EQ(parse("").summary(), "1:1 IL100\n");
  EXPECT_EQ(parse(" \r\n\t").summary(), "2:2 IL100\n");
  EXPECT_EQ(parse("/* c */").summary(), "1:1 IL100\n1:8 IL100\n");
}

TEST(ParsePolicy, InvalidUtf8IsLocatedAndStopsTheFile) {
  const Parsed p = parse("{\n \"a\": \"\xC3\x28\"}");
  EXPECT_EQ(p.summary(), "2:8 IL101\n");
  EXPECT_FALSE(p.policy);
  EXPECT_EQ(parse("\xED\xA0\x80").summary(), "1:1 IL101\n");  // an encoded surrogate
  EXPECT_EQ(parse("\xC0\xAF").summary(), "1:1 IL101\n");      // an overlong form
}

TEST(ParsePolicy, ByteOrderMarkAndCrLf) {
  const Parsed p = parse("\xEF\xBB\xBF{\r\n\"Version\": \"2012-10-17\",\r\n\"Statement\": [],\r\n}");
  EXPECT_EQ(p.summary(), "3:14 IL112\n3:16 IL100\n");  // the BOM is not a column; CRLF is one line end
}

TEST(ParsePolicy, DeepNestingIsCappedWithoutRecursion) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  const Parsed p = parse(deep);
  EXPECT_EQ(p.summary(), "1:65 IL102\n");
  ParseLimits generous;
  generous.max_nesting_depth = 10;
  EXPECT_EQ(parse(R"({"a":[[[[[[[[[[1]]]]]]]]]]})", generous).summary(), "1:15 IL102\n");
}

TEST(ParsePolicy, OversizedFilesAreNotParsed) {
  ParseLimits small;
  small.max_file_bytes = 8;
  EXPECT_EQ(parse("{\"Statement\": []}", small).summary(), "1:1 IL103\n");
}

TEST(ParsePolicy, PolicyOver2048CharactersIsReportedAtTheFirstCharacterPastTheLimit) {
  std::string resources;
  for (int i = 0; i < 40; ++i) {
    if (i > 0) resources += ",\n  ";
    resources += "\"arn:aws:iot:us-east-1:123456789012:topic/some/long/topic/name/" + std::to_string(i) + "\"";
  }
  const Parsed p = parse(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Publish","Resource":[)" +
                         resources + "]}]}");
  ASSERT_EQ(p.diagnostics.size(), 1U) << p.summary();
  EXPECT_EQ(p.diagnostics[0].rule, RuleId::kPolicyTooLarge);
  EXPECT_NE(p.diagnostics[0].message.find("2048"), std::string::npos);
}

TEST(ParsePolicy, NotAnObject) {
  EXPECT_EQ(parse("[]").summary(), "1:1 IL115\n");
  EXPECT_FALSE(parse("\"x\"").policy);
}

}  // namespace
}  // namespace iotlint::frontend
