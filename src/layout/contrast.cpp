#include "layout/contrast.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "layout/theme.h"

namespace hb::layout {
namespace {

double linear(std::uint8_t v) {
  const double s = v / 255.0;
  return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

std::uint8_t mix(std::uint8_t over, std::uint8_t under, std::uint8_t alpha) {
  return static_cast<std::uint8_t>((over * alpha + under * (255 - alpha) + 127) / 255);
}

std::string hex(const Color& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

// Which theme colour layout sets on which: keep in step with src/layout.
struct Pair {
  std::string_view text, on;
  Color Theme::*text_colour;
  Color Theme::*background;
};
constexpr Pair kPairs[] = {
    {"text", "page", &Theme::text, &Theme::page},
    {"muted", "page", &Theme::muted, &Theme::page},
    {"header", "page", &Theme::header, &Theme::page},
    {"text", "card", &Theme::text, &Theme::card},
    {"muted", "card", &Theme::muted, &Theme::card},
    {"header", "card", &Theme::header, &Theme::card},
    {"urgent", "card", &Theme::urgent, &Theme::card},
    {"text", "zebra", &Theme::text, &Theme::zebra},
    {"text", "table_head", &Theme::text, &Theme::table_head},
    {"header_text", "header", &Theme::header_text, &Theme::header},
    {"accent", "header", &Theme::accent, &Theme::header},
    {"text", "accent", &Theme::text, &Theme::accent},
    {"header_text", "party", &Theme::header_text, &Theme::party},
    {"header_text", "good", &Theme::header_text, &Theme::good},
    {"header_text", "closed", &Theme::header_text, &Theme::closed},
    {"header_text", "bar", &Theme::header_text, &Theme::bar},
    {"ticker_text", "ticker", &Theme::ticker_text, &Theme::ticker},
    {"urgent_text", "urgent", &Theme::urgent_text, &Theme::urgent},
};

}  // namespace

std::vector<std::string> theme_contrast_problems(const Theme& theme) {
  std::vector<std::string> problems;
  for (const Pair& p : kPairs) {
    const Color text = theme.*p.text_colour, on = theme.*p.background;
    const double ratio = contrast_ratio(text, on);
    if (ratio >= kContrastNormal) continue;
    char figures[64];
    std::snprintf(figures, sizeof figures, "%.2f:1", ratio);
    problems.push_back("the text colour " + std::string(p.text) + " (" + hex(text) + ") on " +
                       std::string(p.on) + " (" + hex(on) + ") has a contrast of " + figures +
                       "; text needs 4.5:1 (WCAG 2.1 AA) to be read from 3-5 m");
  }
  return problems;
}

double relative_luminance(const Color& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const Color& a, const Color& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color blend(const Color& over, const Color& under) {
  return Color{mix(over.r, under.r, over.a), mix(over.g, under.g, over.a),
               mix(over.b, under.b, over.a), 255};
}

double required_contrast(int size_px, int screen_height) {
  // 24 px is large at 1080 px; a taller screen is seen from as far away.
  return size_px * 1080 >= 24 * screen_height ? kContrastLarge : kContrastNormal;
}

}  // namespace hb::layout
