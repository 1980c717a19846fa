#include "render/ticker_loop.h"

#include <algorithm>
#include <cstring>

#include "render/present_ticker.h"

namespace hb::render {
namespace {

bool word_pixels(const SDL_Surface& s) {
  return is_word_format(s) && s.pixels != nullptr;
}

}  // namespace

std::vector<std::uint32_t> uniform_row_colours(const SDL_Surface& band) {
  std::vector<std::uint32_t> colours;
  if (!word_pixels(band) || band.w < 1) return colours;
  colours.reserve(static_cast<std::size_t>(band.h));
  for (int y = 0; y < band.h; ++y) {
    const std::uint32_t* row = pixel_row(band, y);
    if (std::any_of(row + 1, row + band.w, [&](std::uint32_t p) { return p != row[0]; })) return {};
    colours.push_back(row[0]);
  }
  return colours;
}

std::unique_ptr<TickerLoop> TickerLoop::make(Canvas& canvas, const layout::Ticker& ticker,
                                             int period, const SDL_Rect& visible,
                                             const SDL_Surface& band, std::size_t max_bytes) {
  if (period < 1 || visible.w < 1 || visible.h < 1 || band.w != visible.w || band.h != visible.h ||
      period < visible.w)
    return nullptr;
  if (static_cast<std::size_t>(period) * static_cast<std::size_t>(visible.h) * 4 > max_bytes)
    return nullptr;
  auto colours = uniform_row_colours(band);
  if (colours.empty()) return nullptr;
  auto strip = make_surface(period, visible.h);
  if (!strip) return nullptr;
  for (int y = 0; y < visible.h; ++y) {
    std::uint32_t* row = pixel_row(*strip, y);
    std::fill(row, row + period, colours[static_cast<std::size_t>(y)]);
  }
  // The strip's x is the position within the round; its rows are the
  // visible rows of the box, so the text sits at the same height.
  layout::Ticker local = ticker;
  local.box = {0, ticker.box.y - visible.y, period, ticker.box.h};
  // The next round's start too: a glyph that reaches left of its origin
  // shows at the end of this one, as it does on the page.
  canvas.draw_ticker(local, *strip, 0);
  canvas.draw_ticker(local, *strip, -period);
  SDL_SetSurfaceBlendMode(strip.get(), SDL_BLENDMODE_NONE);
  std::unique_ptr<TickerLoop> loop(new TickerLoop);
  loop->ticker_ = ticker;
  loop->period_ = period;
  loop->visible_ = visible;
  loop->row_colours_ = std::move(colours);
  loop->strip_ = std::move(strip);
  return loop;
}

bool TickerLoop::fits(const layout::Ticker& ticker, int period, const SDL_Rect& visible,
                      const SDL_Surface& band) const {
  if (period != period_ || !SDL_RectEquals(&visible, &visible_) || !same_ticker(ticker, ticker_))
    return false;
  return uniform_row_colours(band) == row_colours_;
}

void TickerLoop::copy(int offset, SDL_Surface& target) const {
  if (!word_pixels(target)) return;
  const SDL_Rect on = visible_;
  if (on.x < 0 || on.y < 0 || on.x + on.w > target.w || on.y + on.h > target.h) return;
  // Screen column x shows the round at (x - box.x + offset) mod period.
  const int start = ((on.x - ticker_.box.x + offset) % period_ + period_) % period_;
  const int first = std::min(on.w, period_ - start);
  const auto bytes = [](int pixels) { return static_cast<std::size_t>(pixels) * 4; };
  for (int y = 0; y < on.h; ++y) {
    const std::uint32_t* from = pixel_row(*strip_, y);
    std::uint32_t* to = pixel_row(target, on.y + y) + on.x;
    std::memcpy(to, from + start, bytes(first));
    if (first < on.w) std::memcpy(to + first, from, bytes(on.w - first));
  }
}

std::size_t TickerLoop::bytes() const {
  return strip_ ? static_cast<std::size_t>(strip_->pitch) * static_cast<std::size_t>(strip_->h) : 0;
}

}  // namespace hb::render
