#include "render/text_surfaces.h"

#include <algorithm>
#include <functional>

#include "render/font_runs.h"

namespace hb::render {
namespace {

// SDL_ttf puts the baseline at the font's ascent, lower when a glyph rises
// above the ascent (then the surface grows by that much at the top). The
// API does not say by how much, so it is worked out from the glyphs' tops.
int baseline_in_surface(TTF_Font* font, const FontRun& run, const SDL_Surface& surface) {
  const int ascent = TTF_FontAscent(font);
  const int extra = surface.h - TTF_FontHeight(font);
  if (extra <= 0) return ascent;
  int top = ascent;
  for (const char32_t c : code_points(run.text)) {
    int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
    if (TTF_GlyphMetrics32(font, c, &minx, &maxx, &miny, &maxy, &advance) == 0)
      top = std::max(top, maxy);
  }
  return ascent + std::clamp(top - ascent, 0, extra);
}

std::size_t bytes_of(const RenderedText& r) {
  std::size_t bytes = sizeof(RenderedText);
  for (const auto& p : r.pieces)
    bytes += sizeof(TextPiece) +
             static_cast<std::size_t>(p.surface->pitch) * static_cast<std::size_t>(p.surface->h);
  return bytes;
}

}  // namespace

std::size_t TextKeyHash::operator()(const TextKey& k) const {
  std::size_t h = std::hash<std::string>{}(k.text);
  const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); };
  mix(static_cast<std::size_t>(k.style.size));
  mix(static_cast<std::size_t>(k.style.weight));
  mix((std::size_t{k.color.r} << 24) | (std::size_t{k.color.g} << 16) |
      (std::size_t{k.color.b} << 8) | k.color.a);
  return h;
}

const RenderedText& TextSurfaces::render(std::string_view text, const layout::TextStyle& style,
                                         layout::Color color) {
  TextKey key{std::string(text), style, color};
  if (const auto* hit = cache_.find(key)) return *hit;
  RenderedText rendered;
  const SDL_Color fg{color.r, color.g, color.b, 255};
  for (const auto& run : split_runs(fonts_, text, style)) {
    auto* font = prepare_run_font(fonts_, run, style);
    const int advance = run_width(font, run);
    if (advance > 0) {
      SurfacePtr s(TTF_RenderUTF8_Blended(font, run.text.c_str(), fg));
      if (s && s->format->format != surface_format)
        s.reset(SDL_ConvertSurfaceFormat(s.get(), surface_format, 0));
      if (s) {
        SDL_SetSurfaceBlendMode(s.get(), SDL_BLENDMODE_BLEND);
        SDL_SetSurfaceAlphaMod(s.get(), color.a);
        const int baseline = baseline_in_surface(font, run, *s);
        rendered.pieces.push_back({std::move(s), rendered.width, baseline});
      }
    }
    // The measurer's advance, not the surface's width, so drawing and
    // layout agree even if a run could not be rendered.
    rendered.width += advance;
  }
  const auto cost = bytes_of(rendered);
  return *cache_.insert(std::move(key), std::move(rendered), cost);
}

}  // namespace hb::render
