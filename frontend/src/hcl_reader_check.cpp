#include "frontend/src/hcl_reader_check.h"

#include <fmt/format.h>

#include "frontend/src/hcl_reader.h"

namespace iotlint::frontend {

namespace {

std::string describe(ir::SourceRange range) { return fmt::format("{}..{}", range.begin, range.end); }

std::string compareText(const MappedText& a, const MappedText& b, const std::string& where) {
  if (a.text != b.text) return fmt::format("{}: text \"{}\" against \"{}\"", where, a.text, b.text);
  if (a.offsets != b.offsets) return where + ": text offsets differ";
  return {};
}

std::string compareExprs(const HclExpr& a, const HclExpr& b, const std::string& where) {
  if (a.kind != b.kind) return fmt::format("{}: kind {} against {}", where, static_cast<int>(a.kind), static_cast<int>(b.kind));
  if (a.range != b.range) return fmt::format("{}: range {} against {}", where, describe(a.range), describe(b.range));
  if (a.name != b.name) return fmt::format("{}: name `{}` against `{}`", where, a.name, b.name);
  if (a.pieces.size() != b.pieces.size()) return fmt::format("{}: {} pieces against {}", where, a.pieces.size(), b.pieces.size());
  for (std::size_t i = 0; i < a.pieces.size(); ++i) {
    const HclTemplatePiece& x = a.pieces[i];
    const HclTemplatePiece& y = b.pieces[i];
    const std::string at = fmt::format("{} piece {}", where, i);
    if (x.kind != y.kind || x.expression != y.expression || x.range != y.range) return at + ": kind, expression or range differ";
    if (std::string found = compareText(x.text, y.text, at); !found.empty()) return found;
  }
  if (a.items.size() != b.items.size()) return fmt::format("{}: {} items against {}", where, a.items.size(), b.items.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const std::string at = fmt::format("{}.{}", where, a.items[i].key);
    if (a.items[i].key != b.items[i].key || a.items[i].key_range != b.items[i].key_range) return at + ": key or its range differ";
    if (std::string found = compareText(a.items[i].key_text, b.items[i].key_text, at + " (key)"); !found.empty()) return found;
    if (std::string found = compareExprs(a.items[i].value, b.items[i].value, at); !found.empty()) return found;
  }
  if (a.elements.size() != b.elements.size()) {
    return fmt::format("{}: {} elements against {}", where, a.elements.size(), b.elements.size());
  }
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    if (std::string found = compareExprs(a.elements[i], b.elements[i], fmt::format("{}[{}]", where, i)); !found.empty()) {
      return found;
    }
  }
  return {};
}

std::string compareBlocks(const HclBlock& a, const HclBlock& b, const std::string& where) {
  if (a.type != b.type || a.labels != b.labels) return fmt::format("{}: block `{}` against `{}`, or their labels", where, a.type, b.type);
  if (a.range != b.range) return fmt::format("{}: range {} against {}", where, describe(a.range), describe(b.range));
  if (a.attributes.size() != b.attributes.size()) {
    return fmt::format("{}: {} attributes against {}", where, a.attributes.size(), b.attributes.size());
  }
  for (std::size_t i = 0; i < a.attributes.size(); ++i) {
    const std::string at = fmt::format("{}.{}", where, a.attributes[i].name);
    if (a.attributes[i].name != b.attributes[i].name || a.attributes[i].name_range != b.attributes[i].name_range) {
      return at + ": name or its range differ";
    }
    if (std::string found = compareExprs(a.attributes[i].value, b.attributes[i].value, at); !found.empty()) return found;
  }
  if (a.blocks.size() != b.blocks.size()) return fmt::format("{}: {} blocks against {}", where, a.blocks.size(), b.blocks.size());
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    const std::string at = fmt::format("{}/{}[{}]", where, a.blocks[i].type, i);
    if (std::string found = compareBlocks(a.blocks[i], b.blocks[i], at); !found.empty()) return found;
  }
  return {};
}

}  // namespace

HclReaderComparison compareHclReaders(std::string_view bytes) {
  HclReaderComparison comparison;
  const ir::SourceFile file("compare.tf", std::string(bytes));
  ir::DiagnosticEngine direct_diagnostics;
  ir::DiagnosticEngine grammar_diagnostics;
  const HclBlock direct = parseHcl(file, direct_diagnostics, HclReader::kDirectFirst);
  const HclBlock grammar = parseHcl(file, grammar_diagnostics, HclReader::kGrammarOnly);
  const auto& a = direct_diagnostics.diagnostics();
  const auto& b = grammar_diagnostics.diagnostics();
  comparison.parser_errors = std::any_of(b.begin(), b.end(), [](const ir::Diagnostic& d) {
    return d.rule == ir::RuleId::kUnreadableTemplateConstruct;
  });
  // What parseHcl gives the hand-written reader: the text after a BOM, when it is all UTF-8.
  std::string_view text = bytes;
  const std::uint32_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  text.remove_prefix(start);
  comparison.utf8 = findInvalidUtf8(text) == std::string_view::npos;
  if (comparison.utf8) {
    const Utf8CharStream stream(text, start);
    const HclDirectRead direct_read = readHclDirectly(file, stream);
    comparison.too_deep = direct_read.too_deep.has_value();
    comparison.direct_read = direct_read.body.has_value();
  }
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string first = i < a.size() ? fmt::format("{} at {}: {}", static_cast<int>(a[i].rule), describe(a[i].range), a[i].message) : "nothing";
    const std::string second = i < b.size() ? fmt::format("{} at {}: {}", static_cast<int>(b[i].rule), describe(b[i].range), b[i].message) : "nothing";
    if (first != second) {
      comparison.mismatch = fmt::format("diagnostic {}: direct-first gives {}, the parser {}", i, first, second);
      return comparison;
    }
  }
  comparison.mismatch = compareBlocks(direct, grammar, "$");
  return comparison;
}

}  // namespace iotlint::frontend
