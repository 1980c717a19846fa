#include "render/ttf_measurer.h"

#include <algorithm>

#include "render/font_runs.h"

namespace hb::render {

int TtfMeasurer::width(std::string_view utf8, const layout::TextStyle& style) const {
  // Key: the style in a fixed-length prefix, then the text.
  key_.clear();
  key_.append(reinterpret_cast<const char*>(&style.size), sizeof style.size);
  key_.push_back(style.weight == layout::Weight::bold ? 'b' : 'r');
  key_.append(utf8);
  if (const int* known = widths_.find(key_)) return *known;
  const int w = measure(utf8, style);
  widths_.insert(key_, w);
  return w;
}

int TtfMeasurer::measure(std::string_view utf8, const layout::TextStyle& style) const {
  int w = 0;
  for (const auto& run : split_runs(fonts_, utf8, style))
    w += run_width(prepare_run_font(fonts_, run, style), run);
  return w;
}

int TtfMeasurer::line_height(const layout::TextStyle& style) const {
  return (style.size * 3 + 1) / 2;
}

bool TtfMeasurer::can_draw(char32_t c) const {
  // Coverage does not depend on size; 32 px is a size pages use anyway.
  return is_ignorable(c) || fonts_.face_for(c, layout::Weight::regular, 32) != FontSet::no_face;
}

std::vector<char32_t> undrawable_characters(const TtfMeasurer& measurer, std::string_view utf8) {
  std::vector<char32_t> missing;
  for (const char32_t c : code_points(utf8))
    if (!measurer.can_draw(c) && std::find(missing.begin(), missing.end(), c) == missing.end())
      missing.push_back(c);
  return missing;
}

}  // namespace hb::render
