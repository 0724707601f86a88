// passes/variables.h: what a `${...}` policy variable stands for (variables.def).
//
// Classification is by name alone; whether a variable can resolve *where it is used* (a network
// value in a resource, a variable in an ARN's account) is decided by the resolve-variables pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace iotlint::passes {

enum class VariableKind : std::uint8_t {
#define POLICY_VARIABLE(enumerator, spelling, match, binding) k##enumerator,
#include "passes/variables.def"
#undef POLICY_VARIABLE
  kUnknown,  ///< not a variable AWS IoT defines
};

enum class VariableBinding : std::uint8_t {
  kSelfThing,
  kClientId,
  kSharedAdmin,
  kPrincipal,
  kNetwork,
  kConditionOnly,
  kUnknown,
};

struct VariableClass {
  VariableKind kind = VariableKind::kUnknown;
  VariableBinding binding = VariableBinding::kUnknown;
  /// Multi-valued (`iot:Certificate.*.List`, `iot:Certificate.AvailableKeys`): usable only with
  /// `ForAnyValue:`/`ForAllValues:` conditions, never substituted into a resource.
  bool multi_valued = false;
  /// For an unknown name: the documented spelling it matches case-insensitively, or the closest
  /// documented name, for the message's hint.
  std::string suggestion;
  bool case_mismatch = false;  ///< `suggestion` differs from the name only in letter case
};

VariableClass classifyVariable(std::string_view name);

std::string_view variableKindName(VariableKind kind);
std::string_view bindingName(VariableBinding binding);

}  // namespace iotlint::passes
