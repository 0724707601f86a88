#include "passes/eval.h"

#include <fmt/format.h>

#include <algorithm>

#include "ir/text.h"
#include "passes/catalog.h"
#include "passes/resource_pattern.h"

namespace iotlint::passes {

namespace {

struct Substituted {
  std::optional<Pattern> pattern;  ///< none: a variable has no value, so nothing matches
  std::string unresolved;          ///< the variable that had no value
};

std::optional<std::string> valueOf(const VariableUse& use, const EvalRequest& request) {
  switch (use.classification.kind) {
    case VariableKind::kThingName:
      if (!request.attached) return std::nullopt;
      return request.thing_name;
    case VariableKind::kClientId:
      return request.client_id ? request.client_id : request.thing_name;
    case VariableKind::kIsAttached:
    case VariableKind::kThingTypeName:
    case VariableKind::kThingAttribute:
    case VariableKind::kCertificateId:
    case VariableKind::kCertificate:
    case VariableKind::kCognitoSub:
    case VariableKind::kSourceIp:
    case VariableKind::kDomainName:
    case VariableKind::kUnknown:
      return std::nullopt;
  }
  return std::nullopt;
}

Substituted substitute(const ResolvedString& resolved, const EvalRequest& request) {
  Substituted result;
  Pattern pattern;
  for (const auto& atom : resolved.atoms) {
    if (atom.kind != PatternAtom::Kind::kVariable) {
      pattern.push_back(atom);
      continue;
    }
    const auto& use = resolved.variables[atom.variable];
    const auto value = valueOf(use, request);
    if (!value) {
      result.unresolved = use.name;
      return result;
    }
    // Substituted values are literal text: their `*` and `?` are not wildcards.
    for (char c : *value) pattern.push_back({PatternAtom::Kind::kByte, c, 0});
  }
  result.pattern = std::move(pattern);
  return result;
}

std::string resourceTypeOfArn(std::string_view arn) {
  std::size_t colons = 0;
  std::size_t i = 0;
  for (; i < arn.size() && colons < 5; ++i) {
    if (arn[i] == ':') ++colons;
  }
  if (colons < 5) return {};
  const std::string_view rest = arn.substr(i);
  return std::string(rest.substr(0, rest.find('/')));
}

enum class Truth : std::uint8_t { kTrue, kFalse, kUnknown };

/// Concrete truth of one condition for the request, where iotlint can tell.
Truth conditionTruth(const ir::Condition& condition, const ir::Policy& policy, const EvalRequest& request) {
  const std::string op = ir::asciiLowered(condition.op.value);
  const std::string key = ir::asciiLowered(condition.key.value);
  if (key == "iot:connection.thing.isattached" && (op == "bool" || op == "boolifexists")) {
    const std::string expected = request.attached ? "true" : "false";
    return std::any_of(condition.values.items.begin(), condition.values.items.end(),
                       [&](const ir::PolicyString& v) { return ir::asciiLowered(v.value) == expected; })
               ? Truth::kTrue
               : Truth::kFalse;
  }
  std::optional<std::string> actual;
  if (key == "iot:clientid") {
    actual = request.client_id ? request.client_id : request.thing_name;
  } else if (key == "iot:connection.thing.thingname") {
    if (request.attached) actual = request.thing_name;
  } else {
    return Truth::kUnknown;
  }
  const bool negated = op == "stringnotequals" || op == "stringnotlike" || op == "stringnotequalsignorecase";
  const bool like = op == "stringlike" || op == "stringnotlike";
  const bool ignore_case = op.ends_with("ignorecase");
  if (!(negated || like || op == "stringequals" || op == "stringequalsignorecase")) return Truth::kUnknown;
  if (!actual) return negated ? Truth::kTrue : Truth::kFalse;  // a missing key: [IAM-OPS]
  bool any = false;
  for (const auto& value : condition.values.items) {
    const ResolvedString resolved = resolveString(value, policy.version);
    Substituted substituted = substitute(resolved, request);
    if (!substituted.pattern) continue;
    Pattern pattern = std::move(*substituted.pattern);
    std::string text = *actual;
    if (!like) {
      // Equality: wildcards are literal characters.
      for (auto& atom : pattern) {
        if (atom.kind == PatternAtom::Kind::kAnySequence) atom = {PatternAtom::Kind::kByte, '*', 0};
        if (atom.kind == PatternAtom::Kind::kAnyOne) atom = {PatternAtom::Kind::kByte, '?', 0};
      }
    }
    if (ignore_case) {
      for (auto& atom : pattern) atom.byte = ir::asciiLower(atom.byte);
      text = ir::asciiLowered(text);
    }
    if (globMatches(pattern, text)) any = true;
  }
  return (any != negated) ? Truth::kTrue : Truth::kFalse;
}

std::string statementName(const ir::Statement& statement) {
  if (statement.sid) return fmt::format("statement {} (Sid `{}`)", statement.index, statement.sid->value);
  return fmt::format("statement {}", statement.index);
}

std::string locationOf(const ir::Policy& policy, ir::SourceRange range) {
  if (policy.file == nullptr) return {};
  const auto position = policy.file->position(range.begin);
  return fmt::format(" at {}:{}", position.line, position.column_code_points);
}

}  // namespace

EvalResult evaluate(const ir::Policy& policy, const EvalRequest& request) {
  EvalResult result;
  const ActionSet catalog = expandActionPattern(request.action);
  if (catalog.none()) {
    result.notes.push_back(fmt::format("`{}` is not an AWS IoT action iotlint knows", request.action));
  } else {
    for (const auto& info : allActions()) {
      if (!catalog.test(static_cast<std::size_t>(info.action))) continue;
      const std::string type = resourceTypeOfArn(request.resource);
      if (info.resource_type == ResourceType::kAll) {
        if (request.resource != "*") result.notes.push_back(fmt::format("`{}` is checked on the resource `*`", info.name));
      } else if (type != resourceTypePrefix(info.resource_type)) {
        result.notes.push_back(fmt::format("`{}` is checked on `{}` resources, but the request names a `{}` resource",
                                           info.name, resourceTypePrefix(info.resource_type), type));
      }
      break;
    }
  }

  std::vector<DecidingStatement> allows;
  std::vector<DecidingStatement> denies;
  for (const auto& statement : policy.statements) {
    bool action_listed = false;
    for (const auto& entry : statement.actions.items) {
      if (actionPatternMatches(entry.value, request.action)) action_listed = true;
    }
    if (action_listed == statement.not_action) continue;

    std::string matched;
    bool any_match = false;
    for (const auto& resource : statement.resources.items) {
      const ResolvedString resolved = resolveString(resource, policy.version);
      const Substituted substituted = substitute(resolved, request);
      if (!substituted.pattern) {
        // Only worth saying when the resource could have matched with some value.
        Pattern any_value;
        for (const auto& atom : resolved.atoms) {
          any_value.push_back(atom.kind == PatternAtom::Kind::kVariable ? PatternAtom{PatternAtom::Kind::kAnySequence, 0, 0} : atom);
        }
        if (globMatches(any_value, request.resource)) {
          result.assumptions.push_back(fmt::format("`${{{}}}` has no value for this request, so `{}` in {} matches nothing",
                                                   substituted.unresolved, resource.value, statementName(statement)));
        }
        continue;
      }
      if (globMatches(*substituted.pattern, request.resource)) {
        any_match = true;
        if (matched.empty()) matched = fmt::format("`{}`", resource.value);
      }
    }
    if (statement.not_resource) {
      if (any_match) continue;
      matched = "NotResource";
    } else if (!any_match) {
      continue;
    }

    bool holds = true;
    bool certainly_false = false;
    std::vector<std::string> assumed;
    for (const auto& condition : statement.conditions) {
      switch (conditionTruth(condition, policy, request)) {
        case Truth::kTrue: break;
        case Truth::kFalse:
          holds = false;
          certainly_false = true;
          break;
        case Truth::kUnknown:
          assumed.push_back(fmt::format("`{}` on `{}`", condition.op.value, condition.key.value));
          if (statement.effect == ir::Effect::kDeny) holds = false;
          break;
      }
    }
    // A condition that is certainly false decides the statement: nothing was assumed.
    if (certainly_false) assumed.clear();
    for (const auto& what : assumed) {
      result.assumptions.push_back(fmt::format("assumed {} {} for {}", what,
                                               statement.effect == ir::Effect::kAllow ? "holds" : "does not hold",
                                               statementName(statement)));
    }
    if (!holds) continue;
    DecidingStatement deciding{statement.index, statement.sid ? statement.sid->value : std::string(), statement.range, matched};
    (statement.effect == ir::Effect::kAllow ? allows : denies).push_back(std::move(deciding));
  }

  if (!denies.empty()) {
    result.decision = Decision::kDeny;
    result.statements = std::move(denies);
  } else if (!allows.empty()) {
    result.decision = Decision::kAllow;
    result.statements = std::move(allows);
  } else {
    result.decision = Decision::kDeny;
    result.implicit = true;
  }

  std::string& out = result.explanation;
  out = fmt::format("{}\n", result.decision == Decision::kAllow ? "ALLOW" : "DENY");
  if (result.implicit) out += "  no statement allows it (implicit deny)\n";
  for (const auto& deciding : result.statements) {
    const auto& statement = policy.statements[deciding.index];
    out += fmt::format("  {} by {}{}: {}\n", result.decision == Decision::kAllow ? "allowed" : "denied",
                       statementName(statement), locationOf(policy, deciding.range), deciding.matched);
  }
  for (const auto& assumption : result.assumptions) out += fmt::format("  assumption: {}\n", assumption);
  for (const auto& note : result.notes) out += fmt::format("  note: {}\n", note);
  return result;
}

}  // namespace iotlint::passes
