// The languages the checks and the grant comparison build once (function-local statics) or keep
// per thread (the project layouts, the token table, filters of a topic): analysing on several
// threads at once, and through more distinct keys than a thread keeps, must report exactly what
// one thread analysing each policy afresh reports.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "passes/analyze.h"
#include "passes/fixes/fixes.h"
#include "test_policy.h"

namespace iotlint::passes {
namespace {

using testing::parse;
using testing::policyOf;
using testing::statement;

/// Policies that reach other devices through every action family, through value tokens, and
/// through Deny statements, so the checks search the shared languages for witnesses.
std::vector<std::string> policies() {
  std::vector<std::string> texts;
  texts.push_back(policyOf(statement("Allow", "\"iot:*\"", "\"*\"")));
  texts.push_back(policyOf(statement("Allow", "[\"iot:Publish\", \"iot:Subscribe\", \"iot:Receive\"]",
                                     "[\"arn:aws:iot:*:*:topic/$aws/things/*\", \"arn:aws:iot:*:*:topicfilter/$aws/things/+/#\"]")));
  texts.push_back(policyOf(statement("Allow", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/*\"") + "," +
                           statement("Deny", "\"iot:Connect\"", "\"arn:aws:iot:*:*:client/admin-*\"")));
  texts.push_back(policyOf(statement("Allow", "[\"iot:GetThingShadow\", \"iot:UpdateThingShadow\"]",
                                     "\"arn:aws:iot:*:*:thing/${iot:Certificate.Subject.CommonName}*\"")));
  texts.push_back(policyOf(statement("Allow", "\"iot:Publish\"",
                                     "\"arn:aws:iot:*:*:topic/devices/*/${iot:Connection.Thing.ThingName}/*\"") +
                           "," + statement("Deny", "\"iot:Subscribe\"", "\"arn:aws:iot:*:*:topicfilter/devices/#\"") + "," +
                           statement("Allow", "[\"iot:Subscribe\", \"iot:Receive\"]", "\"arn:aws:iot:*:*:topicfilter/devices/+/cmd\"")));
  return texts;
}

/// Everything a report shows of one analysis, plus the comparison of the policy with itself.
std::string report(const std::string& json, const std::vector<std::string>& layouts) {
  auto parsed = parse(json);
  ir::DiagnosticEngine diagnostics;
  AnalysisOptions options;
  options.device_topic_layouts = layouts;
  analyzePolicy(parsed->policy, options, diagnostics);
  std::string text;
  for (const ir::Diagnostic& diagnostic : diagnostics.diagnostics()) {
    text += diagnostic.message + "\n";
    for (const auto& [key, value] : diagnostic.properties) text += "  " + key + "=" + value + "\n";
  }
  const GrantComparison same = compareGrants(parsed->policy, parsed->policy);
  text += same.comparable && same.subset && same.self_unchanged ? "unchanged\n" : "changed: " + same.reason + "\n";
  return text;
}

/// More layout sets than a thread keeps, used in turns, so cached results are evicted and rebuilt.
std::vector<std::vector<std::string>> layoutSets() {
  std::vector<std::vector<std::string>> sets = {{}};
  for (int i = 0; i < 9; ++i) sets.push_back({"site" + std::to_string(i) + "/{thing}/#"});
  sets.push_back({"devices/{thing}/#", "+/{thing}/telemetry"});
  return sets;
}

TEST(SharedLanguages, ThreadsAndEvictionReportWhatOneFreshAnalysisReports) {
  const auto texts = policies();
  const auto sets = layoutSets();
  // Expected: each case analysed on its own thread, the first use of every cache on that thread.
  std::vector<std::string> expected;
  for (const auto& layouts : sets) {
    for (const auto& text : texts) {
      std::string result;
      std::thread([&] { result = report(text, layouts); }).join();
      expected.push_back(std::move(result));
    }
  }
  constexpr std::size_t kThreads = 4;
  std::vector<std::vector<std::string>> actual(kThreads);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2; ++round) {
        for (std::size_t k = 0; k < sets.size() * texts.size(); ++k) {
          // Each thread walks the cases from a different start, so the caches see other orders.
          const std::size_t i = (k + t * 7) % (sets.size() * texts.size());
          std::string result = report(texts[i % texts.size()], sets[i / texts.size()]);
          if (round == 1) actual[t].push_back(std::move(result));
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 0; t < kThreads; ++t) {
    for (std::size_t k = 0; k < actual[t].size(); ++k) {
      const std::size_t i = (k + t * 7) % (sets.size() * texts.size());
      ASSERT_EQ(actual[t][k], expected[i]) << "thread " << t << ", case " << i;
    }
  }
}

}  // namespace
}  // namespace iotlint::passes
