// The program's two clocks, read only by main and handed down: the wall
// clock decides what is on screen, the steady one paces animation (it
// never jumps when NTP corrects the wall clock).
#pragma once

#include <functional>
#include <optional>

namespace hb::app {

struct Clocks {
  std::function<double()> wall;    // Unix seconds
  std::function<double()> steady;  // seconds from any fixed point
};

// The screen's clock in `hallboard run`: the wall clock, or one that starts
// at --at and runs `speed` times as fast (--speed), so a test can watch a
// given moment or a whole day.
class ScreenClock {
 public:
  ScreenClock(Clocks clocks, std::optional<double> start, double speed)
      : clocks_(std::move(clocks)), steady_start_(clocks_.steady()), start_(start), speed_(speed) {
    if (!start_ && speed_ != 1) start_ = clocks_.wall();
  }
  double now() const {  // Unix seconds
    return start_ ? *start_ + elapsed() * speed_ : clocks_.wall();
  }
  double elapsed() const { return clocks_.steady() - steady_start_; }  // real seconds
  double steady() const { return clocks_.steady(); }
  // Real seconds until `screen_seconds` have passed on this clock.
  double real(double screen_seconds) const { return screen_seconds / speed_; }

 private:
  Clocks clocks_;
  double steady_start_;
  std::optional<double> start_;
  double speed_;
};

}  // namespace hb::app
