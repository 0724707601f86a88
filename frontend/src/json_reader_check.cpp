#include "frontend/src/json_reader_check.h"

#include <fmt/format.h>

#include "frontend/src/json_tree.h"

namespace iotlint::frontend {

namespace {

std::string describe(ir::SourceRange range) { return fmt::format("{}..{}", range.begin, range.end); }

std::string compareStrings(const ir::PolicyString& a, const ir::PolicyString& b, const std::string& where) {
  if (a.value != b.value) return fmt::format("{}: string \"{}\" against \"{}\"", where, a.value, b.value);
  if (a.range != b.range) return fmt::format("{}: string range {} against {}", where, describe(a.range), describe(b.range));
  if (a.file_offsets != b.file_offsets) return where + ": string offsets differ";
  return {};
}

}  // namespace

std::string compareJsonTrees(const JsonValue& a, const JsonValue& b, const std::string& where) {
  if (a.kind != b.kind) return fmt::format("{}: {} against {}", where, kindName(a.kind), kindName(b.kind));
  if (a.literal != b.literal) return fmt::format("{}: literal `{}` against `{}`", where, a.literal, b.literal);
  if (std::string found = compareStrings(a.string, b.string, where); !found.empty()) return found;
  if (a.members.size() != b.members.size()) {
    return fmt::format("{}: {} members against {}", where, a.members.size(), b.members.size());
  }
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const std::string at = fmt::format("{}.{}", where, a.members[i].key.value);
    if (std::string found = compareStrings(a.members[i].key, b.members[i].key, at + " (key)"); !found.empty()) return found;
    if (std::string found = compareJsonTrees(a.members[i].value, b.members[i].value, at); !found.empty()) return found;
  }
  if (a.elements.size() != b.elements.size()) {
    return fmt::format("{}: {} elements against {}", where, a.elements.size(), b.elements.size());
  }
  for (std::size_t i = 0; i < a.elements.size(); ++i) {
    if (std::string found = compareJsonTrees(a.elements[i], b.elements[i], fmt::format("{}[{}]", where, i)); !found.empty()) {
      return found;
    }
  }
  // Last, so that the difference reported is the innermost one (a value's range follows its content's).
  if (a.range != b.range) return fmt::format("{}: range {} against {}", where, describe(a.range), describe(b.range));
  return {};
}

namespace {

std::string describe(const ir::Diagnostic& d) {
  std::string text = fmt::format("{} at {}: {}", static_cast<int>(d.rule), describe(d.range), d.message);
  for (const auto& note : d.notes) text += fmt::format(" / note at {}: {}", describe(note.range), note.message);
  return text;
}

}  // namespace

JsonReaderComparison compareJsonReaders(std::string_view bytes) {
  JsonReaderComparison comparison;
  const ir::SourceFile file("compare.json", std::string(bytes));
  ir::DiagnosticEngine strict_diagnostics;
  ir::DiagnosticEngine grammar_diagnostics;
  const JsonParseResult strict = parseJson(file, strict_diagnostics, {}, JsonReader::kStrictFirst);
  const JsonParseResult grammar = parseJson(file, grammar_diagnostics, {}, JsonReader::kGrammarOnly);
  // The strict reader took the document when the result has a root but the parser was not run:
  // parseJson then reports no syntax error, so tell it by running the strict reader alone.
  ir::DiagnosticEngine scratch;
  const std::uint32_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  comparison.strict_read = bytes.size() <= ParseLimits{}.max_file_bytes &&
                           readStrictJson(file, start, ParseLimits{}.max_nesting_depth, scratch).has_value();
  const auto& a = strict_diagnostics.diagnostics();
  const auto& b = grammar_diagnostics.diagnostics();
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string first = i < a.size() ? describe(a[i]) : "nothing";
    const std::string second = i < b.size() ? describe(b[i]) : "nothing";
    if (first != second) {
      comparison.mismatch = fmt::format("diagnostic {}: strict-first gives {}, the parser {}", i, first, second);
      return comparison;
    }
  }
  if (strict.lost_content != grammar.lost_content) {
    comparison.mismatch = "lost_content differs";
  } else if (strict.root.has_value() != grammar.root.has_value()) {
    comparison.mismatch = strict.root ? "only strict-first gives a tree" : "only the parser gives a tree";
  } else if (strict.root) {
    comparison.mismatch = compareJsonTrees(*strict.root, *grammar.root, "$");
  }
  return comparison;
}

}  // namespace iotlint::frontend
