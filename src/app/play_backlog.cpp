#include "app/play_backlog.h"

#include <algorithm>
#include <limits>

namespace hb::app {
namespace {

constexpr std::string_view kSeqPrefix = "{\"seq\":";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void skip_space(std::string_view s, std::size_t& at) {
  while (at < s.size() && is_space(s[at]))
    ++at;
}

// A non-negative decimal at s[at…], without sign or overflow; `at` moves past it.
std::optional<std::int64_t> digits(std::string_view s, std::size_t& at) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t n = 0;
  const std::size_t from = at;
  for (; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at) {
    const int d = s[at] - '0';
    if (n > (kMax - d) / 10) return std::nullopt;
    n = n * 10 + d;
  }
  if (at == from || at - from > 19) return std::nullopt;
  return n;
}

// Splits text into lines (without their newlines); a last line without a
// newline is still a line: whole_line() tells whether it was cut.
template <typename F>
void each_line(std::string_view text, F&& f) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    f(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

// Whether the object that starts the line closes at its last byte, strings
// and nesting followed: a line cut just after a "}" inside a string is not
// whole, and one such line sent would make the whole report unreadable.
bool closes_at_end(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1 == line.size();
    }
  }
  return false;
}

}  // namespace

std::optional<std::int64_t> line_sequence(std::string_view line) {
  if (line.substr(0, kSeqPrefix.size()) != kSeqPrefix) return std::nullopt;
  std::size_t at = kSeqPrefix.size();
  const auto n = digits(line, at);
  // The number counts only when something ends it: "12" cut from "123" is not 12.
  if (!n || at >= line.size() || (line[at] != ',' && line[at] != '}')) return std::nullopt;
  return n;
}

bool whole_line(std::string_view line) {
  return line_sequence(line).has_value() && closes_at_end(line);
}

std::int64_t next_sequence(std::string_view tail, std::int64_t acknowledged) {
  std::int64_t highest = std::max<std::int64_t>(acknowledged, 0);
  each_line(tail, [&](std::string_view line) {
    if (const auto n = line_sequence(line)) highest = std::max(highest, *n);
  });
  return highest == std::numeric_limits<std::int64_t>::max() ? highest : highest + 1;
}

std::string with_sequence(std::string_view line, std::int64_t seq) {
  std::string r = std::string(kSeqPrefix) + std::to_string(seq);
  if (line.size() < 2 || line.front() != '{') return r + "}";
  const std::string_view rest = line.substr(1);
  return r + (rest.front() == '}' ? "" : ",") + std::string(rest);
}

PlayBacklog play_backlog(const std::vector<std::string>& files, std::int64_t acknowledged,
                         BacklogCap cap) {
  PlayBacklog r;
  r.last = acknowledged;
  std::size_t bytes = 0;
  for (const auto& file : files) {
    each_line(file, [&](std::string_view line) {
      if (r.more || !whole_line(line)) return;
      const std::int64_t n = *line_sequence(line);
      if (n <= r.last) return;
      const bool full = r.lines.size() >= cap.lines || bytes + line.size() > cap.bytes;
      if (full && !r.lines.empty()) {
        r.more = true;
        return;
      }
      bytes += line.size();
      r.lines.emplace_back(line);
      r.last = n;
    });
  }
  return r;
}

std::optional<std::int64_t> parse_ack(long status, std::string_view body) {
  if (status != 200) return std::nullopt;
  std::size_t at = 0;
  const auto expect = [&](std::string_view word) {
    skip_space(body, at);
    if (body.substr(at, word.size()) != word) return false;
    at += word.size();
    return true;
  };
  if (!expect("{") || !expect("\"ack\"") || !expect(":")) return std::nullopt;
  skip_space(body, at);
  const auto n = digits(body, at);
  if (!n || !expect("}")) return std::nullopt;
  skip_space(body, at);
  if (at != body.size()) return std::nullopt;
  return n;
}

std::int64_t parse_ack_file(std::string_view text) {
  std::size_t at = 0;
  const auto n = digits(text, at);
  if (!n || text.substr(at) != "\n") return 0;
  return *n;
}

}  // namespace hb::app
