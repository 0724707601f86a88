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

using detail::addMember;
using detail::objectWithRoom;

Json point(const ir::SourceFile& file, std::uint32_t offset) {
  offset = std::min(offset, file.size());
  const auto position = file.position(offset);
  Json object = objectWithRoom(3);
  addMember(object, "line", position.line);
  addMember(object, "column", position.column_code_points);
  addMember(object, "offset", offset);
  return object;
}

Json range(const ir::SourceFile* file, ir::SourceRange range) {
  if (file == nullptr) return nullptr;
  Json object = objectWithRoom(2);
  addMember(object, "start", point(*file, range.begin));
  addMember(object, "end", point(*file, std::max(range.begin, range.end)));
  return object;
}

Json finding(const ir::Diagnostic& diagnostic) {
  const auto& rule = ir::ruleInfo(diagnostic.rule);
  Json notes = Json::array();
  notes.get_ref<Json::array_t&>().reserve(diagnostic.notes.size());
  for (const auto& note : diagnostic.notes) {
    Json object = objectWithRoom(2);
    addMember(object, "message", note.message);
    addMember(object, "range", range(diagnostic.file, note.range));
    notes.push_back(std::move(object));
  }
  Json fixes = Json::array();
  fixes.get_ref<Json::array_t&>().reserve(diagnostic.fixes.size());
  for (const auto& fix : diagnostic.fixes) {
    Json edits = Json::array();
    edits.get_ref<Json::array_t&>().reserve(fix.edits.size());
    for (const auto& edit : fix.edits) {
      Json object = objectWithRoom(2);
      addMember(object, "range", range(diagnostic.file, edit.range));
      addMember(object, "replacement", edit.replacement);
      edits.push_back(std::move(object));
    }
    Json object = objectWithRoom(3);
    addMember(object, "description", fix.description);
    addMember(object, "safety", detail::fixSafetyName(fix.safety));
    addMember(object, "edits", std::move(edits));
    fixes.push_back(std::move(object));
  }
  Json properties = objectWithRoom(diagnostic.properties.size());
  for (const auto& [key, value] : diagnostic.properties) addMember(properties, key, value);  // a map: keys are unique
  Json object = objectWithRoom(11);
  addMember(object, "rule", rule.id);
  addMember(object, "rule_name", rule.name);
  addMember(object, "level", ir::levelName(diagnostic.level));
  addMember(object, "message", diagnostic.message);
  addMember(object, "file", diagnostic.file != nullptr ? Json(diagnostic.file->path()) : Json(nullptr));
  addMember(object, "range", range(diagnostic.file, diagnostic.range));
  addMember(object, "notes", std::move(notes));
  addMember(object, "fixes", std::move(fixes));
  addMember(object, "properties", std::move(properties));
  addMember(object, "security_severity", rule.security_severity.empty() ? Json(nullptr) : Json(rule.security_severity));
  addMember(object, "help_uri", ruleHelpUri(rule));
  return object;
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

  ReportFragment format(std::span<const ir::Diagnostic> diagnostics) const override {
    ReportFragment fragment;
    for (const auto& diagnostic : diagnostics) {
      ++fragment.levels[static_cast<std::size_t>(diagnostic.level)];
      document_.appendElement(fragment.text, finding(diagnostic));
    }
    return fragment;
  }

  void write(ReportFragment fragment) override {
    document_.writeElements(fragment.text);
    for (std::size_t level = 0; level < std::size(levels_); ++level) levels_[level] += fragment.levels[level];
  }

  void add(std::span<const ir::Diagnostic> diagnostics) override {
    // A finding's JSON depends on nothing but the finding: a fragment of one is the streaming unit.
    for (std::size_t i = 0; i < diagnostics.size(); ++i) write(format(diagnostics.subspan(i, 1)));
  }

  void finish(bool execution_successful) override {
    document_.finish({
        {"execution_successful", execution_successful},
        {"summary", {{"errors", levelCount(ir::Level::kError)},
                     {"warnings", levelCount(ir::Level::kWarning)},
                     {"notes", levelCount(ir::Level::kNote)}}},
    });
  }

 private:
  detail::JsonDocumentStream document_;
  std::string tool_version_;
  std::size_t levels_[3] = {0, 0, 0};  ///< findings per ir::Level

  std::size_t levelCount(ir::Level level) const { return levels_[static_cast<std::size_t>(level)]; }
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
