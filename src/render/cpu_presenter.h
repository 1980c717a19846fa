// The presenter for machines without a real GPU: frames are composed
// upright in memory, and only the rects that changed are turned onto the
// window surface and sent (SDL_UpdateWindowSurfaceRects; X11 shared memory).
#pragma once

#include <SDL2/SDL.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "render/page_turn.h"
#include "render/present_scene.h"
#include "render/presenter.h"
#include "render/transition.h"
#include "render/window.h"

namespace hb::render {

class CpuPresenter final : public Presenter {
 public:
  // Null, with the reason in error, when the window has no surface to draw on.
  static std::unique_ptr<CpuPresenter> open(std::unique_ptr<Window> window, Canvas& canvas,
                                            FontSet& fonts, int rotate, std::string& error);

  std::string_view name() const override { return name_; }
  Size page_size() const override;
  DrawReport show(const layout::Page& page, Size size, model::Transition how) override;
  DrawReport update(const layout::Page& page, Size size) override;
  void blank() override;
  FrameResult frame(double now_s) override;
  void invalidate() override { full_ = true; }
  SurfacePtr screenshot() override;
  PresentStats stats() const override { return stats_; }
  bool vsync() const override { return false; }
  SDL_Window* window() const override { return window_->get(); }

 private:
  CpuPresenter(std::unique_ptr<Window> window, Canvas& canvas, FontSet& fonts, int rotate);

  // The scene as it is now becomes the frame on screen; only what differs
  // from the frame before is marked to be sent.
  void place_now(DrawReport& report);
  void step_transition(double now_s);
  std::string present(SDL_Surface& target);
  // Turns an upright rect of the frame onto the window surface; the window
  // rect it covered (empty when it is off the window).
  SDL_Rect put(SDL_Surface& target, const SDL_Rect& upright);
  void end_transition();
  // A frame (a composed page) becomes the frame on screen: copied into the
  // window's pixels when shown_ lives there, else kept as it is.
  void adopt(SurfacePtr frame);
  // The frame made at `size`: a view of the window surface's own pixels
  // when they can hold it upright and whole (no rotation, same size, 32-bit
  // xRGB), else a surface of its own. Saves a full-screen copy (8 MB at
  // 1080p) for as long as the page stands.
  SurfacePtr make_frame(Size size);
  // Forgets a view whose window surface SDL replaced (its pixels are gone).
  void check_alias();

  std::unique_ptr<Window> window_;
  Scene scene_;
  int rotate_;
  std::string name_;
  SurfacePtr shown_;  // the upright frame on screen; null: black
  // shown_ is a view of the window surface's pixels (see make_frame).
  bool aliased_ = false;
  void* alias_pixels_ = nullptr;
  // A transition: from_ is the frame it leaves, to_ the new page as it
  // moves on; both null when none is running.
  SurfacePtr from_, to_;
  model::Transition how_ = model::Transition::none;
  double start_ = std::numeric_limits<double>::quiet_NaN();
  PageTurn turn_;  // the transition's: which tickers survive it
  // A fade blends only where the two pages differ (fade_spans_, within
  // fade_area_); the tickers that survive the turn are not faded but go on
  // moving, copied as they are (steady_).
  std::vector<RowSpan> fade_spans_;
  SDL_Rect fade_area_{};
  std::vector<std::size_t> steady_;
  void prepare_fade();
  std::vector<SDL_Rect> dirty_;  // upright, within shown_
  bool full_ = true;             // the whole window, borders included
  bool blank_ = false;
  SDL_Surface* seen_ = nullptr;  // the window surface drawn on last
  Size seen_size_;
  PresentStats stats_;
};

}  // namespace hb::render
