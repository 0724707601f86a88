// frontend/src/yaml_builder.cpp: YAML (CloudFormation, Serverless) to a JsonValue tree whose
// ranges are byte offsets into the YAML file.
//
// yaml-cpp reports where each node starts, not where it ends, and gives scalars decoded. The end
// of each scalar and the file offset of each of its bytes are recovered from the text: escapes of
// double-quoted scalars are decoded here, and other scalars (plain, single-quoted, block `|` and
// `>`) are aligned byte by byte with the value yaml-cpp decoded, which differs from the text only
// by quotes, indentation and folded line breaks. Short-form tags (`!Sub`, `!Ref`, `!GetAtt`, ...)
// become the `{"Fn::Sub": ...}` objects of the JSON form, so one resolver handles both.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cctype>

#include "frontend/src/utf8.h"
#include "frontend/src/input.h"

namespace iotlint::frontend {

using ir::SourceRange;

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isBreak(char c) { return c == '\n' || c == '\r'; }

class YamlBuilder {
 public:
  explicit YamlBuilder(const ir::SourceFile& file) : file_(file), text_(file.contents()) {}

  JsonValue build(const YAML::Node& node, std::uint32_t depth) {
    const std::uint32_t start = startOf(node);
    const std::string& tag = node.Tag();
    if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!') {
      // `!Sub x` is `{"Fn::Sub": x}`.
      const std::string name = tag.substr(1);
      JsonValue object;
      object.kind = JsonValue::Kind::kObject;
      JsonMember member;
      member.key.value = name == "Ref" || name == "Condition" ? name : "Fn::" + name;
      member.key.range = {start, std::min<std::uint32_t>(start + static_cast<std::uint32_t>(tag.size()), file_.size())};
      member.key.file_offsets.assign(member.key.value.size() + 1, start);
      member.key.file_offsets.back() = member.key.range.end;
      member.value = buildUntagged(node, depth, afterTag(start));
      object.range = {start, std::max(member.value.range.end, member.key.range.end)};
      object.members.push_back(std::move(member));
      return object;
    }
    return buildUntagged(node, depth, afterTag(start));
  }

 private:
  std::uint32_t startOf(const YAML::Node& node) const {
    const int pos = node.Mark().pos;
    return pos < 0 ? 0 : std::min(static_cast<std::uint32_t>(pos), file_.size());
  }

  /// Skips a tag (`!Sub`) and an anchor (`&name`) before a node's content.
  std::uint32_t afterTag(std::uint32_t at) const {
    for (int round = 0; round < 2; ++round) {
      if (at < text_.size() && (text_[at] == '!' || text_[at] == '&')) {
        while (at < text_.size() && !isSpace(text_[at]) && !isBreak(text_[at])) ++at;
        while (at < text_.size() && isSpace(text_[at])) ++at;
      }
    }
    return at;
  }

  JsonValue buildUntagged(const YAML::Node& node, std::uint32_t depth, std::uint32_t start) {
    JsonValue value;
    value.range = {start, start};
    if (depth > 64) return value;
    switch (node.Type()) {
      case YAML::NodeType::Scalar: {
        MappedText mapped;
        value.range = scanScalar(start, node.Scalar(), mapped);
        const std::string& scalar = node.Scalar();
        const bool plain = node.Tag() == "?";
        if (plain && (scalar == "true" || scalar == "false" || scalar == "True" || scalar == "False")) {
          value.kind = JsonValue::Kind::kBool;
          value.literal = scalar == "true" || scalar == "True" ? "true" : "false";
        } else if (plain && (scalar == "null" || scalar == "~")) {
          value.kind = JsonValue::Kind::kNull;
          value.literal = "null";
        } else if (plain && isNumber(scalar)) {
          value.kind = JsonValue::Kind::kNumber;
          value.literal = scalar;
        } else {
          value.kind = JsonValue::Kind::kString;
          value.string = mappedPolicyString(mapped, value.range);
        }
        return value;
      }
      case YAML::NodeType::Map: {
        value.kind = JsonValue::Kind::kObject;
        std::uint32_t end = start + 1;
        for (auto it = node.begin(); it != node.end(); ++it) {
          JsonMember member;
          MappedText key;
          const std::uint32_t key_start = afterTag(startOf(it->first));
          member.key.range = scanScalar(key_start, it->first.IsScalar() ? it->first.Scalar() : std::string(), key);
          member.key = mappedPolicyString(key, member.key.range);
          member.value = it->second.IsNull() ? nullAfter(member.key.range.end) : build(it->second, depth + 1);
          end = std::max({end, member.key.range.end, member.value.range.end});
          // Later duplicates win, as in the JSON reader.
          bool replaced = false;
          for (JsonMember& previous : value.members) {
            if (previous.key.value == member.key.value) {
              previous = std::move(member);
              replaced = true;
              break;
            }
          }
          if (!replaced) value.members.push_back(std::move(member));
        }
        value.range.end = closeFlow(start, end, '{', '}');
        return value;
      }
      case YAML::NodeType::Sequence: {
        value.kind = JsonValue::Kind::kArray;
        std::uint32_t end = start + 1;
        for (auto it = node.begin(); it != node.end(); ++it) {
          value.elements.push_back(build(*it, depth + 1));
          end = std::max(end, value.elements.back().range.end);
        }
        value.range.end = closeFlow(start, end, '[', ']');
        return value;
      }
      default:
        value.kind = JsonValue::Kind::kNull;
        value.literal = "null";
        return value;
    }
  }

