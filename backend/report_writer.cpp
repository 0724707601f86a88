#include "backend/report_writer.h"

#include "backend/report_support.h"

namespace iotlint::backend {

ReportWriter::~ReportWriter() = default;

namespace detail {

void writeWholeRun(ReportWriter& writer, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options) {
  const std::vector<ir::Diagnostic> sorted = sortedCopy(diagnostics);
  const std::span<const ir::Diagnostic> all(sorted);
  writer.begin();
  std::size_t first = 0;
  while (first < all.size()) {
    std::size_t last = first + 1;
    while (last < all.size() && all[last].file == all[first].file) ++last;
    writer.add(all.subspan(first, last - first));
    first = last;
  }
  writer.finish(options.execution_successful);
}

}  // namespace detail

}  // namespace iotlint::backend
