#include "console/feed_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/unique_fd.h"

namespace hb::console {

namespace {

std::string system_error(const std::string& doing, const std::filesystem::path& p) {
  return doing + " " + p.string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::filesystem::path& dir,
                                                 const std::string& name, std::string_view bytes) {
  const auto target = dir / name;
  // One temporary name per target: a temporary left by a kill is simply
  // overwritten next time, never served (readers ask for NAME.xml only).
  const auto temporary = dir / ("." + name + ".tmp");
  base::UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!fd.valid()) return system_error("cannot create", temporary);
  if (!write_all(fd.get(), bytes)) return system_error("cannot write", temporary);
  if (::fsync(fd.get()) != 0) return system_error("cannot sync", temporary);
  if (!fd.close()) return system_error("cannot close", temporary);
  if (::rename(temporary.c_str(), target.c_str()) != 0) return system_error("cannot rename to", target);
  base::UniqueFd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!folder.valid() || ::fsync(folder.get()) != 0) return system_error("cannot sync", dir);
  return std::nullopt;
}

std::optional<std::string> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace hb::console
