// How a piece of text is set: which face and how big. Pixel sizes, since
// layout works in the screen's pixels.
#pragma once

#include <compare>
#include <string_view>

namespace hb::layout {

enum class Weight { regular, bold };

struct TextStyle {
  int size = 32;  // pixels (the font's em)
  Weight weight = Weight::regular;
  auto operator<=>(const TextStyle&) const = default;
};

// Measures text as the renderer will draw it (the renderer implements this
// with its font library and HarfBuzz), so layout itself never touches a font.
class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Advance width in pixels of a run of text set in one style.
  virtual int width(std::string_view utf8, const TextStyle& style) const = 0;
  // Distance between baselines of consecutive lines.
  virtual int line_height(const TextStyle& style) const = 0;
};

}  // namespace hb::layout
