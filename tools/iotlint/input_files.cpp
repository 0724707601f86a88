#include "tools/iotlint/input_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
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
  // Each file once, keeping the first place it was named.
  std::set<std::string> seen;
  std::erase_if(inputs.files, [&](const std::string& file) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(file, error);
    return !seen.insert(error ? file : canonical.string()).second;
  });
  return inputs;
}

std::optional<std::string> readFile(const std::string& path, std::uint64_t max_bytes, std::string& error) {
  std::error_code status_error;
  if (fs::is_directory(path, status_error)) {
    error = "is a folder";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::string contents;
  constexpr std::size_t kChunk = 1 << 16;
  char buffer[kChunk];
  while (contents.size() <= max_bytes) {
    in.read(buffer, kChunk);
    const std::streamsize got = in.gcount();
    if (got <= 0) break;
    contents.append(buffer, static_cast<std::size_t>(got));
  }
  if (in.bad()) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (contents.size() > max_bytes + 1) contents.resize(max_bytes + 1);
  return contents;
}

}  // namespace iotlint::tools
