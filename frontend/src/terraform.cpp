// frontend/src/terraform.cpp: the `aws_iot_policy` resources of a Terraform configuration.
//
// The `policy` argument is read in every form found in practice: `jsonencode({...})` of an HCL
// object, a heredoc or quoted JSON string, a reference to an `aws_iam_policy_document` data
// source or to a local value in the same file, and a conditional between two of these (both are
// analysed). Interpolations (`${var.region}`) are unknown before `terraform apply` and become
// `*`, mapped to the whole `${...}`; `$${iot:ClientId}` is the literal `${iot:ClientId}`.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "frontend/src/hcl_tree.h"
#include "ir/text.h"

namespace iotlint::frontend {

using ir::RuleId;
using Kind = HclExpr::Kind;

namespace {

bool takesList(std::string_view key) {
  return key == "Action" || key == "NotAction" || key == "Resource" || key == "NotResource" || key == "Statement";
}

/// Interpolations whose value is the same for every device of a deployment (region, account,
/// partition): read as any value without a note.
bool isQuiet(std::string_view expression) {
  const std::string lower = ir::asciiLowered(expression);
  return lower.find("region") != std::string::npos || lower.find("account") != std::string::npos ||
         lower.find("partition") != std::string::npos;
}

bool isPolicyVariable(std::string_view expression) {
  return expression.starts_with("iot:") || expression.starts_with("aws:") || expression.starts_with("cognito-identity");
}

JsonValue literalValue(JsonValue::Kind kind, std::string literal, ir::SourceRange range) {
  JsonValue value;
  value.kind = kind;
  value.range = range;
  value.literal = std::move(literal);
  return value;
}

/// `literal` read in place of the text at `at` (a value iotlint supplies: a default, or `*` for a
/// value unknown before deployment).
MappedText literalAt(std::string_view literal, ir::SourceRange at) {
  MappedText text;
  text.appendAt(literal, at.begin);
  text.finish(at.end);
  return text;
}

/// A key the user did not write (`Version`, a default `Effect`): placed at `at`.
ir::PolicyString syntheticKey(std::string_view name, ir::SourceRange at) { return mappedPolicyString(literalAt(name, at), at); }

class TerraformReader {
 public:
  TerraformReader(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const ParseLimits& limits)
      : file_(file), diagnostics_(diagnostics), limits_(limits) {}

  FoundPolicies read() {
    FoundPolicies found;
    found.recognised = true;
    root_ = parseHcl(file_, diagnostics_);
    for (const HclBlock& block : root_.blocks) {
      if (block.type == "locals") {
        for (const HclAttribute& attribute : block.attributes) locals_[attribute.name] = &attribute.value;
      } else if (block.type == "data" && block.labels.size() == 2 && block.labels[0] == "aws_iam_policy_document") {
        documents_[block.labels[1]] = &block;
      }
    }
    for (const HclBlock& block : root_.blocks) {
      if (block.type != "resource" || block.labels.size() != 2 || block.labels[0] != "aws_iot_policy") continue;
      const HclAttribute* policy = block.attribute("policy");
      if (policy == nullptr) continue;
      std::string name = block.labels[1];
      if (const HclAttribute* attribute = block.attribute("name");
          attribute != nullptr && attribute->value.kind == Kind::kString && attribute->value.pieces.size() == 1 &&
          attribute->value.pieces[0].kind == HclTemplatePiece::Kind::kText) {
        name = attribute->value.pieces[0].text.text;
      }
      noted_.clear();
      documentsOf(policy->value, name, found.policies, 0);
    }
    return found;
  }

 private:
  void note(ir::SourceRange range, const std::string& key, std::string message) {
    if (!noted_.insert(key).second) return;
    diagnostics_.report(RuleId::kUnresolvedIntrinsic, file_, range, std::move(message));
  }

  void unreadable(ir::SourceRange range, std::string message) {
    diagnostics_.report(RuleId::kUnreadableTemplateConstruct, file_, range, std::move(message));
  }

