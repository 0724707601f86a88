// bench/corpus.h: realistic generated policies for the benchmark program.
//
// A policy is drawn from a fixed mix of the shapes found in real accounts: device-scoped (clean),
// broad (`*` resources, `iot:*`), variables (`${iot:ClientId}`, thing attributes), Deny
// statements, conditions, and sizes from a few hundred bytes up to the 2048-character limit of an
// AWS IoT policy. The same seed always gives the same corpus.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace iotlint::bench {

struct CorpusOptions {
  std::size_t count = 1000;
  /// The typical size of a policy in bytes; sizes vary around it, never above 2048.
  std::size_t typical_bytes = 500;
  std::uint32_t seed = 1;
};

/// What the mix is made of, in percent of the policies (the rest are clean device-scoped ones).
struct CorpusMix {
  static constexpr unsigned kBroad = 20;
  static constexpr unsigned kVariables = 25;
  static constexpr unsigned kDeny = 15;
  static constexpr unsigned kConditions = 15;
  static constexpr unsigned kLarge = 3;  ///< close to the 2048-character limit
};

/// `options.count` policy documents, each a complete JSON text.
std::vector<std::string> generateCorpus(const CorpusOptions& options);

/// A policy built to be expensive, with what makes it so.
struct AdversarialPolicy {
  std::string name;  ///< e.g. "wildcard-run-900"
  std::string text;
  std::string extension = ".json";  ///< how the file is named: its input format
};
/// The inputs that stress the analysis rather than the parser: long runs of `*` and `?`, many
/// wildcards mixed with variables, hundreds of statements, NotResource over wildcards, and the
/// deepest nesting the frontend accepts; then files crafted against the readers, which must be
/// refused as fast: 100,000 open brackets in JSON, Terraform and YAML, and YAML aliases of aliases
/// that would expand to 9^9 values. Each must stay within 50 ms.
std::vector<AdversarialPolicy> generateAdversarial();

}  // namespace iotlint::bench
