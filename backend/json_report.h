// backend/json_report.h: the versioned JSON report for scripts (`--format json`).
//
// The format is documented in docs/json-report.md and described by docs/json-report.schema.json;
// kJsonReportVersion changes only when a field is removed or changes meaning.
#pragma once

#include <ostream>
#include <span>

#include "backend/report.h"
#include "ir/diagnostic.h"

namespace iotlint::backend {

inline constexpr int kJsonReportVersion = 1;

void writeJsonReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options);

}  // namespace iotlint::backend
