// frontend/src/hcl_reader.h: the two ways parseHcl reads a Terraform file, and what they share.
//
// The generated HclParser is the specification, and reads every file with a syntax error: its
// recovery and messages. A file without one, the usual case, is read by a hand-written recursive
// descent reader over HclScanner's tokens (readHclDirectly), at a fraction of the cost of the
// ANTLR runtime (a parse tree of rule contexts, adaptive prediction, dynamic casts at every
// accessor). Both readers build the tree's leaves with HclLeaves, and hcl_reader_test checks on
// every Terraform file of the tests and the corpus, and on thousands of random and mutated texts,
// that they give the same tree, and that the hand-written reader takes exactly the files the
// generated parser reads without an error.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "frontend/src/char_stream.h"
#include "frontend/src/hcl_tree.h"

namespace iotlint::frontend {

/// Expressions nested deeper than this are kept as kOther (with their range).
inline constexpr std::uint32_t kMaxHclExprDepth = 64;

/// The leaves of the tree, built alike by both readers from the tokens' byte ranges.
class HclLeaves {
 public:
  explicit HclLeaves(const ir::SourceFile& file) : file_(file) {}

  /// A STRING token as a value: kString, its escapes and interpolations decoded.
  HclExpr string(ir::SourceRange token) const;
  /// A bare identifier as a value: kBool, kNull or kReference.
  HclExpr name(ir::SourceRange token) const;
  /// A value with attribute or index access (`data.x.y.json`, `var.list[0]`): kReference, as written
  /// without white space.
  HclExpr reference(ir::SourceRange range) const;
  /// An object item; `key` spans the key as written, `quoted` when it is one STRING token.
  HclExpr::Item item(ir::SourceRange key, bool quoted, HclExpr value) const;
  /// A block label token: a STRING's raw content, or an IDENT.
  std::string label(ir::SourceRange token, bool quoted) const;
  /// A heredoc's text as template pieces, mapped to the file: `start` is the HEREDOC_START token
  /// (`<<-` strips the common indentation), `lines` the HEREDOC_LINE tokens.
  std::vector<HclTemplatePiece> heredocPieces(ir::SourceRange start, std::span<const ir::SourceRange> lines) const;

 private:
  /// A quoted token's content, without its quotes, mapped to the file.
  MappedText quotedContent(ir::SourceRange token) const;

  const ir::SourceFile& file_;
};

/// How deep a file may nest: brackets, braces and parentheses, conditionals not yet closed and
/// unary operators in a row, counted over its tokens. Both parsers recurse at each level, and the
/// generated one runs out of stack before 100,000; no configuration comes near this.
inline constexpr std::size_t kMaxHclNesting = 256;

struct HclDirectRead {
  std::optional<HclBlock> body;  ///< the tree, when the file has no syntax error
  /// The token at which the file nests deeper than kMaxHclNesting: then neither parser reads it.
  std::optional<ir::SourceRange> too_deep;
};

/// Reads `file` (decoded into `stream`, from which it takes the tokens) when it has no syntax
/// error and does not nest too deeply.
HclDirectRead readHclDirectly(const ir::SourceFile& file, const Utf8CharStream& stream);

}  // namespace iotlint::frontend
