// A ticker's whole round drawn once, over its band, as opaque pixels: each
// frame then copies a band-sized window of it (a memcpy a row) instead of
// blending the glyphs anew 60 times a second. That is most of what a
// moving ticker costs on the cpu compositor.
#pragma once

#include <SDL2/SDL.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "layout/display_list.h"
#include "render/canvas.h"
#include "render/sdl_surface.h"

namespace hb::render {

// Larger loops (a ticker of a few thousand characters) are drawn frame by
// frame as before: the loop would cost more memory than it saves time.
inline constexpr std::size_t ticker_loop_max_bytes = 16u << 20;

class TickerLoop {
 public:
  // The loop for `ticker` going round every `period` pixels, whose box shows
  // on the page as `visible` (the box clipped to the page), over `band`: the
  // page's pixels of `visible`, without the text. Null when the band is not
  // one colour along each of its rows (a picture under the text: the loop
  // could not be made of it), or the loop would exceed max_bytes.
  static std::unique_ptr<TickerLoop> make(Canvas& canvas, const layout::Ticker& ticker, int period,
                                          const SDL_Rect& visible, const SDL_Surface& band,
                                          std::size_t max_bytes = ticker_loop_max_bytes);

  // Whether this loop draws `ticker` going round every `period` over `band`
  // shown at `visible`, so a new page with the same ticker keeps it.
  bool fits(const layout::Ticker& ticker, int period, const SDL_Rect& visible,
            const SDL_Surface& band) const;

  // The band as it looks at `offset` (0 <= offset < period), into target at
  // the visible rectangle: the same pixels as the band with
  // draw_ticker_loop() over it.
  void copy(int offset, SDL_Surface& target) const;

  std::size_t bytes() const;

 private:
  TickerLoop() = default;

  layout::Ticker ticker_;
  int period_ = 1;
  SDL_Rect visible_{};
  std::vector<std::uint32_t> row_colours_;
  SurfacePtr strip_;  // period x visible.h
};

// The colour of each row of `band` when every row is one colour; empty
// otherwise.
std::vector<std::uint32_t> uniform_row_colours(const SDL_Surface& band);

}  // namespace hb::render
