// frontend/src/hcl_tree.h: a Terraform configuration as plain data with file ranges.
//
// hcl_builder.cpp turns the HclParser parse tree into this ANTLR-free tree, with template
// strings and heredocs already decoded into literal text and `${...}` interpolations;
// terraform.cpp then finds the policies in it.
#pragma once

#include <string>
#include <vector>

#include "frontend/src/input.h"

namespace iotlint::frontend {

/// A piece of a template string: literal text (escapes decoded, mapped to the file), an
/// interpolation `${expression}` or a directive `%{...}`.
struct HclTemplatePiece {
  enum class Kind : unsigned char { kText, kInterpolation, kDirective };
  Kind kind = Kind::kText;
  MappedText text;            ///< kText
  std::string expression;     ///< kInterpolation, kDirective: the text inside, trimmed
  ir::SourceRange range;      ///< the piece as written
};

struct HclExpr {
  enum class Kind : unsigned char { kString, kNumber, kBool, kNull, kObject, kTuple, kCall, kReference, kConditional, kOther };
  struct Item;
  Kind kind = Kind::kOther;
  ir::SourceRange range;
  std::vector<HclTemplatePiece> pieces;  ///< kString
  std::string name;  ///< kCall: the function; kReference: the reference as written; kNumber, kBool: the literal
  std::vector<Item> items;         ///< kObject
  std::vector<HclExpr> elements;   ///< kTuple; kCall: the arguments; kConditional: condition, then, else
};

struct HclExpr::Item {
  std::string key;
  ir::SourceRange key_range;
  MappedText key_text;
  HclExpr value;
};

struct HclAttribute {
  std::string name;
  ir::SourceRange name_range;
  HclExpr value;
};

struct HclBlock {
  std::string type;
  std::vector<std::string> labels;
  ir::SourceRange range;
  std::vector<HclAttribute> attributes;
  std::vector<HclBlock> blocks;

  const HclAttribute* attribute(std::string_view name) const {
    for (const auto& a : attributes) {
      if (a.name == name) return &a;
    }
    return nullptr;
  }
};

/// How parseHcl reads a file (see hcl_reader.h); both give the same tree and diagnostics.
enum class HclReader : unsigned char {
  kDirectFirst,  ///< the hand-written reader, and the generated parser for a file it does not take
  kGrammarOnly,  ///< the generated parser alone (for the differential tests)
};

/// Parses `file` as HCL; syntax errors are reported as IL133 with their location, and the tree
/// holds what could be read. The returned block is the file's body (type "").
HclBlock parseHcl(const ir::SourceFile& file, ir::DiagnosticEngine& diagnostics,
                  HclReader reader = HclReader::kDirectFirst);

/// Splits template text (a quoted string's content, or a heredoc's) into pieces.
/// `escapes`: quoted strings decode `\n`-style escapes, heredocs do not.
std::vector<HclTemplatePiece> decodeTemplate(const MappedText& raw, bool escapes);

}  // namespace iotlint::frontend
