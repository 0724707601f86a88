// frontend/src/detect_format.cpp: which kind of file an input is, and the one path from every
// kind to lowered policies.
//
// Detection reads the content: JSON is classified by its keys (`Statement`, `Resources`,
// `planned_values`, `policyDocument`, ...), other text is Terraform when it is named `.tf` or
// reads like HCL, and YAML otherwise. Every reader hands JsonValue documents with file ranges
// to lowerPolicyValue, so there is one lowering for every format.
#include <fmt/format.h>

#include <algorithm>

#include "frontend/src/input.h"
#include "ir/text.h"

namespace iotlint::frontend {

using ir::RuleId;

std::string_view inputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kPolicy: return "policy";
    case InputFormat::kCloudFormation: return "cloudformation";
    case InputFormat::kTerraform: return "terraform";
    case InputFormat::kTerraformPlan: return "terraform-plan";
    case InputFormat::kCli: return "cli";
    case InputFormat::kNone: return "none";
  }
  return "none";
}

std::optional<InputFormat> parseInputFormat(std::string_view name) {
  for (InputFormat format : {InputFormat::kAuto, InputFormat::kPolicy, InputFormat::kCloudFormation, InputFormat::kTerraform,
                             InputFormat::kTerraformPlan, InputFormat::kCli}) {
    if (inputFormatName(format) == name) return format;
  }
  return std::nullopt;
}

namespace {

/// The file name of a path and its extension as std::filesystem::path splits them (`.json` alone
/// is a name without extension, `a.b.json` has `.json`), without building a path: that splits
/// every component of it, ~1,200 instructions a call, and every reading of a file asks twice.
std::string_view fileNameOf(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}
std::string_view extensionOf(std::string_view file_name) {
  if (file_name == "." || file_name == "..") return {};
  const std::size_t dot = file_name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view() : file_name.substr(dot);
}

std::string extensionOf(const ir::SourceFile& file) { return ir::asciiLowered(extensionOf(fileNameOf(file.path()))); }

/// The first character that is not white space (after a BOM), or 0.
char firstCharacter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
  }
  return 0;
}

bool looksLikeHcl(std::string_view text) {
  for (std::string_view word : {"resource \"", "data \"", "variable \"", "provider \"", "module \"", "locals {",
                                "terraform {", "output \""}) {
    std::size_t at = 0;
    while ((at = text.find(word, at)) != std::string_view::npos) {
      if (at == 0 || text[at - 1] == '\n') return true;
      at += word.size();
    }
  }
  return false;
}

bool isCliObject(const JsonValue& value) {
  return value.kind == JsonValue::Kind::kObject &&
         (value.find("policyDocument") != nullptr || value.find("policyVersions") != nullptr ||
          value.find("policyDocuments") != nullptr ||
          value.find("templateBody") != nullptr || (value.find("policies") != nullptr && value.find("policies")->value.kind == JsonValue::Kind::kArray));
}

bool isCloudFormation(const JsonValue& value) {
  // (a fragment of resources without the `Resources` key is recognised too, see isResourceFragment)
  if (value.kind != JsonValue::Kind::kObject) return false;
  if (value.find("AWSTemplateFormatVersion") != nullptr) return true;
  if (const JsonMember* resources = value.find("Resources"); resources != nullptr && resources->value.kind == JsonValue::Kind::kObject) {
    return true;
  }
  if (isResourceFragment(value)) return true;
  const JsonMember* serverless = value.find("resources");
  return serverless != nullptr && serverless->value.kind == JsonValue::Kind::kObject &&
         serverless->value.find("Resources") != nullptr;
}

bool isTerraformPlan(const JsonValue& value) {
  return value.kind == JsonValue::Kind::kObject &&
         (value.find("planned_values") != nullptr || value.find("resource_changes") != nullptr ||
          (value.find("format_version") != nullptr && value.find("terraform_version") != nullptr));
}

