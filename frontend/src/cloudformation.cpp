// frontend/src/cloudformation.cpp: the `AWS::IoT::Policy` resources of a CloudFormation template
// (JSON or YAML, CDK output, a Serverless `resources` section, a fleet provisioning template).
//
// Intrinsic functions are evaluated to policy strings where their value is a string of the
// template: `Fn::Sub` and `Fn::Join` concatenate, and every value unknown before deployment
// (`${AWS::Region}`, a parameter, `Fn::GetAtt`, `Fn::ImportValue`, ...) becomes `*`, mapped to
// the whole expression it stands for. `${!Literal}` is the literal `${Literal}`: the way policy
// variables are written inside `Fn::Sub`. `Fn::If` keeps both branches where a list can hold them.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "frontend/src/input.h"

namespace iotlint::frontend {

using ir::RuleId;

namespace {

bool isIntrinsicKey(std::string_view key) { return key == "Ref" || key.starts_with("Fn::") || key == "Condition"; }

/// The intrinsic function an object stands for, if it is one: `{"Fn::X": ...}` with one member.
const JsonMember* intrinsicOf(const JsonValue& value) {
  if (value.kind != JsonValue::Kind::kObject || value.members.size() != 1) return nullptr;
  return isIntrinsicKey(value.members[0].key.value) && value.members[0].key.value != "Condition" ? &value.members[0]
                                                                                                  : nullptr;
}

bool isNoValue(const JsonValue& value) {
  const JsonMember* intrinsic = intrinsicOf(value);
  return intrinsic != nullptr && intrinsic->key.value == "Ref" && intrinsic->value.kind == JsonValue::Kind::kString &&
         intrinsic->value.string.value == "AWS::NoValue";
}

/// Pseudo parameters whose value is the same for every device of a deployment: read as any value
/// without a note (a policy cannot reach another account or region's resources anyway).
bool isQuietPseudoParameter(std::string_view name) {
  return name == "AWS::Region" || name == "AWS::AccountId" || name == "AWS::Partition" || name == "AWS::URLSuffix";
}

/// Keys whose value may be a string or a list of strings: `Fn::If` there keeps both branches.
bool takesList(std::string_view key) {
  return key == "Action" || key == "NotAction" || key == "Resource" || key == "NotResource" || key == "Statement";
}

}  // namespace

/// Evaluates the intrinsic functions of one template.
class IntrinsicResolver {
 public:
  IntrinsicResolver(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics)
      : file_(file), diagnostics_(diagnostics) {
    if (const JsonMember* parameters = root.find("Parameters")) {
      for (const JsonMember& parameter : parameters->value.members) parameters_.insert(parameter.key.value);
    }
    if (const JsonMember* resources = root.find("Resources")) {
      for (const JsonMember& resource : resources->value.members) resources_.insert(resource.key.value);
    }
  }

  /// Starts a new policy: notes about a name are given once per policy.
  void beginPolicy() { noted_.clear(); }

  /// Replaces every intrinsic function in `value` by what it evaluates to.
  void resolve(JsonValue& value, std::string_view key, std::uint32_t depth = 0) {
    if (depth > 64) return;
    if (const JsonMember* intrinsic = intrinsicOf(value)) {
      if (intrinsic->key.value == "Fn::If") {
        resolveIf(value, key, depth);
        return;
      }
      MappedText text = evaluate(value);
      value = mappedStringValue(text, value.range);
      return;
    }
    if (value.kind == JsonValue::Kind::kArray) {
      std::vector<JsonValue> elements;
      for (JsonValue& element : value.elements) {
        if (isNoValue(element)) continue;
        const JsonMember* intrinsic = intrinsicOf(element);
        if (intrinsic != nullptr && intrinsic->key.value == "Fn::If" && intrinsic->value.kind == JsonValue::Kind::kArray &&
            intrinsic->value.elements.size() == 3) {
          noteIf(*intrinsic);
          for (std::size_t branch = 1; branch < 3; ++branch) {
            JsonValue chosen = intrinsic->value.elements[branch];
            if (isNoValue(chosen)) continue;
            resolve(chosen, key, depth + 1);
            if (chosen.kind == JsonValue::Kind::kArray) {
              for (JsonValue& inner : chosen.elements) elements.push_back(std::move(inner));
            } else {
              elements.push_back(std::move(chosen));
            }
          }
          continue;
        }
        resolve(element, key, depth + 1);
        elements.push_back(std::move(element));
      }
      value.elements = std::move(elements);
      return;
    }
    if (value.kind == JsonValue::Kind::kObject) {
      std::vector<JsonMember> members;
      for (JsonMember& member : value.members) {
        if (isNoValue(member.value)) continue;
        resolve(member.value, member.key.value, depth + 1);
        members.push_back(std::move(member));
      }
      value.members = std::move(members);
    }
  }

