#include "app/file_io.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace hb::app {

ReadResult read_file(const std::string& path, std::size_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {std::nullopt, std::strerror(errno)};
  if (S_ISDIR(st.st_mode)) return {std::nullopt, "it is a directory"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, std::strerror(errno)};
  std::string bytes;
  char buf[65536];
  while (in && bytes.size() <= max_bytes) {
    in.read(buf, sizeof buf);
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return {std::nullopt, "read error"};
  return {std::move(bytes), {}};
}

}  // namespace hb::app
