// passes/checks/deny_fails_open.cpp: IL206 deny-fails-open.
//
// A Deny whose resource holds a variable that can never resolve there (unknown, network-only,
// condition-only, multi-valued, or before the fifth colon of the ARN) matches no request, and a
// Deny whose positive string/ARN condition compares with unknown variables only never applies:
// either way the Deny denies nothing, and what it was written to block stays allowed wherever an
// Allow grants it (shared/spec/semantics.md §3, reference §3.3). IL202-IL204 name the variable;
// this check names the Deny and what it was meant to deny.
#include <fmt/format.h>

#include <algorithm>

#include "ir/text.h"
#include "passes/checks/check.h"

namespace iotlint::passes {

namespace {

/// The statement's action entries as written, e.g. "`iot:Publish`, `iot:Receive`".
std::string actionsAsWritten(const ir::Statement& statement) {
  std::string text;
  for (const auto& entry : statement.actions.items) text += fmt::format("{}`{}`", text.empty() ? "" : ", ", entry.value);
  if (statement.not_action) return "every action except " + text;
  return text;
}

/// The resource part of an ARN (after the fifth colon outside `${...}`), or the whole string.
std::string_view resourcePart(const ir::PolicyString& resource) {
  const std::size_t begin = resourcePartBegin(resource);
  return begin == std::string::npos ? std::string_view(resource.value) : std::string_view(resource.value).substr(begin);
}

/// `text` with each `${name}` that has a suggestion replaced by `${suggestion}`.
std::string withSuggestions(std::string text, const std::vector<VariableUse>& uses) {
  for (const auto& use : uses) {
    if (use.classification.suggestion.empty()) continue;
    const std::string from = "${" + use.name + "}";
    const std::string to = "${" + use.classification.suggestion + "}";
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

/// Positive string and ARN operators: they never hold for a value that cannot resolve
/// (the same reading as the coverage pass).
bool isPositiveOperator(std::string_view op_text) {
  const std::string op = ir::asciiLowered(op_text);
  return !op.starts_with("forallvalues:") && !op.ends_with("ifexists") &&
         (op.ends_with("stringequals") || op.ends_with("stringlike") || op.ends_with("stringequalsignorecase") ||
          op.ends_with("arnequals") || op.ends_with("arnlike"));
}

}  // namespace

void checkDenyFailsOpen(const CheckContext& context) {
  const ir::Policy& policy = context.policy();
  if (policy.file == nullptr) return;
  const VariablesResult& variables = context.analyses.getResolveVariables();
  const ResourcesResult& resources = context.analyses.getParseResources();
  for (std::size_t s = 0; s < policy.statements.size(); ++s) {
    const ir::Statement& statement = policy.statements[s];
    if (statement.effect != ir::Effect::kDeny) continue;
    const std::string actions = actionsAsWritten(statement);

    // Resources. A NotResource entry that matches nothing makes the Deny broader (it fails
    // closed), so only Resource entries are reported.
    if (!statement.not_resource) {
      std::vector<std::size_t> failing;
      std::vector<const VariableUse*> culprits;
      for (std::size_t j = 0; j < statement.resources.items.size(); ++j) {
        const ResolvedString& resolved = variables.statements[s].resources[j];
        const ParsedResource& parsed = resources.statements[s].resources[j].parsed;
        const VariableUse* culprit = nullptr;
        if (!variables.statements[s].resource_resolvable[j]) {
          for (const auto& use : resolved.variables) {
            const auto& cls = use.classification;
            if (cls.kind == VariableKind::kUnknown || cls.multi_valued || cls.binding == VariableBinding::kNetwork ||
                cls.binding == VariableBinding::kConditionOnly) {
              culprit = &use;
              break;
            }
          }
        } else if (parsed.form == ParsedResource::Form::kMisplacedVariable && !parsed.misplaced_variables.empty()) {
          culprit = &resolved.variables[parsed.misplaced_variables.front()];
        }
        if (culprit != nullptr) {
          failing.push_back(j);
          culprits.push_back(culprit);
        }
      }
      const bool whole_statement = failing.size() == statement.resources.items.size();
      for (std::size_t k = 0; k < failing.size(); ++k) {
        const ir::PolicyString& resource = statement.resources.items[failing[k]];
        const ResolvedString& resolved = variables.statements[s].resources[failing[k]];
        const std::string meant = withSuggestions(std::string(resourcePart(resource)), resolved.variables);
        context.diagnostics().report(
            ir::RuleId::kDenyFailsOpen, context.file(), resource.contentRange(),
            fmt::format("`Deny` fails open: `${{{}}}` never resolves here, so this {} denies nothing; it was meant to "
                        "deny {} on `{}`",
                        culprits[k]->name, whole_statement ? "statement" : "resource", actions, meant));
      }
    }

    // Conditions: a positive operator whose every value holds an unknown variable never holds,
    // so the whole statement never applies.
    for (std::size_t c = 0; c < statement.conditions.size(); ++c) {
      const ir::Condition& condition = statement.conditions[c];
      if (!isPositiveOperator(condition.op.value) || c >= variables.statements[s].condition_values.size()) continue;
      const auto& values = variables.statements[s].condition_values[c];
      if (values.empty()) continue;
      const VariableUse* culprit = nullptr;
      bool all_unknown = true;
      for (const auto& value : values) {
        const auto unknown = std::find_if(value.variables.begin(), value.variables.end(), [](const VariableUse& use) {
          return use.classification.kind == VariableKind::kUnknown;
        });
        if (unknown == value.variables.end()) {
          all_unknown = false;
          break;
        }
        if (culprit == nullptr) culprit = &*unknown;
      }
      if (!all_unknown || culprit == nullptr) continue;
      const ir::PolicyString& first = condition.values.items.front();
      context.diagnostics().report(
          ir::RuleId::kDenyFailsOpen, context.file(), first.contentRange(),
          fmt::format("`Deny` fails open: `${{{}}}` never resolves, so the `{}` condition on `{}` never holds and this "
                      "statement denies nothing; it was meant to deny {} when `{}` matches `{}`",
                      culprit->name, condition.op.value, condition.key.value, actions, condition.key.value,
                      withSuggestions(first.value, values.front().variables)));
    }
  }
}

}  // namespace iotlint::passes
