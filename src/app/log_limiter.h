// Keeps the journal readable on a screen that runs for months: a feed that
// fails every minute, or a picture that is missing on every page turn,
// would otherwise write the same line thousands of times a day.
//
// The first occurrence of a message is printed at once. Repeats within the
// window are counted, not printed; when the window ends, one line says how
// often it came back. Messages that differ only in their numbers ("next try
// in 12 s", "next try in 37 s") count as the same message. Time is a
// parameter, so a test can run a week through it.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hb::app {

class LogLimiter {
 public:
  explicit LogLimiter(double window_seconds = 600, std::size_t max_messages = 256);

  // The lines to print now for `line` at time t (seconds, any steady scale):
  // the line itself, a summary of repeats whose window ended before it, or
  // nothing when the line repeats within its window.
  std::vector<std::string> offer(std::string_view line, double t);

  // Summaries of repeats whose window has ended by t; call it now and then
  // (every second) so a message that stops still gets its count printed.
  std::vector<std::string> flush(double t);

  // The messages being counted (bounded by max_messages).
  std::size_t tracked() const { return messages_.size(); }

 private:
  struct Seen {
    std::string last;  // the latest text, numbers and all
    double window_start = 0;
    std::size_t repeats = 0;  // suppressed since window_start
  };
  static std::string key_of(std::string_view line);
  static std::string summary(const Seen& seen, double window_seconds);

  double window_;
  std::size_t max_messages_;
  std::map<std::string, Seen> messages_;
};

}  // namespace hb::app
