// bench/passes_bench.cpp: the semantics engine on generated policies (not a timed test).
// Targets: 100 statements x 10 resources with up to 8 wildcards each under 20 ms; one resource
// with 64 mixed `*`/`?` under 50 ms.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "passes/analyze.h"

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

}  // namespace
