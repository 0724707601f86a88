// tools/iotlint/atomic_file.cpp: see atomic_file.h.
#include "tools/iotlint/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace iotlint::tools {

namespace fs = std::filesystem;

AtomicFile::~AtomicFile() {
  if (temporary_.empty()) return;
  stream_.reset();
  buffer_.reset();  // closes the descriptor
  ::unlink(temporary_.c_str());
}

std::string AtomicFile::open(const fs::path& path) {
  std::error_code error;
  target_ = path;
  if (fs::is_symlink(path, error)) {
    target_ = fs::canonical(path, error);
    if (error) return fmt::format("cannot resolve the symbolic link: {}", error.message());
  }
  struct stat original {};
  keep_owner_ = ::stat(target_.c_str(), &original) == 0;
  // Read-only means read-only even for root: no write permission bit at all.
  if (keep_owner_ && (::access(target_.c_str(), W_OK) != 0 || (original.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)) {
    return "the file is read-only; it was left unchanged";
  }
  if (keep_owner_) {
    mode_ = original.st_mode & 07777;
    uid_ = original.st_uid;
    gid_ = original.st_gid;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode_ = 0666 & ~mask;
  }
  folder_ = target_.parent_path();
  if (folder_.empty()) folder_ = ".";
  std::string name = (folder_ / ("." + target_.filename().string() + ".iotlint-XXXXXX")).string();
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) return fmt::format("cannot create a temporary file in {}: {}", folder_.string(), std::strerror(errno));
  temporary_ = std::move(name);
  buffer_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd_, std::ios::out | std::ios::binary, 1 << 16);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
  return {};
}

std::string AtomicFile::commit() {
  const auto fail = [&](const std::string& what, int saved) {
    return fmt::format("{}: {}; the file was left unchanged", what, std::strerror(saved));
  };
  stream_->flush();
  if (!*stream_) return fail("cannot write the temporary file " + temporary_, errno);
  if (keep_owner_ && ::fchown(fd_, uid_, gid_) != 0) {
    // Not the owner: keep our ownership, as any editor's save would.
  }
  if (::fchmod(fd_, static_cast<mode_t>(mode_)) != 0) return fail("cannot set the permissions of " + temporary_, errno);
  if (::fsync(fd_) != 0) return fail("cannot flush " + temporary_ + " to disk", errno);
  stream_.reset();
  if (buffer_->close() == nullptr) {
    const int saved = errno;
    buffer_.reset();
    return fail("cannot close " + temporary_, saved);
  }
  buffer_.reset();
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    return fmt::format("cannot replace the file: {}; it was left unchanged", std::strerror(errno));
  }
  temporary_.clear();
  // Make the rename itself durable.
  const int dir = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
  return {};
}

std::string writeFileAtomically(const fs::path& path, std::string_view contents) {
  AtomicFile file;
  if (std::string error = file.open(path); !error.empty()) return error;
  file.stream().write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return file.commit();
}

}  // namespace iotlint::tools
