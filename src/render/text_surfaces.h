// Text rendered once and kept: SDL_ttf's own glyph cache holds 256 glyphs,
// which a page of hanzi overflows, so re-rendering a page would rasterise
// every character again. Lines are kept whole, keyed by text, style and
// colour, within a byte budget.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "layout/display_list.h"
#include "render/font_set.h"
#include "base/lru_cache.h"
#include "render/sdl_surface.h"

namespace hb::render {

// One font run as SDL_ttf rendered it (ARGB8888, straight alpha).
struct TextPiece {
  SurfacePtr surface;
  int x = 0;         // from the start of the line
  int baseline = 0;  // row of the baseline within the surface
};

struct RenderedText {
  std::vector<TextPiece> pieces;
  int width = 0;  // the measurer's width of the same text
};

struct TextKey {
  std::string text;
  layout::TextStyle style;
  layout::Color color;
  bool operator==(const TextKey&) const = default;
};

struct TextKeyHash {
  std::size_t operator()(const TextKey& k) const;
};

class TextSurfaces {
 public:
  TextSurfaces(FontSet& fonts, std::size_t max_bytes) : fonts_(fonts), cache_(max_bytes) {}

  // Valid until the next call.
  const RenderedText& render(std::string_view text, const layout::TextStyle& style,
                             layout::Color color);

  base::CacheStats stats() const { return cache_.stats(); }
  void clear() { cache_.clear(); }

 private:
  FontSet& fonts_;
  base::LruCache<TextKey, RenderedText, TextKeyHash> cache_;
};

}  // namespace hb::render
