// The JSON report (docs/json-report.md). Positions are given three ways so that scripts never have to
// re-derive them: 1-based line, 1-based column in Unicode code points, and 0-based byte offset.
#include "backend/json_report.h"

#include <algorithm>
#include <memory>
#include <string>

#include "backend/json_stream.h"
#include "backend/report_support.h"

namespace iotlint::backend {

namespace {

using detail::Json;

Json point(const ir::SourceFile& file, std::uint32_t offset) {
  offset = std::min(offset, file.size());
  const auto position = file.position(offset);
  return {{"line", position.line}, {"column", position.column_code_points}, {"offset", offset}};
}

Json range(const ir::SourceFile* file, ir::SourceRange range) {
  if (file == nullptr) return nullptr;
  return {{"start", point(*file, range.begin)}, {"end", point(*file, std::max(range.begin, range.end))}};
}

Json finding(const ir::Diagnostic& diagnostic) {
  const auto& rule = ir::ruleInfo(diagnostic.rule);
  Json notes = Json::array();
  for (const auto& note : diagnostic.notes) {
    notes.push_back({{"message", note.message}, {"range", range(diagnostic.file, note.range)}});
  }
  Json fixes = Json::array();
  for (const auto& fix : diagnostic.fixes) {
    Json edits = Json::array();
    for (const auto& edit : fix.edits) {
      edits.push_back({{"range", range(diagnostic.file, edit.range)}, {"replacement", edit.replacement}});
    }
    fixes.push_back({{"description", fix.description},
                     {"safety", detail::fixSafetyName(fix.safety)},
                     {"edits", std::move(edits)}});
  }
  Json properties = Json::object();
  for (const auto& [key, value] : diagnostic.properties) properties[key] = value;
  return {
      {"rule", rule.id},
      {"rule_name", rule.name},
      {"level", ir::levelName(diagnostic.level)},
      {"message", diagnostic.message},
      {"file", diagnostic.file != nullptr ? Json(diagnostic.file->path()) : Json(nullptr)},
      {"range", range(diagnostic.file, diagnostic.range)},
      {"notes", std::move(notes)},
      {"fixes", std::move(fixes)},
      {"properties", std::move(properties)},
      {"security_severity", rule.security_severity.empty() ? Json(nullptr) : Json(rule.security_severity)},
      {"help_uri", ruleHelpUri(rule)},
  };
}

/// Findings come before `execution_successful` and `summary`, which are known only at the end.
class JsonWriter final : public ReportWriter {
 public:
  JsonWriter(std::ostream& out, const ReportOptions& options)
      : document_(out, 2),
        tool_version_(options.tool_version.empty() ? std::string(toolVersion()) : options.tool_version) {}

  void begin() override {
    document_.begin({
        {"schema_version", kJsonReportVersion},
        {"tool", {{"name", toolName()}, {"version", tool_version_}}},
        {"findings", Json::array()},
    });
  }

  void add(std::span<const ir::Diagnostic> diagnostics) override {
    for (const auto& diagnostic : diagnostics) {
      switch (diagnostic.level) {
        case ir::Level::kError: ++errors_; break;
        case ir::Level::kWarning: ++warnings_; break;
        case ir::Level::kNote: ++notes_; break;
      }
      document_.addElement(finding(diagnostic));
    }
  }

  void finish(bool execution_successful) override {
    document_.finish({
        {"execution_successful", execution_successful},
        {"summary", {{"errors", errors_}, {"warnings", warnings_}, {"notes", notes_}}},
    });
  }

 private:
  detail::JsonDocumentStream document_;
  std::string tool_version_;
  unsigned errors_ = 0;
  unsigned warnings_ = 0;
  unsigned notes_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> makeJsonWriter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<JsonWriter>(out, options);
}

void writeJsonReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options) {
  JsonWriter writer(out, options);
  detail::writeWholeRun(writer, diagnostics, options);
}

}  // namespace iotlint::backend
