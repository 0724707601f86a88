// frontend/src/input.h: what every input format shares on its way to the one lowering.
//
// Each format (CloudFormation, Terraform, CLI output, ...) finds the policy documents in its file
// and hands them over as JsonValue trees whose ranges are offsets into the file the user edits,
// so that lower_policy.cpp lowers every format the same way. Two tools make that possible:
//
// - MappedText: text assembled from pieces of the file (a decoded JSON string, a heredoc, a
//   template after substitution), with the file offset of every byte. An embedded document is
//   parsed as its own SourceFile, and its tree and diagnostics are then mapped back through it.
// - Template values (`${AWS::Region}`, `${var.x}`) become `*` in the text, mapped to the whole
//   `${...}` they stand for, so that a finding on them points at what the user wrote.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/parse.h"
#include "frontend/src/json_tree.h"

namespace iotlint::frontend {

/// Text with the file offset of each of its bytes: a monotone map from text offsets to file
/// offsets. `offsets` has one more entry than `text`, for the end.
struct MappedText {
  std::string text;
  std::vector<std::uint32_t> offsets;

  /// Appends `bytes` that sit at consecutive file offsets from `at`.
  void appendCopied(std::string_view bytes, std::uint32_t at);
  /// Appends `bytes` that all stand for the file byte(s) starting at `at` (an escape, a substitution).
  void appendAt(std::string_view bytes, std::uint32_t at);
  /// Appends another mapped text.
  void append(const MappedText& other);
  /// Closes the map: the end of the text sits at file offset `end`.
  void finish(std::uint32_t end);

  /// File offset of text offset `i` (clamped; needs finish()).
  std::uint32_t fileOffset(std::size_t i) const;
  ir::SourceRange fileRange(ir::SourceRange inner) const { return {fileOffset(inner.begin), fileOffset(inner.end)}; }

  static MappedText fromString(const ir::PolicyString& string);
};

/// A policy string whose decoded value is `text` and whose bytes come from the file as mapped;
/// `range` is the whole value as written (quotes, intrinsic function and all).
ir::PolicyString mappedPolicyString(const MappedText& text, ir::SourceRange range);
/// mappedPolicyString() as a JSON string value (what templates resolve an intrinsic function to).
JsonValue mappedStringValue(const MappedText& text, ir::SourceRange range);

/// A JSON value tree parsed from `text`, an embedded document inside `outer`, with every range
/// (and every diagnostic of the parse) mapped back to `outer`.
struct EmbeddedJson {
  std::optional<JsonValue> root;
  bool lost_content = false;
};
EmbeddedJson parseEmbeddedJson(const ir::SourceFile& outer, const MappedText& text, ir::DiagnosticEngine& diagnostics,
                               const ParseLimits& limits);

/// Whether `file` (after a UTF-8 byte order mark) is all UTF-8. When it is not and `report`, IL101
/// at the first byte that is not: a Terraform or YAML file is then not analysed.
bool isUtf8File(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, bool report = true);

/// Rewrites every range of `value` through `map` (inner offsets to outer file offsets).
void remapTree(JsonValue& value, const MappedText& map);

/// Lowers one policy document (lower_policy.cpp): the single lowering of every format.
std::optional<ir::Policy> lowerPolicyValue(const JsonValue& root, const ir::SourceFile& file,
                                           ir::DiagnosticEngine& diagnostics);

/// A policy document found in an input, before lowering.
struct FoundPolicy {
  JsonValue document;
  std::string name;
};

/// What a format reader returns: the documents it found.
struct FoundPolicies {
  std::vector<FoundPolicy> policies;
  bool recognised = false;  ///< the file is of this format (even if it holds no policy)
};

// The format readers (one file each). `root` is the file's JSON tree where the format is JSON.
FoundPolicies readCloudFormation(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                 const ParseLimits& limits);
/// Parses YAML into a JsonValue tree (CloudFormation short-form tags become `Fn::` objects).
/// Returns nothing, after reporting where, when the text is not YAML.
std::optional<JsonValue> parseYaml(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, bool report_errors);
FoundPolicies readTerraform(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, const ParseLimits& limits);
FoundPolicies readTerraformPlan(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                                const ParseLimits& limits);
FoundPolicies readCliOutput(const JsonValue& root, const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                            const ParseLimits& limits);

/// A policy document given as a JSON string (CloudFormation, fleet provisioning templates, CLI
/// output, Terraform plans): parsed with its locations mapped back through the string's escapes.
std::optional<JsonValue> documentFromString(const JsonValue& string, const ir::SourceFile& file,
                                            ir::DiagnosticEngine& diagnostics, const ParseLimits& limits);

/// True when every member of the object is a resource (`Type: AWS::...`): a template fragment
/// written without its `Resources` key.
bool isResourceFragment(const JsonValue& value);

/// True when the object looks like an IAM-style policy document (`Statement`, or `Version` with
/// nothing foreign).
bool looksLikePolicy(const JsonValue& value);

}  // namespace iotlint::frontend
