// backend/json_stream.h: writing one pretty-printed JSON document in pieces, so that a report's
// array of findings never has to be held in memory as a whole. Internal to backend/.
//
// The pieces are laid out exactly as nlohmann::json's dump(2) lays out the whole document: a
// document written through JsonDocumentStream is byte-identical to dumping the same tree at once.
// Values are nlohmann::json trees, serialised here (json_stream.cpp says why) exactly as dump(2)
// serialises them; tests/unit/backend/json_stream_test.cpp compares the two.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace iotlint::backend::detail {

using Json = nlohmann::ordered_json;

/// Adds a member to an object without the cost of brace-initialisation, which builds and copies a
/// temporary two-element array per member. Keys must be new (they are not looked up).
inline void addMember(Json& object, std::string_view key, Json value) {
  object.get_ref<Json::object_t&>().emplace_back(std::string(key), std::move(value));
}

/// An object with room for `members` members.
inline Json objectWithRoom(std::size_t members) {
  Json object(Json::value_t::object);
  object.get_ref<Json::object_t&>().reserve(members);
  return object;
}

/// A document whose last member (at any depth) is an array written element by element, followed by
/// members that are known only at the end.
class JsonDocumentStream {
 public:
  JsonDocumentStream(std::ostream& out, std::size_t array_depth) : out_(out), array_depth_(array_depth) {}

  /// Writes `skeleton` up to the opening bracket of its last array, which must be empty and the
  /// last thing written: the remaining closing brackets and braces are written by finish().
  void begin(const Json& skeleton);
  /// Appends `element` to `elements`, array elements formatted for writeElements(), after a
  /// separator when `elements` is not empty. Touches no state: safe to call from several threads.
  void appendElement(std::string& elements, const Json& element) const;
  /// Writes elements that appendElement() formatted; nothing when `elements` is empty.
  void writeElements(std::string_view elements);
  /// Closes the array, writes `trailing_members` (an object) after it in the same object, and
  /// closes the document.
  void finish(const Json& trailing_members);

 private:
  std::ostream& out_;
  std::size_t array_depth_;  ///< nesting of the array's elements
  std::string closing_;      ///< what follows the array's "]" in the skeleton's dump
  bool empty_ = true;
};

}  // namespace iotlint::backend::detail
