// Unit tests of the string grammar: parts, escapes and malformed variables.
#include <gtest/gtest.h>

#include "frontend/parse.h"

namespace iotlint::frontend {
namespace {

using Kind = ir::StringPart::Kind;

std::string render(const std::string& text, std::size_t* diagnostics = nullptr) {
  ir::PolicyString string;
  string.value = text;
  string.range = {0, static_cast<std::uint32_t>(text.size() + 2)};
  const ir::SourceFile file("p.json", "\"" + text + "\"");
  ir::DiagnosticEngine engine;
  std::string out;
  for (const ir::StringPart& part : parseStringParts(string, file, engine)) {
    switch (part.kind) {
      case Kind::kLiteral: out += "lit(" + part.text + ")"; break;
      case Kind::kAnySequence: out += "star"; break;
      case Kind::kAnyOne: out += "one"; break;
      case Kind::kEscape: out += "esc(" + part.text + ")"; break;
      case Kind::kVariable: out += "var(" + part.text + ")"; break;
    }
    out += "@" + std::to_string(part.begin) + "-" + std::to_string(part.end) + " ";
  }
  if (diagnostics != nullptr) *diagnostics = engine.diagnostics().size();
  return out;
}

TEST(StringParts, LiteralFastPath) { EXPECT_EQ(render("a/b"), "lit(a/b)@0-3 "); }

TEST(StringParts, WildcardsVariablesAndEscapes) {
  EXPECT_EQ(render("$aws/things/${iot:Connection.Thing.ThingName}/*"),
            "lit($aws/things/)@0-12 var(iot:Connection.Thing.ThingName)@12-45 lit(/)@45-46 star@46-47 ");
  EXPECT_EQ(render("a?${*}${?}${$}b"), "lit(a)@0-1 one@1-2 esc(*)@2-6 esc(?)@6-10 esc($)@10-14 lit(b)@14-15 ");
}

TEST(StringParts, NonAsciiOffsetsAreBytes) {
  EXPECT_EQ(render("é*"), "lit(é)@0-2 star@2-3 ");
}

TEST(StringParts, MalformedVariablesAreReportedAndKeptLiteral) {
  std::size_t count = 0;
  EXPECT_EQ(render("a${iot:ClientId", &count), "lit(a${iot:ClientId)@0-15 ");
  EXPECT_EQ(count, 1U);
  EXPECT_EQ(render("${}x", &count), "lit(${}x)@0-4 ");
  EXPECT_EQ(count, 1U);
  EXPECT_EQ(render("${a${b}", &count), "lit(${a${b})@0-7 ");
  EXPECT_EQ(count, 1U);
}

}  // namespace
}  // namespace iotlint::frontend
