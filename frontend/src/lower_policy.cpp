// frontend/src/lower_policy.cpp: from a JSON tree to the policy IR, reporting structural problems.
//
// Each element is checked for presence, type and known name; a statement that is too broken to
// mean anything (no Effect, no Action, ...) is reported and left out of the IR, so the passes only
// see statements whose meaning is clear. Element names are case-sensitive as in IAM; a name that
// matches a known element in another case gets a "did you mean" hint.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "frontend/parse.h"
#include "ir/text.h"
#include "frontend/src/input.h"
#include "frontend/src/json_tree.h"

namespace iotlint::frontend {

using ir::RuleId;
using ir::SourceRange;

namespace {

constexpr std::uint32_t kMaxPolicyCharacters = 2048;

/// The opening brace of an object: where "missing element" diagnostics point.
SourceRange openingOf(const JsonValue& value) { return {value.range.begin, value.range.begin + 1}; }

class Lowering {
 public:
  Lowering(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  std::optional<ir::Policy> lower(const JsonValue& root) {
    if (root.kind != JsonValue::Kind::kObject) {
      report(RuleId::kWrongValueType, root.range,
             fmt::format("the document is {}; a policy is a JSON object with `Version` and `Statement`",
                         kindName(root.kind)));
      return std::nullopt;
    }
    ir::Policy policy;
    policy.file = &file_;
    policy.range = root.range;
    checkSize(root);

    static constexpr std::array kPolicyElements = {std::string_view("Version"), std::string_view("Statement"),
                                                   std::string_view("Id")};
    for (const JsonMember& member : root.members) {
      const std::string_view key = member.key.value;
      if (key == "Version") {
        lowerVersion(member, policy);
      } else if (key == "Statement") {
        lowerStatements(member, policy);
      } else if (key == "Id") {
        report(RuleId::kPrincipalInDevicePolicy, member.key.range,
               "`Id` has no meaning in an AWS IoT policy; the policy is identified by its name");
      } else if (key == "Principal" || key == "NotPrincipal") {
        report(RuleId::kPrincipalInDevicePolicy, member.key.range,
               fmt::format("`{}` has no meaning in an AWS IoT policy: the policy applies to the certificates, "
                           "identities and thing groups it is attached to",
                           key));
      } else {
        reportUnknown(member, kPolicyElements, "the policy");
      }
    }
    if (root.find("Statement") == nullptr) {
      report(RuleId::kMissingElement, openingOf(root), "the policy has no `Statement`; it grants nothing");
    }
    return policy;
  }

 private:
  template <typename... Args>
  void report(RuleId rule, SourceRange range, std::string message) {
    diagnostics_.report(rule, file_, range, std::move(message));
  }

  template <std::size_t N>
  void reportUnknown(const JsonMember& member, const std::array<std::string_view, N>& known, std::string_view where) {
    for (std::string_view name : known) {
      if (!ir::equalsIgnoringCase(name, member.key.value) && ir::editDistance(name, member.key.value, ir::Case::kIgnored) <= 2) {
        report(RuleId::kUnknownElement, member.key.range,
               fmt::format("unknown element `{}` in {}; did you mean `{}`?", member.key.value, where, name));
        return;
      }
      if (ir::equalsIgnoringCase(name, member.key.value)) {
        report(RuleId::kUnknownElement, member.key.range,
               fmt::format("unknown element `{}` in {}; element names are case-sensitive: did you mean `{}`?",
                           member.key.value, where, name));
        return;
      }
    }
    report(RuleId::kUnknownElement, member.key.range,
           fmt::format("unknown element `{}` in {}", member.key.value, where));
  }

  /// AWS counts the characters of the document, white space excluded.
  void checkSize(const JsonValue& root) {
    const std::string_view text = file_.text(root.range);
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c & 0xC0U) == 0x80U) continue;
      if (++count == kMaxPolicyCharacters + 1) {
        std::uint32_t total = count;
        for (std::size_t k = i + 1; k < text.size(); ++k) {
          const auto d = static_cast<unsigned char>(text[k]);
          if (!(d == ' ' || d == '\t' || d == '\n' || d == '\r' || (d & 0xC0U) == 0x80U)) ++total;
        }
        const auto at = static_cast<std::uint32_t>(root.range.begin + i);
        report(RuleId::kPolicyTooLarge, {at, at + 1},
               fmt::format("the policy has {} characters without white space; AWS IoT accepts at most {}, and "
                           "character {} is here",
                           total, kMaxPolicyCharacters, kMaxPolicyCharacters + 1));
        return;
      }
    }
  }

