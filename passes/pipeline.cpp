// passes/pipeline.cpp: the passes before coverage: expand-actions, resolve-variables and
// parse-resources (see passes.def), with their diagnostics (IL200-IL205) and dumps.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "ir/text.h"
#include "passes/pass_manager.h"

namespace iotlint::passes {

namespace {

bool isIotPrefix(std::string_view action) {
  const auto colon = action.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string prefix = ir::asciiLowered(action.substr(0, colon));
  return prefix == "iot" || prefix == "iotjobsdata";
}

/// A resource type for messages, in backticks: `topic`, or `*` for the actions that take only `*`.
std::string typeText(ResourceType type) {
  const std::string_view name = resourceTypeDisplayName(type);
  return name.starts_with('`') ? std::string(name) : fmt::format("`{}`", name);
}

std::string_view effectVerb(ir::Effect effect) { return effect == ir::Effect::kAllow ? "grants" : "denies"; }

/// Condition operators whose values are never substituted [IAM-VAR, IAM-OPS].
bool operatorTakesNoVariables(std::string_view op) {
  std::string base = ir::asciiLowered(op);
  if (const auto colon = base.find(':'); colon != std::string::npos) base = base.substr(colon + 1);
  if (base.ends_with("ifexists")) base.resize(base.size() - 8);
  return base.starts_with("numeric") || base.starts_with("date") || base.starts_with("binary") ||
         base == "ipaddress" || base == "notipaddress" || base == "null";
}

}  // namespace

// expand-actions ------------------------------------------------------------------------------

ActionsResult runExpandActions(AnalysisManager& manager) {
  const ir::Policy& policy = manager.policy();
  ActionsResult result;
  for (const auto& statement : policy.statements) {
    StatementActions actions;
    ActionSet listed;
    for (const auto& entry : statement.actions.items) {
      const ActionSet matched = expandActionPattern(entry.value);
      actions.per_entry.push_back(matched);
      listed |= matched;
      if (matched.any() || policy.file == nullptr) continue;
      const std::string_view verb = statement.not_action ? "excludes" : effectVerb(statement.effect);
      std::string message;
      if (!isIotPrefix(entry.value) && ir::findFirstOf(entry.value, "*?") == std::string::npos) {
        message = fmt::format("`{}` is not an AWS IoT action, so it {} nothing in an AWS IoT policy", entry.value, verb);
      } else {
        message = fmt::format("`{}` matches no AWS IoT policy action, so it {} nothing", entry.value, verb);
        if (auto closest = closestAction(entry.value)) message += fmt::format("; did you mean `{}`?", actionName(*closest));
      }
      manager.diagnostics().report(ir::RuleId::kUnknownAction, *policy.file, entry.contentRange(), std::move(message));
    }
    actions.actions = statement.not_action ? complementOf(listed) : listed;
    result.statements.push_back(std::move(actions));
  }
  return result;
}

std::string dumpExpandActions(const ActionsResult& result, const ir::Policy& policy) {
  std::string out = "expand-actions\n";
  for (std::size_t i = 0; i < result.statements.size() && i < policy.statements.size(); ++i) {
    const auto& statement = policy.statements[i];
    out += fmt::format("  statement {}{}: {}{}\n", i, statement.sid ? " " + statement.sid->value : std::string(),
                       statement.not_action ? "NotAction -> " : "", actionListText(result.statements[i].actions));
    for (std::size_t j = 0; j < statement.actions.items.size(); ++j) {
      out += fmt::format("    `{}` -> {}\n", statement.actions.items[j].value,
                         result.statements[i].per_entry[j].any() ? actionListText(result.statements[i].per_entry[j])
                                                                 : std::string("(nothing)"));
    }
  }
  return out;
}

// resolve-variables ---------------------------------------------------------------------------

VariablesResult runResolveVariables(AnalysisManager& manager) {
  const ir::Policy& policy = manager.policy();
  auto& diagnostics = manager.diagnostics();
  VariablesResult result;
  // Why `${...}` is literal text: a 2008 policy, no Version at all, or a Version AWS does not
  // know (reported as IL116), which iotlint reads like a missing one.
  const auto versionText = [&]() -> std::string {
    if (policy.version == ir::PolicyVersion::kV2008) return "under `\"Version\": \"2008-10-17\"`";
    if (policy.version_string) {
      return fmt::format("because `Version` is `{}` rather than `2012-10-17`", policy.version_string->value);
    }
    return "in a policy without `Version`";
  };
  const auto reportLegacy = [&](const ir::PolicyString& string) {
    if (policy.file == nullptr) return;
    // Point at the first `${...}` of the string, and name it.
    const std::vector<ir::StringPart> split = string.parts.empty() ? splitPolicyString(string.value) : std::vector<ir::StringPart>{};
    const std::vector<ir::StringPart>& parts = string.parts.empty() ? split : string.parts;
    const auto first = std::find_if(parts.begin(), parts.end(), [](const ir::StringPart& part) {
      return part.kind == ir::StringPart::Kind::kVariable || part.kind == ir::StringPart::Kind::kEscape;
    });
    const ir::SourceRange range = first == parts.end() ? string.contentRange() : string.rangeOf(first->begin, first->end);
    const std::string text = first == parts.end() ? std::string("${...}") : "${" + first->text + "}";
    diagnostics.report(ir::RuleId::kVariableInLegacyVersion, *policy.file, range,
                       fmt::format("`{}` is literal text, not a policy variable, {}; set `\"Version\": \"2012-10-17\"` to use variables",
                                   text, versionText()));
  };
  const auto reportUnknown = [&](const VariableUse& use, std::string_view consequence) {
    if (policy.file == nullptr) return;
    std::string message = fmt::format("`${{{}}}` is not an AWS IoT policy variable, so {}", use.name, consequence);
    if (use.classification.case_mismatch) {
      message += fmt::format("; variable names are case-sensitive: did you mean `${{{}}}`?", use.classification.suggestion);
    } else if (!use.classification.suggestion.empty()) {
      message += fmt::format("; did you mean `${{{}}}`?", use.classification.suggestion);
    }
    diagnostics.report(ir::RuleId::kUnknownVariable, *policy.file, use.range, std::move(message));
  };
  const auto registerToken = [&](const VariableUse& use) {
    switch (use.classification.binding) {
      case VariableBinding::kSharedAdmin:
      case VariableBinding::kPrincipal:
        if (!use.classification.multi_valued) result.tokens.valueToken(use.name);
        return;
      case VariableBinding::kSelfThing:
      case VariableBinding::kClientId:
      case VariableBinding::kNetwork:
      case VariableBinding::kConditionOnly:
      case VariableBinding::kUnknown:
        return;
    }
  };

  for (const auto& statement : policy.statements) {
    StatementVariables variables;
    const bool connect_only = [&] {
      if (statement.not_action) return false;
      for (const auto& entry : statement.actions.items) {
        const ActionSet set = expandActionPattern(entry.value);
        ActionSet client_only;
        client_only.set(static_cast<std::size_t>(Action::kConnect));
        if ((set & ~client_only).any()) return false;
      }
      return true;
    }();
    for (const auto& resource : statement.resources.items) {
      ResolvedString resolved = resolveString(resource, policy.version);
      if (resolved.legacy_literal) reportLegacy(resource);
      bool resolvable = true;
      for (const auto& use : resolved.variables) {
        registerToken(use);
        const auto& cls = use.classification;
        if (cls.kind == VariableKind::kClientId && !connect_only) result.uses_client_id_outside_connect = true;
        if (cls.kind == VariableKind::kUnknown) {
          resolvable = false;
          reportUnknown(use, statement.not_resource
                                 ? std::string_view("this NotResource entry excludes nothing")
                                 : (statement.effect == ir::Effect::kAllow ? std::string_view("this resource grants nothing")
                                                                           : std::string_view("this resource denies nothing")));
          continue;
        }
        std::string why;
        if (cls.binding == VariableBinding::kNetwork) {
          why = "is a network value, available to conditions only";
        } else if (cls.binding == VariableBinding::kConditionOnly) {
          why = "is a boolean condition key, never substituted into a resource";
        } else if (cls.multi_valued) {
          why = "holds a list of values, usable only with `ForAnyValue:`/`ForAllValues:` conditions";
        }
        if (!why.empty()) {
          resolvable = false;
          if (policy.file != nullptr) {
            diagnostics.report(ir::RuleId::kUnresolvableVariable, *policy.file, use.range,
                               fmt::format("`${{{}}}` {}, so this resource matches nothing", use.name, why));
          }
        }
      }
      variables.resources.push_back(std::move(resolved));
      variables.resource_resolvable.push_back(resolvable);
    }
    for (const auto& condition : statement.conditions) {
      std::vector<ResolvedString> values;
      for (const auto& value : condition.values.items) {
        ResolvedString resolved = resolveString(value, policy.version);
        if (resolved.legacy_literal) reportLegacy(value);
        for (const auto& use : resolved.variables) {
          registerToken(use);
          if (use.classification.kind == VariableKind::kUnknown) {
            reportUnknown(use, "this condition value never matches");
          } else if (operatorTakesNoVariables(condition.op.value) && policy.file != nullptr) {
            diagnostics.report(ir::RuleId::kUnresolvableVariable, *policy.file, use.range,
                               fmt::format("`${{{}}}` is not substituted in `{}` conditions, so the value is compared as literal text",
                                           use.name, condition.op.value));
          }
        }
        values.push_back(std::move(resolved));
      }
      variables.condition_values.push_back(std::move(values));
    }
    result.statements.push_back(std::move(variables));
  }
  return result;
}

std::string dumpResolveVariables(const VariablesResult& result, const ir::Policy& policy) {
  std::string out = "resolve-variables\n";
  for (std::size_t i = 0; i < result.statements.size() && i < policy.statements.size(); ++i) {
    const auto& statement = result.statements[i];
    out += fmt::format("  statement {}\n", i);
    for (std::size_t j = 0; j < statement.resources.size(); ++j) {
      const auto& resolved = statement.resources[j];
      out += fmt::format("    resource {} `{}`{}{}\n", j, patternText(resolved.atoms, resolved.variables),
                         resolved.legacy_literal ? " (legacy: literal)" : "",
                         statement.resource_resolvable[j] ? "" : " (never matches)");
      for (const auto& use : resolved.variables) {
        out += fmt::format("      ${{{}}}: {} ({})\n", use.name, variableKindName(use.classification.kind),
                           bindingName(use.classification.binding));
      }
    }
    for (std::size_t c = 0; c < statement.condition_values.size(); ++c) {
      for (const auto& resolved : statement.condition_values[c]) {
        for (const auto& use : resolved.variables) {
          out += fmt::format("    condition {} ${{{}}}: {} ({})\n", c, use.name, variableKindName(use.classification.kind),
                             bindingName(use.classification.binding));
        }
      }
    }
  }
  out += "  tokens:";
  for (auto symbol : result.tokens.allTokens()) out += fmt::format(" {}", result.tokens.render(symbol));
  out += "\n";
  return out;
}

// parse-resources -----------------------------------------------------------------------------

ResourcesResult runParseResources(AnalysisManager& manager) {
  const ir::Policy& policy = manager.policy();
  const ActionsResult& actions = manager.getExpandActions();
  const VariablesResult& variables = manager.getResolveVariables();
  auto& diagnostics = manager.diagnostics();
  ResourcesResult result;
  for (std::size_t i = 0; i < policy.statements.size(); ++i) {
    const auto& statement = policy.statements[i];
    const ActionSet& statement_actions = actions.statements[i].actions;
    StatementResources resources;
    bool every_resource_typed = true;
    std::array<bool, kResourceTypeCount> type_present{};
    for (std::size_t j = 0; j < statement.resources.items.size(); ++j) {
      const ResolvedString& resolved = variables.statements[i].resources[j];
      ResourceNames names;
      names.parsed = parseResource(resolved);
      if (names.parsed.form == ParsedResource::Form::kMisplacedVariable && policy.file != nullptr) {
        for (auto index : names.parsed.misplaced_variables) {
          diagnostics.report(ir::RuleId::kVariableOutsideResourceName, *policy.file, resolved.variables[index].range,
                             fmt::format("`${{{}}}` stands before the resource part of the ARN (partition, service, region or "
                                         "account), where variables are not substituted, so this resource matches nothing",
                                         resolved.variables[index].name));
        }
      }
      bool matches_some_action = false;
      for (std::size_t t = 0; t < kResourceTypeCount; ++t) {
        names.names[t] = namesForType(names.parsed, static_cast<ResourceType>(t));
        if (!names.names[t].empty()) type_present[t] = true;
      }
      for (const auto& info : allActions()) {
        if (statement_actions.test(static_cast<std::size_t>(info.action)) &&
            !names.names[static_cast<std::size_t>(info.resource_type)].empty()) {
          matches_some_action = true;
        }
      }
      const bool analysable = (names.parsed.form == ParsedResource::Form::kArn || names.parsed.form == ParsedResource::Form::kStar);
      // A malformed ARN (IL119) or a misplaced variable (IL203) is already explained: do not also
      // blame the statement's actions for it below.
      if (!analysable) every_resource_typed = false;
      // A resource part that starts with `/` or holds no `/` (wildcards aside) is a malformed ARN,
      // reported by the frontend as IL119: it matches nothing, but not because of its type.
      const auto& part = names.parsed.resource_part;
      const auto isByte = [](const PatternAtom& atom, char c) { return atom.kind == PatternAtom::Kind::kByte && atom.byte == c; };
      const bool malformed_part =
          names.parsed.form == ParsedResource::Form::kArn &&
          ((!part.empty() && isByte(part.front(), '/')) ||
           std::none_of(part.begin(), part.end(), [&](const PatternAtom& atom) {
             return isByte(atom, '/') || atom.kind == PatternAtom::Kind::kAnySequence || atom.kind == PatternAtom::Kind::kAnyOne;
           }));
      if (malformed_part) every_resource_typed = false;
      if (!matches_some_action && analysable && !malformed_part && statement_actions.any() && !statement.not_resource) {
        names.type_mismatch = true;
        every_resource_typed = false;
        std::string subject = "this resource";
        for (std::size_t t = 0; t < kResourceTypeCount; ++t) {
          if (!names.names[t].empty()) {
            subject = fmt::format("this {} resource", typeText(static_cast<ResourceType>(t)));
            break;
          }
        }
        std::string wanted;
        std::size_t wanted_count = 0;
        std::optional<ResourceType> wanted_type;
        for (std::size_t t = 0; t < kResourceTypeCount; ++t) {
          bool needed = false;
          for (const auto& info : allActions()) {
            if (statement_actions.test(static_cast<std::size_t>(info.action)) && static_cast<std::size_t>(info.resource_type) == t) needed = true;
          }
          if (!needed) continue;
          wanted += fmt::format("{}{}", wanted.empty() ? "" : " or ", typeText(static_cast<ResourceType>(t)));
          ++wanted_count;
          wanted_type = static_cast<ResourceType>(t);
        }
        std::string action_text;
        std::size_t action_count = 0;
        for (const auto& info : allActions()) {
          if (!statement_actions.test(static_cast<std::size_t>(info.action))) continue;
          action_text += fmt::format("{}`{}`", action_text.empty() ? "" : ", ", info.name);
          ++action_count;
        }
        // The usual slip is one type for another (`topic/` for Subscribe's `topicfilter/`): name
        // the type to write when there is exactly one.
        std::string hint;
        if (wanted_count == 1 && wanted_type) {
          hint = *wanted_type == ResourceType::kAll
                     ? std::string("; write the resource `*`")
                     : fmt::format("; write `...:{}/NAME`", resourceTypePrefix(*wanted_type));
        }
        if (policy.file != nullptr) {
          diagnostics.report(ir::RuleId::kWrongResourceType, *policy.file, statement.resources.items[j].contentRange(),
                             fmt::format("{} never matches {}, which {} checked on {}, so it {} nothing{}",
                                         subject, action_text, action_count == 1 ? "is" : "are",
                                         wanted_count == 1 && wanted_type == ResourceType::kAll
                                             ? std::string("the resource `*` only")
                                             : wanted + " resources",
                                         effectVerb(statement.effect), hint));
        }
      }
      resources.resources.push_back(std::move(names));
    }
    // An action named explicitly (no wildcard) that none of the resources can serve, when every
    // resource serves some other action (otherwise the resource report above explains it).
    if (every_resource_typed && !statement.not_action && !statement.not_resource && policy.file != nullptr) {
      for (std::size_t k = 0; k < statement.actions.items.size(); ++k) {
        const auto& entry = statement.actions.items[k];
        if (ir::findFirstOf(entry.value, "*?") != std::string::npos) continue;
        const ActionSet& set = actions.statements[i].per_entry[k];
        for (const auto& info : allActions()) {
          if (!set.test(static_cast<std::size_t>(info.action))) continue;
          if (type_present[static_cast<std::size_t>(info.resource_type)]) continue;
          diagnostics.report(ir::RuleId::kWrongResourceType, *policy.file, entry.contentRange(),
                             fmt::format("`{}` takes {} resources, but no resource of this statement is one, so the "
                                         "statement {} nothing for it",
                                         info.name, typeText(info.resource_type), effectVerb(statement.effect)));
        }
      }
    }
    result.statements.push_back(std::move(resources));
  }
  return result;
}

std::string dumpParseResources(const ResourcesResult& result, const ir::Policy& policy) {
  std::string out = "parse-resources\n";
  for (std::size_t i = 0; i < result.statements.size() && i < policy.statements.size(); ++i) {
    out += fmt::format("  statement {}\n", i);
    const auto& statement = result.statements[i];
    for (std::size_t j = 0; j < statement.resources.size(); ++j) {
      const auto& names = statement.resources[j];
      std::string_view form;
      switch (names.parsed.form) {
        case ParsedResource::Form::kStar: form = "star"; break;
        case ParsedResource::Form::kArn: form = "arn"; break;
        case ParsedResource::Form::kMalformed: form = "malformed"; break;
        case ParsedResource::Form::kNotIot: form = "not-iot"; break;
        case ParsedResource::Form::kMisplacedVariable: form = "misplaced-variable"; break;
      }
      out += fmt::format("    resource {} `{}`: {}{}\n", j, policy.statements[i].resources.items[j].value, form,
                         names.type_mismatch ? " (type mismatch)" : "");
      for (std::size_t t = 0; t < kResourceTypeCount; ++t) {
        if (names.names[t].empty()) continue;
        std::string globs;
        for (const auto& glob : names.names[t]) {
          // Variables are shown by index here; resolve-variables shows their names.
          std::vector<VariableUse> none;
          std::string text;
          for (const auto& atom : glob) {
            switch (atom.kind) {
              case PatternAtom::Kind::kByte: text += atom.byte; break;
              case PatternAtom::Kind::kAnySequence: text += '*'; break;
              case PatternAtom::Kind::kAnyOne: text += '?'; break;
              case PatternAtom::Kind::kVariable: text += fmt::format("${{#{}}}", atom.variable); break;
            }
          }
          globs += fmt::format("{}`{}`", globs.empty() ? "" : " | ", text);
        }
        out += fmt::format("      {}: {}\n", resourceTypeDisplayName(static_cast<ResourceType>(t)), globs);
      }
    }
  }
  return out;
}

}  // namespace iotlint::passes
