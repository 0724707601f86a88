// backend/json_report.h: the versioned JSON report for scripts (`--format json`).
//
// The format is documented in docs/json-report.md and described by docs/json-report.schema.json;
// kJsonReportVersion changes only when a field is removed or changes meaning.
#pragma once

#include <ostream>
#include <span>

#include "backend/report.h"
#include "backend/report_writer.h"
#include "ir/diagnostic.h"

namespace iotlint::backend {

inline constexpr int kJsonReportVersion = 1;

/// The whole run at once: sorts a copy, then the same as makeJsonWriter (report_writer.h) fed file by file.
void writeJsonReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options);

}  // namespace iotlint::backend
