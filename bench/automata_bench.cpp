// bench/automata_bench.cpp: benchmarks for iotlint_automata (passes/automata/language.h).
//
// BM_PolicyWorkload: a generated policy of 100 statements x 10 resources (IAM globs with up to 8
//   wildcards, some holding the SELF token), 20% Deny. Per action: union of the Allow globs minus
//   the union of the Deny globs, intersected with "another device's topics", then emptiness and
//   a witness. Target: < 20 ms per policy.
// BM_SixtyFourWildcardGlob: one glob with 64 `*`/`?` (literals between), built, tested for
//   emptiness, witnessed and complemented. Target: < 50 ms.
// Inputs are generated deterministically from fixed seeds.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "passes/automata/language.h"

namespace {

using iotlint::automata::Glob;
using iotlint::automata::GlobAtom;
using iotlint::automata::GlobSemantics;
using iotlint::automata::kFirstToken;
using iotlint::automata::Language;
using iotlint::automata::Symbol;

constexpr Symbol kSelf = kFirstToken;       // ${iot:Connection.Thing.ThingName}
constexpr Symbol kOther = kFirstToken + 1;  // a fresh other device's thing name

void appendText(Glob& glob, const std::string& text) {
  for (char c : text) glob.push_back({GlobAtom::Kind::kSymbol, static_cast<unsigned char>(c)});
}

struct Statement {
  bool deny = false;
  int action = 0;  // 0..3: Connect, Publish, Subscribe, Receive
  std::vector<Glob> resources;
};

/// Resource ARNs: a fixed prefix, 2-5 levels drawn from a vocabulary (sometimes the SELF token),
/// then up to 8 wildcards placed at random inside or instead of level text.
std::vector<Statement> makePolicy(unsigned seed) {
  static const std::vector<std::string> kWords = {"$aws", "things", "shadow", "update", "get",
                                                  "sensor", "data", "jobs", "cmd", "telemetry",
                                                  "building", "room1", "accepted", "rejected"};
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  std::vector<Statement> policy(100);
  for (Statement& st : policy) {
    st.deny = pick(5) == 0;
    st.action = static_cast<int>(pick(4));
    for (int r = 0; r < 10; ++r) {
      Glob glob;
      appendText(glob, "arn:aws:iot:us-east-1:123456789012:topic/");
      const std::size_t levels = 2 + pick(4);
      const std::size_t wildcards = pick(9);
      std::vector<Glob> parts;
      for (std::size_t l = 0; l < levels; ++l) {
        Glob level;
        if (l == 2 && pick(3) == 0) {
          level.push_back({GlobAtom::Kind::kSymbol, kSelf});
        } else {
          appendText(level, kWords[pick(kWords.size())]);
        }
        parts.push_back(std::move(level));
      }
      for (std::size_t w = 0; w < wildcards; ++w) {
        Glob& level = parts[pick(parts.size())];
        const GlobAtom atom{pick(2) == 0 ? GlobAtom::Kind::kAnySequence : GlobAtom::Kind::kAnyOne, 0};
        const std::size_t at = pick(level.size() + 1);
        if (pick(3) == 0 && at < level.size()) {
          level[at] = atom;  // replace a character
        } else {
          level.insert(level.begin() + static_cast<long>(at), atom);
        }
      }
      for (std::size_t l = 0; l < parts.size(); ++l) {
        if (l > 0) appendText(glob, "/");
        glob.insert(glob.end(), parts[l].begin(), parts[l].end());
      }
      st.resources.push_back(std::move(glob));
    }
  }
  return policy;
}

Language otherDeviceTopics() {
  const Symbol other[] = {kOther};
  return Language::exactlyText("arn:aws:iot:us-east-1:123456789012:topic/$aws/things/")
      .concat(Language::exactly(other))
      .concat(Language::exactlyText("/"))
      .concat(Language::everything());
}

struct Findings {
  int reachable_actions = 0;
  std::size_t witness_symbols = 0;
};

Findings analyse(const std::vector<Statement>& policy, const Language& other) {
  const GlobSemantics may{{kSelf, kOther}};  // Allow: a fresh name may be one character
  const GlobSemantics must{};                // Deny: it may not
  Findings findings;
  for (int action = 0; action < 4; ++action) {
    std::vector<Language> allow;
    std::vector<Language> deny;
    for (const Statement& st : policy) {
      if (st.action != action) continue;
      for (const Glob& g : st.resources) {
        (st.deny ? deny : allow).push_back(Language::fromGlob(g, st.deny ? must : may));
      }
    }
    const Language effective = Language::unionOf(allow).minus(Language::unionOf(deny));
    const Language reach = effective.intersect(other);
    if (!reach.isEmpty()) {
      ++findings.reachable_actions;
      findings.witness_symbols += reach.shortestMember()->size();
    }
  }
  return findings;
}

void BM_PolicyWorkload(benchmark::State& state) {
  const std::vector<Statement> policy = makePolicy(static_cast<unsigned>(state.range(0)));
  const Language other = otherDeviceTopics();
  Findings findings;
  for (auto _ : state) {
    findings = analyse(policy, other);
    benchmark::DoNotOptimize(findings);
  }
  state.counters["reachable_actions"] = findings.reachable_actions;
  state.counters["globs/s"] = benchmark::Counter(1000.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_PolicyWorkload)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond);

/// 64 wildcards, each followed by 1-2 literals from a small alphabet (the hard case for
/// determinisation: repeated letters make many positions active at once).
Glob sixtyFourWildcards(unsigned seed) {
  std::mt19937 rng(seed);
  Glob glob;
  for (int i = 0; i < 64; ++i) {
    const bool star = std::uniform_int_distribution<int>(0, 1)(rng) == 0;
    glob.push_back({star ? GlobAtom::Kind::kAnySequence : GlobAtom::Kind::kAnyOne, 0});
    const int literals = std::uniform_int_distribution<int>(1, 2)(rng);
    for (int k = 0; k < literals; ++k) {
      glob.push_back({GlobAtom::Kind::kSymbol, static_cast<Symbol>("ab/"[std::uniform_int_distribution<int>(0, 2)(rng)])});
    }
  }
  return glob;
}

void BM_SixtyFourWildcardGlob(benchmark::State& state) {
  const Glob glob = sixtyFourWildcards(static_cast<unsigned>(state.range(0)));
  std::size_t complement_states = 0;
  for (auto _ : state) {
    const Language l = Language::fromGlob(glob);
    benchmark::DoNotOptimize(l.isEmpty());
    benchmark::DoNotOptimize(l.shortestMember());
    const Language c = l.complement();
    complement_states = c.stateCount();
    benchmark::DoNotOptimize(c.isEmpty());
  }
  state.counters["complement_states"] = static_cast<double>(complement_states);
}
BENCHMARK(BM_SixtyFourWildcardGlob)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond);

}  // namespace
