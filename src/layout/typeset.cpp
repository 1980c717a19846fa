#include "layout/typeset.h"

namespace hb::layout {
namespace {

// Key: the style in a fixed-length prefix, then the text.
void style_key(std::string& key, const TextStyle& style) {
  key.clear();
  key.append(reinterpret_cast<const char*>(&style.size), sizeof style.size);
  key.push_back(style.weight == Weight::bold ? 'b' : 'r');
}

}  // namespace

const std::vector<std::string>& Typesetter::broken(std::string_view text, const TextStyle& style,
                                                   int width) {
  style_key(key_, style);
  key_.append(reinterpret_cast<const char*>(&width), sizeof width);
  key_.append(text);
  if (const auto* known = lines_.find(key_)) return *known;
  auto lines = breaker_.break_text(space_mixed_scripts(text), style, width, measure_);
  std::size_t bytes = 0;
  for (const auto& l : lines)
    bytes += sizeof(std::string) + l.capacity();
  if (const auto* kept = lines_.insert(key_, lines, bytes)) return *kept;
  not_memoized_ = std::move(lines);
  return not_memoized_;
}

std::vector<std::string> Typesetter::lines(std::string_view text, const TextStyle& style,
                                           int width) {
  return broken(text, style, width);
}

int Typesetter::width(std::string_view text, const TextStyle& style) const {
  style_key(key_, style);
  key_.append(text);
  if (const int* known = widths_.find(key_)) return *known;
  const int w = measure_.width(text, style);
  widths_.insert(key_, w);
  return w;
}

TextRun Typesetter::line(std::string_view text, const TextStyle& style, Color color, int x, int y) {
  return TextRun{Box{x, y, width(text, style), measure_.line_height(style)}, std::string(text),
                 style, color};
}

int Typesetter::set(std::vector<Element>& out, std::string_view text, const TextStyle& style,
                    Color color, int x, int y, int width) {
  const int lh = measure_.line_height(style);
  int h = 0;
  // line() only measures (its memo is not this one), so the lines stay valid.
  for (const auto& l : broken(text, style, width)) {
    if (!l.empty()) out.push_back(line(l, style, color, x, y + h));
    h += lh;
  }
  return h;
}

int Typesetter::height(std::string_view text, const TextStyle& style, int width) {
  return static_cast<int>(broken(text, style, width).size()) * measure_.line_height(style);
}

}  // namespace hb::layout
