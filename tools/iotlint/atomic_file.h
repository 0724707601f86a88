// tools/iotlint/atomic_file.h: files iotlint writes (fixed policies, reports, diffs, remediation
// scripts) replace their target all at once or not at all.
//
// The text goes to a temporary file in the target's folder, which is flushed to disk, given the
// original's permissions and owner (or the umask's for a new file), then renamed over the target.
// A symbolic link is followed: its target is replaced. So a user's file is never half-written,
// even when iotlint is killed, and a report written with `-o` over one of the run's own inputs
// replaces it only after the run has read it.
#pragma once

#include <cstdio>
#include <ext/stdio_filebuf.h>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace iotlint::tools {

class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  /// Removes the temporary file unless commit() succeeded: the target stays as it was.
  ~AtomicFile();

  /// Creates the temporary file for `path`. Returns an error message, or an empty string.
  std::string open(const std::filesystem::path& path);
  /// Where the new contents go (valid after a successful open()).
  std::ostream& stream() { return *stream_; }
  /// Flushes the contents to disk and renames them over the target. Returns an error message
  /// (the target is then unchanged), or an empty string.
  std::string commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path folder_;
  std::string temporary_;
  int fd_ = -1;
  bool keep_owner_ = false;  ///< the target existed: keep its permissions and owner
  unsigned mode_ = 0;
  unsigned uid_ = 0;
  unsigned gid_ = 0;
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

/// Replaces `path` with `contents` atomically (AtomicFile). Returns an error message (the file is
/// then unchanged), or an empty string.
std::string writeFileAtomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace iotlint::tools
