// Turns text into positioned lines with the real measurer and the Chinese
// line breaker: the one place layout sets text.
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/line_break.h"
#include "layout/theme.h"

namespace hb::layout {

class Typesetter {
 public:
  Typesetter(const TextMeasurer& measure, LineBreaker& breaker)
      : measure_(measure), breaker_(breaker) {}

  // Lines of `text` no wider than `width`, each a TextRun stacked from
  // (x, y). Returns the height they take.
  int set(std::vector<Element>& out, std::string_view text, const TextStyle& style, Color color,
          int x, int y, int width);
  // One line, not broken; the caller has checked it fits (or accepts the measure).
  TextRun line(std::string_view text, const TextStyle& style, Color color, int x, int y);
  int height(std::string_view text, const TextStyle& style, int width);
  int width(std::string_view text, const TextStyle& style) const {
    return measure_.width(text, style);
  }
  int line_height(const TextStyle& style) const { return measure_.line_height(style); }
  std::vector<std::string> lines(std::string_view text, const TextStyle& style, int width);

 private:
  const TextMeasurer& measure_;
  LineBreaker& breaker_;
};

}  // namespace hb::layout
