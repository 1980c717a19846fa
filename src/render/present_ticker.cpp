#include "render/present_ticker.h"

#include <algorithm>
#include <cmath>

namespace hb::render {

int ticker_period(int text_width, const layout::Ticker& ticker) {
  return std::max({text_width + ticker_gap_em * ticker.style.size, ticker.box.w, 1});
}

int ticker_offset(double seconds, int speed, int period) {
  if (speed <= 0 || period <= 0 || !(seconds > 0)) return 0;
  // fmod before the conversion: a screen that runs for months counts
  // billions of pixels.
  const double moved = std::floor(std::fmod(seconds * speed, static_cast<double>(period)));
  return std::clamp(static_cast<int>(moved), 0, period - 1);
}

void draw_ticker_loop(Canvas& canvas, const layout::Ticker& ticker, SDL_Surface& target, int offset,
                      int period) {
  period = std::max(period, 1);
  const int right = ticker.box.x + ticker.box.w;
  for (int at = offset; ticker.box.x - at < right; at -= period)
    canvas.draw_ticker(ticker, target, at);
}

bool same_ticker(const layout::Ticker& a, const layout::Ticker& b) {
  return a.box == b.box && a.text == b.text && a.style == b.style && a.color == b.color &&
         a.speed == b.speed;
}

}  // namespace hb::render