  JsonValue nullAfter(std::uint32_t at) const {
    JsonValue value;
    value.kind = JsonValue::Kind::kNull;
    value.literal = "null";
    value.range = {at, at};
    return value;
  }

  static bool isNumber(const std::string& s) {
    if (s.empty()) return false;
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < s.size(); ++i) {
      if (std::isdigit(static_cast<unsigned char>(s[i])) != 0) {
        digits = true;
      } else if (s[i] == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  /// For a flow collection starting at `start`, the offset after its closing bracket.
  std::uint32_t closeFlow(std::uint32_t start, std::uint32_t end, char open, char close) const {
    if (start >= text_.size() || text_[start] != open) return end;
    std::uint32_t at = end;
    while (at < text_.size() && (isSpace(text_[at]) || isBreak(text_[at]) || text_[at] == ',')) ++at;
    if (at < text_.size() && text_[at] == close) return at + 1;
    return end;
  }

  /// The range of the scalar starting at `start`, and the file offset of each byte of `value`.
  SourceRange scanScalar(std::uint32_t start, const std::string& value, MappedText& mapped) const {
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
    std::uint32_t r = content;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const char v = value[i];
      std::uint32_t probe = r;
      while (probe < text_.size() && text_[probe] != v && !((v == ' ' || v == '\n') && isBreak(text_[probe]))) ++probe;
      if (probe >= text_.size() || probe - r > 4096) {
        // Lost: map the rest to where the scalar starts, which keeps findings on the right line.
        for (std::size_t k = i; k < value.size(); ++k) mapped.appendAt(value.substr(k, 1), std::max(r, start));
        mapped.finish(std::max(r, start));
        return {start, std::max(r, start)};
      }
      mapped.appendAt(value.substr(i, 1), probe);
      r = probe + 1;
      if (text_[probe] == '\r' && r < text_.size() && text_[r] == '\n') ++r;
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
  /// result differs from yaml-cpp's (then the alignment is used instead).
  bool decodeDoubleQuoted(std::uint32_t start, const std::string& value, MappedText& mapped) const {
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
      mapped.appendCopied(std::string_view(text_).substr(i, 1), i);
      ++i;
    }
    if (i >= text_.size()) return false;
    mapped.finish(i);
    return mapped.text == value;
  }

  const ir::SourceFile& file_;
  const std::string& text_;
};

}  // namespace

std::optional<JsonValue> parseYaml(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, bool report_errors) {
  if (file.size() > 16U * 1024U * 1024U) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::Load(file.contents());
  } catch (const YAML::Exception& error) {
    if (report_errors) {
      const auto at = static_cast<std::uint32_t>(std::clamp(error.mark.pos, 0, static_cast<int>(file.size())));
      diagnostics.report(ir::RuleId::kUnreadableTemplateConstruct, file, {at, std::min(at + 1, file.size())},
                         fmt::format("the file is not valid YAML ({}); no policy in it is analysed", error.msg));
    }
    return std::nullopt;
  }
  if (!root.IsMap() && !root.IsSequence()) return std::nullopt;
  YamlBuilder builder(file);
  return builder.build(root, 0);
}

}  // namespace iotlint::frontend
