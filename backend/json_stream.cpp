#include "backend/json_stream.h"

#include <array>

#include "ir/text.h"

namespace iotlint::backend::detail {

namespace {

constexpr int kIndent = 2;

void appendIndent(std::string& out, std::size_t depth) { out.append(depth * kIndent, ' '); }

/// Bytes a JSON string is written with as they are: printable ASCII but `"` and `\`.
constexpr std::array<bool, 256> kVerbatim = [] {
  std::array<bool, 256> verbatim{};
  for (int byte = 0x20; byte < 0x80; ++byte) verbatim[static_cast<std::size_t>(byte)] = byte != '"' && byte != '\\';
  return verbatim;
}();

/// Appends `text` as a JSON string, escaped as nlohmann::json's dump escapes it (without
/// ensure_ascii): `"`, `\` and control characters; everything else as it is.
void appendString(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet appended
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (kVerbatim[byte]) {
      ++i;
      continue;
    }
    if (byte >= 0x80) {
      char32_t ignored = 0;
      const std::size_t length = ir::decodeUtf8(text, i, ignored);
      if (length == 0) {
        // Invalid UTF-8 (an IL101 file quoted in a message): nlohmann::json replaces it with
        // U+FFFD, byte by byte as its decoder rejects them. Rare, so it is left to nlohmann::json.
        out.resize(start);
        out += Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out.append(text, run, i - run);
    run = ++i;
    switch (byte) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        constexpr std::string_view kHex = "0123456789abcdef";
        out += "\\u00";
        out += kHex[byte >> 4U];
        out += kHex[byte & 0xFU];
      }
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

/// Appends a container as dump(2) lays it out: `{}` or `[]` when empty, else the opening bracket,
/// each item on a line of its own one level deeper (written by `append_item`), and the closing
/// bracket on a line of its own.
template <typename Items, typename AppendItem>
void appendContainer(std::string& out, std::string_view brackets, const Items& items, std::size_t depth,
                     AppendItem append_item) {
  out += brackets.front();
  if (items.empty()) {
    out += brackets.back();
    return;
  }
  out += '\n';
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ",\n";
    first = false;
    appendIndent(out, depth + 1);
    append_item(item);
  }
  out += '\n';
  appendIndent(out, depth);
  out += brackets.back();
}

/// Appends `value` as nlohmann::json's dump(2) writes it nested `depth` levels deep, its first
/// line not indented. Reports are built as nlohmann::json trees; writing them here instead of with
/// dump() makes the same bytes for less than half the instructions (247M -> 115M for the SARIF of
/// 2,000 policies), because dump() decodes every byte of every string as UTF-8. The unit tests
/// compare the two on generated trees.
void appendNested(std::string& out, const Json& value, std::size_t depth) {
  switch (value.type()) {
    case Json::value_t::object:
      appendContainer(out, "{}", value.get_ref<const Json::object_t&>(), depth, [&](const auto& member) {
        appendString(out, member.first);
        out += ": ";
        appendNested(out, member.second, depth + 1);
      });
      return;
    case Json::value_t::array:
      appendContainer(out, "[]", value.get_ref<const Json::array_t&>(), depth,
                      [&](const Json& element) { appendNested(out, element, depth + 1); });
      return;
    case Json::value_t::string: appendString(out, value.get_ref<const Json::string_t&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::number_integer: out += std::to_string(value.get<Json::number_integer_t>()); return;
    case Json::value_t::number_unsigned: out += std::to_string(value.get<Json::number_unsigned_t>()); return;
    case Json::value_t::number_float:
    case Json::value_t::binary:
    case Json::value_t::discarded:
      // Not in any report today; nlohmann::json's own formatting (shortest round-trip floats).
      out += value.dump(kIndent, ' ', false, Json::error_handler_t::replace);
      return;
  }
}

}  // namespace

void JsonDocumentStream::begin(const Json& skeleton) {
  std::string text;
  appendNested(text, skeleton, 0);
  // The array is the last value in the skeleton, so the last "[]" is it: brackets inside strings
  // would be followed by something, at least the string's closing quote.
  const std::size_t array = text.rfind("[]");
  out_.write(text.data(), static_cast<std::streamsize>(array + 1));
  closing_ = text.substr(array + 2);
}

void JsonDocumentStream::appendElement(std::string& elements, const Json& element) const {
  if (!elements.empty()) elements += ",\n";
  appendIndent(elements, array_depth_);
  appendNested(elements, element, array_depth_);
}

void JsonDocumentStream::writeElements(std::string_view elements) {
  if (elements.empty()) return;
  out_.write(empty_ ? "\n" : ",\n", empty_ ? 1 : 2);
  out_.write(elements.data(), static_cast<std::streamsize>(elements.size()));
  empty_ = false;
}

void JsonDocumentStream::finish(const Json& trailing_members) {
  std::string text;
  if (!empty_) {
    text += '\n';
    appendIndent(text, array_depth_ - 1);
  }
  text += ']';
  const std::size_t member_depth = array_depth_ - 1;
  for (const auto& [key, value] : trailing_members.get_ref<const Json::object_t&>()) {
    text += ",\n";
    appendIndent(text, member_depth);
    appendString(text, key);
    text += ": ";
    appendNested(text, value, member_depth);
  }
  out_ << text << closing_ << '\n';
}

}  // namespace iotlint::backend::detail
