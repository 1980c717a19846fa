#include "net/local_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace hb::net {

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

LocalRead read_local(const std::string& path, std::size_t max_bytes) {
  LocalRead r;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = "cannot read " + path + ": " + std::strerror(errno);
    return r;
  }
  std::string bytes;
  char buffer[64 * 1024];
  while (in) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      r.error = path + " is larger than " + std::to_string(max_bytes) +
                " bytes, the most this player accepts";
      return r;
    }
  }
  if (in.bad()) {
    r.error = "cannot read " + path;
    return r;
  }
  r.bytes = std::move(bytes);
  return r;
}

}  // namespace hb::net
