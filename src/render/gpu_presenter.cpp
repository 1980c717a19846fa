#include "render/gpu_presenter.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "render/present_ticker.h"
#include "render/rotate.h"
#include "render/transition.h"

namespace hb::render {
namespace {

// Narrower than any GPU's limit: a band shows at most two of them, and a
// short ticker wastes little.
constexpr int strip_piece_width = 2048;

}  // namespace

GpuPresenter::GpuPresenter(std::unique_ptr<Window> window, RendererPtr renderer, Canvas& canvas,
                           FontSet& fonts, int rotate, std::string name)
    : window_(std::move(window)),
      renderer_(std::move(renderer)),
      scene_(canvas, fonts),
      canvas_(canvas),
      rotate_(normal_rotation(rotate)),
      name_(std::move(name)) {
  SDL_RendererInfo info{};
  // 0 means no limit (SDL's software renderer).
  if (SDL_GetRendererInfo(renderer_.get(), &info) == 0) {
    // SDL's software renderer claims vsync it cannot wait for: presenting
    // to a window surface returns at once.
    vsync_ = (info.flags & SDL_RENDERER_PRESENTVSYNC) && !(info.flags & SDL_RENDERER_SOFTWARE);
    if (info.max_texture_width > 0) max_texture_w_ = info.max_texture_width;
    if (info.max_texture_height > 0) max_texture_h_ = info.max_texture_height;
  }
}

Size GpuPresenter::page_size() const {
  Size s;
  SDL_GetRendererOutputSize(renderer_.get(), &s.w, &s.h);
  return rotated_size(s, rotate_);
}

std::shared_ptr<const GpuPresenter::Strip> GpuPresenter::upload_strip(const LiveTicker& live,
                                                                      DrawReport& report) {
  auto strip = std::make_shared<Strip>();
  strip->ticker = live.ticker;
  const auto& t = live.ticker;
  if (t.box.w < 1 || t.box.h < 1 || t.box.h > max_texture_h_) return strip;
  // Room past the last advance for a glyph that overhangs it, within the
  // gap so copies never overlap.
  const int extent = std::min(live.text_width + t.style.size / 2, live.period);
  const int piece_w = std::min(max_texture_w_, strip_piece_width);
  for (int x = 0; x < extent; x += piece_w) {
    const int w = std::min(piece_w, extent - x);
    auto surface = make_surface(w, t.box.h);
    if (!surface) {
      report.problems.push_back("cannot make a surface for the ticker's text");
      break;
    }
    // The text's own colour, transparent: blending the glyphs over it
    // leaves their colour unchanged and their coverage in alpha, which is
    // what the GPU blends with.
    SDL_FillRect(surface.get(), nullptr,
                 SDL_MapRGBA(surface->format, t.color.r, t.color.g, t.color.b, 0));
    layout::Ticker piece = t;
    piece.box = {0, 0, w, t.box.h};
    canvas_.draw_ticker(piece, *surface, x);
    TexturePtr texture(SDL_CreateTextureFromSurface(renderer_.get(), surface.get()));
    if (!texture) {
      report.problems.push_back(std::string("cannot upload the ticker's text: ") + SDL_GetError());
      break;
    }
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    strip->pieces.push_back({std::move(texture), {x, 0, w, t.box.h}});
  }
  return strip;
}

void GpuPresenter::upload(Layer& layer, const Layer& reuse, DrawReport& report) {
  layer = {};
  SDL_Surface* base = scene_.base();
  if (!base) return;
  layer.size = scene_.size();
  // Tiles no larger than a texture may be; one tile on any usual screen.
  for (int y = 0; y < base->h; y += max_texture_h_)
    for (int x = 0; x < base->w; x += max_texture_w_) {
      const SDL_Rect r{x, y, std::min(max_texture_w_, base->w - x),
                       std::min(max_texture_h_, base->h - y)};
      SurfacePtr view(SDL_CreateRGBSurfaceWithFormatFrom(
          static_cast<Uint8*>(base->pixels) + static_cast<std::ptrdiff_t>(y) * base->pitch +
              static_cast<std::ptrdiff_t>(x) * 4,
          r.w, r.h, 32, base->pitch, surface_format));
      TexturePtr texture(view ? SDL_CreateTextureFromSurface(renderer_.get(), view.get())
                              : nullptr);
      if (!texture) {
        report.problems.push_back(std::string("cannot upload the page: ") + SDL_GetError());
        continue;
      }
      layer.tiles.push_back({std::move(texture), r});
    }
  layer.tickers = scene_.tickers();
  for (const auto& live : layer.tickers) {
    const auto kept = std::find_if(reuse.strips.begin(), reuse.strips.end(), [&](const auto& s) {
      return same_ticker(s->ticker, live.ticker);
    });
    layer.strips.push_back(kept != reuse.strips.end() ? *kept : upload_strip(live, report));
  }
}

DrawReport GpuPresenter::show(const layout::Page& page, Size size, model::Transition how) {
  const bool from_something = !blank_ && !current_.tiles.empty() && current_.size == size;
  blank_ = false;
  auto report = scene_.set(page, size);
  Layer next;
  upload(next, current_, report);
  if (how != model::Transition::none && from_something && !next.tiles.empty()) {
    old_ = std::move(current_);
    transiting_ = true;
    turn_ = scene_.turn();
    how_ = how;
    start_ = std::numeric_limits<double>::quiet_NaN();
  } else {
    end_transition();
  }
  current_ = std::move(next);
  dirty_ = true;
  return report;
}

DrawReport GpuPresenter::update(const layout::Page& page, Size size) {
  if (blank_) return scene_.set(page, size);  // stays dark until the next show()
  if (current_.tiles.empty() || current_.size != size)
    return show(page, size, model::Transition::none);
  auto report = scene_.set(page, size);
  Layer next;
  upload(next, current_, report);
  current_ = std::move(next);
  if (transiting_) turn_.arrive(scene_.tickers());  // still from the page the turn left
  dirty_ = true;
  return report;
}

void GpuPresenter::blank() {
  end_transition();
  current_ = {};
  scene_.clear();
  blank_ = true;
  dirty_ = true;
}

void GpuPresenter::end_transition() {
  old_ = {};
  transiting_ = false;
  turn_ = {};
  start_ = std::numeric_limits<double>::quiet_NaN();
}

SDL_Rect GpuPresenter::on_window(const SDL_Rect& upright) const {
  SDL_Rect r = rotate_rect(upright, page_, rotate_);
  r.x += origin_.x;
  r.y += origin_.y;
  return r;
}

void GpuPresenter::copy_turned(SDL_Texture* texture, const SDL_Rect& upright) {
  const SDL_Rect p = on_window(upright);
  // Quarter turns about the rect's top-left corner, so every edge stays on
  // whole pixels (about its centre they would not, for odd sizes).
  SDL_Point corner{0, 0};
  switch (rotate_) {
    case 90: {
      const SDL_Rect d{p.x + p.w, p.y, upright.w, upright.h};
      SDL_RenderCopyEx(renderer_.get(), texture, nullptr, &d, 90, &corner, SDL_FLIP_NONE);
      return;
    }
    case 270: {
      const SDL_Rect d{p.x, p.y + p.h, upright.w, upright.h};
      SDL_RenderCopyEx(renderer_.get(), texture, nullptr, &d, 270, &corner, SDL_FLIP_NONE);
      return;
    }
    case 180:
      SDL_RenderCopyEx(renderer_.get(), texture, nullptr, &p, 0, nullptr,
                       static_cast<SDL_RendererFlip>(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL));
      return;
    default:
      SDL_RenderCopy(renderer_.get(), texture, nullptr, &p);
  }
}

void GpuPresenter::draw(const Layer& layer, int dx, Uint8 alpha, const SDL_Rect* only) {
  const SDL_Rect page{0, 0, page_.w, page_.h};
  SDL_Rect area = intersect({dx, 0, page_.w, page_.h}, page);
  if (only) area = intersect(area, *only);
  const SDL_Rect clip = intersect(on_window(area), {0, 0, output_.w, output_.h});
  if (is_empty(clip)) return;
  SDL_RenderSetClipRect(renderer_.get(), &clip);
  for (const auto& tile : layer.tiles) {
    SDL_SetTextureBlendMode(tile.texture.get(),
                            alpha < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(tile.texture.get(), alpha);
    copy_turned(tile.texture.get(), {tile.rect.x + dx, tile.rect.y, tile.rect.w, tile.rect.h});
  }
  for (std::size_t i = 0; i < layer.strips.size() && i < layer.tickers.size(); ++i) {
    const auto& live = layer.tickers[i];
    const auto& box = live.ticker.box;
    const SDL_Rect band{box.x + dx, box.y, box.w, box.h};
    const SDL_Rect band_clip = intersect(on_window(intersect(band, page)), clip);
    if (is_empty(band_clip)) continue;
    SDL_RenderSetClipRect(renderer_.get(), &band_clip);
    const int right = band.x + band.w;
    for (int at = live.offset; band.x - at < right; at -= std::max(live.period, 1)) {
      const int x0 = band.x - at;
      for (const auto& piece : layer.strips[i]->pieces) {
        const SDL_Rect d{x0 + piece.rect.x, band.y, piece.rect.w, piece.rect.h};
        if (d.x >= right || d.x + d.w <= band.x) continue;
        SDL_SetTextureAlphaMod(piece.texture.get(), alpha);
        copy_turned(piece.texture.get(), d);
      }
    }
    SDL_RenderSetClipRect(renderer_.get(), &clip);
  }
  SDL_RenderSetClipRect(renderer_.get(), nullptr);
}

FrameResult GpuPresenter::frame(double now_s) {
  FrameResult result;
  const bool showing = !blank_ && !current_.tiles.empty();
  if (showing) {
    const bool moved = scene_.advance(now_s);
    if (moved) {
      const auto& live = scene_.tickers();
      for (std::size_t i = 0; i < live.size() && i < current_.tickers.size(); ++i)
        current_.tickers[i].offset = live[i].offset;
    }
    if (transiting_) {
      if (std::isnan(start_)) start_ = now_s;
      dirty_ = true;
    }
    dirty_ = dirty_ || moved;
  }
  result.animating = showing && (transiting_ || scene_.animating());
  if (!dirty_) return result;

  SDL_GetRendererOutputSize(renderer_.get(), &output_.w, &output_.h);
  page_ = current_.size;
  origin_ = centred_origin(rotated_size(page_, rotate_), output_);
  SDL_SetRenderDrawColor(renderer_.get(), 0, 0, 0, 255);
  if (SDL_RenderClear(renderer_.get()) != 0) {
    result.error = std::string("cannot draw: ") + SDL_GetError();
    return result;
  }
  if (showing && transiting_) {
    const double p = transition_progress(now_s - start_);
    const double eased = ease_in_out(p);
    if (p >= 1.0) {
      end_transition();
      draw(current_, 0, 255);
    } else if (how_ == model::Transition::slide) {
      const int x = slide_x(page_.w, eased);
      draw(old_, x - page_.w, 255);
      draw(current_, x, 255);
    } else {
      draw(old_, 0, 255);
      draw(current_, 0, static_cast<Uint8>(fade_alpha(eased)));
      // A ticker that survives the turn is not faded: it goes on moving, as
      // the new page shows it, rather than dim with a ghost where it was.
      for (const auto i : turn_.survivors()) {
        if (i >= current_.tickers.size()) continue;
        const auto& box = current_.tickers[i].ticker.box;
        const SDL_Rect band{box.x, box.y, box.w, box.h};
        draw(current_, 0, 255, &band);
      }
    }
  } else if (showing) {
    draw(current_, 0, 255);
  }
  SDL_RenderPresent(renderer_.get());
  dirty_ = false;
  result.presented = true;
  // The frame that ends a transition says so, as the compositor's does:
  // nothing moves after it unless a ticker does.
  result.animating = showing && (transiting_ || scene_.animating());
  ++stats_.frames_presented;
  ++stats_.full_frames;
  ++stats_.rects_updated;
  stats_.pixels_updated +=
      static_cast<std::uint64_t>(output_.w) * static_cast<std::uint64_t>(output_.h);
  return result;
}

SurfacePtr GpuPresenter::screenshot() {
  if (blank_) {
    const Size size = page_size();
    auto black = make_surface(size.w, size.h);
    if (black) SDL_FillRect(black.get(), nullptr, SDL_MapRGBA(black->format, 0, 0, 0, 255));
    return black;
  }
  if (scene_.empty()) return nullptr;
  auto shot = make_surface(scene_.size().w, scene_.size().h);
  if (shot) scene_.compose(*shot);
  return shot;
}

}  // namespace hb::render
