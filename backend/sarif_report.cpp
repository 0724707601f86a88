// Writes the SARIF log result by result, each built as an nlohmann::ordered_json tree (so that keys
// keep a readable order). `invocations` comes after `results`: whether the run succeeded is known
// only at the end. Section numbers refer to the SARIF 2.1.0 specification (OASIS, errata 01).
#include "backend/sarif_report.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "backend/json_stream.h"
#include "backend/report_support.h"
#include "ir/text.h"

namespace iotlint::backend {

namespace {

using detail::Json;

constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSourceRootId = "%SRCROOT%";
/// GitHub shows at most 1024 characters of a rule's descriptions.
constexpr std::size_t kMaxDescription = 1024;

std::string_view sarifLevel(ir::Level level) {
  switch (level) {
    case ir::Level::kNote: return "note";
    case ir::Level::kWarning: return "warning";
    case ir::Level::kError: return "error";
  }
  return "error";
}

/// GitHub's `problem.severity` for non-security rules.
std::string_view problemSeverity(ir::Level level) {
  switch (level) {
    case ir::Level::kNote: return "recommendation";
    case ir::Level::kWarning: return "warning";
    case ir::Level::kError: return "error";
  }
  return "error";
}

/// Cuts `text` to at most `limit` bytes at a space (never inside a UTF-8 sequence) and adds "…".
std::string truncated(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit - 3;  // room for the 3-byte ellipsis
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  const auto space = text.rfind(' ', cut);
  if (space != std::string::npos && space > limit / 2) cut = space;
  text.resize(cut);
  return text + "\xE2\x80\xA6";
}

/// The first paragraph of prose in a rule page after the first heading that starts with `heading`
/// (any heading when it is empty): headings, code fences, tables and HTML are skipped.
std::string firstParagraph(std::string_view markdown, std::string_view heading = {}) {
  std::string paragraph;
  bool in_fence = false;
  bool in_section = heading.empty();
  while (!markdown.empty()) {
    const auto newline = markdown.find('\n');
    std::string_view line = markdown.substr(0, newline);
    markdown.remove_prefix(newline == std::string_view::npos ? markdown.size() : newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.starts_with("```")) {
      in_fence = !in_fence;
      continue;
    }
    if (!in_fence && line.starts_with('#')) {
      if (!paragraph.empty()) break;
      auto title = line.substr(std::min(line.find_first_not_of('#'), line.size()));
      while (!title.empty() && title.front() == ' ') title.remove_prefix(1);
      if (!heading.empty() && title.starts_with(heading)) in_section = true;
      continue;
    }
    if (in_fence || !in_section || line.starts_with('|') || line.starts_with('<') || line.empty()) {
      if (!paragraph.empty()) break;
      continue;
    }
    if (!paragraph.empty()) paragraph.push_back(' ');
    paragraph.append(line);
  }
  return paragraph;
}

/// The rule page's lead paragraph, then the first paragraph of its "Why is this bad?" section.
std::string fullDescription(const ir::RuleInfo& rule) {
  std::string lead = firstParagraph(rule.documentation);
  if (lead.empty()) return std::string(rule.summary);
  const std::string why = firstParagraph(rule.documentation, "Why");
  return why.empty() ? lead : lead + " " + why;
}

/// §3.49 reportingDescriptor, with GitHub's required and recommended properties.
Json ruleDescriptor(const ir::RuleInfo& rule) {
  const std::string summary(rule.summary);
  const std::string page(rule.documentation);
  const std::string full = fullDescription(rule);

  Json tags = Json::array();
  if (!rule.security_severity.empty()) tags.push_back("security");
  tags.push_back("iot");
  tags.push_back("aws");
  if (rule.security_severity.empty()) tags.push_back("correctness");

  Json properties = {{"tags", std::move(tags)}, {"precision", rule.precision}};
  if (rule.security_severity.empty()) {
    properties["problem.severity"] = problemSeverity(rule.level);
  } else {
    properties["security-severity"] = rule.security_severity;
  }
  return {
      {"id", rule.id},
      {"name", rule.name},
      {"shortDescription", {{"text", truncated(summary, kMaxDescription)}}},
      {"fullDescription", {{"text", truncated(full, kMaxDescription)}}},
      {"help", {{"text", page.empty() ? summary : page}, {"markdown", page.empty() ? summary : page}}},
      {"helpUri", ruleHelpUri(rule)},
      {"defaultConfiguration", {{"level", sarifLevel(rule.level)}}},
      {"properties", std::move(properties)},
  };
}

using detail::addMember;
using detail::objectWithRoom;

/// A range's two ends. Computed once per range: every region and hash of it needs them.
struct Span {
  ir::LineColumn begin;
  ir::LineColumn end;
};

Span spanOf(const ir::SourceFile& file, ir::SourceRange range) {
  return {file.position(range.begin), file.position(std::max(range.begin, range.end))};
}

/// §3.30 region in the run's columnKind (utf16CodeUnits): 1-based lines and columns, endColumn
/// one past the last character. An empty range is an insertion point (startColumn == endColumn).
Json region(const Span& span, std::size_t room = 4) {
  Json object = objectWithRoom(room);
  addMember(object, "startLine", span.begin.line);
  addMember(object, "startColumn", span.begin.column_utf16);
  addMember(object, "endLine", span.end.line);
  addMember(object, "endColumn", span.end.column_utf16);
  return object;
}

Json textObject(std::string_view text) {
  Json object = objectWithRoom(1);
  addMember(object, "text", text);
  return object;
}

/// §3.4 artifactLocation: relative to %SRCROOT% when the file is under the source root.
Json artifactLocation(const detail::ArtifactUri& uri) {
  Json location = objectWithRoom(2);
  addMember(location, "uri", uri.uri);
  if (uri.relative) addMember(location, "uriBaseId", kSourceRootId);
  return location;
}

/// Ranges longer than this many lines get no contextRegion, to keep logs small.
constexpr std::uint32_t kMaxContextLines = 10;
/// A line longer than this (a minified policy is one line) is cut, in contextRegion snippets and
/// in fingerprints, to kContextWindowBytes either side of the range: repeating a whole 58 KB line
/// in every result made a 68 MB log for one policy, and hashing it made every fingerprint of the
/// file change whenever anything on that line did.
constexpr std::uint32_t kMaxContextLineBytes = 240;
constexpr std::uint32_t kContextWindowBytes = 80;

/// The bytes [begin, end) of the file around `range` that serve as its context: from the start of
/// the range's first line to the end of its last line, each end cut to the window when its line is
/// longer than kMaxContextLineBytes, at a code point boundary.
ir::SourceRange contextAround(const ir::SourceFile& file, ir::SourceRange range, const Span& span) {
  const std::string_view contents = file.contents();
  const std::uint32_t range_end = std::max(range.begin, range.end);
  const std::string_view first_line = file.lineText(span.begin.line);
  const std::string_view last_line = file.lineText(span.end.line);
  std::uint32_t begin = range.begin - (span.begin.column_bytes - 1);
  const auto last_size = static_cast<std::uint32_t>(last_line.size());
  std::uint32_t end = range_end + (last_size - std::min(last_size, span.end.column_bytes - 1));
  if (first_line.size() > kMaxContextLineBytes && range.begin - begin > kContextWindowBytes) {
    begin = range.begin - kContextWindowBytes;
    while (begin < range.begin && detail::isContinuationByte(contents[begin])) ++begin;
  }
  if (last_line.size() > kMaxContextLineBytes && end - range_end > kContextWindowBytes) {
    end = range_end + kContextWindowBytes;
    while (end < contents.size() && detail::isContinuationByte(contents[end])) ++end;
  }
  return {begin, end};
}

/// §3.29 physicalLocation. With `context`, the region carries its text (§3.30.13 snippet) and a
/// contextRegion (§3.29.5) of the whole lines around it, for viewers that do not have the file.
Json physicalLocation(const detail::ArtifactUri& uri, const ir::SourceFile& file, ir::SourceRange range,
                      const Span& span, bool context) {
  Json location = objectWithRoom(3);
  addMember(location, "artifactLocation", artifactLocation(uri));
  Json range_region = region(span, 5);
  if (context && range.end > range.begin) addMember(range_region, "snippet", textObject(file.text(range)));
  addMember(location, "region", std::move(range_region));
  if (!context || span.end.line - span.begin.line >= kMaxContextLines) return location;
  const ir::SourceRange around = contextAround(file, range, span);
  // A context region must be a proper superset of the region (SARIF1008): none when the region
  // already spans its whole lines.
  if (around.begin == range.begin && around.end == std::max(range.begin, range.end)) return location;
  Json context_region = region(spanOf(file, around), 5);
  addMember(context_region, "snippet", textObject(file.text(around)));
  addMember(location, "contextRegion", std::move(context_region));
  return location;
}

/// Escapes '[' and ']' so that a message holding embedded links (§3.11.6) stays unambiguous.
std::string escapeBrackets(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

/// The result message: the diagnostic as a sentence that stands alone (GitHub shows only the first
/// sentence as the alert title), then links to the related locations, e.g. "See [the statement](1)."
std::string resultMessage(const ir::Diagnostic& diagnostic) {
  if (diagnostic.notes.empty()) return detail::sentence(diagnostic.message);
  std::string text = escapeBrackets(detail::sentence(diagnostic.message)) + " See ";
  for (std::size_t i = 0; i < diagnostic.notes.size(); ++i) {
    if (i > 0) text += ", ";
    text += fmt::format("[{}]({})", escapeBrackets(diagnostic.notes[i].message), i + 1);
  }
  return text + ".";
}

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// FNV-1a over `text` without its white space, continuing from `hash`.
std::uint64_t hashWithoutWhitespace(std::string_view text, std::uint64_t hash) {
  while (!text.empty()) {
    const std::size_t run = std::min(ir::findFirstOf(text, " \t\r\n"), text.size());
    hash = detail::fnv1a64(text.substr(0, run), hash);
    text.remove_prefix(run);
    while (!text.empty() && isWhitespace(text.front())) text.remove_prefix(1);
  }
  return hash;
}

/// Hash of what identifies a finding without its position: the rule, the artifact, the offending text
/// and the line around it (white space removed, a trailing comma dropped, so that re-indenting or
/// appending an element does not matter; a long line cut as in contextAround). Line numbers are not
/// part of it. The parts are hashed in sequence, separated by NUL bytes, as one FNV-1a pass over
/// their concatenation.
std::uint64_t contextHash(const ir::Diagnostic& diagnostic, std::string_view uri, const Span& span) {
  const auto& file = *diagnostic.file;
  std::string_view context = file.lineText(span.begin.line);
  if (context.size() > kMaxContextLineBytes) context = file.text(contextAround(file, diagnostic.range, span));
  while (!context.empty() && isWhitespace(context.back())) context.remove_suffix(1);
  if (context.ends_with(',')) context.remove_suffix(1);
  constexpr std::string_view kSeparator("\0", 1);
  std::uint64_t hash = detail::fnv1a64(ir::ruleInfo(diagnostic.rule).id);
  hash = detail::fnv1a64(kSeparator, hash);
  hash = detail::fnv1a64(uri, hash);
  hash = detail::fnv1a64(kSeparator, hash);
  hash = hashWithoutWhitespace(file.text(diagnostic.range), hash);
  hash = detail::fnv1a64(kSeparator, hash);
  return hashWithoutWhitespace(context, hash);
}

/// §3.55 fix: one artifactChange for the diagnostic's file; edits become replacements in order,
/// each with insertedContent (empty for a deletion, as reviewdog skips replacements without it).
Json fixObject(const ir::Fix& fix, const detail::ArtifactUri& uri, const ir::SourceFile& file) {
  Json replacements = Json::array();
  replacements.get_ref<Json::array_t&>().reserve(fix.edits.size());
  for (const auto& edit : fix.edits) {
    Json replacement = objectWithRoom(2);
    addMember(replacement, "deletedRegion", region(spanOf(file, edit.range)));
    addMember(replacement, "insertedContent", textObject(edit.replacement));
    replacements.push_back(std::move(replacement));
  }
  Json change = objectWithRoom(2);
  addMember(change, "artifactLocation", artifactLocation(uri));
  addMember(change, "replacements", std::move(replacements));
  Json changes = Json::array();
  changes.push_back(std::move(change));
  Json properties = objectWithRoom(1);
  addMember(properties, "safety", detail::fixSafetyName(fix.safety));
  Json object = objectWithRoom(3);
  addMember(object, "description", textObject(detail::sentence(fix.description)));
  addMember(object, "artifactChanges", std::move(changes));
  addMember(object, "properties", std::move(properties));
  return object;
}

Json propertyBag(const std::map<std::string, std::string>& properties) {
  Json bag = objectWithRoom(properties.size());
  for (const auto& [key, value] : properties) addMember(bag, key, value);  // a map: keys are unique
  return bag;
}

std::size_t ruleIndex(ir::RuleId rule) {
  const auto rules = ir::allRules();
  const auto it = std::find_if(rules.begin(), rules.end(), [&](const ir::RuleInfo& info) { return info.rule == rule; });
  return static_cast<std::size_t>(it - rules.begin());
}

/// §3.27 result. `span` is the diagnostic's range's.
Json result(const ir::Diagnostic& diagnostic, const detail::ArtifactUri& uri, const Span& span,
            std::string fingerprint) {
  const auto& file = *diagnostic.file;
  Json object = objectWithRoom(9);
  addMember(object, "ruleId", ir::ruleInfo(diagnostic.rule).id);
  addMember(object, "ruleIndex", ruleIndex(diagnostic.rule));
  addMember(object, "level", sarifLevel(diagnostic.level));
  addMember(object, "message", textObject(resultMessage(diagnostic)));
  Json location = objectWithRoom(1);
  addMember(location, "physicalLocation", physicalLocation(uri, file, diagnostic.range, span, true));
  Json locations = Json::array();
  locations.push_back(std::move(location));
  addMember(object, "locations", std::move(locations));
  if (!diagnostic.notes.empty()) {
    Json related = Json::array();
    related.get_ref<Json::array_t&>().reserve(diagnostic.notes.size());
    for (std::size_t i = 0; i < diagnostic.notes.size(); ++i) {
      const auto& note = diagnostic.notes[i];
      Json related_location = objectWithRoom(3);
      addMember(related_location, "id", i + 1);
      addMember(related_location, "physicalLocation",
                physicalLocation(uri, file, note.range, spanOf(file, note.range), false));
      addMember(related_location, "message", textObject(detail::sentence(note.message)));
      related.push_back(std::move(related_location));
    }
    addMember(object, "relatedLocations", std::move(related));
  }
  Json fingerprints = objectWithRoom(1);
  addMember(fingerprints, kFingerprintKey, std::move(fingerprint));
  addMember(object, "partialFingerprints", std::move(fingerprints));
  Json fixes = Json::array();
  for (const auto& fix : diagnostic.fixes) {
    if (!fix.edits.empty()) fixes.push_back(fixObject(fix, uri, file));  // a fix without edits is not SARIF
  }
  if (!fixes.empty()) addMember(object, "fixes", std::move(fixes));
  if (!diagnostic.properties.empty()) addMember(object, "properties", propertyBag(diagnostic.properties));
  return object;
}

/// §3.58 notification for a diagnostic that has no file (nothing to point a result at; GitHub rejects
/// results without a location). Notes are appended to the message, as they have no place either.
Json notification(const ir::Diagnostic& diagnostic) {
  std::string text = detail::sentence(diagnostic.message);
  for (const auto& note : diagnostic.notes) text += " " + detail::sentence(note.message);
  Json object = {
      {"level", sarifLevel(diagnostic.level)},
      {"message", {{"text", std::move(text)}}},
      {"associatedRule", {{"id", ir::ruleInfo(diagnostic.rule).id}, {"index", ruleIndex(diagnostic.rule)}}},
  };
  if (!diagnostic.properties.empty()) object["properties"] = propertyBag(diagnostic.properties);
  return object;
}

class SarifWriter final : public ReportWriter {
 public:
  SarifWriter(std::ostream& out, const ReportOptions& options)
      : document_(out, kResultDepth),
        source_root_(detail::resolveSourceRoot(options.source_root)),
        artifact_uris_(source_root_),
        tool_version_(options.tool_version.empty() ? std::string(toolVersion()) : options.tool_version) {}

  void begin() override {
    Json rules = Json::array();
    for (const auto& rule : ir::allRules()) rules.push_back(ruleDescriptor(rule));
    Json run = {
        {"tool",
         {{"driver",
           {{"name", toolName()},
            {"semanticVersion", tool_version_},
            {"informationUri", homepage()},
            {"rules", std::move(rules)}}}}},
        {"originalUriBaseIds",
         {{kSourceRootId,
           {{"uri", detail::fileUri(source_root_, true)},
            {"description", {{"text", "The directory artifact URIs are relative to."}}}}}}},
        {"columnKind", "utf16CodeUnits"},
        {"results", Json::array()},
    };
    document_.begin({{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}});
  }

  ReportFragment format(std::span<const ir::Diagnostic> diagnostics) const override {
    ReportFragment fragment;
    forEachResult(
        diagnostics,
        [&](const Json& result) { document_.appendElement(fragment.text, result); },
        [&](const ir::Diagnostic& diagnostic) { fragment.without_file.push_back(diagnostic); });
    return fragment;
  }

  void write(ReportFragment fragment) override {
    document_.writeElements(fragment.text);
    for (const auto& diagnostic : fragment.without_file) notifications_.push_back(notification(diagnostic));
  }

  void add(std::span<const ir::Diagnostic> diagnostics) override {
    std::string element;
    forEachResult(
        diagnostics,
        [&](const Json& result) {
          element.clear();
          document_.appendElement(element, result);
          document_.writeElements(element);
        },
        [&](const ir::Diagnostic& diagnostic) { notifications_.push_back(notification(diagnostic)); });
  }

  void finish(bool execution_successful) override {
    Json invocation = {{"executionSuccessful", execution_successful}};
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = std::move(notifications_);
    document_.finish({{"invocations", Json::array({std::move(invocation)})}});
  }

 private:
  /// log > runs > run > results > result
  static constexpr std::size_t kResultDepth = 4;

  /// Calls `emit` with the result of each diagnostic that has a file, in order, and `without_file`
  /// with each diagnostic that has none.
  template <typename Emit, typename WithoutFile>
  void forEachResult(std::span<const ir::Diagnostic> diagnostics, Emit emit, WithoutFile without_file) const {
    const std::string* artifact_path = nullptr;
    detail::ArtifactUri artifact_uri;
    // Fingerprints count identical hashes per artifact; the hash covers the URI, so counts of
    // other artifacts could never match and are dropped.
    std::unordered_map<std::uint64_t, unsigned> occurrences;  // context hash -> results so far
    for (const auto& diagnostic : diagnostics) {
      if (diagnostic.file == nullptr) {
        without_file(diagnostic);
        continue;
      }
      if (artifact_path == nullptr || diagnostic.file->path() != *artifact_path) {
        artifact_path = &diagnostic.file->path();
        detail::ArtifactUri uri = artifact_uris_(*artifact_path);
        if (uri.uri != artifact_uri.uri) occurrences.clear();
        artifact_uri = std::move(uri);
      }
      const Span span = spanOf(*diagnostic.file, diagnostic.range);
      const auto hash = contextHash(diagnostic, artifact_uri.uri, span);
      const unsigned occurrence = ++occurrences[hash];
      emit(result(diagnostic, artifact_uri, span, fmt::format("{:016x}:{}", hash, occurrence)));
    }
  }

  detail::JsonDocumentStream document_;
  std::filesystem::path source_root_;
  detail::ArtifactUriResolver artifact_uris_;
  std::string tool_version_;
  /// Diagnostics without a file: rare (unreadable inputs), and their place is in `invocations`.
  Json notifications_ = Json::array();
};

}  // namespace

std::unique_ptr<ReportWriter> makeSarifWriter(std::ostream& out, const ReportOptions& options) {
  return std::make_unique<SarifWriter>(out, options);
}

void writeSarifReport(std::ostream& out, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options) {
  SarifWriter writer(out, options);
  detail::writeWholeRun(writer, diagnostics, options);
}

}  // namespace iotlint::backend
