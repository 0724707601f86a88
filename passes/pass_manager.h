// passes/pass_manager.h: the passes of passes.def, their order, and the cache of their results.
//
// A pass is a function from the policy (and the results of the passes it declares as
// dependencies) to one immutable result, plus a dump of that result as deterministic text
// (`--print-ir-after=NAME`, golden tests). Results are analyses cached per policy: asking for
// one runs its pass (and, through the accessors, its dependencies) once; diagnostics are
// therefore reported exactly once. The order of a full run is a topological sort of the
// declared dependencies (Boost.Graph); a cycle is a programming error (std::logic_error).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "passes/coverage.h"
#include "passes/results.h"

namespace iotlint::passes {

enum class PassId : std::uint8_t {
#define PASS(enumerator, name, result_type, summary, ...) k##enumerator,
#include "passes/passes.def"
#undef PASS
};

struct PassInfo {
  PassId id;
  std::string_view name;
  std::string_view summary;
  std::vector<PassId> dependencies;
};

const std::vector<PassInfo>& allPasses();
const PassInfo& passInfo(PassId id);
std::optional<PassId> findPass(std::string_view name);

/// A topological order of nodes 0..count-1 where each edge {from, to} means `from` runs before
/// `to`. Ties keep index order. Throws std::logic_error naming `names` on a cycle.
std::vector<std::size_t> topologicalOrder(std::size_t count, const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                                          const std::vector<std::string_view>& names);
/// The order in which a full run executes the passes of passes.def.
const std::vector<PassId>& passOrder();

class AnalysisManager {
 public:
  AnalysisManager(const ir::Policy& policy, ir::DiagnosticEngine& diagnostics);

  const ir::Policy& policy() const { return *policy_; }
  ir::DiagnosticEngine& diagnostics() { return *diagnostics_; }

#define PASS(enumerator, name, result_type, summary, ...) const result_type& get##enumerator();
#include "passes/passes.def"
#undef PASS

  /// Runs `id` (if not cached) and returns the dump of its result.
  std::string dump(PassId id);
  /// Runs `id` if its result is not cached yet.
  void run(PassId id);
  bool cached(PassId id) const;
  /// How many times each pass ran (for tests of the cache).
  std::size_t runCount(PassId id) const { return run_counts_[static_cast<std::size_t>(id)]; }

 private:
  const ir::Policy* policy_;
  ir::DiagnosticEngine* diagnostics_;
  std::vector<std::size_t> run_counts_;
#define PASS(enumerator, name, result_type, summary, ...) std::optional<result_type> enumerator##_;
#include "passes/passes.def"
#undef PASS
};

// The passes themselves (pipeline.cpp, coverage.cpp): run<Pass> computes, dump<Pass> renders.
#define PASS(enumerator, name, result_type, summary, ...)      \
  result_type run##enumerator(AnalysisManager& manager);       \
  std::string dump##enumerator(const result_type& result, const ir::Policy& policy);
#include "passes/passes.def"
#undef PASS

}  // namespace iotlint::passes
