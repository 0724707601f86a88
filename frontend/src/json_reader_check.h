// frontend/src/json_reader_check.h: the strict JSON reader (readStrictJson) checked against the
// generated parser and tree builder, for the unit and fuzz tests. Only they link it in.
#pragma once

#include <string>
#include <string_view>

namespace iotlint::frontend {

struct JsonReaderComparison {
  /// Empty when both readers give the same tree (kinds, ranges, decoded strings with their
  /// offsets, literals, members, elements) and the same diagnostics; else the first difference.
  std::string mismatch;
  bool strict_read = false;  ///< the strict reader took the document (else the parser read it alone)
};

/// Parses `bytes` as a file with both JsonReader modes of parseJson and compares the results.
JsonReaderComparison compareJsonReaders(std::string_view bytes);

struct JsonValue;
/// Empty when the trees are the same (kinds, ranges, decoded strings with their offsets, literals,
/// members, elements); else the first difference, at a path from `where`.
std::string compareJsonTrees(const JsonValue& a, const JsonValue& b, const std::string& where);

}  // namespace iotlint::frontend
