#include "app/run_log.h"

#include <cmath>
#include <iostream>

#include "app/time_text.h"

namespace hb::app {

RunLog::RunLog(std::function<double()> screen_time, std::function<double()> steady,
               int utc_offset_minutes)
    : screen_time_(std::move(screen_time)),
      steady_(std::move(steady)),
      offset_(utc_offset_minutes) {}

void RunLog::print(const std::string& line) const {
  const auto t = static_cast<model::UnixSeconds>(std::floor(screen_time_()));
  std::cerr << "hallboard run: [" << clock_text(t, offset_) << "] " << line << "\n";
}

void RunLog::problem(const std::string& line) {
  for (const auto& out : limiter_.offer(line, steady_()))
    print(out);
}

void RunLog::event(const std::string& line) {
  print(line);
}

void RunLog::flush() {
  for (const auto& out : limiter_.flush(steady_()))
    print(out);
}

void RunLog::flush_all() {
  for (const auto& out : limiter_.flush(1e300))
    print(out);
}

}  // namespace hb::app
