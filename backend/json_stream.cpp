#include "backend/json_stream.h"

namespace iotlint::backend::detail {

namespace {

constexpr int kIndent = 2;

void appendIndent(std::string& out, std::size_t depth) { out.append(depth * kIndent, ' '); }

}  // namespace

void dumpNested(std::string& out, const Json& value, std::size_t depth) {
  const std::string text = value.dump(kIndent, ' ', false, Json::error_handler_t::replace);
  // A dump holds no raw newline inside strings (they are escaped), so every newline starts a line
  // that needs the extra indentation.
  std::size_t line_start = 0;
  for (std::size_t newline = text.find('\n'); newline != std::string::npos; newline = text.find('\n', line_start)) {
    out.append(text, line_start, newline + 1 - line_start);
    appendIndent(out, depth);
    line_start = newline + 1;
  }
  out.append(text, line_start);
}

void JsonDocumentStream::begin(const Json& skeleton) {
  const std::string text = skeleton.dump(kIndent, ' ', false, Json::error_handler_t::replace);
  // The array is the last value in the skeleton, so the last "[]" is it: brackets inside strings
  // would be followed by something, at least the string's closing quote.
  const std::size_t array = text.rfind("[]");
  out_.write(text.data(), static_cast<std::streamsize>(array + 1));
  closing_ = text.substr(array + 2);
}

void JsonDocumentStream::addElement(const Json& element) {
  buffer_.clear();
  buffer_.append(empty_ ? "\n" : ",\n");
  appendIndent(buffer_, array_depth_);
  dumpNested(buffer_, element, array_depth_);
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  empty_ = false;
}

void JsonDocumentStream::finish(const Json& trailing_members) {
  buffer_.clear();
  if (!empty_) {
    buffer_.push_back('\n');
    appendIndent(buffer_, array_depth_ - 1);
  }
  buffer_.push_back(']');
  const std::size_t member_depth = array_depth_ - 1;
  for (const auto& [key, value] : trailing_members.items()) {
    buffer_.append(",\n");
    appendIndent(buffer_, member_depth);
    buffer_.append(Json(key).dump());
    buffer_.append(": ");
    dumpNested(buffer_, value, member_depth);
  }
  buffer_.append(closing_);
  buffer_.push_back('\n');
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

}  // namespace iotlint::backend::detail
