#include "layout/typeset.h"

#include <algorithm>

#include "model/unicode.h"

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

std::string_view Typesetter::wider_than(std::string_view text, const TextStyle& style,
                                        int width) const {
  std::size_t end = 0, taken = 0;
  for (std::size_t target = 16;; target *= 2) {
    for (; taken < target && end < text.size(); ++taken)
      model::next_code_point(text, end);
    if (end >= text.size()) return text;
    if (measure_.width(text.substr(0, end), style) > width) return text.substr(0, end);
  }
}

namespace {

// "，…" reads as a stray mark: a pause or stop before the ellipsis goes.
std::string without_trailing_pause(std::string s) {
  for (bool trimmed = true; trimmed && !s.empty();) {
    trimmed = false;
    for (const std::string_view p : {"，", "。", "、", "；", "：", " ", "\u2005"})
      if (s.ends_with(p)) {
        s.resize(s.size() - p.size());
        trimmed = true;
      }
  }
  return s;
}

}  // namespace

std::vector<std::string> Typesetter::cut_lines(std::string_view text, const TextStyle& style,
                                               int width, int max_lines) {
  max_lines = std::max(1, max_lines);
  // More than max_lines full lines of text: the rest can never show.
  const std::string_view head = wider_than(text, style, (max_lines + 1) * std::max(width, 1));
  auto lines = broken(head, style, width);
  if (head.size() == text.size() && static_cast<int>(lines.size()) <= max_lines) return lines;
  lines.resize(static_cast<std::size_t>(max_lines));
  // The last line takes what follows it too, cut to leave room for "…".
  const std::string ellipsis = "…";
  const std::string last = lines.back();
  const int room = std::max(0, width - this->width(ellipsis, style));
  const auto fitted = broken(last, style, room);
  lines.back() = without_trailing_pause(fitted.empty() ? "" : fitted.front()) + ellipsis;
  return lines;
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
  const int line_height = measure_.line_height(style);
  int h = 0;
  // line() only measures (its memo is not this one), so the lines stay valid.
  for (const auto& l : broken(text, style, width)) {
    if (!l.empty()) out.push_back(line(l, style, color, x, y + h));
    h += line_height;
  }
  return h;
}

int Typesetter::height(std::string_view text, const TextStyle& style, int width) {
  return static_cast<int>(broken(text, style, width).size()) * measure_.line_height(style);
}

}  // namespace hb::layout