  void documentsOf(const HclExpr& value, const std::string& name, std::vector<FoundPolicy>& out, std::uint32_t depth) {
    if (depth > 16) return;
    switch (value.kind) {
      case Kind::kCall:
        if (value.name == "jsonencode" && value.elements.size() == 1) {
          out.push_back({toJson(value.elements[0], "", 0), name});
          return;
        }
        unreadable(value.range, value.name == "file" || value.name == "templatefile"
                                    ? fmt::format("the policy is read from another file by `{}(...)`; iotlint checks "
                                                  "that file when it is given on the command line",
                                                  value.name)
                                    : fmt::format("the policy is computed by `{}(...)`, which iotlint does not evaluate",
                                                  value.name));
        return;
      case Kind::kString: {
        // `"${data.aws_iam_policy_document.x.json}"` is the reference itself.
        if (value.pieces.size() == 1 && value.pieces[0].kind == HclTemplatePiece::Kind::kInterpolation) {
          HclExpr reference;
          reference.kind = Kind::kReference;
          reference.name = value.pieces[0].expression;
          reference.range = value.range;
          documentsOf(reference, name, out, depth + 1);
          return;
        }
        const MappedText text = templateText(value, false);
        EmbeddedJson embedded = parseEmbeddedJson(file_, text, diagnostics_, limits_);
        if (embedded.root && !embedded.lost_content) out.push_back({std::move(*embedded.root), name});
        return;
      }
      case Kind::kReference: {
        std::string reference = value.name;
        reference.erase(std::remove_if(reference.begin(), reference.end(), [](char c) { return c == ' '; }), reference.end());
        if (reference.starts_with("data.aws_iam_policy_document.")) {
          std::string id = reference.substr(std::string_view("data.aws_iam_policy_document.").size());
          id = id.substr(0, ir::findFirstOf(id, ".["));
          if (auto it = documents_.find(id); it != documents_.end()) {
            out.push_back({fromPolicyDocument(*it->second), name});
            return;
          }
        }
        if (reference.starts_with("local.")) {
          const std::string id = reference.substr(6, ir::findFirstOf(reference, ".[", 6) - 6);
          if (auto it = locals_.find(id); it != locals_.end()) {
            documentsOf(*it->second, name, out, depth + 1);
            return;
          }
        }
        unreadable(value.range, fmt::format("the policy is `{}`, which is not defined in this file; iotlint cannot "
                                            "read it",
                                            reference));
        return;
      }
      case Kind::kConditional:
        if (value.elements.size() == 3) {
          diagnostics_.report(RuleId::kUnresolvedIntrinsic, file_, value.elements[0].range,
                              "the condition is decided at plan time; the policies of both branches are analysed");
          documentsOf(value.elements[1], name, out, depth + 1);
          documentsOf(value.elements[2], name, out, depth + 1);
        }
        return;
      default:
        unreadable(value.range, "iotlint cannot read this expression as a policy document");
        return;
    }
  }

  /// A template string as policy text: interpolations become `*`, `&{` (in policy document data
  /// sources) becomes `${`.
  MappedText templateText(const HclExpr& value, bool document_source) {
    MappedText text;
    for (const HclTemplatePiece& piece : value.pieces) {
      switch (piece.kind) {
        case HclTemplatePiece::Kind::kText: {
          MappedText part = piece.text;
          if (document_source) {
            for (std::size_t at = part.text.find("&{"); at != std::string::npos; at = part.text.find("&{", at + 2)) {
              part.text[at] = '$';
            }
          }
          text.append(part);
          break;
        }
        case HclTemplatePiece::Kind::kInterpolation:
          if (isPolicyVariable(piece.expression)) {
            diagnostics_.report(RuleId::kUnescapedVariableInSub, file_, piece.range,
                                fmt::format("`${{{}}}` in a Terraform string is read by Terraform, which fails; write "
                                            "`$${{{}}}` for the policy variable",
                                            piece.expression, piece.expression));
            text.appendAt("${" + piece.expression + "}", piece.range.begin);
            break;
          }
          if (!isQuiet(piece.expression)) {
            note(piece.range, piece.expression,
                 fmt::format("`${{{}}}` is known only at plan time; read as any value", piece.expression));
          }
          text.appendAt("*", piece.range.begin);
          break;
        case HclTemplatePiece::Kind::kDirective:
          unreadable(piece.range, fmt::format("the template directive `%{{{}}}` is not evaluated; the text it would "
                                              "produce is left out",
                                              piece.expression));
          break;
      }
    }
    text.finish(value.pieces.empty() ? value.range.end : value.pieces.back().range.end);
    return text;
  }

