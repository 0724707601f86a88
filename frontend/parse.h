// frontend/parse.h: from a file's bytes to the policy IR, with every problem located.
//
// The only entry points of the frontend. No ANTLR type appears here or in any header the other
// layers include: the generated parsers stay behind these functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "ir/source.h"

namespace iotlint::frontend {

/// Limits that keep hostile input from exhausting the stack or memory.
struct ParseLimits {
  std::uint32_t max_file_bytes = 16U * 1024U * 1024U;
  std::uint32_t max_nesting_depth = 64;
};

/// Parses `file` as a policy document. Every problem (invalid UTF-8, JSON syntax, structure,
/// malformed ARNs and variables) is reported to `diagnostics`, and analysis continues past it
/// where it can: the returned policy holds every statement that was sound enough to lower.
/// Returns nothing when the file is not a JSON object at all.
std::optional<ir::Policy> parsePolicy(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                      const ParseLimits& limits = {});

/// The kinds of input iotlint finds policies in.
enum class InputFormat : unsigned char {
  kAuto,            ///< detect from the content (and, for ties, the file name)
  kPolicy,          ///< a policy document, or a JSON array of them
  kCloudFormation,  ///< a CloudFormation template (JSON or YAML; CDK output, Serverless `resources`,
                    ///< fleet provisioning templates)
  kTerraform,       ///< a Terraform configuration (`.tf`)
  kTerraformPlan,   ///< `terraform show -json` output
  kCli,             ///< AWS CLI output (`get-policy`, `get-policy-version`, `create-policy`, ...)
  kNone,            ///< detection found no policy-bearing format
};

/// `auto`, `policy`, `cloudformation`, `terraform`, `terraform-plan`, `cli` (and `none`).
std::string_view inputFormatName(InputFormat format);
std::optional<InputFormat> parseInputFormat(std::string_view name);

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  /// True when the user named the file: a file that holds no policy is then reported (IL130).
  /// Files found by walking a folder are skipped silently instead.
  bool named_explicitly = true;
  ParseLimits limits;
  /// When set, only the policies whose index in ParsedInput::policies is true here are lowered;
  /// the others hold only their file, range and name, and nothing in them is reported. For
  /// re-reading a file of many policies of which only some changed (fix verification); null
  /// lowers every policy.
  const std::vector<bool>* lowered_policies = nullptr;
};

struct ParsedInput {
  InputFormat format = InputFormat::kNone;  ///< what the file was read as
  /// Every policy found, in file order. Ranges in them (and in every diagnostic) are offsets into
  /// the file given to parseInput, whatever layers (JSON strings, YAML, HCL) the policy sits in.
  std::vector<ir::Policy> policies;
};

/// Finds and lowers every policy in `file`: a raw document, a CloudFormation template (JSON or
/// YAML), a Terraform configuration or plan, or AWS CLI output, detected from the content unless
/// `options.format` says otherwise. Problems go to `diagnostics`.
ParsedInput parseInput(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                       const InputOptions& options = {});

/// Splits a decoded policy string into parts (literal text, `*`, `?`, `${...}`, escapes) with the
/// string grammar. A malformed `${` is reported through `diagnostics` against `string`'s range
/// and kept as literal text.
std::vector<ir::StringPart> parseStringParts(const ir::PolicyString& string, const ir::SourceFile& file,
                                             ir::DiagnosticEngine& diagnostics);

}  // namespace iotlint::frontend
