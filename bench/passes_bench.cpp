// bench/passes_bench.cpp: the semantics engine on generated policies (not a timed test).
// Targets: 100 statements x 10 resources with up to 8 wildcards each under 20 ms; one resource
// with 64 mixed `*`/`?` under 50 ms.
// Adversarial inputs, parsed from JSON so that every check runs (checks need the source file) and
// followed by the grant comparison that verifies fixes: one resource of `*?` 900 times, and 300
// statements of wildcard-dense resources over every resource type. Target: < 50 ms each.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "frontend/parse.h"
#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "passes/analyze.h"
#include "passes/fixes/fixes.h"

namespace {

using iotlint::ir::PolicyString;

PolicyString string(std::string value) {
  PolicyString s;
  s.value = std::move(value);
  return s;  // parts are split by the passes (splitPolicyString)
}

iotlint::ir::Policy generatedPolicy(std::size_t statements, std::size_t resources, std::size_t max_wildcards,
                                    unsigned seed) {
  static const char* kActions[] = {"iot:Publish", "iot:Subscribe", "iot:Receive", "iot:Connect", "iot:GetThingShadow",
                                   "iot:UpdateThingShadow", "iot:*"};
  static const char* kTypes[] = {"topic", "topicfilter", "client", "thing"};
  static const char* kWords[] = {"$aws", "things", "sensors", "shadow", "update", "jobs", "a", "b",
                                 "${iot:Connection.Thing.ThingName}", "${iot:ClientId}"};
  std::mt19937 random(seed);
  iotlint::ir::Policy policy;
  policy.version = iotlint::ir::PolicyVersion::kV2012;
  for (std::size_t s = 0; s < statements; ++s) {
    iotlint::ir::Statement statement;
    statement.index = static_cast<std::uint32_t>(s);
    statement.effect = random() % 4 == 0 ? iotlint::ir::Effect::kDeny : iotlint::ir::Effect::kAllow;
    statement.actions.items.push_back(string(kActions[random() % 7]));
    for (std::size_t r = 0; r < resources; ++r) {
      std::string name = std::string("arn:aws:iot:us-east-1:123456789012:") + kTypes[random() % 4] + "/";
      const std::size_t wildcards = random() % (max_wildcards + 1);
      for (std::size_t w = 0; w < 4 + wildcards; ++w) {
        if (w > 0) name += '/';
        name += kWords[random() % 10];
        if (w < wildcards) name += (random() % 3 == 0) ? "?" : "*";
      }
      statement.resources.items.push_back(string(name));
    }
    policy.statements.push_back(std::move(statement));
  }
  return policy;
}

void BM_GeneratedPolicy(benchmark::State& state) {
  const auto policy = generatedPolicy(100, 10, 8, 42);
  for (auto _ : state) {
    iotlint::ir::DiagnosticEngine diagnostics;
    iotlint::passes::analyzePolicy(policy, {}, diagnostics);
    benchmark::DoNotOptimize(diagnostics.diagnostics().size());
  }
}
BENCHMARK(BM_GeneratedPolicy)->Unit(benchmark::kMillisecond);

void BM_ManyWildcards(benchmark::State& state) {
  iotlint::ir::Policy policy;
  policy.version = iotlint::ir::PolicyVersion::kV2012;
  iotlint::ir::Statement allow;
  allow.actions.items.push_back(string("iot:Publish"));
  std::string name = "arn:aws:iot:us-east-1:123456789012:topic/";
  for (int i = 0; i < 64; ++i) name += (i % 3 == 1) ? "?a" : "*b";
  allow.resources.items.push_back(string(name));
  iotlint::ir::Statement deny = allow;
  deny.index = 1;
  deny.effect = iotlint::ir::Effect::kDeny;
  deny.resources.items[0] = string("arn:aws:iot:us-east-1:123456789012:topic/$aws/things/*");
  policy.statements = {allow, deny};
  for (auto _ : state) {
    iotlint::ir::DiagnosticEngine diagnostics;
    iotlint::passes::analyzePolicy(policy, {}, diagnostics);
    benchmark::DoNotOptimize(diagnostics.diagnostics().size());
  }
}
BENCHMARK(BM_ManyWildcards)->Unit(benchmark::kMillisecond);

std::string statementJson(const std::string& effect, const std::string& action, const std::string& resource) {
  return "{\"Effect\": \"" + effect + "\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
}

std::string policyJson(const std::vector<std::string>& statements) {
  std::string text = "{\"Version\": \"2012-10-17\", \"Statement\": [";
  for (std::size_t i = 0; i < statements.size(); ++i) text += (i > 0 ? ",\n" : "\n") + statements[i];
  return text + "]}";
}

/// Analyses `json` the way `iotlint check` does (every check, fix synthesis), then compares the
/// policy's grants with themselves, the work fix verification does per candidate.
void analyseAdversarial(benchmark::State& state, const std::string& json) {
  const iotlint::ir::SourceFile file("adversarial.json", json);
  iotlint::ir::DiagnosticEngine parse_diagnostics;
  const auto parsed = iotlint::frontend::parseInput(file, parse_diagnostics);
  if (parsed.policies.size() != 1) {
    state.SkipWithError("the adversarial policy does not parse");
    return;
  }
  const iotlint::ir::Policy& policy = parsed.policies.front();
  for (auto _ : state) {
    iotlint::ir::DiagnosticEngine diagnostics;
    iotlint::passes::analyzePolicy(policy, {}, diagnostics);
    const auto comparison = iotlint::passes::compareGrants(policy, policy);
    benchmark::DoNotOptimize(diagnostics.diagnostics().size());
    benchmark::DoNotOptimize(comparison.subset);
  }
}

void BM_AdversarialStarOneRun(benchmark::State& state) {
  std::string resource = "arn:aws:iot:us-east-1:123456789012:topic/";
  for (int i = 0; i < 900; ++i) resource += "*?";
  analyseAdversarial(state, policyJson({statementJson("Allow", "iot:Publish", resource)}));
}
BENCHMARK(BM_AdversarialStarOneRun)->Unit(benchmark::kMillisecond);

void BM_AdversarialThreeHundredStatements(benchmark::State& state) {
  static const char* kLevels[] = {"$aws", "things", "shadow", "update", "${iot:Connection.Thing.ThingName}", "a", "b",
                                  "sensors", "jobs"};
  static const char* kWildcards[] = {"*", "?", ""};
  static const char* kActions[] = {"iot:Publish", "iot:Subscribe", "iot:Connect", "iot:*"};
  static const char* kTypes[] = {"topic", "topicfilter", "client", "thing"};
  std::mt19937 random(7);
  std::vector<std::string> statements;
  for (int s = 0; s < 300; ++s) {
    std::string resource = std::string("arn:aws:iot:us-east-1:123456789012:") + kTypes[random() % 4] + "/";
    for (int level = 0; level < 4; ++level) {
      if (level > 0) resource += '/';
      resource += kLevels[random() % 9];
      resource += kWildcards[random() % 3];
    }
    statements.push_back(statementJson(s % 4 == 0 ? "Deny" : "Allow", kActions[random() % 4], resource));
  }
  analyseAdversarial(state, policyJson(statements));
}
BENCHMARK(BM_AdversarialThreeHundredStatements)->Unit(benchmark::kMillisecond);

}  // namespace
