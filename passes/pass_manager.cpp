#include "passes/pass_manager.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace iotlint::passes {

namespace {

// The enumerators of passes.def as constants, so that a PASS entry's dependency list (bare
// enumerator names) can be spelled as an initializer list.
namespace pass_names {
#define PASS(enumerator, name, result_type, summary, ...) \
  [[maybe_unused]] constexpr PassId enumerator = PassId::k##enumerator;
#include "passes/passes.def"
#undef PASS
}  // namespace pass_names

std::vector<PassInfo> makePasses() {
  using namespace pass_names;
  return {
#define PASS(enumerator, name, result_type, summary, ...) \
  PassInfo{PassId::k##enumerator, name, summary, std::vector<PassId>{__VA_ARGS__}},
#include "passes/passes.def"
#undef PASS
  };
}

std::vector<PassId> sortPasses() {
  const auto& passes = allPasses();
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  std::vector<std::string_view> names;
  for (const auto& info : passes) {
    names.push_back(info.name);
    for (auto dependency : info.dependencies) {
      edges.emplace_back(static_cast<std::size_t>(dependency), static_cast<std::size_t>(info.id));
    }
  }
  std::vector<PassId> order;
  for (auto index : topologicalOrder(passes.size(), edges, names)) order.push_back(passes[index].id);
  return order;
}

}  // namespace

const std::vector<PassInfo>& allPasses() {
  static const std::vector<PassInfo> passes = makePasses();
  return passes;
}

const PassInfo& passInfo(PassId id) { return allPasses()[static_cast<std::size_t>(id)]; }

std::optional<PassId> findPass(std::string_view name) {
  for (const auto& info : allPasses()) {
    if (info.name == name) return info.id;
  }
  return std::nullopt;
}

std::vector<std::size_t> topologicalOrder(std::size_t count, const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                                          const std::vector<std::string_view>& names) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph graph(count);
  for (const auto& [from, to] : edges) boost::add_edge(from, to, graph);
  std::vector<std::size_t> reversed;
  try {
    boost::topological_sort(graph, std::back_inserter(reversed));
  } catch (const boost::not_a_dag&) {
    std::string list;
    for (auto name : names) list += fmt::format("{}`{}`", list.empty() ? "" : ", ", name);
    throw std::logic_error(fmt::format("the pass dependencies form a cycle (passes: {})", list));
  }
  return {reversed.rbegin(), reversed.rend()};
}

const std::vector<PassId>& passOrder() {
  static const std::vector<PassId> kOrder = sortPasses();  // the same for every policy analysed
  return kOrder;
}

AnalysisManager::AnalysisManager(const ir::Policy& policy, ir::DiagnosticEngine& diagnostics)
    : policy_(&policy), diagnostics_(&diagnostics), run_counts_(allPasses().size(), 0) {}

#define PASS(enumerator, name, result_type, summary, ...)               \
  const result_type& AnalysisManager::get##enumerator() {               \
    if (!enumerator##_) {                                               \
      ++run_counts_[static_cast<std::size_t>(PassId::k##enumerator)];   \
      enumerator##_.emplace(run##enumerator(*this));                    \
    }                                                                   \
    return *enumerator##_;                                              \
  }
#include "passes/passes.def"
#undef PASS

void AnalysisManager::run(PassId id) {
  switch (id) {
#define PASS(enumerator, name, result_type, summary, ...) \
  case PassId::k##enumerator:                             \
    static_cast<void>(get##enumerator());                 \
    return;
#include "passes/passes.def"
#undef PASS
  }
}

bool AnalysisManager::cached(PassId id) const {
  switch (id) {
#define PASS(enumerator, name, result_type, summary, ...) \
  case PassId::k##enumerator:                             \
    return enumerator##_.has_value();
#include "passes/passes.def"
#undef PASS
  }
  return false;
}

std::string AnalysisManager::dump(PassId id) {
  switch (id) {
#define PASS(enumerator, name, result_type, summary, ...) \
  case PassId::k##enumerator:                             \
    return dump##enumerator(get##enumerator(), *policy_);
#include "passes/passes.def"
#undef PASS
  }
  return {};
}

}  // namespace iotlint::passes
