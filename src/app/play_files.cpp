#include "app/play_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "base/unique_fd.h"
#include "net/cache.h"

namespace hb::app {
namespace {

std::string rotated(const std::string& path, int n) {
  return n == 0 ? path : path + "." + std::to_string(n);
}

bool read_whole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = std::move(s).str();
  return true;
}

std::string read_tail(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const auto size = static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg()));
  const std::size_t from = size > max_bytes ? size - max_bytes : 0;
  in.seekg(static_cast<std::streamoff>(from));
  std::string out(size - from, '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
  return out;
}

// Lines longer than any play line are kept only this far: enough for their
// number; the rest cannot be JSON, so they are skipped (and passed).
constexpr std::size_t kMaxLine = 64u * 1024u;
constexpr std::size_t kChunk = 64u * 1024u;
// Read from each file's start to find its first number: lines are short.
constexpr std::size_t kProbe = 4u * 1024u;

struct OpenLog {
  base::UniqueFd fd;
  bool newest = false;  // the current file: its last line may be unfinished
  off_t from = 0;       // where reading starts: a line start
};

struct Probe {
  std::int64_t seq;
  off_t at;  // where its line starts
};

// The first numbered line within kProbe bytes from `offset` (from the next
// line when `offset` is not the file's start: it may be mid-line); nothing
// when none is there (an older player's lines, damage).
std::optional<Probe> probe(int fd, off_t offset, std::size_t& bytes_read) {
  std::string head(kProbe, '\0');
  const ssize_t n = ::pread(fd, head.data(), head.size(), offset);
  if (n <= 0) return std::nullopt;
  bytes_read += static_cast<std::size_t>(n);
  const std::string_view text(head.data(), static_cast<std::size_t>(n));
  std::size_t at = 0;
  if (offset > 0) {
    at = text.find('\n');
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  while (at < text.size()) {
    const auto nl = text.find('\n', at);
    if (const auto seq = line_sequence(text.substr(at, nl - at)))
      return Probe{*seq, offset + static_cast<off_t>(at)};
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return std::nullopt;
}

// A line start at most about kChunk before the first line after
// `acknowledged`, found by bisection (numbers grow through a file), so an
// 8 MiB file is not read from its start for its last lines. Where a probe
// finds no number it errs towards the start: reading more is harmless.
off_t start_in(int fd, std::int64_t acknowledged, std::size_t& bytes_read) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return 0;
  off_t lo = 0;
  off_t hi = st.st_size;
  while (hi - lo > static_cast<off_t>(kChunk)) {
    const off_t mid = lo + (hi - lo) / 2;
    const auto p = probe(fd, mid, bytes_read);
    if (p && p->seq <= acknowledged + 1)
      lo = p->at;
    else
      hi = mid;
  }
  return lo;
}

// Every play log there is, newest first; under the lock only the opening,
// so a rotation never shows half done and the drawing thread waits little.
std::vector<OpenLog> open_logs(const std::string& path, std::mutex& rotation) {
  std::vector<OpenLog> newest_first;
  const std::lock_guard lock(rotation);
  for (int n = 0; n < kPlayFiles; ++n) {
    base::UniqueFd fd(::open(rotated(path, n).c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.valid()) newest_first.push_back({std::move(fd), n == 0, 0});
  }
  return newest_first;
}

// The files from the one holding acknowledged + 1 on, oldest first, the
// oldest from about that line. A file that starts without a number was
// begun by a player from before numbered lines (the one upgraded in place
// goes on appending to it): every older file is from then too and holds no
// line to send, so the walk stops there as well (reading the older files
// in full at every report would cost up to 16 × 8 MiB a minute until the
// next rotation).
std::vector<OpenLog> logs_after(std::vector<OpenLog> newest_first, std::int64_t acknowledged,
                                std::size_t& bytes_read) {
  std::size_t keep = 0;
  while (keep < newest_first.size()) {
    OpenLog& log = newest_first[keep++];
    const auto first = probe(log.fd.get(), 0, bytes_read);
    if (!first || first->seq <= acknowledged + 1) {
      log.from = start_in(log.fd.get(), acknowledged, bytes_read);
      break;
    }
  }
  newest_first.resize(keep);
  std::reverse(newest_first.begin(), newest_first.end());
  return newest_first;
}

// Feeds the file's lines to `builder` until it has enough.
void stream_lines(const OpenLog& log, BacklogBuilder& builder, std::size_t& bytes_read) {
  std::string chunk(kChunk, '\0');
  std::string line;
  for (off_t at = log.from;;) {
    const ssize_t n = ::pread(log.fd.get(), chunk.data(), chunk.size(), at);
    if (n <= 0) break;  // the end, or an error: the next report reads again
    at += n;
    bytes_read += static_cast<std::size_t>(n);
    std::string_view rest(chunk.data(), static_cast<std::size_t>(n));
    for (auto nl = rest.find('\n');; nl = rest.find('\n')) {
      const auto part = rest.substr(0, nl);
      line.append(part.substr(0, kMaxLine - std::min(kMaxLine, line.size())));
      if (nl == std::string_view::npos) break;
      if (!builder.add(line, true)) return;
      line.clear();
      rest.remove_prefix(nl + 1);
    }
  }
  if (!line.empty()) builder.add(line, !log.newest);
}

}  // namespace

std::string play_log_path(const std::string& cache_dir) {
  return cache_dir + "/play.jsonl";
}

std::string play_ack_path(const std::string& cache_dir) {
  return cache_dir + "/play.ack";
}

std::string read_play_tail(const std::string& cache_dir, std::size_t max_bytes) {
  const std::string path = play_log_path(cache_dir);
  std::string tail = read_tail(path, max_bytes);
  if (next_sequence(tail, 0) > 1) return tail;
  return read_tail(rotated(path, 1), max_bytes);
}

std::int64_t read_acknowledged(const std::string& cache_dir) {
  std::string text;
  if (!read_whole(play_ack_path(cache_dir), text)) return 0;
  return parse_ack_file(text);
}

bool play_ack_exists(const std::string& cache_dir) {
  std::error_code ec;
  return std::filesystem::exists(play_ack_path(cache_dir), ec);
}

std::string write_acknowledged(const std::string& cache_dir, std::int64_t n) {
  const auto w = net::write_file_atomically(play_ack_path(cache_dir), std::to_string(n) + "\n");
  return w.ok ? std::string() : w.error;
}

PlayRead read_play_backlog(const std::string& cache_dir, std::int64_t acknowledged, BacklogCap cap,
                           std::mutex& rotation) {
  PlayRead r;
  BacklogBuilder builder(acknowledged, cap);
  const auto logs =
      logs_after(open_logs(play_log_path(cache_dir), rotation), acknowledged, r.bytes_read);
  for (const auto& log : logs) {
    if (builder.done()) break;
    stream_lines(log, builder, r.bytes_read);
  }
  r.backlog = builder.take();
  return r;
}

bool play_file_acknowledged(const std::string& path, const std::string& cache_dir) {
  const std::int64_t highest = next_sequence(read_tail(path, 64u * 1024u), 0) - 1;
  return highest <= read_acknowledged(cache_dir);
}

}  // namespace hb::app
