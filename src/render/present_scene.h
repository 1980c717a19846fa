// What a presenter shows, upright and in memory: the page drawn once
// without its tickers, and the tickers moving over it. Both presenters
// keep one; it never touches the window.
#pragma once

#include <SDL2/SDL.h>

#include <cstddef>
#include <vector>

#include "layout/display_list.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/page_turn.h"
#include "render/present_ticker.h"
#include "render/rotate.h"
#include "render/sdl_surface.h"
#include "render/ticker_loop.h"

namespace hb::render {

class Scene {
 public:
  Scene(Canvas& canvas, FontSet& fonts) : canvas_(canvas), fonts_(fonts) {}

  // The page at this size. A ticker that the scene already had, unchanged,
  // keeps its position, so content updated in place does not make the band
  // jump back. On failure (no memory) the scene is empty and the report says so.
  DrawReport set(const layout::Page& page, Size size);
  // The same, drawn straight into `frame` (this size; made opaque) with
  // its tickers: what set(), compose() and keep_ticker_bands_only() do,
  // without a page-sized surface of the scene's own. For a frame the
  // presenter keeps: the window's memory when nothing is on screen, or the
  // page a transition moves to.
  DrawReport set_into(const layout::Page& page, Size size, SDL_Surface& frame);
  void clear();
  bool empty() const { return !has_page_; }

  // Keeps of the page only what lies under the tickers, for redraw_ticker:
  // a presenter that holds the composed frame itself need not also hold the
  // page (8 MB at 1080p, 32 MB at 4K). compose() and base() have nothing to
  // give until the next set().
  void keep_ticker_bands_only();

  // Moves the tickers to this time; true when any offset changed.
  // `changed` (when given) gets the indexes of those that did.
  bool advance(double now_s, std::vector<std::size_t>* changed = nullptr);
  bool animating() const;

  // The page with every ticker at its offset, into target (the scene's size).
  void compose(SDL_Surface& target);
  // One ticker's box restored from the page and the ticker drawn over it.
  void redraw_ticker(std::size_t i, SDL_Surface& target);
  // A ticker's box within the page.
  SDL_Rect ticker_rect(std::size_t i) const;
  // From the page before the last set() to it: which tickers went on from
  // where they were.
  const PageTurn& turn() const { return turn_; }
  // Bytes held by the tickers' pre-drawn rounds (see ticker_loop.h).
  std::size_t loop_bytes() const;

  // The page without tickers (opaque, ARGB8888); null when empty.
  SDL_Surface* base() const { return base_.get(); }
  Size size() const { return size_; }
  const std::vector<LiveTicker>& tickers() const { return tickers_; }

 private:
  Canvas& canvas_;
  FontSet& fonts_;
  SurfacePtr base_;
  std::vector<SurfacePtr> bands_;  // per ticker, after keep_ticker_bands_only()
  // Per ticker: its round drawn once, when its band allows (null: drawn
  // frame by frame). Checked against the band once after each set(), and
  // made (make_new) when a ticker first moves.
  std::vector<std::unique_ptr<TickerLoop>> loops_;
  bool loops_checked_ = false;
  void check_loops(bool make_new);
  // A new page's tickers, keeping those the scene already had.
  void take_tickers(std::vector<LiveTicker> tickers, Size size);
  // Each ticker's box of the page into bands_; false when out of memory.
  bool take_bands(SDL_Surface& page);
  void draw_tickers(SDL_Surface& target);
  // Ticker i's band as the page has it (a view of base_ or bands_[i]).
  SurfacePtr band(std::size_t i) const;
  bool has_page_ = false;
  Size size_;
  std::vector<LiveTicker> tickers_;
  PageTurn turn_;  // see turn()
};

// A new ARGB8888 surface the size of s with its pixels; null when SDL
// cannot allocate it.
SurfacePtr copy_surface(const SDL_Surface& s);

}  // namespace hb::render
