// frontend/src/yaml_builder.cpp: YAML (CloudFormation, Serverless) to a JsonValue tree whose
// ranges are byte offsets into the YAML file, built from libyaml's parse events.
//
// libyaml is an event parser: it hands over each node with its tag, anchor, style and position,
// and keeps no document in memory, so the tree is built directly (yaml-cpp, the reader before it,
// built a node graph with a regex-driven scanner first: 86% of reading a template). What the
// events do not say, the file offset of each decoded byte of a scalar, yaml_text.h recovers.
// yaml_reader_check.cpp builds the same tree with yaml-cpp, and the tests compare the two.
#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "frontend/src/input.h"
#include "frontend/src/yaml_text.h"

namespace iotlint::frontend {

namespace {

/// Aliases may copy at most ten times as many values as the file writes out, and 10,000 in any
/// case: a few aliases of aliases (the "billion laughs") would otherwise expand a small file into
/// billions of values. A ratio keeps the cost of copies proportional to the file, as Go's YAML
/// library does.
constexpr std::size_t kAliasValuesPerValue = 10;
constexpr std::size_t kMinAliasValues = 10'000;

/// Why the file could not be read (the whole message), and where.
struct YamlProblem {
  std::string message;
  std::uint32_t at = 0;
  ir::RuleId rule = ir::RuleId::kUnreadableTemplateConstruct;
};

YamlProblem tooDeep(std::uint32_t at) {
  return {fmt::format("mappings and sequences nest more than {} levels deep here, so the file is not analysed",
                      kMaxYamlNesting),
          at, ir::RuleId::kNestingTooDeep};
}

/// libyaml counts positions in characters; the tree needs byte offsets. In ASCII text (most
/// templates) they are the same; otherwise positions arrive almost in order, so a cursor walks the
/// UTF-8 text from one to the next.
class CharacterOffsets {
 public:
  explicit CharacterOffsets(std::string_view text)
      : text_(text), ascii_(std::all_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; })) {}

  std::uint32_t byteOffset(std::size_t character) {
    if (ascii_) return static_cast<std::uint32_t>(std::min(character, text_.size()));
    while (character_ < character && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && isContinuation(text_[byte_])) ++byte_;
      ++character_;
    }
    while (character_ > character) {
      --byte_;
      while (byte_ > 0 && isContinuation(text_[byte_])) --byte_;
      --character_;
    }
    return static_cast<std::uint32_t>(byte_);
  }

 private:
  static bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  std::string_view text_;
  bool ascii_;
  std::size_t character_ = 0;
  std::size_t byte_ = 0;
};

