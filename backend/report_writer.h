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
// add() writes what write(format()) writes, streaming it. A driver that analyses files on several
// threads calls format() on the thread that analysed the file, which may then free the file at
// once, and write() on one thread in report order: formatting, most of a report's cost, then runs
// in parallel, and only the fragment's text crosses threads. A fragment holds a file's whole
// report in memory, so a single thread calls add().
//
// Contract:
// - begin() once, then add() or write() any number of times (an empty span is fine), then finish()
//   once. A writer destroyed without finish() leaves an unterminated report; it does not throw.
// - format() may be called from several threads at once, before or after begin(), and keeps no
//   reference to the diagnostics or their SourceFile. write() and add() write before returning.
//   What stays in memory between calls is bounded by a file, not by the run: SARIF keeps the
//   notifications of diagnostics without a file (written in `invocations`, which must come after
//   the results), JSON the summary counts.
// - Output is written in the order given; nothing is re-sorted. Feeding the diagnostics of the
//   whole run in ir::sortDiagnostics order (diagnostics without a file first, then file by file in
//   path order), one file per format() or add() call, gives output byte-identical to the whole-run
//   functions writeTextReport, writeSarifReport and writeJsonReport, which are built on this.
// - A file's diagnostics must come in one format() or add() call: SARIF fingerprints count
//   identical findings among one call's results (README.md, "Fingerprints").
// - The writer never flushes `out`; the caller flushes when readers should see the output.
// - `options.execution_successful` is ignored here: finish() is told.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "backend/report.h"
#include "ir/diagnostic.h"

namespace iotlint::backend {

/// One file's part of a report: formatted on any thread, written later by the writer that made it.
struct ReportFragment {
  /// The formatted findings. For SARIF and JSON, the array elements, separated by ",\n", without
  /// the separator that precedes the first: write() adds it.
  std::string text;
  /// Per ir::Level (note, warning, error): the JSON report's summary.
  std::size_t levels[3] = {0, 0, 0};
  /// Diagnostics without a file, which SARIF writes in `invocations` at the end, not as results.
  std::vector<ir::Diagnostic> without_file;
};

class ReportWriter {
 public:
  ReportWriter() = default;
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;
  virtual ~ReportWriter();

  /// Writes what precedes the first finding (SARIF: the log header, the tool and its rules).
  virtual void begin() = 0;
  /// Formats `diagnostics` (normally one file's, sorted) for write(). Safe to call concurrently.
  virtual ReportFragment format(std::span<const ir::Diagnostic> diagnostics) const = 0;
  /// Writes a fragment that format() of this writer made.
  virtual void write(ReportFragment fragment) = 0;
  /// Writes `diagnostics` before returning, as write(format(diagnostics)) would, finding by finding.
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
