#include "render/canvas.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "render/font_runs.h"
#include "render/pixels.h"
#include "render/qr_code.h"

namespace hb::render {
namespace {

std::size_t mix(std::size_t h, std::size_t v) {
  return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2));
}

}  // namespace

int centred_baseline(const layout::Box& box, int size) {
  return box.y + static_cast<int>(std::lround(box.h / 2.0 + 0.38 * size));
}

std::size_t Canvas::PictureKeyHash::operator()(const PictureKey& k) const {
  return mix(mix(std::hash<std::string>{}(k.source), static_cast<std::size_t>(k.w)),
             static_cast<std::size_t>(k.h));
}

std::size_t Canvas::ChunkKeyHash::operator()(const ChunkKey& k) const {
  return mix(mix(std::hash<std::string>{}(k.text), static_cast<std::size_t>(k.style.size)),
             static_cast<std::size_t>(k.style.weight));
}

std::size_t picture_cache_bytes_for_screen(int width, int height, std::size_t at_least) {
  // A pixel is 4 bytes; the screen's sides are bounded by the config's (16384).
  const auto frame = static_cast<std::size_t>(std::max(width, 0)) *
                     static_cast<std::size_t>(std::max(height, 0)) * 4u;
  return std::max(at_least, frame + frame / 2);
}

Canvas::Canvas(FontSet& fonts, PictureLoader loader, CanvasOptions options)
    : fonts_(fonts),
      loader_(std::move(loader)),
      options_(options),
      text_(fonts, options.text_cache_bytes),
      pictures_(options.picture_cache_bytes),
      chunks_(4u * 1024u * 1024u) {}

RenderResult Canvas::render(const layout::Page& page, int width, int height) {
  auto surface = make_surface(width, height);
  if (!surface)
    return {nullptr,
            {},
            "cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                " surface: " + SDL_GetError()};
  auto report = draw(page, *surface);
  return {std::move(surface), std::move(report), {}};
}

DrawReport Canvas::draw(const layout::Page& page, SDL_Surface& target) {
  DrawReport report;
  if (target.format->format != surface_format) {
    report.problems.push_back("the target surface is not ARGB8888; nothing was drawn");
    return report;
  }
  const auto& bg = page.background;
  // The background replaces whatever was there, alpha included.
  SDL_FillRect(&target, nullptr, SDL_MapRGBA(target.format, bg.r, bg.g, bg.b, bg.a));
  const auto& elements = page.elements;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const auto* picture = std::get_if<layout::Picture>(&elements[i]);
    // A picture drawn skips what stands in for it (layout::Picture::stand_in).
    if (picture && draw_picture(*picture, target, report) && picture->stand_in > 0)
      i += std::min(static_cast<std::size_t>(picture->stand_in), elements.size() - 1 - i);
    else if (!picture)
      draw_element(elements[i], target, report);
  }
  return report;
}

void Canvas::draw_element(const layout::Element& e, SDL_Surface& target, DrawReport& report) {
  if (const auto* t = std::get_if<layout::TextRun>(&e)) return draw_text(*t, target);
  if (const auto* r = std::get_if<layout::FillRect>(&e))
    return fill_rounded_rect(target, r->box, r->radius, r->color);
  if (const auto* s = std::get_if<layout::StrokeRect>(&e))
    return stroke_rounded_rect(target, s->box, s->width, s->radius, s->color);
  if (const auto* l = std::get_if<layout::LineSegment>(&e))
    return draw_line(target, l->x1, l->y1, l->x2, l->y2, l->width, l->color);
  if (const auto* p = std::get_if<layout::Picture>(&e)) {
    draw_picture(*p, target, report);
    return;
  }
  if (const auto* q = std::get_if<layout::QrCode>(&e)) {
    if (auto problem = draw_qr(target, *q); !problem.empty())
      report.problems.push_back(std::move(problem));
    return;
  }
  if (const auto* k = std::get_if<layout::Ticker>(&e)) return draw_ticker(*k, target, 0);
}

void Canvas::draw_text(const layout::TextRun& run, SDL_Surface& target) {
  draw_text_line(run.text, run.style, run.color, run.box, run.box.x, target);
}

void Canvas::draw_ticker(const layout::Ticker& ticker, SDL_Surface& target, int offset) {
  draw_text_line(ticker.text, ticker.style, ticker.color, ticker.box, ticker.box.x - offset,
                 target);
}

void Canvas::draw_text_line(std::string_view text, const layout::TextStyle& style,
                            layout::Color color, const layout::Box& box, int x,
                            SDL_Surface& target) {
  if (text.empty() || color.a == 0 || style.size < 1) return;
  const ClipScope clip(target, box);
  if (clip.empty()) return;
  SDL_Rect visible{};
  SDL_GetClipRect(&target, &visible);
  const int baseline = centred_baseline(box, style.size);
  visible_text(text, style, color, x, visible, [&](const RenderedText& rendered, int at) {
    for (const auto& piece : rendered.pieces) {
      SDL_Rect to{at + piece.x, baseline - piece.baseline, piece.surface->w, piece.surface->h};
      SDL_BlitSurface(piece.surface.get(), nullptr, &target, &to);
    }
  });
}

