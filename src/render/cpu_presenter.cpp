#include "render/cpu_presenter.h"

#include <cmath>
#include <utility>

#include "render/dirty_rect.h"
#include "render/rotate.h"
#include "render/transition.h"

namespace hb::render {

std::unique_ptr<CpuPresenter> CpuPresenter::open(std::unique_ptr<Window> window, Canvas& canvas,
                                                 FontSet& fonts, int rotate, std::string& error) {
  if (!window || !window->get()) {
    error = "no window";
    return nullptr;
  }
  if (!SDL_GetWindowSurface(window->get())) {
    error = std::string("the window has no surface to draw on: ") + SDL_GetError();
    return nullptr;
  }
  return std::unique_ptr<CpuPresenter>(new CpuPresenter(std::move(window), canvas, fonts, rotate));
}

CpuPresenter::CpuPresenter(std::unique_ptr<Window> window, Canvas& canvas, FontSet& fonts,
                           int rotate)
    : window_(std::move(window)),
      scene_(canvas, fonts),
      rotate_(normal_rotation(rotate)),
      name_(std::string("cpu compositor (") + SDL_GetCurrentVideoDriver() + ")") {}

Size CpuPresenter::page_size() const {
  Size s;
  SDL_GetWindowSizeInPixels(window_->get(), &s.w, &s.h);
  return rotated_size(s, rotate_);
}

SurfacePtr CpuPresenter::make_frame(Size size) {
  SDL_Surface* target = SDL_GetWindowSurface(window_->get());
  const bool fits = target && rotate_ == 0 && target->w == size.w && target->h == size.h &&
                    target->format->BytesPerPixel == 4 && target->format->Rmask == 0x00FF0000 &&
                    target->format->Gmask == 0x0000FF00 && target->format->Bmask == 0x000000FF;
  if (fits) {
    // The same memory, read as ARGB8888: the alpha byte we write is one the
    // window ignores.
    SurfacePtr view(SDL_CreateRGBSurfaceWithFormatFrom(target->pixels, size.w, size.h, 32,
                                                       target->pitch, SDL_PIXELFORMAT_ARGB8888));
    if (view) {
      SDL_SetSurfaceBlendMode(view.get(), SDL_BLENDMODE_NONE);
      aliased_ = true;
      alias_pixels_ = target->pixels;
      return view;
    }
  }
  aliased_ = false;
  alias_pixels_ = nullptr;
  return make_surface(size.w, size.h);
}

void CpuPresenter::check_alias() {
  if (!aliased_) return;
  SDL_Surface* target = SDL_GetWindowSurface(window_->get());
  if (target && target->pixels == alias_pixels_ && shown_ && target->w == shown_->w &&
      target->h == shown_->h)
    return;
  // SDL made a new window surface (a resize): the old pixels are gone.
  shown_.reset();
  aliased_ = false;
  alias_pixels_ = nullptr;
  full_ = true;
}

void CpuPresenter::adopt(SurfacePtr frame) {
  if (aliased_ && shown_ && frame && frame->w == shown_->w && frame->h == shown_->h) {
    SDL_BlendMode mode{};
    SDL_GetSurfaceBlendMode(frame.get(), &mode);
    SDL_SetSurfaceBlendMode(frame.get(), SDL_BLENDMODE_NONE);
    SDL_BlitSurface(frame.get(), nullptr, shown_.get(), nullptr);
    SDL_SetSurfaceBlendMode(frame.get(), mode);
    return;
  }
  aliased_ = false;
  alias_pixels_ = nullptr;
  shown_ = std::move(frame);
}

void CpuPresenter::end_transition() {
  from_.reset();
  to_.reset();
  start_ = std::numeric_limits<double>::quiet_NaN();
  fade_spans_.clear();
  fade_area_ = {};
  steady_.clear();
  turn_ = {};
}

void CpuPresenter::prepare_fade() {
  steady_.clear();
  fade_spans_.clear();
  fade_area_ = {};
  if (how_ != model::Transition::fade || !from_ || !to_) return;
  steady_ = turn_.survivors();
  std::vector<SDL_Rect> still;
  for (const auto i : steady_)
    still.push_back(scene_.ticker_rect(i));
  fade_spans_ = differing_spans(*from_, *to_, still);
  fade_area_ = spans_bounds(fade_spans_);
}

void CpuPresenter::place_now(DrawReport& report) {
  end_transition();
  if (scene_.empty()) {
    shown_.reset();
    aliased_ = false;
    full_ = true;
    return;
  }
  const Size size = scene_.size();
  if (!shown_ || shown_->w != size.w || shown_->h != size.h) {
    // Nothing on screen to keep (show() draws such a page straight into
    // the frame; this is for a transition that found no memory).
    full_ = true;
    shown_ = make_frame(size);
    if (!shown_) {
      report.problems.push_back(std::string("cannot make a frame to show the page: ") +
                                SDL_GetError());
      aliased_ = false;
      return;
    }
    scene_.compose(*shown_);
    // An opaque frame: copied as it is wherever it goes.
    SDL_SetSurfaceBlendMode(shown_.get(), SDL_BLENDMODE_NONE);
    scene_.keep_ticker_bands_only();
    return;
  }
  auto next = make_surface(size.w, size.h);
  if (!next) {
    report.problems.push_back(std::string("cannot make a frame to show the page: ") +
                              SDL_GetError());
    shown_.reset();
    aliased_ = false;
    full_ = true;
    return;
  }
  scene_.compose(*next);
  SDL_SetSurfaceBlendMode(next.get(), SDL_BLENDMODE_NONE);
  const auto changed = changed_rects(*shown_, *next);
  for (const auto& r : changed)
    dirty_.push_back(r);
  if (aliased_) {
    // Only the changed pixels go into the window's memory; the rest is
    // already there.
    for (auto r : changed) {
      SDL_Rect to = r;
      SDL_BlitSurface(next.get(), &r, shown_.get(), &to);
    }
  } else {
    shown_ = std::move(next);
  }
  // shown_ is the frame from now on; the tickers need only their bands.
  scene_.keep_ticker_bands_only();
}

DrawReport CpuPresenter::show(const layout::Page& page, Size size, model::Transition how) {
  check_alias();
  // Leaving a blank screen, or the first page, comes at once: there is
  // nothing to move away from.
  const bool from_something = shown_ && !blank_ && shown_->w == size.w && shown_->h == size.h;
  blank_ = false;
  if (!shown_ || shown_->w != size.w || shown_->h != size.h) {
    // Nothing on screen to keep (the first page, after a dark screen or a
    // resize): the page is drawn straight into the frame, the window's own
    // pixels when it can be, and all of it sent.
    end_transition();
    full_ = true;
    shown_ = make_frame(size);
    if (!shown_) {
      scene_.clear();
      aliased_ = false;
      return {{std::string("cannot make a frame to show the page: ") + SDL_GetError()}, {}};
    }
    return scene_.set_into(page, size, *shown_);
  }
  if (how == model::Transition::none || !from_something) {
    auto report = scene_.set(page, size);
    place_now(report);
    return report;
  }
  // from_ must be a copy when shown_ is the window's own memory.
  auto from = aliased_ ? copy_surface(*shown_) : std::move(shown_);
  if (!aliased_) shown_ = make_frame(size);
  auto to = make_surface(size.w, size.h);
  if (!from || !shown_ || !to) {
    from.reset();
    to.reset();
    auto report = scene_.set(page, size);
    report.problems.push_back("no memory for the transition; the page is shown at once");
    place_now(report);
    return report;
  }
  from_ = std::move(from);
  to_ = std::move(to);
  // The new page is drawn straight into to_; during the transition only its
  // tickers move. No page of the scene's own: one full frame less at every
  // turn (from_ and to_, and shown_ unless it is the window's memory).
  auto report = scene_.set_into(page, size, *to_);
  how_ = how;
  turn_ = scene_.turn();
  prepare_fade();
  start_ = std::numeric_limits<double>::quiet_NaN();
  // shown_ is filled by the first frame, from from_ and to_.
  if (!aliased_) SDL_BlitSurface(from_.get(), nullptr, shown_.get(), nullptr);
  return report;
}

DrawReport CpuPresenter::update(const layout::Page& page, Size size) {
  check_alias();
  if (!shown_ || blank_ || shown_->w != size.w || shown_->h != size.h) {
    if (blank_) return scene_.set(page, size);  // stays dark until the next show()
    return show(page, size, model::Transition::none);
  }
  auto report = scene_.set(page, size);
  if (!to_) {
    place_now(report);
  } else if (!scene_.empty()) {
    // A transition under way carries on towards the new content.
    scene_.compose(*to_);
    scene_.keep_ticker_bands_only();
    turn_.arrive(scene_.tickers());  // still from the page the turn left
    prepare_fade();
  }
  return report;
}

void CpuPresenter::blank() {
  end_transition();
  scene_.clear();
  shown_.reset();
  aliased_ = false;
  alias_pixels_ = nullptr;
  dirty_.clear();
  blank_ = true;
  full_ = true;
}

void CpuPresenter::step_transition(double now_s) {
  if (std::isnan(start_)) start_ = now_s;
  const double p = transition_progress(now_s - start_);
  std::vector<std::size_t> moved;
  scene_.advance(now_s, &moved);
  for (const auto i : moved)
    scene_.redraw_ticker(i, *to_);
  if (p >= 1.0) {
    adopt(std::move(to_));
    end_transition();
    scene_.keep_ticker_bands_only();
    dirty_.push_back({0, 0, shown_->w, shown_->h});
    return;
  }
  if (how_ != model::Transition::fade) {
    compose_transition(how_, ease_in_out(p), *from_, *to_, *shown_);
    dirty_.push_back({0, 0, shown_->w, shown_->h});
    return;
  }
  compose_transition(how_, ease_in_out(p), *from_, *to_, *shown_, &fade_spans_);
  if (!is_empty(fade_area_)) dirty_.push_back(fade_area_);
  // Over whatever the blend left in their bands.
  for (const auto i : steady_) {
    scene_.redraw_ticker(i, *shown_);
    dirty_.push_back(scene_.ticker_rect(i));
  }
}

FrameResult CpuPresenter::frame(double now_s) {
  check_alias();
  FrameResult result;
  SDL_Surface* target = SDL_GetWindowSurface(window_->get());
  if (!target) {
    result.error = std::string("the window has no surface: ") + SDL_GetError();
    result.animating = to_ != nullptr || scene_.animating();
    full_ = true;
    return result;
  }
  if (target != seen_ || target->w != seen_size_.w || target->h != seen_size_.h) {
    seen_ = target;
    seen_size_ = {target->w, target->h};
    full_ = true;
  }
  if (shown_ && !blank_) {
    if (to_) {
      step_transition(now_s);
    } else {
      std::vector<std::size_t> moved;
      scene_.advance(now_s, &moved);
      for (const auto i : moved) {
        scene_.redraw_ticker(i, *shown_);
        dirty_.push_back(scene_.ticker_rect(i));
      }
    }
  }
  const auto before = stats_.frames_presented;
  result.error = present(*target);
  result.presented = stats_.frames_presented != before;
  result.animating = !blank_ && (to_ != nullptr || scene_.animating());
  return result;
}

SDL_Rect CpuPresenter::put(SDL_Surface& target, const SDL_Rect& upright) {
  const Size page{shown_->w, shown_->h};
  const Size turned = rotated_size(page, rotate_);
  const SDL_Point origin = centred_origin(turned, {target.w, target.h});
  SDL_Rect on_window = rotate_rect(upright, page, rotate_);
  on_window.x += origin.x;
  on_window.y += origin.y;
  const SDL_Rect clipped = intersect(on_window, {0, 0, target.w, target.h});
  // The frame is the window's own memory: the pixels are in place.
  if (is_empty(clipped) || aliased_) return clipped;
  const SDL_Rect from = unrotate_rect(
      {clipped.x - origin.x, clipped.y - origin.y, clipped.w, clipped.h}, page, rotate_);
  if (rotate_blit(*shown_, from, rotate_, target, clipped.x, clipped.y)) return clipped;
  // A window surface of another format: turn into a surface of ours, and
  // let SDL convert on the way to the window.
  auto turned_rect = make_surface(clipped.w, clipped.h);
  if (!turned_rect || !rotate_blit(*shown_, from, rotate_, *turned_rect, 0, 0)) return clipped;
  SDL_SetSurfaceBlendMode(turned_rect.get(), SDL_BLENDMODE_NONE);
  SDL_Rect to = clipped;
  SDL_BlitSurface(turned_rect.get(), nullptr, &target, &to);
  return clipped;
}

std::string CpuPresenter::present(SDL_Surface& target) {
  std::vector<SDL_Rect> sent;
  const bool full = full_;
  if (full) {
    // A frame in the window's own pixels covers it whole and is already there.
    if (!(aliased_ && shown_ && !blank_)) {
      SDL_FillRect(&target, nullptr, SDL_MapRGB(target.format, 0, 0, 0));
      if (shown_ && !blank_) put(target, {0, 0, shown_->w, shown_->h});
    }
    sent.push_back({0, 0, target.w, target.h});
  } else if (shown_ && !blank_) {
    for (const auto& d : dirty_)
      if (const auto r = put(target, d); !is_empty(r)) sent.push_back(r);
  }
  full_ = false;
  dirty_.clear();
  if (sent.empty()) return {};
  const int failed = full ? SDL_UpdateWindowSurface(window_->get())
                          : SDL_UpdateWindowSurfaceRects(window_->get(), sent.data(),
                                                         static_cast<int>(sent.size()));
  if (failed != 0) {
    full_ = true;  // what reached the screen is unknown: all of it next time
    return std::string("cannot update the window: ") + SDL_GetError();
  }
  ++stats_.frames_presented;
  if (full) ++stats_.full_frames;
  stats_.rects_updated += sent.size();
  for (const auto& r : sent)
    stats_.pixels_updated += static_cast<std::uint64_t>(r.w) * static_cast<std::uint64_t>(r.h);
  return {};
}

SurfacePtr CpuPresenter::screenshot() {
  check_alias();
  if (shown_ && !blank_) return copy_surface(*shown_);
  if (!blank_) return nullptr;
  const Size size = page_size();
  auto black = make_surface(size.w, size.h);
  if (black) SDL_FillRect(black.get(), nullptr, SDL_MapRGBA(black->format, 0, 0, 0, 255));
  return black;
}

}  // namespace hb::render
