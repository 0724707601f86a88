// tools/iotlint/input_files.h: which files a `check` run reads, and reading them safely.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace iotlint::tools {

struct InputProblem {
  std::string path;
  std::string message;  ///< e.g. "cannot read: Permission denied"
  bool fatal = true;    ///< false for notices that do not change the exit status (a skipped link loop)
};

struct InputSet {
  std::vector<std::string> files;  ///< in a deterministic order, each once
  std::vector<InputProblem> problems;
  /// The files found by walking a folder rather than named: one that holds no policy is skipped silently.
  std::set<std::string> walked;
};

/// Expands PATH arguments: files as given, folders recursively (`*.json`, `*.yaml`, `*.yml`,
/// `*.template`, `*.tf`, sorted by name), following
/// symbolic links but never entering a folder twice, so link loops end.
InputSet collectInputs(const std::vector<std::string>& paths);

/// Reads at most `max_bytes + 1` bytes (so an oversized file is recognised without reading it all).
/// Returns nothing and sets `error` when the file cannot be read.
std::optional<std::string> readFile(const std::string& path, std::uint64_t max_bytes, std::string& error);

}  // namespace iotlint::tools
