#include "schedule/pixel_shift.h"

namespace hb::schedule {

PixelShift pixel_shift(model::UnixSeconds t, int radius, int step_seconds) {
  if (radius <= 0 || step_seconds <= 0) return {};
  const long long side = 2LL * radius + 1;
  const long long cells = side * side;
  // A snake through the square, row by row, then the same way back: every
  // step moves one pixel, including the turn at either end.
  const long long period = 2 * (cells - 1);
  long long step = t / step_seconds;
  step %= period;
  if (step < 0) step += period;
  const long long cell = step < cells ? step : period - step;
  const long long row = cell / side;
  long long col = cell % side;
  if (row % 2 == 1) col = side - 1 - col;
  return {static_cast<int>(col - radius), static_cast<int>(row - radius)};
}

}  // namespace hb::schedule
