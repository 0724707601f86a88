#include "backend/json_stream.h"

#include <algorithm>
#include <utility>

namespace iotlint::backend::detail {

namespace {

constexpr int kIndent = 2;

std::string dump(const Json& value) {
  // Invalid UTF-8 (an IL101 file quoted in a message) becomes U+FFFD instead of throwing.
  return value.dump(kIndent, ' ', false, Json::error_handler_t::replace);
}

void appendIndent(std::string& out, std::size_t depth) { out.append(depth * kIndent, ' '); }

/// Appends `value` as dump(2) writes it nested `depth` levels deep, its first line not indented.
void appendNested(std::string& out, Json value, std::size_t depth) {
  // Wrapped in `depth` one-element arrays, the value is dumped with exactly the indentation it has
  // inside the document; the brackets around it are then left out. This keeps the serialisation
  // in nlohmann::json and needs no second pass over the text to indent it.
  for (std::size_t i = 0; i < depth; ++i) {
    Json wrapper = Json::array();
    wrapper.push_back(std::move(value));
    value = std::move(wrapper);
  }
  const std::string text = dump(value);
  // Opening: "[\n" on each of `depth` lines indented 0, 2, 4 ..., then the value's own indentation.
  // Closing: "\n" + indentation + "]" for each level.
  const std::size_t opening = depth * (depth - 1) + 2 * depth + depth * kIndent;
  const std::size_t closing = depth * (depth - 1) + 2 * depth;
  out.append(text, opening, text.size() - opening - closing);
}

}  // namespace

void JsonDocumentStream::begin(const Json& skeleton) {
  const std::string text = dump(skeleton);
  // The array is the last value in the skeleton, so the last "[]" is it: brackets inside strings
  // would be followed by something, at least the string's closing quote.
  const std::size_t array = text.rfind("[]");
  out_.write(text.data(), static_cast<std::streamsize>(array + 1));
  closing_ = text.substr(array + 2);
}

void JsonDocumentStream::appendElement(std::string& elements, Json element) const {
  if (!elements.empty()) elements += ",\n";
  appendIndent(elements, array_depth_);
  appendNested(elements, std::move(element), array_depth_);
}

void JsonDocumentStream::writeElements(std::string_view elements) {
  if (elements.empty()) return;
  out_.write(empty_ ? "\n" : ",\n", empty_ ? 1 : 2);
  out_.write(elements.data(), static_cast<std::streamsize>(elements.size()));
  empty_ = false;
}

void JsonDocumentStream::finish(Json trailing_members) {
  std::string text;
  if (!empty_) {
    text += '\n';
    appendIndent(text, array_depth_ - 1);
  }
  text += ']';
  const std::size_t member_depth = array_depth_ - 1;
  for (auto& [key, value] : trailing_members.get_ref<Json::object_t&>()) {
    text += ",\n";
    appendIndent(text, member_depth);
    text += Json(key).dump();
    text += ": ";
    appendNested(text, std::move(value), member_depth);
  }
  out_ << text << closing_ << '\n';
}

}  // namespace iotlint::backend::detail
