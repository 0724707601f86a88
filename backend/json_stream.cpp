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

void writeIndent(std::ostream& out, std::size_t depth) {
  static const std::string kSpaces(64, ' ');
  for (std::size_t left = depth * kIndent; left > 0;) {
    const std::size_t n = std::min(left, kSpaces.size());
    out.write(kSpaces.data(), static_cast<std::streamsize>(n));
    left -= n;
  }
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

void JsonDocumentStream::writeNested(Json value, std::size_t depth) {
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
  out_.write(text.data() + opening, static_cast<std::streamsize>(text.size() - opening - closing));
}

void JsonDocumentStream::addElement(Json element) {
  out_.write(empty_ ? "\n" : ",\n", empty_ ? 1 : 2);
  writeIndent(out_, array_depth_);
  writeNested(std::move(element), array_depth_);
  empty_ = false;
}

void JsonDocumentStream::finish(Json trailing_members) {
  if (!empty_) {
    out_.put('\n');
    writeIndent(out_, array_depth_ - 1);
  }
  out_.put(']');
  const std::size_t member_depth = array_depth_ - 1;
  for (auto& [key, value] : trailing_members.get_ref<Json::object_t&>()) {
    out_.write(",\n", 2);
    writeIndent(out_, member_depth);
    out_ << Json(key).dump() << ": ";
    writeNested(std::move(value), member_depth);
  }
  out_ << closing_ << '\n';
}

}  // namespace iotlint::backend::detail
