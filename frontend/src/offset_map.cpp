// frontend/src/offset_map.cpp: text assembled from pieces of a file, and documents embedded in
// strings, with every location mapped back to the file the user edits.
//
// The map is monotone: text offset i sits at file offset offsets[i], and the end of a range
// [b, e) maps to offsets[e], where the next byte starts. A byte that stands for a longer piece of
// the file (an escape like `\u0024`, a `*` standing for `${AWS::Region}`) therefore gets a range
// covering the whole piece, and ranges that start or end beside it stay exact.
#include <fmt/format.h>

#include <numeric>

#include "frontend/src/input.h"

namespace iotlint::frontend {

void MappedText::appendCopied(std::string_view bytes, std::uint32_t at) {
  text += bytes;
  const std::size_t old_size = offsets.size();
  offsets.resize(old_size + bytes.size());
  std::iota(offsets.begin() + static_cast<std::ptrdiff_t>(old_size), offsets.end(), at);
}

void MappedText::appendAt(std::string_view bytes, std::uint32_t at) {
  text += bytes;
  offsets.insert(offsets.end(), bytes.size(), at);
}

void MappedText::append(const MappedText& other) {
  text += other.text;
  offsets.insert(offsets.end(), other.offsets.begin(), other.offsets.begin() + static_cast<std::ptrdiff_t>(other.text.size()));
}

void MappedText::finish(std::uint32_t end) {
  offsets.resize(text.size());
  offsets.push_back(end);
}

std::uint32_t MappedText::fileOffset(std::size_t i) const {
  if (offsets.empty()) return 0;
  return offsets[std::min(i, offsets.size() - 1)];
}

MappedText MappedText::fromString(const ir::PolicyString& string) {
  MappedText mapped;
  mapped.text = string.value;
  mapped.offsets.reserve(string.value.size() + 1);
  for (std::uint32_t i = 0; i <= string.value.size(); ++i) mapped.offsets.push_back(string.rangeOf(i, i).begin);
  return mapped;
}

ir::PolicyString mappedPolicyString(const MappedText& text, ir::SourceRange range) {
  ir::PolicyString string;
  string.value = text.text;
  string.range = range;
  string.file_offsets = text.offsets;
  string.file_offsets.resize(text.text.size() + 1, range.end);
  return string;
}

JsonValue mappedStringValue(const MappedText& text, ir::SourceRange range) {
  JsonValue value;
  value.kind = JsonValue::Kind::kString;
  value.range = range;
  value.string = mappedPolicyString(text, range);
  return value;
}

namespace {

void remapString(ir::PolicyString& string, const MappedText& map) {
  std::vector<std::uint32_t> offsets;
  offsets.reserve(string.value.size() + 1);
  for (std::uint32_t i = 0; i <= string.value.size(); ++i) offsets.push_back(map.fileOffset(string.rangeOf(i, i).begin));
  string.file_offsets = std::move(offsets);
  string.range = map.fileRange(string.range);
}

}  // namespace

void remapTree(JsonValue& value, const MappedText& map) {
  // Iterative: nesting is bounded by the parse, but no recursion is needed either.
  std::vector<JsonValue*> pending{&value};
  while (!pending.empty()) {
    JsonValue* current = pending.back();
    pending.pop_back();
    current->range = map.fileRange(current->range);
    if (current->kind == JsonValue::Kind::kString) remapString(current->string, map);
    for (JsonMember& member : current->members) {
      remapString(member.key, map);
      pending.push_back(&member.value);
    }
    for (JsonValue& element : current->elements) pending.push_back(&element);
  }
}

EmbeddedJson parseEmbeddedJson(const ir::SourceFile& outer, const MappedText& text, ir::DiagnosticEngine& diagnostics,
                               const ParseLimits& limits) {
  const ir::SourceFile inner(outer.path(), text.text);
  ir::DiagnosticEngine inner_diagnostics;
  JsonParseResult parsed = parseJson(inner, inner_diagnostics, limits);
  std::vector<ir::Diagnostic> found = inner_diagnostics.take();
  for (ir::Diagnostic& diagnostic : found) {
    diagnostic.file = &outer;
    diagnostic.range = text.fileRange(diagnostic.range);
    for (ir::Note& note : diagnostic.notes) note.range = text.fileRange(note.range);
    // Fixes are edits of the inner text; they would need re-escaping to apply to the outer file.
    diagnostic.fixes.clear();
  }
  diagnostics.append(std::move(found));
  EmbeddedJson result;
  result.lost_content = parsed.lost_content;
  if (parsed.root) {
    remapTree(*parsed.root, text);
    result.root = std::move(parsed.root);
  }
  return result;
}

std::optional<JsonValue> documentFromString(const JsonValue& string, const ir::SourceFile& file,
                                            ir::DiagnosticEngine& diagnostics, const ParseLimits& limits) {
  EmbeddedJson embedded = parseEmbeddedJson(file, MappedText::fromString(string.string), diagnostics, limits);
  if (!embedded.root || embedded.lost_content) return std::nullopt;
  return std::move(embedded.root);
}

bool looksLikePolicy(const JsonValue& value) {
  if (value.kind != JsonValue::Kind::kObject) return false;
  if (value.find("Statement") != nullptr) return true;
  // `Version` alone is common (package.json has one); a policy's is one of two dates.
  const JsonMember* version = value.find("Version");
  return version != nullptr && version->value.kind == JsonValue::Kind::kString &&
         (version->value.string.value == "2012-10-17" || version->value.string.value == "2008-10-17");
}

}  // namespace iotlint::frontend