  /// The string an expression evaluates to, with unknown values as `*`.
  MappedText evaluate(const JsonValue& value, std::uint32_t depth = 0) {
    MappedText text;
    if (depth > 32) return unknown(value.range);
    switch (value.kind) {
      case JsonValue::Kind::kString: return MappedText::fromString(value.string);
      case JsonValue::Kind::kNumber:
      case JsonValue::Kind::kBool:
        text.appendCopied(value.literal, value.range.begin);
        text.finish(value.range.end);
        return text;
      default: break;
    }
    const JsonMember* intrinsic = intrinsicOf(value);
    if (intrinsic == nullptr) {
      note(value.range, "value", fmt::format("{} stands where a string belongs; read as any value", kindName(value.kind)));
      return unknown(value.range);
    }
    const std::string& function = intrinsic->key.value;
    const JsonValue& argument = intrinsic->value;
    if (function == "Ref" && argument.kind == JsonValue::Kind::kString) return evaluateRef(argument.string.value, value.range);
    if (function == "Fn::Sub") return evaluateSub(argument, value.range, depth);
    if (function == "Fn::Join" && argument.kind == JsonValue::Kind::kArray && argument.elements.size() == 2 &&
        argument.elements[1].kind == JsonValue::Kind::kArray) {
      const MappedText delimiter = evaluate(argument.elements[0], depth + 1);
      const auto& items = argument.elements[1].elements;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (isNoValue(items[i])) continue;
        // The delimiter is written once, before the list: map each copy to the item it precedes,
        // which keeps the map monotone.
        if (i > 0) text.appendAt(delimiter.text, items[i].range.begin);
        text.append(evaluate(items[i], depth + 1));
      }
      text.finish(value.range.end);
      return text;
    }
    if (function == "Fn::GetAtt") {
      const std::string name = argument.kind == JsonValue::Kind::kArray && !argument.elements.empty()
                                   ? argument.elements[0].string.value
                                   : argument.string.value;
      note(intrinsic->key.range, "GetAtt:" + name,
           fmt::format("`Fn::GetAtt` of `{}` is known only after deployment; read as any value", name));
      return unknown(value.range);
    }
    note(intrinsic->key.range, function,
         fmt::format("`{}` cannot be evaluated before deployment; read as any value", function));
    return unknown(value.range);
  }

 private:
  MappedText unknown(ir::SourceRange range) {
    MappedText text;
    text.appendAt("*", range.begin);
    text.finish(range.end);
    return text;
  }

  void note(ir::SourceRange range, const std::string& key, std::string message) {
    if (!noted_.insert(key).second) return;
    diagnostics_.report(RuleId::kUnresolvedIntrinsic, file_, range, std::move(message));
  }

  void noteIf(const JsonMember& intrinsic) {
    const std::string condition = intrinsic.value.kind == JsonValue::Kind::kArray && !intrinsic.value.elements.empty()
                                      ? intrinsic.value.elements[0].string.value
                                      : std::string();
    diagnostics_.report(RuleId::kUnresolvedIntrinsic, file_, intrinsic.key.range,
                        fmt::format("`Fn::If` on condition `{}` is decided at deployment; both branches are analysed",
                                    condition));
  }

