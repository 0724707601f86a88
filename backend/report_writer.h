// backend/report_writer.h: reports written while the run is still going, one file's findings at a
// time, so that memory stays bounded by one file and findings reach the reader early.
//
// How a driver uses it:
//
//   auto writer = backend::makeSarifWriter(std::cout, options);  // or makeJsonWriter, makeTextWriter
//   writer->begin();
//   for (each input file, in path order) {
//     ir::sortDiagnostics(diagnostics_of_that_file);
//     writer->add(diagnostics_of_that_file);   // written now; the SourceFile may be freed afterwards
//   }
//   writer->finish(execution_successful);       // known only at the end, so written last
//
// Contract:
// - begin() once, then add() any number of times (an empty span is fine), then finish() once.
//   A writer destroyed without finish() leaves an unterminated report; it does not throw.
// - add() writes every diagnostic it is given before it returns and keeps no reference to them or
//   their SourceFile. What stays in memory between calls is bounded by a file, not by the run:
//   SARIF keeps the current artifact's fingerprint counts and the notifications of diagnostics
//   without a file (written in `invocations`, which must come after the results).
// - Output is written in the order given; nothing is re-sorted. Feeding the diagnostics of the
//   whole run in ir::sortDiagnostics order (diagnostics without a file first, then file by file in
//   path order), split into add() calls anywhere, gives output byte-identical to the whole-run
//   functions writeTextReport, writeSarifReport and writeJsonReport, which are built on this.
// - A file's diagnostics must come in one add() call or consecutive ones: SARIF fingerprints count
//   identical findings within a run of results for the same artifact (README.md, "Fingerprints").
// - The writer never flushes `out`; the caller flushes when readers should see the output.
// - `options.execution_successful` is ignored here: finish() is told.
#pragma once

#include <memory>
#include <ostream>
#include <span>

#include "backend/report.h"
#include "ir/diagnostic.h"

namespace iotlint::backend {

class ReportWriter {
 public:
  ReportWriter() = default;
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;
  virtual ~ReportWriter();

  /// Writes what precedes the first finding (SARIF: the log header, the tool and its rules).
  virtual void begin() = 0;
  /// Writes `diagnostics` (normally one file's, sorted) before returning.
  virtual void add(std::span<const ir::Diagnostic> diagnostics) = 0;
  /// Writes what depends on the whole run (SARIF `invocations`, the JSON summary) and closes the report.
  virtual void finish(bool execution_successful) = 0;
};

/// SARIF 2.1.0 (sarif_report.h), JSON (json_report.h) and text (text_report.h) writers on `out`,
/// which must outlive the writer. `options` is copied.
std::unique_ptr<ReportWriter> makeSarifWriter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportWriter> makeJsonWriter(std::ostream& out, const ReportOptions& options);
std::unique_ptr<ReportWriter> makeTextWriter(std::ostream& out, const ReportOptions& options);

}  // namespace iotlint::backend
