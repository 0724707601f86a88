#include "ir/diagnostic.h"

#include <gtest/gtest.h>

namespace iotlint::ir {
namespace {

TEST(DiagnosticEngine, BuilderRecordsOnDestructionWithNotesFixesAndProperties) {
  const SourceFile file("p.json", "{}");
  DiagnosticEngine engine;
  {
    auto builder = engine.report(RuleId::kDuplicateKey, file, {0, 1}, "duplicate key `a`");
    builder.note({1, 2}, "first defined here").property("witness", "x");
    builder.fix({"remove it", FixSafety::kSafe, {{{1, 2}, ""}, {{0, 1}, "["}}});
    EXPECT_TRUE(engine.diagnostics().empty());
  }
  ASSERT_EQ(engine.diagnostics().size(), 1U);
  const Diagnostic& d = engine.diagnostics().front();
  EXPECT_EQ(d.level, Level::kError);
  EXPECT_EQ(d.notes.size(), 1U);
  EXPECT_EQ(d.properties.at("witness"), "x");
  ASSERT_EQ(d.fixes.size(), 1U);
  EXPECT_EQ(d.fixes[0].edits[0].range, (SourceRange{0, 1}));  // sorted
  EXPECT_TRUE(engine.hasErrors());
}

TEST(DiagnosticEngine, LevelOverride) {
  const SourceFile file("p.json", "{}");
  DiagnosticEngine engine;
  engine.report(RuleId::kDuplicateKey, file, {0, 1}, "m").level(Level::kNote);
  EXPECT_FALSE(engine.hasErrors());
}

TEST(SortDiagnostics, ByPathThenPositionThenRule) {
  const SourceFile a("a.json", "{}");
  const SourceFile b("b.json", "{}");
  DiagnosticEngine engine;
  engine.report(RuleId::kJsonSyntax, b, {0, 1}, "1");
  engine.report(RuleId::kJsonSyntax, a, {1, 2}, "2");
  engine.report(RuleId::kDuplicateKey, a, {0, 1}, "3");
  engine.report(RuleId::kJsonSyntax, a, {0, 1}, "4");
  std::vector<Diagnostic> all = engine.take();
  sortDiagnostics(all);
  std::string order;
  for (const auto& d : all) order += d.message;
  EXPECT_EQ(order, "4321");
}

}  // namespace
}  // namespace iotlint::ir
