#include "render/text_chunks.h"

#include "model/unicode.h"
#include "render/font_runs.h"
#include "render/ttf_measurer.h"

namespace hb::render {
namespace {

bool starts_cluster(char32_t c) {
  return !is_ignorable(c);
}

int advance_of(TTF_Font* font, char32_t c, int fallback) {
  int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
  if (!font || TTF_GlyphMetrics32(font, c, &minx, &maxx, &miny, &maxy, &advance) != 0)
    return fallback;
  return advance;
}

}  // namespace

std::vector<TextChunk> chunk_text(FontSet& fonts, std::string_view utf8,
                                  const layout::TextStyle& style, int max_width) {
  const TtfMeasurer measure(fonts);
  // Glyph advances summed are close to the shaped width but not equal
  // (kerning, shaping); aim below the limit so the real width stays under.
  const int budget = max_width * 3 / 4;
  std::vector<std::string> pieces(1);
  int estimate = 0;
  for (const auto& run : split_runs(fonts, utf8, style)) {
    auto* font = fonts.font(run.face, style.weight, style.size);
    for (const char32_t c : code_points(run.text)) {
      const int advance = advance_of(font, c, style.size);
      if (estimate + advance > budget && !pieces.back().empty() && starts_cluster(c)) {
        pieces.emplace_back();
        estimate = 0;
      }
      model::append_utf8(pieces.back(), c);
      estimate += advance;
    }
  }
  std::vector<TextChunk> chunks;
  int x = 0;
  for (auto& text : pieces) {
    if (text.empty()) continue;
    const int w = measure.width(text, style);
    chunks.push_back({std::move(text), x, w});
    x += w;
  }
  return chunks;
}

}  // namespace hb::render
