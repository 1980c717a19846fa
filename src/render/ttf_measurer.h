// layout's TextMeasurer with the fonts the canvas draws with: the same runs,
// the same SDL_ttf measurements, so a line layout fits is a line render fits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "layout/text_memo.h"
#include "layout/text_style.h"
#include "render/font_set.h"

namespace hb::render {

class TtfMeasurer final : public layout::TextMeasurer {
 public:
  // Every text a thousand generated items measure takes 7 MB by the memo's
  // count (bench/count_pages.cpp); a thousand items of all-different texts
  // would take about 100 MB, and then a recount with a new layout (after a
  // content change) measures again what was forgotten.
  static constexpr std::size_t kDefaultCacheBytes = 32u << 20;

  // cache_bytes bounds the memo of measured widths (0: measure every time).
  explicit TtfMeasurer(FontSet& fonts, std::size_t cache_bytes = kDefaultCacheBytes)
      : fonts_(fonts), widths_(cache_bytes) {}

  // Sum of the runs' TTF_SizeUTF8 widths. Remembered per style and text:
  // the fonts' settings never change once open, so the width of a text is
  // fixed, and a thousand-item feed measures the same texts many times over
  // (every page's header and footer, each column width a table tries).
  int width(std::string_view utf8, const layout::TextStyle& style) const override;
  // 1.5 em, rounded: the usual leading for Chinese body text, and room for
  // Noto Sans CJK's ascent + descent (1.448 em) so lines never overlap.
  int line_height(const layout::TextStyle& style) const override;

  // Some installed face has a glyph for c (controls and joiners need none).
  bool can_draw(char32_t c) const;

  layout::MemoStats cache_stats() const { return widths_.stats(); }

 private:
  int measure(std::string_view utf8, const layout::TextStyle& style) const;

  FontSet& fonts_;  // caches fill as text is measured, hence not const
  // A cache, invisible to callers: one thread measures (the drawing thread).
  mutable layout::TextMemo<int> widths_;
  mutable std::string key_;  // reused, so a lookup allocates nothing
};

// Each character of the text that no installed face can draw, once, in the
// order they first appear: for lint, before a screen shows a box.
std::vector<char32_t> undrawable_characters(const TtfMeasurer& measurer, std::string_view utf8);

}  // namespace hb::render