/// The format of a JSON (or YAML) tree, or kNone.
InputFormat classify(const JsonValue& root) {
  if (looksLikePolicy(root)) return InputFormat::kPolicy;
  if (isCloudFormation(root)) return InputFormat::kCloudFormation;
  if (isTerraformPlan(root)) return InputFormat::kTerraformPlan;
  if (isCliObject(root)) return InputFormat::kCli;
  if (root.kind == JsonValue::Kind::kArray && !root.elements.empty()) {
    const InputFormat first = classify(root.elements[0]);
    const bool same = std::all_of(root.elements.begin(), root.elements.end(),
                                  [&](const JsonValue& element) { return classify(element) == first; });
    if (same && first != InputFormat::kNone) return first;
  }
  return InputFormat::kNone;
}

/// A named `.json` file that is no known format: read as a policy when it could be one that is
/// broken (the lowering then says what is wrong), as before formats were detected.
bool couldBeBrokenPolicy(const JsonValue& root) {
  if (root.kind != JsonValue::Kind::kObject) return true;
  if (root.members.empty()) return true;
  return std::any_of(root.members.begin(), root.members.end(), [](const JsonMember& member) {
    const std::string key = ir::asciiLowered(member.key.value);
    if (key == "version") {
      // package.json has a `version` too; a policy's is a date.
      return member.value.kind == JsonValue::Kind::kString && member.value.string.value.starts_with("20");
    }
    return key.starts_with("statement") || key == "effect" || key == "action" || key == "resource";
  });
}

class InputReader {
 public:
  InputReader(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const InputOptions& options)
      : file_(file), diagnostics_(diagnostics), options_(options) {}

  ParsedInput read() {
    const std::string extension = extensionOf(file_);
    const char first = firstCharacter(file_.contents());
    InputFormat format = options_.format;
    const bool json_text = first == '{' || first == '[' || (first == 0 && extension == ".json");
    if (format == InputFormat::kTerraform || (format == InputFormat::kAuto && !json_text &&
                                              (extension == ".tf" || looksLikeHcl(file_.contents())))) {
      return finish(InputFormat::kTerraform, readTerraform(file_, diagnostics_, options_.limits));
    }
    if (json_text || extension == ".json" || format == InputFormat::kPolicy || format == InputFormat::kTerraformPlan ||
        format == InputFormat::kCli) {
      return readJson(format, extension);
    }
    return readYaml(format);
  }

 private:
  ParsedInput readJson(InputFormat format, const std::string& extension) {
    ir::DiagnosticEngine parse_diagnostics;
    JsonParseResult json = parseJson(file_, parse_diagnostics, options_.limits);
    if (!json.root || json.lost_content) {
      // Broken JSON: the syntax errors are the findings, whatever the file was meant to be.
      diagnostics_.append(parse_diagnostics.take());
      return {format == InputFormat::kAuto ? InputFormat::kPolicy : format, {}};
    }
    if (format == InputFormat::kAuto) {
      format = classify(*json.root);
      if (format == InputFormat::kNone && options_.named_explicitly && extension == ".json" && couldBeBrokenPolicy(*json.root)) {
        format = InputFormat::kPolicy;
      }
    }
    if (format == InputFormat::kNone) return finish(format, {});
    diagnostics_.append(parse_diagnostics.take());
    return fromTree(format, std::move(*json.root));
  }

  ParsedInput readYaml(InputFormat format) {
    std::optional<JsonValue> root = parseYaml(file_, diagnostics_, format != InputFormat::kAuto || options_.named_explicitly);
    if (!root) return finish(format == InputFormat::kAuto ? InputFormat::kNone : format, {});
    if (format == InputFormat::kAuto) format = classify(*root);
    if (format == InputFormat::kNone) return finish(format, {});
    return fromTree(format, std::move(*root));
  }

