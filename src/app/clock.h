// The program's two clocks, read only by main and handed down: the wall
// clock decides what is on screen, the steady one paces animation (it
// never jumps when NTP corrects the wall clock).
#pragma once

#include <functional>

namespace hb::app {

struct Clocks {
  std::function<double()> wall;    // Unix seconds
  std::function<double()> steady;  // seconds from any fixed point
};

}  // namespace hb::app
