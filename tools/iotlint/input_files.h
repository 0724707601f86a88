// tools/iotlint/input_files.h: which files a `check` run reads, and reading them safely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iotlint::tools {

struct InputProblem {
  std::string path;
  std::string message;  ///< e.g. "cannot read: Permission denied"
  bool fatal = true;    ///< false for notices that do not change the exit status (a skipped link loop)
};

struct InputFile {
  std::string path;
  /// Found by walking a folder rather than named: one that holds no policy is skipped silently.
  bool walked = false;
};

struct InputSet {
  std::vector<InputFile> files;  ///< sorted by path, each file once
  std::vector<InputProblem> problems;
};

/// Expands PATH arguments: files as given, folders recursively (`*.json`, `*.yaml`, `*.yml`,
/// `*.template`, `*.tf`), following symbolic links but never entering a folder twice, so link
/// loops end. A file reached under several names (links, `..`, named and found in a folder) is
/// kept once, under the first name it was reached by. The files' identities are read on up to
/// `jobs` threads: one `stat` each, the larger part of collecting a big tree.
InputSet collectInputs(const std::vector<std::string>& paths, unsigned jobs = 1);

/// Reads at most `max_bytes + 1` bytes (so an oversized file is recognised without reading it all).
/// Returns nothing and sets `error` when the file cannot be read.
std::optional<std::string> readFile(const std::string& path, std::uint64_t max_bytes, std::string& error);

}  // namespace iotlint::tools
