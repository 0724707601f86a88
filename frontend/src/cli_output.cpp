// frontend/src/cli_output.cpp: policies in AWS CLI output and in Terraform plans, where the
// document is a JSON string inside JSON.
//
// CLI: `get-policy`, `get-policy-version` and `create-policy` print `policyDocument` (a string)
// beside `policyName`; exports of `list-policy-versions` hold `policyVersions` entries with their
// documents; `describe-provisioning-template` prints the fleet provisioning template as the
// string `templateBody`. Terraform plan (`terraform show -json`): `aws_iot_policy` resources in
// `planned_values` (modules included), or in `resource_changes` when there are no planned values.
#include <fmt/format.h>

#include "frontend/src/input.h"

namespace iotlint::frontend {

namespace {

std::string stringMember(const JsonValue& object, std::string_view key) {
  const JsonMember* member = object.find(key);
  return member != nullptr && member->value.kind == JsonValue::Kind::kString ? member->value.string.value : std::string();
}

/// A `policyDocument`-like value: a JSON string holding the document, or the document itself.
std::optional<JsonValue> documentOf(const JsonValue& value, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                    const ParseLimits& limits) {
  if (value.kind == JsonValue::Kind::kString) return documentFromString(value, file, diagnostics, limits);
  if (value.kind == JsonValue::Kind::kObject) return value;
  return std::nullopt;
}

void readCliObject(const JsonValue& object, const std::string& inherited_name, const ir::SourceFile& file,
                   ir::DiagnosticEngine& diagnostics, const ParseLimits& limits, FoundPolicies& found) {
  if (object.kind != JsonValue::Kind::kObject) return;
  std::string name = stringMember(object, "policyName");
  if (name.empty()) name = inherited_name;
  if (const JsonMember* document = object.find("policyDocument")) {
    found.recognised = true;
    std::string version = stringMember(object, "policyVersionId");
    if (version.empty()) version = stringMember(object, "versionId");
    if (std::optional<JsonValue> root = documentOf(document->value, file, diagnostics, limits)) {
      found.policies.push_back({std::move(*root), version.empty() ? name : fmt::format("{} (version {})", name, version)});
    }
  }
  if (const JsonMember* versions = object.find("policyVersions"); versions != nullptr && versions->value.kind == JsonValue::Kind::kArray) {
    found.recognised = true;
    for (const JsonValue& version : versions->value.elements) readCliObject(version, name, file, diagnostics, limits, found);
  }
  if (const JsonMember* policies = object.find("policies"); policies != nullptr && policies->value.kind == JsonValue::Kind::kArray) {
    found.recognised = true;  // `list-policies`: names only, unless an export added the documents
    for (const JsonValue& policy : policies->value.elements) readCliObject(policy, name, file, diagnostics, limits, found);
  }
  // A custom authorizer's response: `policyDocuments`, each a document or a JSON string.
  if (const JsonMember* documents = object.find("policyDocuments"); documents != nullptr && documents->value.kind == JsonValue::Kind::kArray) {
    found.recognised = true;
    const std::string principal = stringMember(object, "principalId");
    for (std::size_t i = 0; i < documents->value.elements.size(); ++i) {
      if (std::optional<JsonValue> root = documentOf(documents->value.elements[i], file, diagnostics, limits)) {
        found.policies.push_back({std::move(*root), fmt::format("{}[{}]", principal.empty() ? "policyDocuments" : principal, i)});
      }
    }
  }
  if (const JsonMember* body = object.find("templateBody"); body != nullptr && body->value.kind == JsonValue::Kind::kString) {
    found.recognised = true;
    EmbeddedJson embedded = parseEmbeddedJson(file, MappedText::fromString(body->value.string), diagnostics, limits);
    if (embedded.root && !embedded.lost_content) {
      FoundPolicies inner = readCloudFormation(*embedded.root, file, diagnostics, limits);
      for (FoundPolicy& policy : inner.policies) found.policies.push_back(std::move(policy));
    }
  }
}

void readPlanModule(const JsonValue& module, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                    const ParseLimits& limits, FoundPolicies& found, std::uint32_t depth) {
  if (module.kind != JsonValue::Kind::kObject || depth > 32) return;
  if (const JsonMember* resources = module.find("resources"); resources != nullptr && resources->value.kind == JsonValue::Kind::kArray) {
    for (const JsonValue& resource : resources->value.elements) {
      if (resource.kind != JsonValue::Kind::kObject || stringMember(resource, "type") != "aws_iot_policy") continue;
      const JsonMember* values = resource.find("values");
      if (values == nullptr) continue;
      const JsonMember* policy = values->value.find("policy");
      if (policy == nullptr) continue;
      std::string name = stringMember(values->value, "name");
      if (name.empty()) name = stringMember(resource, "address");
      if (std::optional<JsonValue> root = documentOf(policy->value, file, diagnostics, limits)) {
        found.policies.push_back({std::move(*root), name});
      }
    }
  }
  if (const JsonMember* children = module.find("child_modules"); children != nullptr && children->value.kind == JsonValue::Kind::kArray) {
    for (const JsonValue& child : children->value.elements) readPlanModule(child, file, diagnostics, limits, found, depth + 1);
  }
}

}  // namespace

FoundPolicies readCliOutput(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                            const ParseLimits& limits) {
  FoundPolicies found;
  readCliObject(root, "", file, diagnostics, limits, found);
  return found;
}

FoundPolicies readTerraformPlan(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                const ParseLimits& limits) {
  FoundPolicies found;
  if (root.kind != JsonValue::Kind::kObject) return found;
  const JsonMember* planned = root.find("planned_values");
  const JsonMember* changes = root.find("resource_changes");
  found.recognised = planned != nullptr || changes != nullptr ||
                     (root.find("format_version") != nullptr && root.find("terraform_version") != nullptr);
  if (planned != nullptr) {
    if (const JsonMember* module = planned->value.find("root_module")) readPlanModule(module->value, file, diagnostics, limits, found, 0);
    return found;
  }
  if (changes != nullptr && changes->value.kind == JsonValue::Kind::kArray) {
    for (const JsonValue& change : changes->value.elements) {
      if (change.kind != JsonValue::Kind::kObject || stringMember(change, "type") != "aws_iot_policy") continue;
      const JsonMember* body = change.find("change");
      const JsonMember* after = body != nullptr ? body->value.find("after") : nullptr;
      if (after == nullptr || after->value.kind != JsonValue::Kind::kObject) continue;  // deleted
      const JsonMember* policy = after->value.find("policy");
      if (policy == nullptr) continue;
      std::string name = stringMember(after->value, "name");
      if (name.empty()) name = stringMember(change, "address");
      if (std::optional<JsonValue> document = documentOf(policy->value, file, diagnostics, limits)) {
        found.policies.push_back({std::move(*document), name});
      }
    }
  }
  return found;
}

}  // namespace iotlint::frontend
