// backend/report.h: what every report writer (text, SARIF, JSON) is given, and the tool's identity.
//
// Writers take diagnostics as the passes produced them, in any order; each writer sorts a copy with
// ir::sortDiagnostics so that output is deterministic. Nothing here reads files: every position is
// computed from the ir::SourceFile a diagnostic points to.
#pragma once

#include <string>
#include <string_view>

#include "ir/rules.h"

namespace iotlint::backend {

struct ReportOptions {
  /// Absolute directory that SARIF artifact URIs are relative to (`%SRCROOT%`); empty means the
  /// current directory. Files outside it get absolute `file://` URIs.
  std::string source_root;
  /// Text output: show the source line and a caret line under each location.
  bool show_snippets = true;
  /// Reported as the tool version; empty means toolVersion().
  std::string tool_version;
  /// SARIF `invocations[0].executionSuccessful` and the JSON report's `execution_successful`:
  /// false when the run could not do its whole job (an unreadable path, an internal error).
  bool execution_successful = true;
};

/// "iotlint", the SARIF `tool.driver.name`; never changes.
std::string_view toolName();
/// The project version (CMake `PROJECT_VERSION`), e.g. "0.1.0".
std::string_view toolVersion();
/// The project homepage (CMake cache variable `IOTLINT_HOMEPAGE`), without a trailing slash.
std::string_view homepage();
/// `<homepage>/blob/main/docs/rules/<id>.md`, the page a rule's documentation is kept in.
std::string ruleHelpUri(const ir::RuleInfo& rule);

}  // namespace iotlint::backend
