// The JSON report (docs/json-report.md). Positions are given three ways so that scripts never have to
// re-derive them: 1-based line, 1-based column in Unicode code points, and 0-based byte offset.
#include "backend/json_report.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "backend/report_support.h"

namespace iotlint::backend {

namespace {

using Json = nlohmann::ordered_json;

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

}  // namespace

void writeJsonReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options) {
  Json findings = Json::array();
  unsigned errors = 0;
  unsigned warnings = 0;
  unsigned notes = 0;
  for (const auto& diagnostic : detail::sortedCopy(diagnostics)) {
    switch (diagnostic.level) {
      case ir::Level::kError: ++errors; break;
      case ir::Level::kWarning: ++warnings; break;
      case ir::Level::kNote: ++notes; break;
    }
    findings.push_back(finding(diagnostic));
  }
  const Json report = {
      {"schema_version", kJsonReportVersion},
      {"tool", {{"name", toolName()}, {"version", options.tool_version.empty() ? std::string(toolVersion()) : options.tool_version}}},
      {"execution_successful", options.execution_successful},
      {"summary", {{"errors", errors}, {"warnings", warnings}, {"notes", notes}}},
      {"findings", std::move(findings)},
  };
  out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace iotlint::backend
