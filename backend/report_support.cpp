#include "backend/report_support.h"

#include <sys/stat.h>

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "backend/report.h"

#ifndef IOTLINT_VERSION
#error "IOTLINT_VERSION must be defined by backend/CMakeLists.txt"
#endif
#ifndef IOTLINT_HOMEPAGE
#error "IOTLINT_HOMEPAGE must be defined by backend/CMakeLists.txt"
#endif

namespace iotlint::backend {

std::string_view toolName() { return "iotlint"; }

std::string_view toolVersion() { return IOTLINT_VERSION; }

std::string_view homepage() {
  std::string_view page = IOTLINT_HOMEPAGE;
  while (page.ends_with('/')) page.remove_suffix(1);
  return page;
}

std::string ruleHelpUri(const ir::RuleInfo& rule) {
  return fmt::format("{}/blob/main/docs/rules/{}.md", homepage(), rule.id);
}

}  // namespace iotlint::backend

namespace iotlint::backend::detail {

std::vector<ir::Diagnostic> sortedCopy(std::span<const ir::Diagnostic> diagnostics) {
  std::vector<ir::Diagnostic> copy(diagnostics.begin(), diagnostics.end());
  ir::sortDiagnostics(copy);
  return copy;
}

std::string percentEncodePath(std::string_view path) {
  static constexpr std::string_view kKeep = "-._~!$&'()*+,;=@/";
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
    if (alnum || kKeep.find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

std::string fileUri(const std::filesystem::path& absolute, bool directory) {
  std::string path = absolute.generic_string();
  if (directory && !path.ends_with('/')) path.push_back('/');
  if (!path.starts_with('/')) path.insert(path.begin(), '/');
  return "file://" + percentEncodePath(path);
}

namespace {

std::filesystem::path normalise(std::filesystem::path path) {
  std::error_code error;
  if (path.is_relative()) {
    auto cwd = std::filesystem::current_path(error);
    if (!error) path = cwd / path;
  }
  // Resolve symbolic links where the path exists, as GitHub wants repository paths, not link paths.
  auto canonical = std::filesystem::weakly_canonical(path, error);
  if (!error) path = std::move(canonical);
  path = path.lexically_normal();
  // "dir/" and "dir" name the same directory; keep one spelling.
  if (!path.has_filename() && path.has_parent_path() && path != path.root_path()) path = path.parent_path();
  return path;
}

}  // namespace

std::filesystem::path resolveSourceRoot(std::string_view option) {
  return normalise(option.empty() ? std::filesystem::path(".") : std::filesystem::path(option));
}

namespace {

ArtifactUri uriOf(const std::filesystem::path& absolute, const std::filesystem::path& source_root) {
  const auto relative = absolute.lexically_relative(source_root);
  const bool inside = !relative.empty() && *relative.begin() != ".." && relative != ".";
  if (!inside) return {fileUri(absolute, false), false};
  return {percentEncodePath(relative.generic_string()), true};
}

}  // namespace

ArtifactUri artifactUri(std::string_view user_path, const std::filesystem::path& source_root) {
  return uriOf(normalise(std::filesystem::path(user_path)), source_root);
}

ArtifactUriResolver::Folder ArtifactUriResolver::resolve(std::string spelled) const {
  Folder folder;
  folder.resolved = normalise(spelled.empty() ? std::filesystem::path(".") : std::filesystem::path(spelled));
  folder.spelled = std::move(spelled);
  // What uriOf() decides for any name in this folder: inside the root when the folder is the root
  // (a name's path is then the name) or below it.
  const auto relative = folder.resolved.lexically_relative(source_root_);
  if (relative == ".") {
    folder.inside_root = true;
  } else if (!relative.empty() && *relative.begin() != "..") {
    folder.inside_root = true;
    folder.uri_prefix = percentEncodePath(relative.generic_string()) + '/';
  }
  return folder;
}

ArtifactUri ArtifactUriResolver::operator()(std::string_view user_path) const {
  const std::size_t slash = user_path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? user_path : user_path.substr(slash + 1);
  // Only a plain name that exists and is not a link resolves to its resolved folder plus the name.
  struct stat status {};
  if (name.empty() || name == "." || name == ".." || ::lstat(std::string(user_path).c_str(), &status) != 0 ||
      S_ISLNK(status.st_mode)) {
    return artifactUri(user_path, source_root_);
  }
  const std::string_view spelled = slash == std::string_view::npos ? std::string_view() : slash == 0 ? "/" : user_path.substr(0, slash);
  const std::lock_guard lock(mutex_);
  if (folder_.spelled != spelled || folder_.resolved.empty()) folder_ = resolve(std::string(spelled));
  if (folder_.inside_root) return {folder_.uri_prefix + percentEncodePath(name), true};
  return uriOf(folder_.resolved / name, source_root_);
}

std::size_t utf8SequenceLength(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  std::size_t length = 1;
  if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
  } else if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (offset + k >= text.size() || (static_cast<unsigned char>(text[offset + k]) & 0xC0U) != 0x80U) return 1;
  }
  return length;
}

char32_t decodeAt(std::string_view text, std::size_t offset, std::size_t length) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (length == 1) return lead < 0x80U ? char32_t{lead} : char32_t{0xFFFD};
  char32_t value = length == 2 ? (lead & 0x1FU) : length == 3 ? (lead & 0x0FU) : (lead & 0x07U);
  for (std::size_t k = 1; k < length; ++k) {
    value = (value << 6U) | (static_cast<unsigned char>(text[offset + k]) & 0x3FU);
  }
  return value;
}