  void lowerVersion(const JsonMember& member, ir::Policy& policy) {
    if (member.value.kind != JsonValue::Kind::kString) {
      report(RuleId::kWrongValueType, member.value.range,
             fmt::format("`Version` is {}; write the string \"2012-10-17\"", kindName(member.value.kind)));
      return;
    }
    policy.version_string = member.value.string;
    const std::string& text = member.value.string.value;
    if (text == "2012-10-17") {
      policy.version = ir::PolicyVersion::kV2012;
    } else if (text == "2008-10-17") {
      policy.version = ir::PolicyVersion::kV2008;
    } else {
      report(RuleId::kUnknownVersion, member.value.range,
             text.empty() ? std::string("`Version` is empty; use \"2012-10-17\"")
                          : fmt::format("unknown policy version `{}`; use \"2012-10-17\"", text));
    }
  }

  void lowerStatements(const JsonMember& member, ir::Policy& policy) {
    const JsonValue& value = member.value;
    policy.statement_value_range = value.range;
    if (value.kind == JsonValue::Kind::kObject) {
      policy.statement_scalar = true;
      lowerStatement(value, 0, policy);
      return;
    }
    if (value.kind != JsonValue::Kind::kArray) {
      report(RuleId::kWrongValueType, value.range,
             fmt::format("`Statement` is {}; it must be an array of statement objects, or one statement object",
                         kindName(value.kind)));
      return;
    }
    if (value.elements.empty()) {
      report(RuleId::kMissingElement, value.range, "`Statement` is empty; the policy grants nothing");
    }
    for (std::size_t i = 0; i < value.elements.size(); ++i) {
      const JsonValue& element = value.elements[i];
      if (element.kind != JsonValue::Kind::kObject) {
        report(RuleId::kWrongValueType, element.range,
               fmt::format("statement {} is {}; each statement is an object", i + 1, kindName(element.kind)));
        continue;
      }
      lowerStatement(element, static_cast<std::uint32_t>(i), policy);
    }
  }

  /// A string or a non-empty array of strings.
  std::optional<ir::StringList> lowerStringList(const JsonMember& member) {
    ir::StringList list;
    list.key_range = member.key.range;
    list.value_range = member.value.range;
    const JsonValue& value = member.value;
    if (value.kind == JsonValue::Kind::kString) {
      list.scalar = true;
      list.items.push_back(value.string);
      return list;
    }
    if (value.kind != JsonValue::Kind::kArray) {
      report(RuleId::kWrongValueType, value.range,
             fmt::format("`{}` is {}; it must be a string or an array of strings", member.key.value,
                         kindName(value.kind)));
      return std::nullopt;
    }
    if (value.elements.empty()) {
      report(RuleId::kWrongValueType, value.range,
             fmt::format("`{}` is an empty array; list at least one value", member.key.value));
      return std::nullopt;
    }
    bool ok = true;
    for (const JsonValue& element : value.elements) {
      if (element.kind != JsonValue::Kind::kString) {
        report(RuleId::kWrongValueType, element.range,
               fmt::format("an element of `{}` is {}; it must be a string", member.key.value, kindName(element.kind)));
        ok = false;
        continue;
      }
      list.items.push_back(element.string);
    }
    if (!ok) return std::nullopt;
    return list;
  }

  void lowerStatement(const JsonValue& object, std::uint32_t index, ir::Policy& policy) {
    static constexpr std::array kStatementElements = {
        std::string_view("Sid"),         std::string_view("Effect"),   std::string_view("Action"),
        std::string_view("NotAction"),   std::string_view("Resource"), std::string_view("NotResource"),
        std::string_view("Condition")};
    ir::Statement statement;
    statement.index = index;
    statement.range = object.range;
    bool sound = true;

    for (const JsonMember& member : object.members) {
      const std::string_view key = member.key.value;
      if (key == "Sid") {
        if (member.value.kind == JsonValue::Kind::kString) {
          statement.sid = member.value.string;
        } else {
          report(RuleId::kWrongValueType, member.value.range,
                 fmt::format("`Sid` is {}; it must be a string", kindName(member.value.kind)));
        }
      } else if (key == "Principal" || key == "NotPrincipal") {
        report(RuleId::kPrincipalInDevicePolicy, member.key.range,
               fmt::format("`{}` has no meaning in an AWS IoT policy: the policy applies to the certificates, "
                           "identities and thing groups it is attached to",
                           key));
      } else if (std::find(kStatementElements.begin(), kStatementElements.end(), key) == kStatementElements.end()) {
        reportUnknown(member, kStatementElements, fmt::format("statement {}", index + 1));
      }
    }

    sound &= lowerEffect(object, statement);
    sound &= lowerPair(object, "Action", "NotAction", statement.actions, statement.not_action, false);
    sound &= lowerPair(object, "Resource", "NotResource", statement.resources, statement.not_resource, true);
    if (const JsonMember* condition = object.find("Condition")) sound &= lowerConditions(*condition, statement);
    if (sound) policy.statements.push_back(std::move(statement));
  }

