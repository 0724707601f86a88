#include "tools/iotlint/input_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string_view>
#include <utility>

#include "ir/text.h"
#include "tools/iotlint/ordered_parallel.h"

namespace iotlint::tools {

namespace {

using Identity = std::pair<dev_t, ino_t>;

bool isPolicyFileName(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;  // `.json` alone is a hidden file
  const std::string extension = ir::asciiLowered(name.substr(dot));
  return extension == ".json" || extension == ".yaml" || extension == ".yml" || extension == ".template" ||
         extension == ".tf";
}

/// Identity of a file or folder, through any symbolic links.
std::optional<Identity> identityOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return Identity{info.st_dev, info.st_ino};
}

enum class EntryKind : unsigned char { kFolder, kFile, kOther };

/// What a folder entry is, through symbolic links: the entry's type when the folder listing gives
/// it, one `stat` otherwise (a link, or a file system that does not say).
EntryKind kindOf(const dirent& entry, const std::string& path) {
  if (entry.d_type == DT_DIR) return EntryKind::kFolder;
  if (entry.d_type == DT_REG) return EntryKind::kFile;
  if (entry.d_type != DT_LNK && entry.d_type != DT_UNKNOWN) return EntryKind::kOther;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return EntryKind::kOther;  // a dangling link: nothing to read
  if (S_ISDIR(info.st_mode)) return EntryKind::kFolder;
  return S_ISREG(info.st_mode) ? EntryKind::kFile : EntryKind::kOther;
}

// POSIX readdir and plain strings rather than std::filesystem: a directory_iterator builds and
// parses a path for every entry, and sorting paths compares them component by component; on a
// tree of 50,000 files that was most of the time before the first file was read, and that time
// is spent on one thread.
void walkFolder(const std::string& root, InputSet& inputs) {
  std::set<Identity> visited;
  std::vector<std::string> pending{root};
  while (!pending.empty()) {
    const std::string folder = std::move(pending.back());
    pending.pop_back();
    const auto identity = identityOf(folder);
    if (!identity) {
      inputs.problems.push_back({folder, std::string("cannot open folder: ") + std::strerror(errno)});
      continue;
    }
    if (!visited.insert(*identity).second) {
      inputs.problems.push_back({folder, "skipped: this folder was already read (a symbolic link loop)", false});
      continue;
    }
    DIR* listing = ::opendir(folder.c_str());
    if (listing == nullptr) {
      inputs.problems.push_back({folder, std::string("cannot open folder: ") + std::strerror(errno)});
      continue;
    }
    const std::string prefix = folder.ends_with('/') ? folder : folder + '/';
    std::vector<std::string> files;
    std::vector<std::string> folders;
    while (true) {
      errno = 0;
      const dirent* entry = ::readdir(listing);
      if (entry == nullptr) {
        if (errno != 0) inputs.problems.push_back({folder, std::string("cannot read folder: ") + std::strerror(errno)});
        break;
      }
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      std::string path = prefix;
      path += name;
      switch (kindOf(*entry, path)) {
        case EntryKind::kFolder: folders.push_back(std::move(path)); break;
        case EntryKind::kFile:
          if (isPolicyFileName(name)) files.push_back(std::move(path));
          break;
        case EntryKind::kOther: break;
      }
    }
    ::closedir(listing);
    // Names in one folder share its prefix, so comparing whole paths orders them by name.
    std::sort(files.begin(), files.end());
    std::sort(folders.begin(), folders.end(), std::greater<>());  // popped from the back: ascending
    for (auto& file : files) inputs.files.push_back({std::move(file), true});
    // Sub-folders are read after this folder's files, in name order (the stack pops from the back).
    pending.insert(pending.end(), std::make_move_iterator(folders.begin()), std::make_move_iterator(folders.end()));
  }
}

}  // namespace

InputSet collectInputs(const std::vector<std::string>& paths, unsigned jobs) {
  InputSet inputs;
  for (const std::string& path : paths) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      inputs.problems.push_back({path, "no such file or folder"});
    } else if (S_ISDIR(info.st_mode)) {
      walkFolder(path, inputs);
    } else {
      inputs.files.push_back({path, false});
    }
  }
  // Each file once, keeping the first place it was reached: the same device and inode, however
  // it was reached (a link, `..`); one stat per file rather than a walk of its path. The stats are
  // independent, so they run on several threads; which name is kept is decided here, in order.
  std::vector<std::optional<Identity>> identities(inputs.files.size());
  constexpr std::size_t kFilesPerChunk = 512;
  orderedParallelForInChunks(
      inputs.files.size(), jobs, kFilesPerChunk, [&](std::size_t i) { return identityOf(inputs.files[i].path); },
      [&](std::size_t i, std::optional<Identity> identity) { identities[i] = identity; });
  std::set<Identity> seen_files;
  std::set<std::string> seen_paths;  // files that cannot be stat'ed: by name
  std::vector<InputFile> kept;
  kept.reserve(inputs.files.size());
  for (std::size_t i = 0; i < inputs.files.size(); ++i) {
    const bool first = identities[i] ? seen_files.insert(*identities[i]).second : seen_paths.insert(inputs.files[i].path).second;
    if (first) kept.push_back(std::move(inputs.files[i]));
  }
  std::sort(kept.begin(), kept.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  inputs.files = std::move(kept);
  return inputs;
}

std::optional<std::string> readFile(const std::string& path, std::uint64_t max_bytes, std::string& error) {
  // open, fstat, read, close: the fewest system calls for the many small files of a fleet.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  struct stat info {};
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (!regular && S_ISDIR(info.st_mode)) {
    ::close(fd);
    error = "is a folder";
    return std::nullopt;
  }
  const std::uint64_t limit = max_bytes + 1;  // one byte more tells an oversized file
  std::string contents;
  std::size_t size = 0;
  while (size < limit) {
    // Room for the rest of a regular file and one byte more, so that a short read is its end.
    std::uint64_t want = 65536;
    if (regular && size <= static_cast<std::uint64_t>(info.st_size)) want = static_cast<std::uint64_t>(info.st_size) - size + 1;
    const auto room = static_cast<std::size_t>(std::min(want, limit - size));
    contents.resize(size + room);
    const ssize_t got = ::read(fd, contents.data() + size, room);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = std::string("cannot read: ") + std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    size += static_cast<std::size_t>(got);
    if (got == 0 || (regular && static_cast<std::size_t>(got) < room)) break;
  }
  ::close(fd);
  contents.resize(size);
  return contents;
}

}  // namespace iotlint::tools
