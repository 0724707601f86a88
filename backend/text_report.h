// backend/text_report.h: compiler-style text diagnostics for terminals, editors and problem matchers.
//
//   policy.json:6:17: error: `iot:*` lets this device connect as any client [IOT_POLICY_OVERLY_PERMISSIVE_CHECK]
//         "Action": "iot:*",
//                   ^~~~~~~
//   policy.json:4:5: note: the statement that grants it
//   ...
//     fix (unsafe): replace `iot:*` with the actions the device uses
//
// Columns are counted in Unicode code points (1-based). The marker line keeps the tabs of the source
// line before the range so that it lines up; a range that spans lines is underlined to the end of its
// first line; an empty range gets a single caret. A diagnostic without a file is written as
// `iotlint: LEVEL: MESSAGE [RULE]`.
#pragma once

#include <ostream>
#include <span>

#include "backend/report.h"
#include "backend/report_writer.h"
#include "ir/diagnostic.h"

namespace iotlint::backend {

/// The whole run at once: sorts a copy, then the same as makeTextWriter (report_writer.h) fed file by file.
void writeTextReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options);

}  // namespace iotlint::backend
