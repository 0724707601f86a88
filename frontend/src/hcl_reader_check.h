// frontend/src/hcl_reader_check.h: the hand-written HCL reader (readHclDirectly) checked against the
// generated parser and its tree builder, for the unit and fuzz tests. Only they link it in.
#pragma once

#include <string>
#include <string_view>

namespace iotlint::frontend {

struct HclReaderComparison {
  /// Empty when both readers give the same tree (blocks, labels, attributes, expressions with
  /// their kinds, ranges, names, template pieces and mapped text) and the same diagnostics; else
  /// the first difference. (A file the hand-written reader takes although the generated parser
  /// finds a syntax error in it differs in its diagnostics.)
  std::string mismatch;
  bool utf8 = false;           ///< the file is UTF-8, so that either reader reads it
  bool too_deep = false;       ///< the file nests too deeply for either reader (IL102)
  bool direct_read = false;    ///< the hand-written reader took the file
  bool parser_errors = false;  ///< the generated parser found a syntax error
};

/// Parses `bytes` as a Terraform file with both HclReader modes of parseHcl and compares them.
HclReaderComparison compareHclReaders(std::string_view bytes);

}  // namespace iotlint::frontend
