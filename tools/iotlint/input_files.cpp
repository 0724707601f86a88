#include "tools/iotlint/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "ir/text.h"

namespace iotlint::tools {

namespace fs = std::filesystem;

namespace {

bool isPolicyFileName(const fs::path& path) {
  const std::string extension = ir::asciiLowered(path.extension().string());
  return extension == ".json" || extension == ".yaml" || extension == ".yml" || extension == ".template" ||
         extension == ".tf";
}

/// Identity of a folder, through any symbolic links.
std::optional<std::pair<dev_t, ino_t>> folderIdentity(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return std::make_pair(info.st_dev, info.st_ino);
}

void walkFolder(const fs::path& root, InputSet& inputs) {
  std::set<std::pair<dev_t, ino_t>> visited;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path folder = std::move(pending.back());
    pending.pop_back();
    const auto identity = folderIdentity(folder);
    if (!identity) {
      inputs.problems.push_back({folder.string(), std::string("cannot open folder: ") + std::strerror(errno)});
      continue;
    }
    if (!visited.insert(*identity).second) {
      inputs.problems.push_back({folder.string(), "skipped: this folder was already read (a symbolic link loop)", false});
      continue;
    }
    std::error_code error;
    fs::directory_iterator entries(folder, error);
    if (error) {
      inputs.problems.push_back({folder.string(), "cannot open folder: " + error.message()});
      continue;
    }
    std::vector<fs::path> files;
    std::vector<fs::path> folders;
    for (const fs::directory_entry& entry : entries) {
      std::error_code status_error;
      const bool is_folder = entry.is_directory(status_error);  // follows links
      if (status_error) continue;  // a dangling link: nothing to read
      if (is_folder) {
        folders.push_back(entry.path());
      } else if (isPolicyFileName(entry.path()) && entry.is_regular_file(status_error)) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    std::sort(folders.begin(), folders.end(), std::greater<>());  // popped from the back: ascending
    for (const auto& file : files) {
      inputs.files.push_back(file.string());
      inputs.walked.insert(file.string());
    }
    // Sub-folders are read after this folder's files, in name order (the stack pops from the back).
    pending.insert(pending.end(), folders.begin(), folders.end());
  }
}

}  // namespace

InputSet collectInputs(const std::vector<std::string>& paths) {
  InputSet inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      inputs.problems.push_back({path, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      walkFolder(path, inputs);
    } else {
      inputs.files.push_back(path);
    }
  }
  // Each file once, keeping the first place it was named: the same device and inode, however it
  // was reached (a link, `..`); one stat per file rather than a walk of its path.
  std::set<std::pair<dev_t, ino_t>> seen_files;
  std::set<std::string> seen_paths;  // files that cannot be stat'ed: by name
  std::erase_if(inputs.files, [&](const std::string& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0) return !seen_files.insert({info.st_dev, info.st_ino}).second;
    return !seen_paths.insert(file).second;
  });
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
