#include "layout/typeset.h"

namespace hb::layout {

std::vector<std::string> Typesetter::lines(std::string_view text, const TextStyle& style,
                                           int width) {
  return breaker_.break_text(space_mixed_scripts(text), style, width, measure_);
}

TextRun Typesetter::line(std::string_view text, const TextStyle& style, Color color, int x, int y) {
  return TextRun{Box{x, y, measure_.width(text, style), measure_.line_height(style)},
                 std::string(text), style, color};
}

int Typesetter::set(std::vector<Element>& out, std::string_view text, const TextStyle& style,
                    Color color, int x, int y, int width) {
  const int lh = measure_.line_height(style);
  int h = 0;
  for (const auto& l : lines(text, style, width)) {
    if (!l.empty()) out.push_back(line(l, style, color, x, y + h));
    h += lh;
  }
  return h;
}

int Typesetter::height(std::string_view text, const TextStyle& style, int width) {
  return static_cast<int>(lines(text, style, width).size()) * measure_.line_height(style);
}

}  // namespace hb::layout
