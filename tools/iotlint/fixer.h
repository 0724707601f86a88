// tools/iotlint/fixer.h: verifying, applying and writing fixes (`--fix`, `--unsafe-fixes`,
// `--diff`, `--fix-to`, `--emit-remediation`).
//
// The passes propose candidate fixes (passes/fixes/); only the driver can check them, because
// checking means re-reading the edited text with the frontend. For each candidate the fixer
// applies the edits to the file's text, re-parses it, re-analyses it, and compares the grants of
// the edited policy with the original (passes::compareGrants):
//   - the text still parses into as many policies, and no rule reports more findings than before,
//     while the finding's own rule reports fewer;
//   - the fixed policy reaches no other device's resource that the original did not;
//   - a narrowing fix (overly permissive, IL207, misconfiguration) grants a subset of the original;
//   - it stays `safe` only when SELF keeps all its own access; otherwise it becomes `unsafe`.
// A candidate that fails is removed from its diagnostic, which gets a note saying why no
// automatic fix is available. A file of many policies is not re-read whole for each candidate:
//   - in a JSON array of documents (an account export), each document is a complete JSON value, so
//     a candidate is checked by re-reading its own document, edited, alone;
//   - elsewhere (a template, CLI output), candidates of different policies are checked together,
//     one per policy per re-reading, each judged on its own policy: the file is re-read as many
//     times as one policy has candidates.
// Fixes are applied round by round (non-overlapping ones per round, re-analysing the whole file in
// between) until nothing changes, at most FixSettings::max_rounds rounds.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/parse.h"
#include "ir/diagnostic.h"
#include "ir/policy.h"
#include "ir/source.h"
#include "passes/analyze.h"
#include "passes/fixes/fixes.h"
#include "tools/iotlint/atomic_file.h"
#include "tools/iotlint/commands.h"

namespace iotlint::tools {

struct FixSettings {
  frontend::InputOptions input;
  passes::AnalysisOptions analysis;  ///< without dumps
  bool unsafe = false;               ///< also apply fixes marked unsafe
  unsigned max_rounds = 8;
  /// Which rules' fixes may be applied (--select / --ignore); all when empty.
  std::function<bool(ir::RuleId)> keeps;
  /// Threads that may analyse the policies of one file (see analyzeSource).
  unsigned jobs = 1;
};

/// One file read, parsed and analysed: the file (diagnostics point into it), its policies and
/// every diagnostic, with candidate fixes.
struct FileAnalysis {
  std::unique_ptr<ir::SourceFile> file;
  frontend::InputFormat format = frontend::InputFormat::kNone;
  std::vector<ir::Policy> policies;    ///< (only located and named when analysed KeptOfPolicies::kForVerifyingFixes)
  std::vector<passes::Grants> grants;  ///< one per policy, for comparing grants (see KeptOfPolicies)
  std::vector<ir::Diagnostic> diagnostics;
};
/// What analyzeSource keeps of each policy once it is analysed.
enum class KeptOfPolicies : unsigned char {
  kAll,  ///< the IR and the grants of every policy
  /// What reporting and verifying the findings' fixes need: each policy's location and name, and the
  /// grants of those with a candidate fix, with one copy of each automaton of the file. An account
  /// export of 20,000 policies otherwise keeps every statement and every grant until it is reported.
  kForVerifyingFixes,
};

/// Reads `contents` as the file `path`: parses it and analyses every policy in it, or, when
/// `analysed` is given, the policies it marks (the others are only located: not lowered, no
/// findings, empty grants). IR dumps go where `analysis` says; `iotlint check` asks for them on its first
/// reading of a file only. A file of many policies (an account export) has them analysed on up to
/// `jobs` threads; the result is the same as with one.
FileAnalysis analyzeSource(std::string path, std::string contents, const frontend::InputOptions& input,
                           const passes::AnalysisOptions& analysis, const std::vector<bool>* analysed = nullptr,
                           unsigned jobs = 1, KeptOfPolicies kept = KeptOfPolicies::kAll);
/// analyzeSource with the settings of fix application (no dumps).
FileAnalysis analyzeText(std::string path, std::string contents, const FixSettings& settings);

/// Verifies every candidate fix of `diagnostics` that points into `base.file` (`base` is that
/// file's analysis, with every diagnostic, as the fixed text is compared against it): drops failing
/// ones (with a note on the diagnostic) and sets the safety that the comparison proves.
void verifyFixes(const FileAnalysis& base, std::span<ir::Diagnostic> diagnostics, const FixSettings& settings);

/// `text` with `edits` applied (sorted by range, non-overlapping).
std::string applyEdits(std::string_view text, std::span<const ir::Edit> edits);

struct FixOutcome {
  std::string fixed;        ///< the final text
  unsigned applied = 0;     ///< fixes applied over all rounds
  unsigned rounds = 0;      ///< rounds that changed the text
  bool converged = true;    ///< false when fixes were still applicable after max_rounds
  FileAnalysis remaining;   ///< the analysis of the final text (fixes verified)
};
/// Applies verified fixes to `contents` until nothing changes.
FixOutcome fixToFixpoint(const std::string& path, const std::string& contents, const FixSettings& settings);

/// Where `--fix-to DIR` writes the fixed copy of `path`: DIR/path for a relative path (`..`
/// levels dropped), DIR/path-without-root for an absolute one.
std::filesystem::path fixToPath(const std::filesystem::path& dir, const std::string& path);

/// One fixed policy for `--emit-remediation`.
struct RemediationEntry {
  std::string policy_name;    ///< ir::Policy::name
  std::string source_path;    ///< the file as given
  std::string document_path;  ///< the fixed policy document (`file://`)
  bool standalone_document = true;  ///< the file is a bare policy document (not a template)
};
/// A shell script of AWS CLI commands that deploy the fixed policies (AWS's documented fix:
/// a new default policy version), with the checks to run first and the rollback.
std::string remediationScript(const std::vector<RemediationEntry>& entries);

/// What `iotlint check`'s fix step did to one file.
struct FileFixes {
  /// The file the diagnostics point into: the fixed text when fixes were written, else the original.
  std::unique_ptr<ir::SourceFile> file;
  std::vector<ir::Diagnostic> diagnostics;  ///< what remains to report, candidate fixes verified
  std::vector<std::string> problems;        ///< for standard error, each already prefixed with the path
  bool trouble = false;  ///< a file could not be written
  bool changed = false;  ///< fixes were applied (or, with --diff, would be)
  std::string diff;      ///< with --diff: the unified diff of this file
  std::vector<RemediationEntry> remediation;  ///< with --emit-remediation: the policies fixed here
};
/// `iotlint check`'s fix step for one analysed file, independent of every other file (it runs on
/// the worker threads): verifies the candidate fixes of `diagnostics` (those of `base`, already
/// filtered by --select/--ignore); with --fix, --fix-to or --diff, fixes the file to a fixpoint,
/// writes it (in place, as a copy, or as a diff) and reports what remains of the fixed text.
/// `settings.analysis` must carry the file's project layouts, as the analysis did.
FileFixes fixFile(const CheckOptions& options, const FixSettings& settings, FileAnalysis base,
                  std::vector<ir::Diagnostic> diagnostics);

}  // namespace iotlint::tools