  ParsedInput fromTree(InputFormat format, JsonValue root) {
    FoundPolicies found;
    const auto each = [&](auto&& read) {
      if (root.kind == JsonValue::Kind::kArray && format != InputFormat::kPolicy) {
        for (const JsonValue& element : root.elements) {
          FoundPolicies part = read(element);
          found.recognised = found.recognised || part.recognised;
          for (FoundPolicy& policy : part.policies) found.policies.push_back(std::move(policy));
        }
      } else {
        found = read(root);
      }
    };
    switch (format) {
      case InputFormat::kPolicy:
        found.recognised = true;
        // An array holds documents (an export of several), whether detected or named by
        // --input-format; each element is lowered, and says what is wrong with it.
        if (root.kind == JsonValue::Kind::kArray) {
          const std::string name = stem();
          for (std::size_t i = 0; i < root.elements.size(); ++i) {
            found.policies.push_back({std::move(root.elements[i]), fmt::format("{}[{}]", name, i)});
          }
        } else {
          found.policies.push_back({std::move(root), stem()});
        }
        break;
      case InputFormat::kCloudFormation:
        each([&](const JsonValue& value) { return readCloudFormation(value, file_, diagnostics_, options_.limits); });
        break;
      case InputFormat::kTerraformPlan:
        each([&](const JsonValue& value) { return readTerraformPlan(value, file_, diagnostics_, options_.limits); });
        break;
      case InputFormat::kCli:
        each([&](const JsonValue& value) { return readCliOutput(value, file_, diagnostics_, options_.limits); });
        break;
      default: break;
    }
    return finish(format, std::move(found));
  }

  std::string stem() const {
    const std::string_view name = fileNameOf(file_.path());
    return std::string(name.substr(0, name.size() - extensionOf(name).size()));
  }

  ParsedInput finish(InputFormat format, FoundPolicies found, bool reported = false) {
    ParsedInput result;
    result.format = format;
    const std::vector<bool>* lowered_policies = options_.lowered_policies;
    for (FoundPolicy& policy : found.policies) {
      const std::size_t index = result.policies.size();
      // A document that is not an object is no policy (lowering says why), so it takes no index.
      const bool located_only = lowered_policies != nullptr && policy.document.kind == JsonValue::Kind::kObject &&
                                !(index < lowered_policies->size() && (*lowered_policies)[index]);
      if (located_only) {
        ir::Policy located;
        located.file = &file_;
        located.range = policy.document.range;
        located.name = std::move(policy.name);
        result.policies.push_back(std::move(located));
        continue;
      }
      std::optional<ir::Policy> lowered = lowerPolicyValue(policy.document, file_, diagnostics_);
      // The document's tree is no longer needed: freed now, a file of many policies never holds
      // every tree and every policy at once (the tree is several times the size of its text).
      policy.document = JsonValue{};
      if (!lowered) continue;
      lowered->name = std::move(policy.name);
      result.policies.push_back(std::move(*lowered));
    }
    // A construct that could not be read (IL133), or a file that was not read (IL101, IL102),
    // already says why no policy was found.
    reported = reported || std::any_of(diagnostics_.diagnostics().begin(), diagnostics_.diagnostics().end(),
                                       [](const ir::Diagnostic& d) {
                                         return d.rule == RuleId::kUnreadableTemplateConstruct ||
                                                d.rule == RuleId::kNestingTooDeep || d.rule == RuleId::kInvalidUtf8;
                                       });
    if (found.policies.empty() && options_.named_explicitly && !reported) {
      const std::string what =
          format == InputFormat::kNone
              ? std::string("the file is not a policy document, a CloudFormation template, a Terraform configuration "
                            "or plan, or AWS CLI output")
              : fmt::format("the file reads as {} but holds no AWS IoT policy", describe(format));
      diagnostics_.report(RuleId::kNoPolicyInInput, file_, {0, 0}, what + "; nothing was analysed");
    }
    return result;
  }

  static std::string describe(InputFormat format) {
    switch (format) {
      case InputFormat::kCloudFormation: return "a CloudFormation template";
      case InputFormat::kTerraform: return "a Terraform configuration";
      case InputFormat::kTerraformPlan: return "a Terraform plan";
      case InputFormat::kCli: return "AWS CLI output";
      default: return "a policy";
    }
  }

  const ir::SourceFile& file_;
  ir::DiagnosticEngine& diagnostics_;
  const InputOptions& options_;
};

}  // namespace

ParsedInput parseInput(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const InputOptions& options) {
  InputReader reader(file, diagnostics, options);
  return reader.read();
}

}  // namespace iotlint::frontend