int displayWidth(char32_t c) {
  // The wide ranges of Unicode's EastAsianWidth (W and F) that matter in practice, and the emoji
  // blocks terminals draw two columns wide.
  struct Range {
    char32_t first, last;
  };
  static constexpr Range kWide[] = {
      {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
      {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
      {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
      {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
      {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
      {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
      {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
      {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
      {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
      {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
      {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
      {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
      {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
  };
  if (c < kWide[0].first) return 1;  // all of ASCII and the common scripts, without the search
  const auto* it = std::upper_bound(std::begin(kWide), std::end(kWide), c,
                                    [](char32_t value, const Range& range) { return value < range.first; });
  if (it == std::begin(kWide)) return 1;
  --it;
  return c <= it->last ? 2 : 1;
}

std::string sanitizeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Bytes that stay are copied in runs: a report is mostly plain text, and copying it code point
  // by code point was most of the cost of a text diagnostic.
  std::size_t run_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte >= 0x20U && byte < 0x7FU) || byte == '\t') {
      ++i;
      continue;
    }
    const std::size_t length = byte < 0x80U ? 1 : utf8SequenceLength(text, i);
    // Control characters could drive the terminal, and bytes that are not UTF-8 would make the
    // report itself invalid UTF-8: both are shown as U+FFFD, one column each.
    if (byte < 0x80U || length == 1) {
      out.append(text, run_start, i - run_start);
      out += "\xEF\xBF\xBD";
      run_start = i + length;
    }
    i += length;
  }
  out.append(text, run_start, text.size() - run_start);
  return out;
}

std::string sentence(std::string_view message) {
  while (!message.empty() && (message.back() == ' ' || message.back() == '\n' || message.back() == '\t')) {
    message.remove_suffix(1);
  }
  std::string out(message);
  if (out.empty()) return out;
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  if (out.back() != '.' && out.back() != '!' && out.back() != '?') out.push_back('.');
  return out;
}

std::string_view fixSafetyName(ir::FixSafety safety) {
  switch (safety) {
    case ir::FixSafety::kSafe: return "safe";
    case ir::FixSafety::kUnsafe: return "unsafe";
  }
  return "unsafe";
}

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (const char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace iotlint::backend::detail