  bool lowerEffect(const JsonValue& object, ir::Statement& statement) {
    const JsonMember* effect = object.find("Effect");
    if (effect == nullptr) {
      report(RuleId::kMissingElement, openingOf(object), "the statement has no `Effect`; add \"Effect\": \"Allow\" or \"Deny\"");
      return false;
    }
    statement.effect_range = effect->value.range;
    if (effect->value.kind != JsonValue::Kind::kString) {
      report(RuleId::kInvalidEffect, effect->value.range,
             fmt::format("`Effect` is {}; it must be the string \"Allow\" or \"Deny\"", kindName(effect->value.kind)));
      return false;
    }
    const std::string& text = effect->value.string.value;
    if (text == "Allow") {
      statement.effect = ir::Effect::kAllow;
    } else if (text == "Deny") {
      statement.effect = ir::Effect::kDeny;
    } else if (ir::equalsIgnoringCase(text, "Allow") || ir::equalsIgnoringCase(text, "Deny")) {
      report(RuleId::kInvalidEffect, effect->value.range,
             fmt::format("`Effect` is \"{}\"; the value is case-sensitive: write \"{}\"", text,
                         ir::equalsIgnoringCase(text, "Allow") ? "Allow" : "Deny"));
      return false;
    } else {
      report(RuleId::kInvalidEffect, effect->value.range,
             fmt::format("`Effect` is \"{}\"; it must be \"Allow\" or \"Deny\"", text));
      return false;
    }
    return true;
  }

  /// Exactly one of `positive` and `negative` (Action/NotAction, Resource/NotResource).
  bool lowerPair(const JsonValue& object, std::string_view positive, std::string_view negative, ir::StringList& list,
                 bool& negated, bool resources) {
    const JsonMember* yes = object.find(positive);
    const JsonMember* no = object.find(negative);
    if (yes != nullptr && no != nullptr) {
      diagnostics_
          .report(RuleId::kConflictingElements, file_, no->key.range,
                  fmt::format("the statement has both `{}` and `{}`; keep one", positive, negative))
          .note(yes->key.range, fmt::format("`{}` is here", positive));
      return false;
    }
    if (yes == nullptr && no == nullptr) {
      report(RuleId::kMissingElement, openingOf(object),
             fmt::format("the statement has neither `{}` nor `{}`", positive, negative));
      return false;
    }
    const JsonMember& member = yes != nullptr ? *yes : *no;
    negated = no != nullptr;
    std::optional<ir::StringList> lowered = lowerStringList(member);
    if (!lowered) return false;
    list = std::move(*lowered);
    if (resources) {
      for (ir::PolicyString& resource : list.items) {
        resource.parts = parseStringParts(resource, file_, diagnostics_);
        checkArn(resource);
      }
    }
    return true;
  }

  /// `*`, or `arn:PARTITION:iot:REGION:ACCOUNT:TYPE/NAME` (wildcards and variables allowed in the parts).
  void checkArn(const ir::PolicyString& resource) {
    const std::string& text = resource.value;
    if (text == "*") return;
    const SourceRange range = resource.range;
    if (!text.starts_with("arn:")) {
      report(RuleId::kMalformedArn, range,
             fmt::format("resource `{}` is not an ARN; write `arn:aws:iot:REGION:ACCOUNT:TYPE/NAME` or `*`", text));
      return;
    }
    // Colons inside `${...}` (as in `${iot:ClientId}`) do not separate ARN parts.
    std::array<std::size_t, 5> colons{};
    std::size_t found = 0;
    bool in_variable = false;
    for (std::size_t i = 0; i < text.size() && found < colons.size(); ++i) {
      if (text.compare(i, 2, "${") == 0) in_variable = true;
      if (in_variable) {
        in_variable = text[i] != '}';
        continue;
      }
      if (text[i] == ':') colons[found++] = i;
    }
    if (found < colons.size()) {
      report(RuleId::kMalformedArn, range,
             fmt::format("ARN `{}` has {} of the 6 colon-separated parts `arn:PARTITION:iot:REGION:ACCOUNT:TYPE/NAME`",
                         text, found + 1));
      return;
    }
    const auto part = [&](std::size_t k) {
      return std::string_view(text).substr(colons[k - 1] + 1, colons[k] - colons[k - 1] - 1);
    };
    const std::string_view service = part(2);
    if (service != "iot" && ir::findFirstOf(service, "*?") == std::string_view::npos) {
      report(RuleId::kMalformedArn, resource.rangeOf(static_cast<std::uint32_t>(colons[1] + 1), static_cast<std::uint32_t>(colons[2])),
             fmt::format("the ARN names the service `{}`; AWS IoT policies only govern `iot` resources", service));
      return;
    }
    const std::string_view account = part(4);
    const bool account_ok = account.empty() || ir::findFirstOf(account, "*?$") != std::string_view::npos ||
                            (account.size() == 12 && std::all_of(account.begin(), account.end(),
                                                                 [](char c) { return c >= '0' && c <= '9'; }));
    if (!account_ok) {
      report(RuleId::kMalformedArn,
             resource.rangeOf(static_cast<std::uint32_t>(colons[3] + 1), static_cast<std::uint32_t>(colons[4])),
             fmt::format("account `{}` is not a 12-digit AWS account id", account));
    }
    const std::string_view rest = std::string_view(text).substr(colons[4] + 1);
    if (rest.empty()) {
      report(RuleId::kMalformedArn, range, "the ARN ends before its `TYPE/NAME` part");
    } else if (rest.front() == '/') {
      report(RuleId::kMalformedArn, resource.rangeOf(static_cast<std::uint32_t>(colons[4] + 1), static_cast<std::uint32_t>(colons[4] + 2)),
             "stray `/` before the resource type; write `...:ACCOUNT:TYPE/NAME`, e.g. `...:123456789012:thing/MyThing`");
    } else if (rest.find('/') == std::string_view::npos && ir::findFirstOf(rest, "*?") == std::string_view::npos) {
      report(RuleId::kMalformedArn, range,
             fmt::format("the ARN's resource part `{}` has no `/`; write `TYPE/NAME`, e.g. `topic/sensors/1`", rest));
    }
  }

