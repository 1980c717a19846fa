// An append-only log of lines that keeps a bounded amount of history: when
// the current file would pass max_bytes it becomes NAME.1, NAME.1 becomes
// NAME.2 and so on, and the oldest beyond `keep` is deleted. Each line goes
// to the disk in one write(2) and is synced, so after a power cut the file
// holds every line written before it; a line cut short by the cut stays on
// a line of its own.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "base/unique_fd.h"

namespace hb::net {

struct RotatingLogOptions {
  std::size_t max_bytes = 8u << 20;  // per file
  int keep = 16;                     // rotated files kept besides the current one
  bool sync = true;                  // fdatasync after every line
  // When set, the oldest file is deleted only when this says so (its lines
  // were delivered elsewhere); until then older files are kept beyond
  // `keep`, up to `max_keep` rotated files, past which the oldest goes anyway (a
  // bound on the disk taken while the receiver is unreachable for months).
  std::function<bool(const std::string& path)> may_remove;
  int max_keep = 64;
  // Held while files are renamed and removed, when set (not owned): a
  // reader of the rotated files on another thread holds it while it opens
  // them, so it never sees a rotation half done (a file missing between
  // two renames).
  std::mutex* rotation_lock = nullptr;
};

class RotatingLog {
 public:
  // The directory is created when missing. Nothing is opened until the first line.
  RotatingLog(std::string path, RotatingLogOptions options = {});

  // Appends `line` and a newline. An error (disk full, read-only) comes back
  // as plain text naming the file; the next call tries again.
  std::string append(std::string_view line);

  const std::string& path() const { return path_; }

 private:
  std::string open_current();
  std::string rotate();
  std::string shift_files();

  std::string path_;
  RotatingLogOptions options_;
  base::UniqueFd fd_;
  std::size_t size_ = 0;
};

}  // namespace hb::net
