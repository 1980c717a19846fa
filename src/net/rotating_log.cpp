#include "net/rotating_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace hb::net {
namespace {

std::string failed(const std::string& what, const std::string& path) {
  return "cannot " + what + " " + path + ": " + std::strerror(errno);
}

}  // namespace

RotatingLog::RotatingLog(std::string path, RotatingLogOptions options)
    : path_(std::move(path)), options_(options) {}

std::string RotatingLog::open_current() {
  std::error_code ec;
  const auto dir = std::filesystem::path(path_).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  base::UniqueFd fd(::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (!fd.valid()) return failed("open", path_);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return failed("read the size of", path_);
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ > 0) {
    // A power cut in the middle of a line leaves it without its newline:
    // end it, so the next line does not run into it.
    char last = '\n';
    base::UniqueFd reader(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
    if (reader.valid() && ::pread(reader.get(), &last, 1, st.st_size - 1) == 1 && last != '\n') {
      if (::write(fd.get(), "\n", 1) == 1) ++size_;
    }
  }
  fd_ = std::move(fd);
  return {};
}

std::string RotatingLog::rotate() {
  fd_.close();
  if (auto error = shift_files(); !error.empty()) return error;
  return open_current();
}

// NAME.k becomes NAME.k+1, the oldest goes: the part a reader must not see
// half done, so under the rotation lock (open_current() is not).
std::string RotatingLog::shift_files() {
  std::unique_lock<std::mutex> lock;
  if (options_.rotation_lock) lock = std::unique_lock(*options_.rotation_lock);
  std::error_code ec;
  const auto name = [this](int n) { return n == 0 ? path_ : path_ + "." + std::to_string(n); };
  int top = options_.keep;  // the file removed to make room
  while (options_.may_remove && top < options_.max_keep && std::filesystem::exists(name(top), ec) &&
         !options_.may_remove(name(top)))
    ++top;
  std::filesystem::remove(name(top), ec);
  for (int n = top - 1; n >= 0; --n) {
    if (!std::filesystem::exists(name(n), ec)) continue;
    std::filesystem::rename(name(n), name(n + 1), ec);
    if (ec) return "cannot rotate " + name(n) + ": " + ec.message();
  }
  // Older files kept while undelivered go once delivered (delivery is in order).
  for (int n = top + 1; options_.may_remove && n <= options_.max_keep; ++n) {
    if (!std::filesystem::exists(name(n), ec) || !options_.may_remove(name(n))) break;
    std::filesystem::remove(name(n), ec);
  }
  if (options_.keep <= 0) std::filesystem::remove(path_, ec);
  return {};
}

std::string RotatingLog::append(std::string_view line) {
  std::string record(line);
  record += '\n';
  if (!fd_.valid()) {
    if (auto error = open_current(); !error.empty()) return error;
  }
  if (size_ > 0 && size_ + record.size() > options_.max_bytes) {
    if (auto error = rotate(); !error.empty()) return error;
  }
  // One write(2) per line with O_APPEND: a line is never interleaved or split
  // by another writer, and a short write is reported rather than resumed
  // (resuming could glue half a line to the next).
  const ssize_t n = ::write(fd_.get(), record.data(), record.size());
  if (n < 0) {
    const std::string error = failed("write to", path_);
    fd_.close();  // reopen next time: the file may have been removed or remounted
    return error;
  }
  size_ += static_cast<std::size_t>(n);
  if (static_cast<std::size_t>(n) != record.size()) {
    // End the cut line so the next one starts on its own.
    if (::write(fd_.get(), "\n", 1) == 1) ++size_;
    return "short write to " + path_ + " (disk full?)";
  }
  if (options_.sync && ::fdatasync(fd_.get()) != 0) return failed("sync", path_);
  return {};
}

}  // namespace hb::net
