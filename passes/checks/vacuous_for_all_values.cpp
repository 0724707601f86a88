// passes/checks/vacuous_for_all_values.cpp: IL210 vacuous-for-all-values.
//
// `ForAllValues:OP` holds when every value of the key in the request satisfies OP, so it holds
// when the request has no value for the key at all [IAM-MV, reference §2.3]. For a key a request
// may lack (`iot:ConnectAttributes` on a plain connection, a certificate attribute list the
// certificate does not have) the condition then restricts nothing on its own: an Allow also
// applies to requests without the key, a Deny also blocks them. Not reported: an empty value
// list (`ForAllValues:StringEquals {"iot:ConnectAttributes": []}` deliberately means "no
// attribute"), a statement that also requires the key with `Null` "false", and keys every
// request carries.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "ir/text.h"
#include "passes/checks/check.h"

namespace iotlint::passes {

namespace {

constexpr std::string_view kQualifier = "forallvalues:";

/// Keys every request of a device carries [IOT-BVAR]: ForAllValues over them is not vacuous.
bool alwaysPresent(std::string_view key) {
  static constexpr std::array<std::string_view, 2> kKeys = {"iot:clientid", "aws:sourceip"};
  const std::string folded = ir::asciiLowered(key);
  return std::find(kKeys.begin(), kKeys.end(), folded) != kKeys.end();
}

/// The statement also holds `Null` with "false" for `key` (the key must be present).
bool requiresPresence(const ir::Statement& statement, std::string_view key) {
  const std::string folded = ir::asciiLowered(key);
  return std::any_of(statement.conditions.begin(), statement.conditions.end(), [&](const ir::Condition& condition) {
    return ir::asciiLowered(condition.op.value) == "null" && ir::asciiLowered(condition.key.value) == folded &&
           !condition.values.items.empty() &&
           std::all_of(condition.values.items.begin(), condition.values.items.end(),
                       [](const ir::PolicyString& value) { return ir::asciiLowered(value.value) == "false"; });
  });
}

}  // namespace

void checkVacuousForAllValues(const CheckContext& context) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr) return;
  for (const ir::Statement& statement : policy.statements) {
    for (const ir::Condition& condition : statement.conditions) {
      const std::string op = ir::asciiLowered(condition.op.value);
      if (!op.starts_with(kQualifier) || condition.values.items.empty()) continue;
      if (alwaysPresent(condition.key.value) || requiresPresence(statement, condition.key.value)) continue;
      const std::string_view base = std::string_view(condition.op.value).substr(kQualifier.size());
      const bool negated = ir::asciiLowered(base).find("not") != std::string::npos;
      const std::string_view consequence = statement.effect == ir::Effect::kAllow
                                               ? "this `Allow` also applies to requests without it"
                                               : "this `Deny` also applies to requests without it";
      const std::string null_check = fmt::format("`\"Null\": {{\"{}\": \"false\"}}`", condition.key.value);
      const std::string hint =
          negated ? fmt::format("add {} to require the key", null_check)
                  : fmt::format("use `ForAnyValue:{}` to require one of the listed values, or add {} to require the key",
                                base, null_check);
      context.diagnostics().report(
          ir::RuleId::kVacuousForAllValues, context.file(),
          condition.op.rangeOf(0, static_cast<std::uint32_t>(kQualifier.size() - 1)),
          fmt::format("`{}` is true when the request has no `{}` value, so {}; {}", condition.op.value,
                      condition.key.value, consequence, hint));
    }
  }
}

}  // namespace iotlint::passes
