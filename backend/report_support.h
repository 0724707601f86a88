// backend/report_support.h: pieces shared by the writers (URIs, UTF-8 walking, sorting, hashing).
//
// Internal to backend/, exposed in a header so that the unit tests can check them directly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/report_writer.h"
#include "ir/diagnostic.h"

namespace iotlint::backend::detail {

/// A copy of `diagnostics` in ir::sortDiagnostics order.
std::vector<ir::Diagnostic> sortedCopy(std::span<const ir::Diagnostic> diagnostics);

/// The whole-run report functions: sorts a copy of `diagnostics` and feeds it to `writer` one file
/// at a time, as a driver would, from begin() to finish(options.execution_successful).
void writeWholeRun(ReportWriter& writer, std::span<const ir::Diagnostic> diagnostics, const ReportOptions& options);

/// Percent-encodes a '/'-separated path for use in a URI: every byte except the RFC 3986 unreserved
/// characters, the sub-delimiters other than ':' (which would read as a scheme), '@' and '/' is
/// written as %XX (UTF-8 bytes, upper-case hex).
std::string percentEncodePath(std::string_view path);

/// `file:///...` for an absolute path; a trailing '/' is added when `directory` is set.
std::string fileUri(const std::filesystem::path& absolute, bool directory);

/// The absolute, normalised source root: `option`, or the current directory when it is empty.
std::filesystem::path resolveSourceRoot(std::string_view option);

/// Where a user-facing path (relative to the current directory, or absolute) sits for SARIF.
struct ArtifactUri {
  std::string uri;          ///< relative to the source root (no "./"), or an absolute file:// URI
  bool relative = false;    ///< true: to be written with uriBaseId %SRCROOT%
};
ArtifactUri artifactUri(std::string_view user_path, const std::filesystem::path& source_root);

/// artifactUri() for one file after another. Resolving symbolic links costs a system call per
/// path component; files of one folder share all but the last, so each folder is resolved once and
/// a file then needs one lstat (to see whether it is a link itself). The folder's place relative to
/// the source root is kept too, so that a file's URI is that place and its percent-encoded name,
/// without a std::filesystem::path per file (~12,000 instructions each). Same results as
/// artifactUri(). Safe to call from several threads (report fragments are formatted on the
/// analysing threads).
class ArtifactUriResolver {
 public:
  explicit ArtifactUriResolver(std::filesystem::path source_root) : source_root_(std::move(source_root)) {}
  ArtifactUri operator()(std::string_view user_path) const;

 private:
  /// The folder last resolved, as the user spelled it and as it resolved.
  struct Folder {
    std::string spelled;
    std::filesystem::path resolved;
    bool inside_root = false;  ///< at or below the source root
    std::string uri_prefix;    ///< when inside: its percent-encoded path from the root, with `/`
  };
  Folder resolve(std::string spelled) const;

  std::filesystem::path source_root_;
  mutable std::mutex mutex_;  ///< guards folder_
  mutable Folder folder_;
};

/// Calls `visit(byte_offset, byte_length)` for each character of `text`, decoding UTF-8 exactly as
/// ir::SourceFile::position counts columns (a malformed byte is one character).
template <typename Visit>
void forEachCodePoint(std::string_view text, Visit&& visit);

/// A byte inside a UTF-8 sequence (not its first): windows on long lines never start or end there.
inline bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

/// The code point that starts at `text[offset]` (U+FFFD for a malformed byte).
char32_t decodeAt(std::string_view text, std::size_t offset, std::size_t length);

/// Terminal columns a code point takes: 2 for East Asian wide and emoji characters, else 1.
int displayWidth(char32_t code_point);

/// `text` with C0 control characters (except tab) and DEL replaced by U+FFFD, so that a hostile
/// file cannot send escape sequences to a terminal. One code point in, one code point out.
std::string sanitizeForTerminal(std::string_view text);

/// Makes a diagnostic-style message (lowercase start, no final period) a sentence for SARIF, whose
/// consumers show only the first sentence: capitalises an ASCII first letter, appends a period.
std::string sentence(std::string_view message);

/// "safe" or "unsafe", as the text, SARIF and JSON reports spell a fix's safety.
std::string_view fixSafetyName(ir::FixSafety safety);

/// 64-bit FNV-1a: small, stable across platforms and releases.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);

// ---------------------------------------------------------------------------------------------

std::size_t utf8SequenceLength(std::string_view text, std::size_t offset);

template <typename Visit>
void forEachCodePoint(std::string_view text, Visit&& visit) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = utf8SequenceLength(text, i);
    visit(i, length);
    i += length;
  }
}

}  // namespace iotlint::backend::detail
