#include "backend/text_report.h"

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "backend/report_support.h"

namespace iotlint::backend {

namespace {

/// The caret line for bytes [begin, end) of `line`, both already clamped to the line.
std::string markerLine(std::string_view line, std::size_t begin, std::size_t end) {
  std::string marker;
  bool first = true;
  detail::forEachCodePoint(line, [&](std::size_t offset, std::size_t length) {
    if (offset >= std::max(end, begin + 1)) return;
    if (offset < begin) {
      if (line[offset] == '\t') {
        marker.push_back('\t');
      } else {
        marker.append(static_cast<std::size_t>(detail::displayWidth(detail::decodeAt(line, offset, length))), ' ');
      }
      return;
    }
    if (offset >= end) return;  // an empty range: the caret is added below
    const int width = line[offset] == '\t' ? 1 : detail::displayWidth(detail::decodeAt(line, offset, length));
    marker.push_back(first ? '^' : '~');
    marker.append(static_cast<std::size_t>(width - 1), '~');
    first = false;
  });
  if (first) marker.push_back('^');  // empty range, or a range that starts at the end of the line
  return marker;
}

/// Long lines (a minified policy, a binary file) are shown as a window around the range, so a
/// finding never prints megabytes; "..." marks what was cut.
constexpr std::size_t kMaxSnippetBytes = 160;
constexpr std::size_t kContextBeforeRange = 60;

void writeSnippet(std::ostream& out, const ir::SourceFile& file, ir::SourceRange range) {
  const auto begin = file.position(range.begin);
  const auto end = file.position(std::max(range.begin, range.end));
  const std::string_view line = file.lineText(begin.line);
  std::size_t begin_byte = std::min<std::size_t>(begin.column_bytes - 1, line.size());
  std::size_t end_byte =
      end.line == begin.line ? std::clamp<std::size_t>(end.column_bytes - 1, begin_byte, line.size()) : line.size();

  std::string shown(line);
  if (line.size() > kMaxSnippetBytes) {
    std::size_t start = begin_byte > kContextBeforeRange ? begin_byte - kContextBeforeRange : 0;
    while (start > 0 && detail::isContinuationByte(line[start])) --start;
    std::size_t stop = std::min(line.size(), start + kMaxSnippetBytes);
    while (stop < line.size() && detail::isContinuationByte(line[stop])) ++stop;
    const std::string prefix = start > 0 ? "..." : "";
    shown = prefix + std::string(line.substr(start, stop - start)) + (stop < line.size() ? "..." : "");
    begin_byte = begin_byte - start + prefix.size();
    end_byte = std::min(end_byte, stop) - start + prefix.size();
  }
  out << detail::sanitizeForTerminal(shown) << '\n' << markerLine(shown, begin_byte, end_byte) << '\n';
}

void writeLocated(std::ostream& out, const ir::SourceFile* file, ir::SourceRange range, ir::Level level,
                  std::string_view message, std::string_view rule_id, bool show_snippet) {
  std::string header;
  if (file == nullptr) {
    header = fmt::format("{}: {}: {}", toolName(), ir::levelName(level), message);
  } else {
    const auto begin = file->position(range.begin);
    header = fmt::format("{}:{}:{}: {}: {}", file->path(), begin.line, begin.column_code_points,
                         ir::levelName(level), message);
  }
  if (!rule_id.empty()) header += fmt::format(" [{}]", rule_id);
  out << detail::sanitizeForTerminal(header) << '\n';
  if (show_snippet && file != nullptr) writeSnippet(out, *file, range);
}

class TextWriter final : public ReportWriter {
 public:
  TextWriter(std::ostream& out, const ReportOptions& options) : out_(out), show_snippets_(options.show_snippets) {}

  void begin() override {}

  ReportFragment format(std::span<const ir::Diagnostic> diagnostics) const override {
    std::ostringstream out;
    writeDiagnostics(out, diagnostics);
    ReportFragment fragment;
    fragment.text = std::move(out).str();
    return fragment;
  }

  void write(ReportFragment fragment) override {
    out_.write(fragment.text.data(), static_cast<std::streamsize>(fragment.text.size()));
  }

  void add(std::span<const ir::Diagnostic> diagnostics) override { writeDiagnostics(out_, diagnostics); }

  void finish(bool /*execution_successful*/) override {}

 private:
  void writeDiagnostics(std::ostream& out, std::span<const ir::Diagnostic> diagnostics) const {
    for (const auto& diagnostic : diagnostics) {
      writeLocated(out, diagnostic.file, diagnostic.range, diagnostic.level, diagnostic.message,
                   ir::ruleInfo(diagnostic.rule).id, show_snippets_);
      for (const auto& note : diagnostic.notes) {
        writeLocated(out, diagnostic.file, note.range, ir::Level::kNote, note.message, {}, show_snippets_);
      }
      for (const auto& fix : diagnostic.fixes) {
        out << detail::sanitizeForTerminal(
                   fmt::format("  fix ({}): {}", detail::fixSafetyName(fix.safety), fix.description))
            << '\n';
      }
    }
  }

  std::ostream& out_;
  bool show_snippets_;
};

}  // namespace

std::unique_ptr<ReportWriter> makeTextWriter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

void writeTextReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options) {
  TextWriter writer(out, options);
  detail::writeWholeRun(writer, diagnostics, options);
}

}  // namespace iotlint::backend
