// layout's TextMeasurer with the fonts the canvas draws with: the same runs,
// the same SDL_ttf measurements, so a line layout fits is a line render fits.
#pragma once

#include <string_view>
#include <vector>

#include "layout/text_style.h"
#include "render/font_set.h"

namespace hb::render {

class TtfMeasurer final : public layout::TextMeasurer {
 public:
  explicit TtfMeasurer(FontSet& fonts) : fonts_(fonts) {}

  // Sum of the runs' TTF_SizeUTF8 widths.
  int width(std::string_view utf8, const layout::TextStyle& style) const override;
  // 1.5 em, rounded: the usual leading for Chinese body text, and room for
  // Noto Sans CJK's ascent + descent (1.448 em) so lines never overlap.
  int line_height(const layout::TextStyle& style) const override;

  // Some installed face has a glyph for c (controls and joiners need none).
  bool can_draw(char32_t c) const;

 private:
  FontSet& fonts_;  // caches fill as text is measured, hence not const
};

// Each character of the text that no installed face can draw, once, in the
// order they first appear: for lint, before a screen shows a box.
std::vector<char32_t> undrawable_characters(const TtfMeasurer& measurer, std::string_view utf8);

}  // namespace hb::render