  JsonValue unknown(const HclExpr& value, std::string message) {
    note(value.range, std::string(file_.text(value.range)), std::move(message));
    return mappedStringValue(literalAt("*", value.range), value.range);
  }

  JsonValue toJson(const HclExpr& value, std::string_view key, std::uint32_t depth) {
    if (depth > 64) return unknown(value, "the value nests too deeply; read as any value");
    switch (value.kind) {
      case Kind::kString: return mappedStringValue(templateText(value, false), value.range);
      case Kind::kNumber: return literalValue(JsonValue::Kind::kNumber, value.name, value.range);
      case Kind::kBool: return literalValue(JsonValue::Kind::kBool, value.name, value.range);
      case Kind::kNull: return literalValue(JsonValue::Kind::kNull, "null", value.range);
      case Kind::kObject: {
        JsonValue object;
        object.kind = JsonValue::Kind::kObject;
        object.range = value.range;
        for (const HclExpr::Item& item : value.items) {
          JsonMember member;
          member.key = mappedPolicyString(item.key_text, item.key_range);
          member.value = toJson(item.value, item.key, depth + 1);
          object.members.push_back(std::move(member));
        }
        return object;
      }
      case Kind::kTuple: {
        JsonValue array;
        array.kind = JsonValue::Kind::kArray;
        array.range = value.range;
        for (const HclExpr& element : value.elements) array.elements.push_back(toJson(element, key, depth + 1));
        return array;
      }
      case Kind::kReference:
        if (value.name.starts_with("local.")) {
          const std::string id = value.name.substr(6, ir::findFirstOf(value.name, ".[", 6) - 6);
          if (auto it = locals_.find(id); it != locals_.end()) {
            JsonValue resolved = toJson(*it->second, key, depth + 1);
            return resolved;
          }
        }
        if (isQuiet(value.name)) {
          return mappedStringValue(literalAt("*", value.range), value.range);
        }
        return unknown(value, fmt::format("`{}` is known only at plan time; read as any value", value.name));
      case Kind::kConditional:
        if (value.elements.size() == 3) {
          diagnostics_.report(RuleId::kUnresolvedIntrinsic, file_, value.elements[0].range,
                              "the condition is decided at plan time; both branches are analysed");
          if (takesList(key)) {
            JsonValue both;
            both.kind = JsonValue::Kind::kArray;
            both.range = value.range;
            for (std::size_t branch = 1; branch < 3; ++branch) {
              JsonValue part = toJson(value.elements[branch], key, depth + 1);
              if (part.kind == JsonValue::Kind::kArray) {
                for (JsonValue& inner : part.elements) both.elements.push_back(std::move(inner));
              } else {
                both.elements.push_back(std::move(part));
              }
            }
            return both;
          }
          return toJson(value.elements[1], key, depth + 1);
        }
        return unknown(value, "the value is computed at plan time; read as any value");
      case Kind::kCall:
        if ((value.name == "concat" || value.name == "flatten") && takesList(key)) {
          JsonValue array;
          array.kind = JsonValue::Kind::kArray;
          array.range = value.range;
          for (const HclExpr& argument : value.elements) {
            JsonValue part = toJson(argument, key, depth + 1);
            if (part.kind == JsonValue::Kind::kArray) {
              for (JsonValue& inner : part.elements) array.elements.push_back(std::move(inner));
            } else {
              array.elements.push_back(std::move(part));
            }
          }
          return array;
        }
        return unknown(value, fmt::format("`{}(...)` is computed at plan time; read as any value", value.name));
      case Kind::kOther: break;
    }
    return unknown(value, "the value is computed at plan time; read as any value");
  }