std::string_view view(const yaml_char_t* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

class YamlEventReader {
 public:
  explicit YamlEventReader(const ir::SourceFile& file) : file_(file), text_(file), offsets_(file.contents()) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(file.contents().data()),
                                 file.contents().size());
    // iotlint's offsets are into UTF-8 text; another encoding is reported as not UTF-8.
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
  }
  ~YamlEventReader() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  YamlEventReader(const YamlEventReader&) = delete;
  YamlEventReader& operator=(const YamlEventReader&) = delete;

  /// The first document's tree when it is a mapping or a sequence (as the formats need). Throws
  /// YamlProblem when the document is not YAML.
  std::optional<JsonValue> firstDocument() {
    next();  // stream start
    next();
    if (event_.type != YAML_DOCUMENT_START_EVENT) return std::nullopt;
    next();
    const bool collection = event_.type == YAML_MAPPING_START_EVENT || event_.type == YAML_SEQUENCE_START_EVENT;
    JsonValue root = node(0, std::nullopt);
    next();  // document end: the rest of the document must be YAML too
    if (!collection) return std::nullopt;
    return root;
  }

 private:
  /// The next event; throws YamlProblem when the text is not YAML there.
  void next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    if (!has_event_) throw problem();
    const yaml_event_type_t type = event_.type;
    if (type == YAML_SCALAR_EVENT || type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT) ++values_written_;
  }

  /// What libyaml found wrong, in its words (the words PyYAML, and so cfn-lint, print too).
  YamlProblem problem() {
    std::string what = parser_.problem != nullptr ? parser_.problem : "out of memory";
    std::uint32_t at = 0;
    if (parser_.error == YAML_READER_ERROR) {
      // The reader reports a byte offset, and the offending byte's value.
      if (parser_.problem_value >= 0) what += fmt::format(" (byte 0x{:02X})", parser_.problem_value);
      at = static_cast<std::uint32_t>(std::min<std::size_t>(parser_.problem_offset, file_.size()));
    } else {
      at = offset(parser_.problem_mark);
      if (const auto [outer, inner] = twoTagsAt(at); !outer.empty()) {
        return {fmt::format("the file is not valid YAML (two tags on one node, `!{} !{}`: a short-form function cannot "
                            "take another one directly; write the outer one in full, `{}: !{} ...`); no policy in it "
                            "is analysed",
                            outer, inner, YamlText::functionName(outer), inner),
                at};
      }
      if (parser_.context != nullptr) {
        const ir::LineColumn context = file_.position(offset(parser_.context_mark));
        what += fmt::format(" {} that starts at line {}, column {}", parser_.context, context.line, context.column_code_points);
      }
    }
    return {fmt::format("the file is not valid YAML ({}); no policy in it is analysed", what), at};
  }

  /// The names of two tags on one node, `!Outer !Inner`, when the inner one starts at `at` (libyaml
  /// only says that it expected a key there).
  std::pair<std::string, std::string> twoTagsAt(std::uint32_t at) const {
    const std::string& text = file_.contents();
    const auto blank = [&](std::uint32_t i) { return text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'; };
    if (at >= text.size() || text[at] != '!') return {};
    std::uint32_t end = at;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    std::uint32_t begin = end;
    while (begin > 0 && !blank(begin - 1)) --begin;
    if (end == at || begin + 1 >= end || text[begin] != '!') return {};
    std::uint32_t inner = at + 1;
    while (inner < text.size() && !blank(inner)) ++inner;
    return {text.substr(begin + 1, end - begin - 1), text.substr(at + 1, inner - at - 1)};
  }

  std::uint32_t offset(const yaml_mark_t& mark) { return offsets_.byteOffset(mark.index); }

  // The current event, a scalar: its decoded text; whether it is plain and untagged (the only
  // scalars that may be numbers, bools and nulls); where it sits when it is a null, whose content
  // starts at `content` (an empty one, `-` with nothing after it, at the next token, as yaml-cpp
  // placed it).
  std::string_view scalarText() const {
    return {reinterpret_cast<const char*>(event_.data.scalar.value), event_.data.scalar.length};
  }
  bool untaggedPlain() const {
    return event_.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && event_.data.scalar.tag == nullptr;
  }
  std::optional<std::uint32_t> nullAt(std::uint32_t content) const {
    if (!untaggedPlain() || !YamlText::isNullScalar(scalarText())) return std::nullopt;
    return scalarText().empty() ? text_.nextToken(content) : content;
  }

  /// The node whose first event is the current one, which is left at the node's last event.
  /// `null_at` places a null: a mapping value's null sits right after its key.
  JsonValue node(std::uint32_t depth, std::optional<std::uint32_t> null_at) {
    if (event_.type == YAML_ALIAS_EVENT) return alias(null_at);
    const std::uint32_t start = offset(event_.start_mark);
    const std::uint32_t content = text_.afterProperties(start);
    std::string anchor;
    std::string tag;
    JsonValue value;
    switch (event_.type) {
      case YAML_SCALAR_EVENT: {
        const auto& scalar = event_.data.scalar;
        anchor = view(scalar.anchor);
        tag = view(scalar.tag);
        if (const std::optional<std::uint32_t> at = nullAt(content)) {
          value = null_at ? YamlText::nullAfter(*null_at) : depth > kMaxYamlDepth ? empty(*at) : YamlText::nullAfter(*at);
        } else {
          value = depth > kMaxYamlDepth ? empty(content) : text_.scalar(content, scalarText(), untaggedPlain());
        }
        break;
      }
      case YAML_MAPPING_START_EVENT:
      case YAML_SEQUENCE_START_EVENT: {
        if (depth >= kMaxYamlNesting) throw tooDeep(start);
        const bool is_mapping = event_.type == YAML_MAPPING_START_EVENT;
        anchor = view(is_mapping ? event_.data.mapping_start.anchor : event_.data.sequence_start.anchor);
        tag = view(is_mapping ? event_.data.mapping_start.tag : event_.data.sequence_start.tag);
        if (depth > kMaxYamlDepth) {
          value = skip(depth, content);
        } else {
          value = is_mapping ? mapping(depth, content) : sequence(depth, content);
        }
        break;
      }
      default:
        // libyaml's grammar allows no other event here.
        throw YamlProblem{"the file is not valid YAML; no policy in it is analysed", start};
    }
    value = text_.tagged(tag, start, std::move(value));
    if (!anchor.empty()) anchors_[anchor] = value;
    return value;
  }

  JsonValue mapping(std::uint32_t depth, std::uint32_t content) {
    JsonValue mapping = YamlText::collection(JsonValue::Kind::kObject, content);
    std::uint32_t end = content;
    for (next(); event_.type != YAML_MAPPING_END_EVENT; next()) {
      JsonMember member;
      member.key = key(depth);
      next();
      member.value = node(depth + 1, member.key.range.end);
      end = std::max({end, member.key.range.end, member.value.range.end});
      YamlText::addMember(mapping, std::move(member));
    }
    text_.closeCollection(mapping, end);
    return mapping;
  }

  JsonValue sequence(std::uint32_t depth, std::uint32_t content) {
    JsonValue sequence = YamlText::collection(JsonValue::Kind::kArray, content);
    std::uint32_t end = content;
    for (next(); event_.type != YAML_SEQUENCE_END_EVENT; next()) {
      sequence.elements.push_back(node(depth + 1, std::nullopt));
      end = std::max(end, sequence.elements.back().range.end);
    }
    text_.closeCollection(sequence, end);
    return sequence;
  }

  /// A mapping key: a scalar's text; a key of any other kind (a null, a collection) is empty.
  ir::PolicyString key(std::uint32_t depth) {
    if (event_.type == YAML_SCALAR_EVENT) {
      const std::uint32_t content = text_.afterProperties(offset(event_.start_mark));
      const std::optional<std::uint32_t> null = nullAt(content);
      const std::uint32_t at = null.value_or(content);
      if (event_.data.scalar.anchor != nullptr) {
        anchors_[std::string(view(event_.data.scalar.anchor))] =
            null ? YamlText::nullAfter(at) : text_.scalar(at, scalarText(), untaggedPlain());
      }
      return text_.key(at, null ? std::string_view() : scalarText());
    }
    const JsonValue value = node(depth + 1, std::nullopt);  // an alias or a collection
    std::string_view text;
    if (value.kind == JsonValue::Kind::kString) text = value.string.value;
    if (value.kind == JsonValue::Kind::kNumber || value.kind == JsonValue::Kind::kBool) text = value.literal;
    return text_.key(text_.afterProperties(value.range.begin), text);
  }

  JsonValue alias(std::optional<std::uint32_t> null_at) {
    const std::string name(view(event_.data.alias.anchor));
    const auto anchored = anchors_.find(name);
    if (anchored == anchors_.end()) {
      throw YamlProblem{fmt::format("the file is not valid YAML (found undefined alias `{}`); no policy in it is analysed", name),
                        offset(event_.start_mark)};
    }
    alias_values_ += countValues(anchored->second);
    const std::size_t limit = std::max(kMinAliasValues, kAliasValuesPerValue * values_written_);
    if (alias_values_ > limit) {
      throw YamlProblem{fmt::format("the file's aliases expand to more than {} values, over ten times the values it "
                                    "writes out, too many to analyse; no policy in it is analysed",
                                    limit),
                        offset(event_.start_mark)};
    }
    if (null_at && anchored->second.kind == JsonValue::Kind::kNull) return YamlText::nullAfter(*null_at);
    return anchored->second;
  }

  /// Skips a collection nested too deeply to be kept (at `depth`), leaving it empty.
  JsonValue skip(std::uint32_t depth, std::uint32_t content) {
    for (std::uint32_t open = 1; open > 0;) {
      next();
      if (event_.type == YAML_MAPPING_START_EVENT || event_.type == YAML_SEQUENCE_START_EVENT) {
        if (depth + open >= kMaxYamlNesting) throw tooDeep(offset(event_.start_mark));
        ++open;
      }
      if (event_.type == YAML_MAPPING_END_EVENT || event_.type == YAML_SEQUENCE_END_EVENT) --open;
    }
    return empty(content);
  }

  static JsonValue empty(std::uint32_t at) {
    JsonValue value;
    value.range = {at, at};
    return value;
  }

  static std::size_t countValues(const JsonValue& value) {
    std::size_t count = 1;
    for (const JsonMember& member : value.members) count += countValues(member.value);
    for (const JsonValue& element : value.elements) count += countValues(element);
    return count;
  }

  const ir::SourceFile& file_;
  YamlText text_;
  CharacterOffsets offsets_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
  std::map<std::string, JsonValue, std::less<>> anchors_;
  std::size_t values_written_ = 0;  ///< scalars, mappings and sequences read so far
  std::size_t alias_values_ = 0;   ///< values copied by aliases so far
};

}  // namespace

std::optional<JsonValue> parseYaml(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics, bool report_errors) {
  if (file.size() > kMaxYamlFileBytes) return std::nullopt;
  // As in every format (libyaml would say "invalid leading UTF-8 octet").
  if (!isUtf8File(file, diagnostics, report_errors)) return std::nullopt;
  try {
    YamlEventReader reader(file);
    return reader.firstDocument();
  } catch (const YamlProblem& problem) {
    if (report_errors) {
      const std::uint32_t at = std::min(problem.at, file.size());
      diagnostics.report(problem.rule, file, {at, std::min(at + 1, file.size())}, problem.message);
    }
    return std::nullopt;
  }
}

}  // namespace iotlint::frontend
