#include "passes/pass_manager.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "passes/analyze.h"
#include "test_policy.h"

namespace iotlint::passes {
namespace {

std::size_t position(const std::vector<PassId>& order, PassId id) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), id) - order.begin());
}

TEST(PassManager, OrderRespectsDeclaredDependencies) {
  const auto order = passOrder();
  ASSERT_EQ(order.size(), allPasses().size());
  for (const auto& info : allPasses()) {
    for (auto dependency : info.dependencies) {
      EXPECT_LT(position(order, dependency), position(order, info.id)) << info.name;
    }
  }
  EXPECT_EQ(order.back(), PassId::kCoverage);
}

TEST(PassManager, CycleIsDetected) {
  const std::vector<std::string_view> names = {"a", "b", "c"};
  EXPECT_THROW(topologicalOrder(3, {{0, 1}, {1, 2}, {2, 0}}, names), std::logic_error);
  const auto order = topologicalOrder(3, {{2, 1}, {1, 0}}, names);
  EXPECT_EQ(order, (std::vector<std::size_t>{2, 1, 0}));
}

TEST(PassManager, ResultsAreCachedAndDiagnosticsReportedOnce) {
  auto parsed = testing::parse(testing::policyOf(testing::statement("Allow", "\"iot:Publsh\"", "\"*\"")));
  ir::DiagnosticEngine diagnostics;
  AnalysisManager manager(parsed->policy, diagnostics);
  manager.getCoverage();
  manager.getCoverage();
  manager.getExpandActions();
  EXPECT_EQ(manager.runCount(PassId::kExpandActions), 1U);
  EXPECT_EQ(manager.runCount(PassId::kCoverage), 1U);
  EXPECT_EQ(diagnostics.diagnostics().size(), 1U);
}

TEST(PassManager, FindPassByName) {
  EXPECT_EQ(findPass("coverage"), PassId::kCoverage);
  EXPECT_EQ(findPass("resolve-variables"), PassId::kResolveVariables);
  EXPECT_FALSE(findPass("nope").has_value());
}

TEST(PassManager, PrintIrAfterDumpsDeterministically) {
  auto parsed = testing::parse(testing::policyOf(
      testing::statement("Allow", "\"iot:Connect\"", "\"arn:aws:iot:us-east-1:1:client/${iot:Connection.Thing.ThingName}\"") +
      "," + testing::statement("Allow", "\"iot:Publish\"", "\"arn:aws:iot:us-east-1:1:topic/$aws/things/*/shadow/update\"")));
  std::string first;
  for (int round = 0; round < 2; ++round) {
    std::ostringstream out;
    AnalysisOptions options;
    options.print_ir_after = "all";
    options.dump_stream = &out;
    ir::DiagnosticEngine diagnostics;
    analyzePolicy(parsed->policy, options, diagnostics);
    if (round == 0) first = out.str();
    EXPECT_EQ(first, out.str());
  }
  EXPECT_NE(first.find("IR dump after coverage"), std::string::npos);
  EXPECT_NE(first.find("${iot:ClientId}: one of `SELF`"), std::string::npos) << first;
  EXPECT_NE(first.find("(reaches OTHER)"), std::string::npos) << first;
}

TEST(PassManager, UnknownPassNameIsReported) {
  auto parsed = testing::parse(testing::policyOf(testing::statement("Allow", "\"iot:Connect\"", "\"*\"")));
  std::ostringstream out;
  AnalysisOptions options;
  options.print_ir_after = "nope";
  options.dump_stream = &out;
  ir::DiagnosticEngine diagnostics;
  analyzePolicy(parsed->policy, options, diagnostics);
  EXPECT_NE(out.str().find("no pass is named `nope`"), std::string::npos);
}

}  // namespace
}  // namespace iotlint::passes