  void resolveIf(JsonValue& value, std::string_view key, std::uint32_t depth) {
    const JsonMember& intrinsic = value.members[0];
    if (intrinsic.value.kind != JsonValue::Kind::kArray || intrinsic.value.elements.size() != 3) {
      value = mappedStringValue(evaluate(value), value.range);
      return;
    }
    noteIf(intrinsic);
    JsonValue first = intrinsic.value.elements[1];
    JsonValue second = intrinsic.value.elements[2];
    const ir::SourceRange range = value.range;
    if (takesList(key)) {
      JsonValue both;
      both.kind = JsonValue::Kind::kArray;
      both.range = range;
      for (JsonValue* branch : {&first, &second}) {
        if (isNoValue(*branch)) continue;
        if (branch->kind == JsonValue::Kind::kArray) {
          for (JsonValue& inner : branch->elements) both.elements.push_back(std::move(inner));
        } else {
          both.elements.push_back(std::move(*branch));
        }
      }
      value = std::move(both);
      resolve(value, key, depth + 1);
      return;
    }
    // One value only: the first branch (the note says the other one exists).
    value = isNoValue(first) ? std::move(second) : std::move(first);
    resolve(value, key, depth + 1);
  }

  MappedText evaluateRef(const std::string& name, ir::SourceRange range) {
    if (isQuietPseudoParameter(name)) return unknown(range);
    if (parameters_.contains(name)) {
      note(range, name, fmt::format("parameter `{}` is chosen at deployment; read as any value", name));
    } else if (resources_.contains(name)) {
      note(range, name, fmt::format("`Ref` to resource `{}` is known only after deployment; read as any value", name));
    } else {
      note(range, name, fmt::format("`{}` is known only at deployment; read as any value", name));
    }
    return unknown(range);
  }

  /// `Fn::Sub`: a string, or `[string, {name: value}]`.
  MappedText evaluateSub(const JsonValue& argument, ir::SourceRange whole, std::uint32_t depth) {
    const JsonValue* format = &argument;
    const JsonValue* variables = nullptr;
    if (argument.kind == JsonValue::Kind::kArray && !argument.elements.empty()) {
      format = &argument.elements[0];
      if (argument.elements.size() > 1 && argument.elements[1].kind == JsonValue::Kind::kObject) {
        variables = &argument.elements[1];
      }
    }
    if (format->kind != JsonValue::Kind::kString) return evaluate(*format, depth + 1);
    const MappedText source = MappedText::fromString(format->string);
    const std::string& s = source.text;
    MappedText text;
    std::size_t i = 0;
    while (i < s.size()) {
      const std::size_t open = s.find("${", i);
      if (open == std::string::npos) break;
      const std::size_t close = s.find('}', open + 2);
      if (close == std::string::npos) break;
      for (std::size_t k = i; k < open; ++k) text.appendAt(std::string_view(s).substr(k, 1), source.fileOffset(k));
      const std::string name = s.substr(open + 2, close - open - 2);
      const ir::SourceRange range = source.fileRange({static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(close + 1)});
      i = close + 1;
      if (name.starts_with("!")) {
        // `${!Literal}` is the literal `${Literal}`.
        text.appendAt("${", source.fileOffset(open));
        for (std::size_t k = open + 3; k <= close; ++k) text.appendAt(std::string_view(s).substr(k, 1), source.fileOffset(k));
        continue;
      }
      const JsonMember* variable = variables != nullptr ? variables->find(name) : nullptr;
      if (variable != nullptr) {
        text.appendAt(evaluate(variable->value, depth + 1).text, range.begin);
        continue;
      }
      if (name.find(':') != std::string::npos && name.find("::") == std::string::npos) {
        diagnostics_.report(RuleId::kUnescapedVariableInSub, file_, range,
                            fmt::format("`${{{}}}` inside `Fn::Sub` is read by CloudFormation, which fails the "
                                        "deployment; write `${{!{}}}` for the policy variable",
                                        name, name));
        for (std::size_t k = open; k <= close; ++k) text.appendAt(std::string_view(s).substr(k, 1), source.fileOffset(k));
        continue;
      }
      if (!isQuietPseudoParameter(name)) {
        if (parameters_.contains(name)) {
          note(range, name, fmt::format("parameter `{}` is chosen at deployment; read as any value", name));
        } else if (name.find('.') != std::string::npos) {
          note(range, "GetAtt:" + name, fmt::format("`${{{}}}` is known only after deployment; read as any value", name));
        } else {
          note(range, name, fmt::format("`${{{}}}` is known only at deployment; read as any value", name));
        }
      }
      text.appendAt("*", range.begin);
    }
    for (std::size_t k = i; k < s.size(); ++k) text.appendAt(std::string_view(s).substr(k, 1), source.fileOffset(k));
    text.finish(format->kind == JsonValue::Kind::kString ? source.fileOffset(s.size()) : whole.end);
    return text;
  }