  bool lowerConditions(const JsonMember& member, ir::Statement& statement) {
    statement.condition_range = member.value.range;
    if (member.value.kind != JsonValue::Kind::kObject) {
      report(RuleId::kWrongValueType, member.value.range,
             fmt::format("`Condition` is {}; it must be an object of operators", kindName(member.value.kind)));
      return false;
    }
    bool ok = true;
    for (const JsonMember& op : member.value.members) {
      if (op.value.kind != JsonValue::Kind::kObject) {
        report(RuleId::kWrongValueType, op.value.range,
               fmt::format("condition operator `{}` holds {}; it must be an object of condition keys", op.key.value,
                           kindName(op.value.kind)));
        ok = false;
        continue;
      }
      for (const JsonMember& key : op.value.members) {
        ir::Condition condition;
        condition.op = op.key;
        condition.key = key.key;
        condition.values.key_range = key.key.range;
        condition.values.value_range = key.value.range;
        const auto add = [&](const JsonValue& v) {
          if (v.kind == JsonValue::Kind::kString) {
            ir::PolicyString value = v.string;
            value.parts = parseStringParts(value, file_, diagnostics_);
            condition.values.items.push_back(std::move(value));
            return true;
          }
          if (v.kind == JsonValue::Kind::kBool || v.kind == JsonValue::Kind::kNumber) {
            ir::PolicyString value;
            value.value = v.literal;
            value.range = v.range;
            value.file_offsets.clear();
            // A literal is not quoted: offsets are exact from the first byte.
            for (std::uint32_t i = 0; i <= v.literal.size(); ++i) value.file_offsets.push_back(v.range.begin + i);
            value.parts.push_back({ir::StringPart::Kind::kLiteral, v.literal, 0, static_cast<std::uint32_t>(v.literal.size())});
            condition.values.items.push_back(std::move(value));
            return true;
          }
          report(RuleId::kWrongValueType, v.range,
                 fmt::format("condition value of `{}` is {}; it must be a string, number or boolean", key.key.value,
                             kindName(v.kind)));
          return false;
        };
        if (key.value.kind == JsonValue::Kind::kArray) {
          for (const JsonValue& v : key.value.elements) ok &= add(v);
        } else {
          condition.values.scalar = true;
          ok &= add(key.value);
        }
        statement.conditions.push_back(std::move(condition));
      }
    }
    return ok;
  }

  const ir::SourceFile& file_;
  ir::DiagnosticEngine& diagnostics_;
};

}  // namespace

std::optional<ir::Policy> parsePolicy(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                      const ParseLimits& limits) {
  JsonParseResult json = parseJson(file, diagnostics, limits);
  if (!json.root || json.lost_content) return std::nullopt;
  Lowering lowering(file, diagnostics);
  return lowering.lower(*json.root);
}

std::optional<ir::Policy> lowerPolicyValue(const JsonValue& root, const ir::SourceFile& file,
                                           ir::DiagnosticEngine& diagnostics) {
  Lowering lowering(file, diagnostics);
  return lowering.lower(root);
}

}  // namespace iotlint::frontend
