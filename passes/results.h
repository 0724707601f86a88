// passes/results.h: the analyses the first passes of the pipeline produce (passes.def).
//
// Each result is indexed like the IR: `statements[i]` belongs to `policy.statements[i]`, and
// inside a statement, `resources[j]` to `statement.resources.items[j]`. Results are immutable
// once computed and cached by the AnalysisManager.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "passes/automata/language.h"
#include "passes/catalog.h"
#include "passes/resource_pattern.h"
#include "passes/tokens.h"

namespace iotlint::passes {

// expand-actions ------------------------------------------------------------------------------
struct StatementActions {
  std::vector<ActionSet> per_entry;  ///< what each Action/NotAction string matched
  ActionSet actions;                 ///< the statement's actions (NotAction: the complement)
};
struct ActionsResult {
  std::vector<StatementActions> statements;
};

// resolve-variables ---------------------------------------------------------------------------
struct StatementVariables {
  std::vector<ResolvedString> resources;
  /// False where a variable can never resolve in that resource (unknown, network-only,
  /// condition-only, multi-valued): the resource then matches nothing.
  std::vector<bool> resource_resolvable;
  std::vector<std::vector<ResolvedString>> condition_values;  ///< per condition, per value
};
struct VariablesResult {
  std::vector<StatementVariables> statements;
  /// One token per principal- or admin-bound variable used anywhere in the policy.
  TokenTable tokens;
  bool uses_client_id_outside_connect = false;
};

// parse-resources -----------------------------------------------------------------------------
struct ResourceNames {
  ParsedResource parsed;
  /// Per resource type: the name globs (see namesForType); empty when the type cannot match.
  std::array<std::vector<Pattern>, kResourceTypeCount> names;
  bool type_mismatch = false;  ///< matches none of its statement's actions' types (IL201)
};
struct StatementResources {
  std::vector<ResourceNames> resources;
};
struct ResourcesResult {
  std::vector<StatementResources> statements;
};

// bind-client-id ------------------------------------------------------------------------------
/// The values `${iot:ClientId}` can take, from the policy's own effective Connect grant.
struct ClientIdResult {
  enum class Binding : std::uint8_t {
    kFree,      ///< any string (Connect on `*`, `client/*`, `client/${iot:ClientId}`, or no Connect)
    kFinite,    ///< one of `values` (SELF when pinned by the thing name, or literals)
    kBounded,   ///< infinitely many, but not all: `grant`
  };
  Binding binding = Binding::kFree;
  automata::Language grant = automata::Language::everything();  ///< effective Connect grant
  /// What `${iot:ClientId}` may be in Allow resources: the Allow part of the Connect grant.
  automata::Language may_bound = automata::Language::everything();
  std::vector<std::vector<automata::Symbol>> values;            ///< for kFinite
  std::vector<std::uint32_t> connect_statements;  ///< statements whose Allow grants Connect
};

}  // namespace iotlint::passes
