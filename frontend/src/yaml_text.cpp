#include "frontend/src/yaml_text.h"

#include <algorithm>
#include <string>

#include "frontend/src/utf8.h"

namespace iotlint::frontend {

using ir::SourceRange;

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isBreak(char c) { return c == '\n' || c == '\r'; }

bool isNumber(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::uint32_t YamlText::afterProperties(std::uint32_t at) const {
  for (int round = 0; round < 2; ++round) {
    if (at < text_.size() && (text_[at] == '!' || text_[at] == '&')) {
      while (at < text_.size() && !isSpace(text_[at]) && !isBreak(text_[at])) ++at;
      while (at < text_.size() && isSpace(text_[at])) ++at;
    }
  }
  return at;
}

std::uint32_t YamlText::nextToken(std::uint32_t at) const {
  while (at < text_.size()) {
    if (text_[at] == '#') {
      while (at < text_.size() && !isBreak(text_[at])) ++at;
    } else if (isSpace(text_[at]) || isBreak(text_[at])) {
      ++at;
    } else {
      break;
    }
  }
  return at;
}

bool YamlText::isNullScalar(std::string_view value) {
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

JsonValue YamlText::scalar(std::uint32_t start, std::string_view value, bool plain) const {
  JsonValue result;
  MappedText mapped;
  result.range = scanScalar(start, value, mapped);
  if (plain && (value == "true" || value == "false" || value == "True" || value == "False")) {
    result.kind = JsonValue::Kind::kBool;
    result.literal = value == "true" || value == "True" ? "true" : "false";
  } else if (plain && (value == "null" || value == "~")) {
    result.kind = JsonValue::Kind::kNull;
    result.literal = "null";
  } else if (plain && isNumber(value)) {
    result.kind = JsonValue::Kind::kNumber;
    result.literal = value;
  } else {
    result.kind = JsonValue::Kind::kString;
    result.string = mappedPolicyString(mapped, result.range);
  }
  return result;
}

ir::PolicyString YamlText::key(std::uint32_t start, std::string_view value) const {
  MappedText mapped;
  const SourceRange range = scanScalar(start, value, mapped);
  return mappedPolicyString(mapped, range);
}

JsonValue YamlText::nullAfter(std::uint32_t at) {
  JsonValue value;
  value.kind = JsonValue::Kind::kNull;
  value.literal = "null";
  value.range = {at, at};
  return value;
}

JsonValue YamlText::collection(JsonValue::Kind kind, std::uint32_t start) {
  JsonValue value;
  value.kind = kind;
  value.range = {start, start};
  return value;
}

void YamlText::closeCollection(JsonValue& collection, std::uint32_t end) const {
  const char open = collection.kind == JsonValue::Kind::kObject ? '{' : '[';
  const char close = collection.kind == JsonValue::Kind::kObject ? '}' : ']';
  const std::uint32_t start = collection.range.begin;
  end = std::max(end, start + 1);
  collection.range.end = end;
  if (start >= text_.size() || text_[start] != open) return;
  std::uint32_t at = end;
  while (at < text_.size() && (isSpace(text_[at]) || isBreak(text_[at]) || text_[at] == ',')) ++at;
  if (at < text_.size() && text_[at] == close) collection.range.end = at + 1;
}

void YamlText::addMember(JsonValue& mapping, JsonMember member) {
  // Later duplicates win, as in the JSON reader.
  for (JsonMember& previous : mapping.members) {
    if (previous.key.value == member.key.value) {
      previous = std::move(member);
      return;
    }
  }
  mapping.members.push_back(std::move(member));
}

std::string YamlText::functionName(std::string_view tag_name) {
  return tag_name == "Ref" || tag_name == "Condition" ? std::string(tag_name) : "Fn::" + std::string(tag_name);
}

JsonValue YamlText::tagged(std::string_view tag, std::uint32_t start, JsonValue content) const {
  if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!') return content;
  // `!Sub x` is `{"Fn::Sub": x}`.
  const std::string_view name = tag.substr(1);
  JsonValue object;
  object.kind = JsonValue::Kind::kObject;
  JsonMember member;
  member.key.value = functionName(name);
  member.key.range = {start, std::min<std::uint32_t>(start + static_cast<std::uint32_t>(tag.size()), file_.size())};
  member.key.file_offsets.assign(member.key.value.size() + 1, start);
  member.key.file_offsets.back() = member.key.range.end;
  member.value = std::move(content);
  object.range = {start, std::max(member.value.range.end, member.key.range.end)};
  object.members.push_back(std::move(member));
  return object;
}

/// The range of the scalar starting at `start`, and the file offset of each byte of `value`.
SourceRange YamlText::scanScalar(std::uint32_t start, std::string_view value, MappedText& mapped) const {
  mapped = {};
  if (start >= text_.size()) {
    mapped.appendAt(value, start);
    mapped.finish(start);
    return {start, start};
  }
  const char first = text_[start];
  if (first == '"' && decodeDoubleQuoted(start, value, mapped)) return {start, mapped.offsets.back() + 1};
  mapped = {};
  std::uint32_t content = start;
  if (first == '\'' || first == '"') {
    content = start + 1;
  } else if (first == '|' || first == '>') {
    while (content < text_.size() && !isBreak(text_[content])) ++content;  // the header line
  }
  // Align the decoded value with the text: they differ only by what the text has in addition.
  const std::string_view text(text_);
  std::uint32_t r = content;
  for (std::size_t i = 0; i < value.size();) {
    // A run written as it is decoded (most of a scalar) maps to consecutive bytes of the text, as
    // aligning it byte by byte would. A carriage return ends a run: `\r\n` in the text is one break.
    std::size_t run = 0;
    while (i + run < value.size() && r + run < text.size() && value[i + run] == text[r + run] && value[i + run] != '\r') ++run;
    if (run > 0) {
      mapped.appendCopied(value.substr(i, run), r);
      i += run;
      r += static_cast<std::uint32_t>(run);
      continue;
    }
    const char v = value[i];
    std::uint32_t probe = r;
    while (probe < text.size() && text[probe] != v && !((v == ' ' || v == '\n') && isBreak(text[probe]))) ++probe;
    if (probe >= text.size() || probe - r > 4096) {
      // Lost: map the rest to where the scalar starts, which keeps findings on the right line.
      mapped.appendAt(value.substr(i), std::max(r, start));
      mapped.finish(std::max(r, start));
      return {start, std::max(r, start)};
    }
    mapped.appendAt(value.substr(i, 1), probe);
    r = probe + 1;
    if (text[probe] == '\r' && r < text.size() && text[r] == '\n') ++r;
    ++i;
  }
  std::uint32_t end = r;
  if (first == '\'' || first == '"') {
    while (end < text_.size() && text_[end] != first) ++end;
    mapped.finish(end);
    return {start, std::min<std::uint32_t>(end + 1, file_.size())};
  }
  // A block scalar's value ends with its line break; the range ends before it.
  std::uint32_t content_end = end;
  while (content_end > content && isBreak(text_[content_end - 1])) --content_end;
  mapped.finish(std::max(content_end, content));
  return {start, std::max(content_end, start)};
}

/// Decodes a double-quoted scalar at `start` with the offset of every byte; false when the
/// result differs from the parser's `value` (then the alignment is used instead).
bool YamlText::decodeDoubleQuoted(std::uint32_t start, std::string_view value, MappedText& mapped) const {
  std::uint32_t i = start + 1;
  while (i < text_.size() && text_[i] != '"') {
    const char c = text_[i];
    if (c == '\\' && i + 1 < text_.size()) {
      const char kind = text_[i + 1];
      std::uint32_t length = 2;
      std::string out;
      switch (kind) {
        case 'n': out = "\n"; break;
        case 't': case '\t': out = "\t"; break;
        case 'r': out = "\r"; break;
        case '0': out = std::string(1, '\0'); break;
        case ' ': out = " "; break;
        case '"': out = "\""; break;
        case '/': out = "/"; break;
        case '\\': out = "\\"; break;
        case 'x': case 'u': case 'U': {
          const std::uint32_t digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
          char32_t cp = 0;
          for (std::uint32_t k = 0; k < digits; ++k) {
            const int d = i + 2 + k < text_.size() ? hexDigit(text_[i + 2 + k]) : -1;
            if (d < 0) return false;
            cp = cp * 16 + static_cast<char32_t>(d);
          }
          appendUtf8(out, cp);
          length = 2 + digits;
          break;
        }
        case '\n': case '\r': {
          // An escaped line break joins the lines without a space.
          i += 2;
          while (i < text_.size() && (isSpace(text_[i]) || isBreak(text_[i]))) ++i;
          continue;
        }
        default: return false;
      }
      mapped.appendAt(out, i);
      i += length;
      continue;
    }
    if (isBreak(c)) {
      // Folding: one line break becomes a space, each further empty line a line break.
      const std::uint32_t at = i;
      std::uint32_t breaks = 0;
      while (i < text_.size() && (isSpace(text_[i]) || isBreak(text_[i]))) {
        if (text_[i] == '\n') ++breaks;
        ++i;
      }
      while (!mapped.text.empty() && isSpace(mapped.text.back())) {
        mapped.text.pop_back();
        mapped.offsets.pop_back();
      }
      mapped.appendAt(breaks > 1 ? std::string(breaks - 1, '\n') : std::string(" "), at);
      continue;
    }
    // Up to the next quote, escape or line break, the text is the value.
    std::uint32_t run_end = i + 1;
    while (run_end < text_.size() && text_[run_end] != '"' && text_[run_end] != '\\' && !isBreak(text_[run_end])) ++run_end;
    mapped.appendCopied(std::string_view(text_).substr(i, run_end - i), i);
    i = run_end;
  }
  if (i >= text_.size()) return false;
  mapped.finish(i);
  return mapped.text == value;
}

}  // namespace iotlint::frontend
