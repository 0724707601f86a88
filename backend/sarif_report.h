// backend/sarif_report.h: one SARIF 2.1.0 log (one run) for GitHub code scanning and SARIF viewers.
//
// See backend/README.md for the mapping of diagnostics to SARIF objects, the fingerprint scheme and
// how diagnostics without a file are reported.
#pragma once

#include <ostream>
#include <span>

#include "backend/report.h"
#include "backend/report_writer.h"
#include "ir/diagnostic.h"

namespace iotlint::backend {

/// The `partialFingerprints` key iotlint writes; bump the version whenever the hash input changes.
inline constexpr const char* kFingerprintKey = "iotlintContextHash/v1";

/// The whole run at once: sorts a copy, then the same as makeSarifWriter (report_writer.h) fed file by file.
void writeSarifReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options);

}  // namespace iotlint::backend
