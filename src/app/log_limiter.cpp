#include "app/log_limiter.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace hb::app {

LogLimiter::LogLimiter(double window_seconds, std::size_t max_messages)
    : window_(window_seconds), max_messages_(std::max<std::size_t>(1, max_messages)) {}

std::string LogLimiter::key_of(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  bool in_number = false;
  for (char c : line) {
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (digit && !in_number) key += '#';
    if (!digit) key += c;
    in_number = digit;
  }
  return key;
}

std::string LogLimiter::summary(const Seen& seen, double window_seconds) {
  const long minutes = std::lround(window_seconds / 60);
  return "(" + std::to_string(seen.repeats) + (seen.repeats == 1 ? " repeat" : " repeats") +
         " in " +
         (minutes >= 1 ? std::to_string(minutes) + " min"
                       : std::to_string(std::lround(window_seconds)) + " s") +
         ", latest: " + seen.last + ")";
}

std::vector<std::string> LogLimiter::offer(std::string_view line, double t) {
  std::vector<std::string> out = flush(t);
  std::string key = key_of(line);
  auto it = messages_.find(key);
  if (it != messages_.end()) {
    it->second.last = std::string(line);
    ++it->second.repeats;
    return out;
  }
  if (messages_.size() >= max_messages_) {
    // Too many different messages at once: forget the oldest window, saying
    // what it had counted so nothing is silently lost.
    auto oldest = std::min_element(
        messages_.begin(), messages_.end(),
        [](const auto& a, const auto& b) { return a.second.window_start < b.second.window_start; });
    if (oldest->second.repeats > 0)
      out.push_back(summary(oldest->second, t - oldest->second.window_start));
    messages_.erase(oldest);
  }
  messages_.emplace(std::move(key), Seen{std::string(line), t, 0});
  out.emplace_back(line);
  return out;
}

std::vector<std::string> LogLimiter::flush(double t) {
  std::vector<std::string> out;
  for (auto it = messages_.begin(); it != messages_.end();) {
    Seen& seen = it->second;
    // A clock that went backwards ends the window too, rather than never.
    if (t - seen.window_start < window_ && t >= seen.window_start) {
      ++it;
    } else if (seen.repeats > 0) {
      // It is still coming back: report the count and keep counting, so a
      // message failing all day prints one line per window.
      out.push_back(summary(seen, window_));
      seen.repeats = 0;
      seen.window_start = t;
      ++it;
    } else {
      it = messages_.erase(it);
    }
  }
  return out;
}

}  // namespace hb::app
