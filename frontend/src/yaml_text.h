// frontend/src/yaml_text.h: what a YAML reader recovers from the text itself, shared by iotlint's
// reader (yaml_builder.cpp, on libyaml) and the reference reader it is tested against
// (yaml_reader_check.cpp, on yaml-cpp).
//
// A YAML parser gives scalars decoded, without the file offset of each decoded byte. They are
// recovered here: escapes of double-quoted scalars are decoded again with their offsets, and
// other scalars (plain, single-quoted, block `|` and `>`) are aligned byte by byte with the
// decoded value, which differs from the text only by quotes, indentation and folded line breaks.
// The JSON meaning of a scalar (string, number, bool, null) and of a short-form tag (`!Sub x` is
// `{"Fn::Sub": x}`, so that one resolver handles both forms) is decided here too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "frontend/src/input.h"

namespace iotlint::frontend {

/// A larger file is not read as YAML.
inline constexpr std::uint32_t kMaxYamlFileBytes = 16U * 1024U * 1024U;
/// Values nested deeper than this are left empty (kInvalid), as the JSON reader refuses them.
inline constexpr std::uint32_t kMaxYamlDepth = 64;
/// A file whose mappings and sequences nest deeper than this is not read (IL102): libyaml checks
/// every open flow collection at every token, so deep nesting costs it quadratic time.
inline constexpr std::uint32_t kMaxYamlNesting = 256;

class YamlText {
 public:
  explicit YamlText(const ir::SourceFile& file) : file_(file), text_(file.contents()) {}

  /// Where a node's content starts: after a tag (`!Sub`) and an anchor (`&name`) at `at`.
  std::uint32_t afterProperties(std::uint32_t at) const;

  /// Where the next token after `at` starts (past spaces, line breaks and comments): where an
  /// empty node (`-` with nothing after it) is placed.
  std::uint32_t nextToken(std::uint32_t at) const;

  /// True for the plain scalars that YAML reads as null (`~`, `null`, nothing at all).
  static bool isNullScalar(std::string_view value);

  /// The scalar `value` whose node starts at `start` (after its properties): a string with the
  /// file offset of each byte, or, when `plain` (unquoted and untagged), a number or bool.
  JsonValue scalar(std::uint32_t start, std::string_view value, bool plain) const;
  /// A mapping key: the scalar `value` at `start` (empty for a key that is not a scalar).
  ir::PolicyString key(std::uint32_t start, std::string_view value) const;
  /// The null a key without a value has, right after the key.
  static JsonValue nullAfter(std::uint32_t at);
  /// An empty mapping (kObject) or sequence (kArray) whose content starts at `start`.
  static JsonValue collection(JsonValue::Kind kind, std::uint32_t start);
  /// Ends a collection whose last content ends at `end`, or after its closing bracket when it is
  /// a flow collection (`{...}`, `[...]`).
  void closeCollection(JsonValue& collection, std::uint32_t end) const;
  /// Adds `member` to a mapping; a later duplicate key replaces the earlier member in place.
  static void addMember(JsonValue& mapping, JsonMember member);

  /// The intrinsic function a short-form tag stands for: `Fn::Sub` for `Sub`, `Ref` for `Ref`.
  static std::string functionName(std::string_view tag_name);
  /// `content` under the tag `tag` of the node starting at `start`: `{"Fn::Sub": content}` for a
  /// short-form tag, `content` itself for any other.
  JsonValue tagged(std::string_view tag, std::uint32_t start, JsonValue content) const;

 private:
  ir::SourceRange scanScalar(std::uint32_t start, std::string_view value, MappedText& mapped) const;
  bool decodeDoubleQuoted(std::uint32_t start, std::string_view value, MappedText& mapped) const;

  const ir::SourceFile& file_;
  const std::string& text_;
};

}  // namespace iotlint::frontend
