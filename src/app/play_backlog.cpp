#include "app/play_backlog.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

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

// Splits text into lines (without their newlines), each with whether a
// newline ended it: a last line without one may be unfinished.
template <typename F>
void each_line(std::string_view text, F&& f) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    f(text.substr(0, nl), nl != std::string_view::npos);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
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

bool sendable_line(std::string_view line) {
  const auto seq = line_sequence(line);
  if (!seq) return false;
  // No exceptions: a damaged line is expected here, not exceptional.
  const auto parsed = nlohmann::json::parse(line, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return false;
  const auto it = parsed.find("seq");
  return it != parsed.end() && it->is_number_integer() && it->get<std::int64_t>() == *seq;
}

std::int64_t next_sequence(std::string_view tail, std::int64_t acknowledged) {
  std::int64_t highest = std::max<std::int64_t>(acknowledged, 0);
  each_line(tail, [&](std::string_view line, bool) {
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

BacklogBuilder::BacklogBuilder(std::int64_t acknowledged, BacklogCap cap) : cap_(cap) {
  backlog_.last_sent = acknowledged;
  backlog_.last = acknowledged;
}

bool BacklogBuilder::add(std::string_view line, bool ended) {
  if (done_) return false;
  if (!ended) return stop();  // still being written, or cut: it waits
  const auto n = line_sequence(line);
  if (!n || *n <= backlog_.last) return true;
  if (!sendable_line(line)) {
    backlog_.last = *n;  // skipped for good, and passed
    return true;
  }
  const bool full = backlog_.lines.size() >= cap_.lines || bytes_ + line.size() > cap_.bytes;
  if (full && !backlog_.lines.empty()) {
    backlog_.more = true;
    return stop();
  }
  bytes_ += line.size();
  backlog_.lines.emplace_back(line);
  backlog_.last_sent = backlog_.last = *n;
  return true;
}

PlayBacklog play_backlog(const std::vector<std::string>& files, std::int64_t acknowledged,
                         BacklogCap cap) {
  BacklogBuilder builder(acknowledged, cap);
  for (const auto& file : files) {
    // Only the newest file's last line can be unfinished; an older file's
    // last line without a newline was cut and will never be finished.
    const bool newest = &file == &files.back();
    each_line(file,
              [&](std::string_view line, bool ended) { builder.add(line, ended || !newest); });
  }
  return builder.take();
}

std::int64_t acknowledged_after(const PlayBacklog& sent, std::int64_t ack) {
  if (sent.lines.empty() || ack >= sent.last_sent) return sent.last;
  return ack;
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
