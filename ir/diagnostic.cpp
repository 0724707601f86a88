#include "ir/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace iotlint::ir {

DiagnosticEngine::Builder DiagnosticEngine::report(RuleId rule, const SourceFile& file, SourceRange range,
                                                   std::string message) {
  Diagnostic diagnostic;
  diagnostic.rule = rule;
  diagnostic.level = ruleInfo(rule).level;
  diagnostic.file = &file;
  diagnostic.range = range;
  diagnostic.message = std::move(message);
  return Builder(*this, std::move(diagnostic));
}

bool DiagnosticEngine::hasErrors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& d) { return d.level == Level::kError; });
}

void DiagnosticEngine::append(std::vector<Diagnostic> more) {
  diagnostics_.insert(diagnostics_.end(), std::make_move_iterator(more.begin()),
                      std::make_move_iterator(more.end()));
}

DiagnosticEngine::Builder::~Builder() {
  if (engine_ != nullptr) engine_->diagnostics_.push_back(std::move(diagnostic_));
}

DiagnosticEngine::Builder& DiagnosticEngine::Builder::note(SourceRange range, std::string message) {
  diagnostic_.notes.push_back({range, std::move(message)});
  return *this;
}

DiagnosticEngine::Builder& DiagnosticEngine::Builder::fix(Fix fix) {
  std::sort(fix.edits.begin(), fix.edits.end(),
            [](const Edit& a, const Edit& b) { return a.range < b.range; });
  diagnostic_.fixes.push_back(std::move(fix));
  return *this;
}

DiagnosticEngine::Builder& DiagnosticEngine::Builder::property(std::string key, std::string value) {
  diagnostic_.properties[std::move(key)] = std::move(value);
  return *this;
}

DiagnosticEngine::Builder& DiagnosticEngine::Builder::level(Level level) {
  diagnostic_.level = level;
  return *this;
}

void sortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const std::string_view a_path = a.file != nullptr ? std::string_view(a.file->path()) : std::string_view();
    const std::string_view b_path = b.file != nullptr ? std::string_view(b.file->path()) : std::string_view();
    return std::tie(a_path, a.range.begin, a.range.end, a.rule, a.message) <
           std::tie(b_path, b.range.begin, b.range.end, b.rule, b.message);
  });
}

}  // namespace iotlint::ir
