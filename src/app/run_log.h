// The live player's log: one line per event on stderr (journald), each with
// the screen's clock, `hallboard run: [HH:MM:SS] …`. Problems that repeat go
// through a LogLimiter; events that are news each time (new content, dark,
// waking, stopping) are always printed.
#pragma once

#include <functional>
#include <string>

#include "app/log_limiter.h"

namespace hb::app {

class RunLog {
 public:
  // screen_time: the screen's clock (Unix seconds, --at and --speed
  // applied); steady: seconds on the steady clock, for the limiter.
  RunLog(std::function<double()> screen_time, std::function<double()> steady,
         int utc_offset_minutes);

  void problem(const std::string& line);  // rate-limited
  void event(const std::string& line);    // always printed
  // The counts of repeats whose window ended; call once a second.
  void flush();
  // Every count still held, at exit.
  void flush_all();

 private:
  void print(const std::string& line) const;

  std::function<double()> screen_time_;
  std::function<double()> steady_;
  int offset_;
  LogLimiter limiter_;
};

}  // namespace hb::app
