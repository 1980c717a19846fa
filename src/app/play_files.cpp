#include "app/play_files.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "app/play_backlog.h"
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

// The first numbered line's number; nothing for a file without one.
std::optional<std::int64_t> first_sequence(std::string_view text) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    if (const auto n = line_sequence(text.substr(0, nl))) return n;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return std::nullopt;
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

std::string write_acknowledged(const std::string& cache_dir, std::int64_t n) {
  const auto w = net::write_file_atomically(play_ack_path(cache_dir), std::to_string(n) + "\n");
  return w.ok ? std::string() : w.error;
}

std::vector<std::string> read_play_files(const std::string& cache_dir, std::int64_t acknowledged,
                                         int max_files) {
  const std::string path = play_log_path(cache_dir);
  std::vector<std::string> newest_first;
  for (int n = 0; n < max_files; ++n) {
    std::string text;
    if (!read_whole(rotated(path, n), text)) {
      if (n == 0) continue;  // no current file just after a rotation
      break;
    }
    const auto first = first_sequence(text);
    newest_first.push_back(std::move(text));
    if (first && *first <= acknowledged + 1) break;
  }
  std::reverse(newest_first.begin(), newest_first.end());
  return newest_first;
}

bool play_file_acknowledged(const std::string& path, const std::string& cache_dir) {
  const std::int64_t highest = next_sequence(read_tail(path, 64u * 1024u), 0) - 1;
  return highest <= read_acknowledged(cache_dir);
}

}  // namespace hb::app
