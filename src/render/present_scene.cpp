#include "render/present_scene.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "render/present_ticker.h"
#include "render/ttf_measurer.h"

namespace hb::render {

namespace {

// The page without its tickers, and its tickers.
std::pair<layout::Page, std::vector<LiveTicker>> split_tickers(const layout::Page& page) {
  layout::Page bare;
  bare.slide_type = page.slide_type;
  bare.page = page.page;
  bare.page_count = page.page_count;
  bare.item = page.item;
  bare.background = page.background;
  std::vector<LiveTicker> tickers;
  for (const auto& e : page.elements) {
    if (const auto* t = std::get_if<layout::Ticker>(&e))
      tickers.push_back({*t});
    else
      bare.elements.push_back(e);
  }
  return {std::move(bare), std::move(tickers)};
}

}  // namespace

DrawReport Scene::set(const layout::Page& page, Size size) {
  auto [bare, tickers] = split_tickers(page);
  auto base = make_surface(size.w, size.h);
  if (!base) {
    clear();
    return {{"cannot make a " + std::to_string(size.w) + "x" + std::to_string(size.h) +
             " surface for the page: " + SDL_GetError()},
            {}};
  }
  auto report = canvas_.draw(bare, *base);
  // The page is opaque wherever a ticker is copied over it; copying
  // rather than blending keeps the pixels exact and is faster.
  SDL_SetSurfaceBlendMode(base.get(), SDL_BLENDMODE_NONE);
  take_tickers(std::move(tickers), size);
  base_ = std::move(base);
  return report;
}

DrawReport Scene::set_into(const layout::Page& page, Size size, SDL_Surface& frame) {
  auto [bare, tickers] = split_tickers(page);
  auto report = canvas_.draw(bare, frame);
  SDL_SetSurfaceBlendMode(&frame, SDL_BLENDMODE_NONE);
  take_tickers(std::move(tickers), size);
  if (!take_bands(frame)) {
    // No memory for a band: a copy of the whole page, or nothing to restore
    // the tickers' boxes from.
    base_ = copy_surface(frame);
    if (!base_) report.problems.push_back("no memory for the ticker's band; it stands still");
  }
  draw_tickers(frame);
  return report;
}

void Scene::take_tickers(std::vector<LiveTicker> tickers, Size size) {
  const TtfMeasurer measure(fonts_);
  std::vector<std::unique_ptr<TickerLoop>> loops(tickers.size());
  PageTurn turn(tickers_);
  turn.arrive(tickers);
  for (std::size_t i = 0; i < tickers.size(); ++i) {
    auto& live = tickers[i];
    if (const auto k = turn.source(i)) {
      live = tickers_[*k];
      // Its round too, if the new page's band turns out the same.
      if (*k < loops_.size()) loops[i] = std::move(loops_[*k]);
    } else {
      live.text_width = measure.width(live.ticker.text, live.ticker.style);
      live.period = ticker_period(live.text_width, live.ticker);
    }
  }
  base_.reset();
  bands_.clear();
  has_page_ = true;
  size_ = size;
  tickers_ = std::move(tickers);
  loops_ = std::move(loops);
  loops_checked_ = false;
  turn_ = std::move(turn);
}

SurfacePtr Scene::band(std::size_t i) const {
  const SDL_Rect r = ticker_rect(i);
  if (is_empty(r)) return nullptr;
  if (!base_) {
    if (i >= bands_.size() || !bands_[i]) return nullptr;
    const SDL_Surface& b = *bands_[i];
    return SurfacePtr(
        SDL_CreateRGBSurfaceWithFormatFrom(b.pixels, b.w, b.h, 32, b.pitch, surface_format));
  }
  return SurfacePtr(SDL_CreateRGBSurfaceWithFormatFrom(
      static_cast<Uint8*>(base_->pixels) + static_cast<std::ptrdiff_t>(r.y) * base_->pitch +
          static_cast<std::ptrdiff_t>(r.x) * 4,
      r.w, r.h, 32, base_->pitch, surface_format));
}

void Scene::check_loops(bool make_new) {
  loops_checked_ = make_new;
  loops_.resize(tickers_.size());
  for (std::size_t i = 0; i < tickers_.size(); ++i) {
    const auto& live = tickers_[i];
    const auto b = live.moves() ? band(i) : nullptr;
    if (!b) {
      loops_[i].reset();
      continue;
    }
    const SDL_Rect r = ticker_rect(i);
    if (loops_[i] && loops_[i]->fits(live.ticker, live.period, r, *b)) continue;
    loops_[i] = make_new ? TickerLoop::make(canvas_, live.ticker, live.period, r, *b) : nullptr;
  }
}

std::size_t Scene::loop_bytes() const {
  std::size_t total = 0;
  for (const auto& l : loops_)
    if (l) total += l->bytes();
  return total;
}

void Scene::clear() {
  base_.reset();
  bands_.clear();
  loops_.clear();
  loops_checked_ = false;
  turn_ = {};
  has_page_ = false;
  size_ = {};
  tickers_.clear();
}

bool Scene::advance(double now_s, std::vector<std::size_t>* changed) {
  bool any = false;
  for (std::size_t i = 0; i < tickers_.size(); ++i) {
    auto& t = tickers_[i];
    if (!t.moves()) continue;
    if (std::isnan(t.epoch)) t.epoch = now_s - static_cast<double>(t.offset) / t.ticker.speed;
    const int offset = ticker_offset(now_s - t.epoch, t.ticker.speed, t.period);
    if (offset == t.offset) continue;
    t.offset = offset;
    any = true;
    if (changed) changed->push_back(i);
  }
  return any;
}

bool Scene::animating() const {
  return std::any_of(tickers_.begin(), tickers_.end(),
                     [](const LiveTicker& t) { return t.moves(); });
}

void Scene::compose(SDL_Surface& target) {
  if (!base_) return;
  SDL_BlitSurface(base_.get(), nullptr, &target, nullptr);
  draw_tickers(target);
}

void Scene::draw_tickers(SDL_Surface& target) {
  // A ticker's round, once drawn, serves every page that keeps the ticker:
  // its text need not stay in the text cache too. A new ticker's round is
  // drawn when the ticker first moves, not here: the page it comes with
  // reaches the screen sooner (8 ms at 1080p, on the first frame too).
  if (!loops_checked_) check_loops(false);
  for (std::size_t i = 0; i < tickers_.size(); ++i) {
    const auto& t = tickers_[i];
    if (i < loops_.size() && loops_[i])
      loops_[i]->copy(t.offset, target);
    else
      draw_ticker_loop(canvas_, t.ticker, target, t.offset, t.period);
  }
}

SDL_Rect Scene::ticker_rect(std::size_t i) const {
  const auto& b = tickers_[i].ticker.box;
  return intersect({b.x, b.y, b.w, b.h}, {0, 0, size_.w, size_.h});
}

void Scene::keep_ticker_bands_only() {
  // No memory for a band: keep the whole page rather than lose the ticker.
  if (base_ && take_bands(*base_)) base_.reset();
}

bool Scene::take_bands(SDL_Surface& page) {
  std::vector<SurfacePtr> bands;
  for (std::size_t i = 0; i < tickers_.size(); ++i) {
    SDL_Rect from = ticker_rect(i);
    auto band = make_surface(std::max(1, from.w), std::max(1, from.h));
    if (!band) return false;
    SDL_SetSurfaceBlendMode(band.get(), SDL_BLENDMODE_NONE);
    if (!is_empty(from)) SDL_BlitSurface(&page, &from, band.get(), nullptr);
    bands.push_back(std::move(band));
  }
  bands_ = std::move(bands);
  return true;
}

void Scene::redraw_ticker(std::size_t i, SDL_Surface& target) {
  if (i >= tickers_.size() || (!base_ && i >= bands_.size())) return;
  SDL_Rect from = ticker_rect(i);
  if (is_empty(from)) return;
  const auto& t = tickers_[i];
  if (!loops_checked_) check_loops(true);
  if (i < loops_.size() && loops_[i]) {
    loops_[i]->copy(t.offset, target);
    return;
  }
  SDL_Rect to = from;
  if (base_) {
    SDL_BlitSurface(base_.get(), &from, &target, &to);
  } else {
    SDL_BlitSurface(bands_[i].get(), nullptr, &target, &to);
  }
  draw_ticker_loop(canvas_, t.ticker, target, t.offset, t.period);
}

SurfacePtr copy_surface(const SDL_Surface& s) {
  auto copy = make_surface(s.w, s.h);
  if (!copy) return nullptr;
  SDL_Surface* src = const_cast<SDL_Surface*>(&s);
  SDL_BlendMode mode{};
  SDL_GetSurfaceBlendMode(src, &mode);
  SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_NONE);
  SDL_BlitSurface(src, nullptr, copy.get(), nullptr);
  SDL_SetSurfaceBlendMode(src, mode);
  return copy;
}

}  // namespace hb::render
