#include "net/local_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/unique_fd.h"

namespace hb::net {
namespace {

std::string kind_of(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return "a directory, not a regular file";
  if (S_ISFIFO(mode)) return "a FIFO, not a regular file";
  if (S_ISCHR(mode)) return "a character device, not a regular file";
  if (S_ISBLK(mode)) return "a block device, not a regular file";
  if (S_ISSOCK(mode)) return "a socket, not a regular file";
  return "not a regular file";
}

LocalRead failed(const std::string& path, std::string reason) {
  LocalRead r;
  r.error = "cannot read " + path + ": " + reason;
  r.reason = std::move(reason);
  return r;
}

// Up to `limit` bytes of a regular file.
LocalRead read_regular(const std::string& path, std::size_t limit) {
  // Looked at before it is opened: opening a device can have effects of its own.
  if (auto kind = not_regular(path); !kind.empty()) return failed(path, std::move(kind));
  const base::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (!fd.valid()) return failed(path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return failed(path, std::strerror(errno));
  // Replaced between the look and the open: what was opened counts.
  if (auto kind = kind_of(st.st_mode); !kind.empty()) return failed(path, std::move(kind));
  std::string bytes;
  char buffer[64 * 1024];
  while (bytes.size() < limit) {
    const ssize_t n = ::read(fd.get(), buffer, std::min(sizeof buffer, limit - bytes.size()));
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return failed(path, std::strerror(errno));
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  LocalRead r;
  r.bytes = std::move(bytes);
  return r;
}

}  // namespace

bool is_http_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

std::string local_path(const std::string& location) {
  if (location.rfind("file://localhost/", 0) == 0) return location.substr(16);
  if (location.rfind("file:///", 0) == 0) return location.substr(7);
  return location;
}

std::optional<FileStamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  FileStamp s;
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.size = static_cast<std::uint64_t>(st.st_size);
  return s;
}

std::string not_regular(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return kind_of(st.st_mode);
}

LocalRead read_local_head(const std::string& path, std::size_t max_bytes) {
  return read_regular(path, max_bytes + 1);
}

LocalRead read_local(const std::string& path, std::size_t max_bytes) {
  LocalRead r = read_regular(path, max_bytes + 1);
  if (r.bytes && r.bytes->size() > max_bytes) {
    r.bytes.reset();
    r.reason = "larger than " + std::to_string(max_bytes) + " bytes, the most this player accepts";
    r.error = path + " is " + r.reason;
  }
  return r;
}

}  // namespace hb::net