void Canvas::visible_text(std::string_view text, const layout::TextStyle& style,
                          layout::Color color, int x, const SDL_Rect& visible,
                          const std::function<void(const RenderedText&, int)>& use) {
  // A character is at most about an em per UTF-8 byte (a hanzi is 1 em in
  // 3 bytes, the widest dash, U+2E3B, 3 em in 3), so text of this many
  // bytes fits one surface with room to spare and needs no chunking.
  const auto one_surface_bytes =
      static_cast<std::size_t>(options_.max_text_width / (2 * style.size));
  if (text.size() <= one_surface_bytes) return use(text_.render(text, style, color), x);
  for (const auto& chunk : chunks(text, style)) {
    const int at = x + chunk.x;
    if (at >= visible.x + visible.w) break;
    if (at + chunk.width <= visible.x) continue;
    use(text_.render(chunk.text, style, color), at);
  }
}

void Canvas::prepare(const layout::Page& page) {
  const auto ahead = [this](std::string_view text, const layout::TextStyle& style,
                            layout::Color color, const layout::Box& box, int x) {
    if (text.empty() || color.a == 0 || style.size < 1 || box.w <= 0 || box.h <= 0) return;
    visible_text(text, style, color, x, SDL_Rect{box.x, box.y, box.w, box.h},
                 [](const RenderedText&, int) {});
  };
  for (const auto& e : page.elements) {
    if (const auto* t = std::get_if<layout::TextRun>(&e))
      ahead(t->text, t->style, t->color, t->box, t->box.x);
    else if (const auto* k = std::get_if<layout::Ticker>(&e))
      ahead(k->text, k->style, k->color, k->box, k->box.x);
    else if (const auto* p = std::get_if<layout::Picture>(&e))
      scaled_picture(*p);
  }
}

const std::vector<TextChunk>& Canvas::chunks(std::string_view text,
                                             const layout::TextStyle& style) {
  ChunkKey key{std::string(text), style};
  if (const auto* hit = chunks_.find(key)) return *hit;
  auto made = chunk_text(fonts_, text, style, options_.max_text_width);
  std::size_t cost = text.size();
  for (const auto& c : made)
    cost += sizeof(TextChunk) + c.text.size();
  return *chunks_.insert(std::move(key), std::move(made), cost);
}

bool Canvas::draw_picture(const layout::Picture& picture, SDL_Surface& target, DrawReport& report) {
  const auto& scaled = scaled_picture(picture);
  if (!scaled.surface) {
    // Elements of the page's own stand in when it says so; else the outline.
    if (picture.stand_in <= 0) draw_placeholder(target, picture.box);
    report.failed_pictures.push_back(picture.source);
    // No photo named is the content's choice; only a named one that failed is news.
    if (!picture.source.empty())
      report.problems.push_back("picture \"" + picture.source + "\": " + scaled.error);
    return false;
  }
  const ClipScope clip(target, picture.box);
  SDL_Rect to{picture.box.x, picture.box.y, picture.box.w, picture.box.h};
  SDL_BlitSurface(scaled.surface.get(), nullptr, &target, &to);
  return true;
}

const Canvas::ScaledPicture& Canvas::scaled_picture(const layout::Picture& picture) {
  PictureKey key{picture.source, picture.box.w, picture.box.h};
  if (const auto* hit = pictures_.find(key)) return *hit;
  ScaledPicture made;
  std::optional<std::string> bytes;
  if (picture.source.empty()) {
    made.error = "no source given";
  } else if (!loader_) {
    made.error = "no picture loader";
  } else {
    // The loader is the app's code; whatever it throws stays here, and the
    // page shows a placeholder rather than going dark.
    try {
      bytes = loader_(picture.source);
      if (!bytes) made.error = "not available";
    } catch (const std::exception& e) {
      made.error = std::string("the loader failed: ") + e.what();
    } catch (...) {
      made.error = "the loader failed";
    }
  }
  if (bytes) {
    // Shrunk no further than its box needs: a 4K poster stays sharp.
    auto decoded = decode_picture(*bytes, options_.picture_limits,
                                  DecodeTarget{picture.box.w, picture.box.h});
    if (decoded.surface) {
      made.surface = cover(*decoded.surface, picture.box.w, picture.box.h);
      if (!made.surface)
        made.error = "cannot scale it to " + std::to_string(picture.box.w) + "x" +
                     std::to_string(picture.box.h);
    } else {
      made.error = std::move(decoded.error);
    }
  }
  const std::size_t cost = sizeof(ScaledPicture) + key.source.size() + made.error.size() +
                           (made.surface ? static_cast<std::size_t>(made.surface->pitch) *
                                               static_cast<std::size_t>(made.surface->h)
                                         : 0);
  return *pictures_.insert(std::move(key), std::move(made), cost);
}

}  // namespace hb::render
