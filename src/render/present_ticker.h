// The ticker goes round: its text, a gap, the text again, without a jump,
// so a citizen who arrives mid-sentence sees the start come round.
#pragma once

#include <SDL2/SDL.h>

#include <limits>

#include "layout/display_list.h"
#include "render/canvas.h"

namespace hb::render {

// A ticker as a presenter shows it: where it is in its round.
struct LiveTicker {
  layout::Ticker ticker;
  int text_width = 0;  // as measured
  int period = 1;      // see ticker_period
  int offset = 0;      // as last drawn
  // When the ticker stood at offset 0; the first frame after the ticker
  // appears sets it, so it starts from the still frame.
  double epoch = std::numeric_limits<double>::quiet_NaN();
  bool moves() const { return ticker.speed > 0; }
};

// Between the end of the text and its start coming round again: wider than
// the two-em gaps between the items within it, so the reader sees where
// the round ends.
inline constexpr int ticker_gap_em = 4;

// Pixels the text moves before the band looks the same again: the text and
// the gap, and at least the box's width, so a short text crosses the whole
// band before it appears again at the right.
int ticker_period(int text_width, const layout::Ticker& ticker);

// Where the text is after `seconds` at `speed` px/s: floor(seconds * speed)
// modulo the period; 0 when it does not move.
int ticker_offset(double seconds, int speed, int period);

// Every copy of the text in view at this offset (0 <= offset < period),
// over what target already holds in the box.
void draw_ticker_loop(Canvas& canvas, const layout::Ticker& ticker, SDL_Surface& target, int offset,
                      int period);

// The same band, drawn the same: a page that keeps it keeps its position.
bool same_ticker(const layout::Ticker& a, const layout::Ticker& b);

}  // namespace hb::render