  const ir::SourceFile& file_;
  ir::DiagnosticEngine& diagnostics_;
  std::set<std::string> parameters_;
  std::set<std::string> resources_;
  std::set<std::string> noted_;
};

namespace {

thread_local int depth_ = 0;  // provisioning templates nested in templates

const JsonValue* resourcesOf(const JsonValue& root) {
  if (root.kind != JsonValue::Kind::kObject) return nullptr;
  if (const JsonMember* resources = root.find("Resources"); resources != nullptr && resources->value.kind == JsonValue::Kind::kObject) {
    return &resources->value;
  }
  // Serverless Framework: `resources:` holds a CloudFormation fragment.
  if (const JsonMember* resources = root.find("resources"); resources != nullptr) return resourcesOf(resources->value);
  if (isResourceFragment(root)) return &root;
  return nullptr;
}

}  // namespace

bool isResourceFragment(const JsonValue& value) {
  if (value.kind != JsonValue::Kind::kObject || value.members.empty()) return false;
  return std::all_of(value.members.begin(), value.members.end(), [](const JsonMember& member) {
    const JsonMember* type = member.value.find("Type");
    return member.value.kind == JsonValue::Kind::kObject && type != nullptr && type->value.kind == JsonValue::Kind::kString &&
           type->value.string.value.starts_with("AWS::");
  });
}

FoundPolicies readCloudFormation(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                 const ParseLimits& limits) {
  FoundPolicies found;
  const JsonValue* resources = resourcesOf(root);
  found.recognised = resources != nullptr || (root.kind == JsonValue::Kind::kObject && root.find("AWSTemplateFormatVersion") != nullptr);
  if (resources == nullptr) return found;
  const JsonMember* serverless = root.find("resources");
  IntrinsicResolver resolver(serverless != nullptr && root.find("Resources") == nullptr ? serverless->value : root, file,
                             diagnostics);
  for (const JsonMember& resource : resources->members) {
    const JsonMember* type = resource.value.find("Type");
    if (type == nullptr || type->value.kind != JsonValue::Kind::kString) continue;
    const JsonMember* properties = resource.value.find("Properties");
    if (properties == nullptr) continue;
    if (type->value.string.value == "AWS::IoT::ProvisioningTemplate" && depth_ < 2) {
      // A fleet provisioning template inside the template: its device policy is found there.
      const JsonMember* body = properties->value.find("TemplateBody");
      if (body == nullptr) continue;
      resolver.beginPolicy();
      EmbeddedJson embedded = parseEmbeddedJson(file, resolver.evaluate(body->value), diagnostics, limits);
      if (!embedded.root || embedded.lost_content) continue;
      ++depth_;
      FoundPolicies inner = readCloudFormation(*embedded.root, file, diagnostics, limits);
      --depth_;
      for (FoundPolicy& policy : inner.policies) found.policies.push_back(std::move(policy));
      continue;
    }
    if (type->value.string.value != "AWS::IoT::Policy") continue;
    const JsonMember* document = properties->value.find("PolicyDocument");
    if (document == nullptr) continue;  // a policy referred to by name only
    resolver.beginPolicy();
    FoundPolicy policy;
    policy.name = resource.key.value;
    if (const JsonMember* name = properties->value.find("PolicyName"); name != nullptr && name->value.kind == JsonValue::Kind::kString) {
      policy.name = name->value.string.value;
    }
    const JsonValue& value = document->value;
    if (value.kind == JsonValue::Kind::kObject && intrinsicOf(value) == nullptr) {
      policy.document = value;
    } else if (value.kind == JsonValue::Kind::kString || intrinsicOf(value) != nullptr) {
      // A document written as a JSON string (fleet provisioning templates), or built by `Fn::Sub`.
      const MappedText text = resolver.evaluate(value);
      EmbeddedJson embedded = parseEmbeddedJson(file, text, diagnostics, limits);
      if (!embedded.root || embedded.lost_content) continue;
      policy.document = std::move(*embedded.root);
    } else {
      policy.document = value;  // the lowering reports the wrong type
    }
    resolver.resolve(policy.document, "");
    found.policies.push_back(std::move(policy));
  }
  return found;
}

}  // namespace iotlint::frontend
