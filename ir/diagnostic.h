// ir/diagnostic.h: findings, their notes and fixes, and the engine that collects them.
//
// A Diagnostic names its rule (rules.def), a level, a message and the smallest source range that
// explains it. Notes point at related places (the statement, the Connect grant that frees
// `${iot:ClientId}`); a note never stands alone. Fixes are edits to the file's bytes, never a
// re-serialisation, with a stated safety. Messages follow one style: lowercase start, no final
// period, code in backticks; they say what was observed.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ir/rules.h"
#include "ir/source.h"

namespace iotlint::ir {

/// Replace the bytes in `range` with `replacement` (an insertion when the range is empty).
struct Edit {
  SourceRange range;
  std::string replacement;
  friend bool operator==(const Edit&, const Edit&) = default;
};

enum class FixSafety : unsigned char {
  kSafe,    ///< removes only access to other devices' resources; SELF keeps all it had
  kUnsafe,  ///< also narrows access SELF had; applied only with --unsafe-fixes
};

struct Fix {
  std::string description;  ///< what the fix does, e.g. "scope the client id to the device's thing name"
  FixSafety safety = FixSafety::kSafe;
  std::vector<Edit> edits;  ///< sorted by range, non-overlapping
};

struct Note {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  RuleId rule{};
  Level level = Level::kError;
  const SourceFile* file = nullptr;
  SourceRange range;
  std::string message;
  std::vector<Note> notes;
  std::vector<Fix> fixes;
  /// Machine-readable facts for JSON and SARIF output, e.g. "reasonCode", "witness".
  std::map<std::string, std::string> properties;
};

/// Collects diagnostics. Not thread-safe: use one engine per file and merge.
class DiagnosticEngine {
 public:
  class Builder;

  /// Starts a diagnostic at the rule's default level; it is recorded when the builder is destroyed.
  Builder report(RuleId rule, const SourceFile& file, SourceRange range, std::string message);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> take() { return std::exchange(diagnostics_, {}); }
  bool hasErrors() const;
  void append(std::vector<Diagnostic> more);

 private:
  std::vector<Diagnostic> diagnostics_;
};

class DiagnosticEngine::Builder {
 public:
  Builder(DiagnosticEngine& engine, Diagnostic diagnostic)
      : engine_(&engine), diagnostic_(std::move(diagnostic)) {}
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;
  Builder(Builder&& other) noexcept
      : engine_(std::exchange(other.engine_, nullptr)), diagnostic_(std::move(other.diagnostic_)) {}
  Builder& operator=(Builder&&) = delete;
  ~Builder();

  Builder& note(SourceRange range, std::string message);
  Builder& fix(Fix fix);
  Builder& property(std::string key, std::string value);
  Builder& level(Level level);

 private:
  DiagnosticEngine* engine_;
  Diagnostic diagnostic_;
};

/// Deterministic order for output: by file path, then position, then rule, then message.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace iotlint::ir
