#include "layout/theme.h"

#include <algorithm>
#include <cmath>

namespace hb::layout {

Metrics metrics_for(const Theme& t, int width, int height) {
  Metrics m;
  m.width = width;
  m.height = height;
  m.portrait = height > width;
  m.scale = std::min(width, height) / 1080.0;
  const auto px = [&](int v) { return static_cast<int>(std::lround(v * m.scale)); };
  const auto text = [&](int v) { return std::max(px(v), t.min_text); };
  m.title = text(t.title);
  m.heading = text(t.heading);
  m.body = text(t.body);
  m.small = text(t.small);
  // Bars grow with their text, so a small screen's floor never overflows them.
  m.header_height = std::max(px(t.header_height), m.title + m.small + px(30));
  m.footer_height = std::max(px(t.footer_height), m.body * 2);
  m.margin = px(t.margin);
  m.gap = px(t.gap);
  m.radius = px(t.radius);
  return m;
}

}  // namespace hb::layout