  /// `data "aws_iam_policy_document"`: its statement blocks as a policy document.
  JsonValue fromPolicyDocument(const HclBlock& data) {
    JsonValue document;
    document.kind = JsonValue::Kind::kObject;
    document.range = data.range;
    const ir::SourceRange at{data.range.begin, data.range.begin};
    JsonMember version;
    version.key = syntheticKey("Version", at);
    if (const HclAttribute* written = data.attribute("version")) {
      version.key = syntheticKey("Version", written->name_range);
      version.value = toJson(written->value, "Version", 0);
    } else {
      version.value = mappedStringValue(literalAt("2012-10-17", at), at);
    }
    document.members.push_back(std::move(version));
    JsonMember statements;
    statements.key = syntheticKey("Statement", at);
    statements.value.kind = JsonValue::Kind::kArray;
    statements.value.range = data.range;
    static const std::pair<const char*, const char*> kLists[] = {
        {"actions", "Action"}, {"not_actions", "NotAction"}, {"resources", "Resource"}, {"not_resources", "NotResource"}};
    for (const HclBlock& block : data.blocks) {
      if (block.type != "statement") continue;
      JsonValue statement;
      statement.kind = JsonValue::Kind::kObject;
      statement.range = block.range;
      const ir::SourceRange here{block.range.begin, block.range.begin};
      if (const HclAttribute* sid = block.attribute("sid")) {
        statement.members.push_back({syntheticKey("Sid", sid->name_range), documentString(sid->value, "Sid")});
      }
      if (const HclAttribute* effect = block.attribute("effect")) {
        statement.members.push_back({syntheticKey("Effect", effect->name_range), documentString(effect->value, "Effect")});
      } else {
        statement.members.push_back({syntheticKey("Effect", here), mappedStringValue(literalAt("Allow", here), here)});
      }
      for (const auto& [attribute_name, element] : kLists) {
        if (const HclAttribute* list = block.attribute(attribute_name)) {
          statement.members.push_back({syntheticKey(element, list->name_range), documentString(list->value, element)});
        }
      }
      JsonValue conditions;
      conditions.kind = JsonValue::Kind::kObject;
      for (const HclBlock& condition : block.blocks) {
        if (condition.type != "condition") continue;
        const HclAttribute* test = condition.attribute("test");
        const HclAttribute* variable = condition.attribute("variable");
        const HclAttribute* values = condition.attribute("values");
        if (test == nullptr || variable == nullptr || values == nullptr) continue;
        const JsonValue op = documentString(test->value, "");
        const JsonValue key = documentString(variable->value, "");
        if (op.kind != JsonValue::Kind::kString || key.kind != JsonValue::Kind::kString) continue;
        if (conditions.members.empty()) conditions.range = condition.range;
        conditions.range.end = std::max(conditions.range.end, condition.range.end);
        JsonMember* group = nullptr;
        for (JsonMember& existing : conditions.members) {
          if (existing.key.value == op.string.value) group = &existing;
        }
        if (group == nullptr) {
          JsonMember created;
          created.key = op.string;
          created.value.kind = JsonValue::Kind::kObject;
          created.value.range = condition.range;
          conditions.members.push_back(std::move(created));
          group = &conditions.members.back();
        }
        group->value.members.push_back({key.string, documentString(values->value, "values")});
      }
      if (!conditions.members.empty()) {
        statement.members.push_back({syntheticKey("Condition", conditions.range), std::move(conditions)});
      }
      statements.value.elements.push_back(std::move(statement));
    }
    document.members.push_back(std::move(statements));
    return document;
  }

  /// A value inside a policy document data source, where `&{...}` writes a policy variable.
  JsonValue documentString(const HclExpr& value, std::string_view key) {
    if (value.kind == Kind::kString) return mappedStringValue(templateText(value, true), value.range);
    if (value.kind == Kind::kTuple) {
      JsonValue array;
      array.kind = JsonValue::Kind::kArray;
      array.range = value.range;
      for (const HclExpr& element : value.elements) array.elements.push_back(documentString(element, key));
      return array;
    }
    return toJson(value, key, 0);
  }

  const ir::SourceFile& file_;
  ir::DiagnosticEngine& diagnostics_;
  const ParseLimits& limits_;
  HclBlock root_;
  std::map<std::string, const HclExpr*> locals_;
  std::map<std::string, const HclBlock*> documents_;
  std::set<std::string> noted_;
};

}  // namespace

FoundPolicies readTerraform(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const ParseLimits& limits) {
  TerraformReader reader(file, diagnostics, limits);
  return reader.read();
}

}  // namespace iotlint::frontend
