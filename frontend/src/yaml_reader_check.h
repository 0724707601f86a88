// frontend/src/yaml_reader_check.h: iotlint's YAML reader (libyaml events, yaml_builder.cpp) checked
// against a reference that builds the same tree from yaml-cpp's node graph, for the unit tests.
// Only they link it in (target iotlint_frontend_yaml_reference).
#pragma once

#include <string>
#include <string_view>

namespace iotlint::frontend {

struct YamlReaderComparison {
  /// Empty when both readers give the same tree (kinds, ranges, decoded strings with their
  /// offsets, literals, members, elements), or the trees are not compared; else the first
  /// difference.
  std::string mismatch;
  bool libyaml_read = false;   ///< iotlint's reader gave a tree
  /// The reference gave a tree. It is not run on a text iotlint refuses at its limits (aliases
  /// that expand too far, nesting past 256 levels), and gives none past 200,000 values, since it
  /// would copy aliases of aliases without end.
  bool yaml_cpp_read = false;
  /// Both gave a tree, and the text has neither of the differences known to be yaml-cpp's: after a
  /// byte order mark its positions are three bytes short, and it takes a carriage return alone
  /// for content where YAML says it breaks the line.
  bool compared = false;
};

/// Parses `bytes` as a YAML file with both readers and compares the trees. Their error messages are
/// not compared: the two libraries word them differently, and disagree on what a few broken texts
/// are (which `libyaml_read != yaml_cpp_read` shows).
YamlReaderComparison compareYamlReaders(std::string_view bytes);

}  // namespace iotlint::frontend
