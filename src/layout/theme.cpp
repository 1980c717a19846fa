#include "layout/theme.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/contrast.h"

namespace hb::layout {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::optional<Color> parse_color(std::string_view v) {
  if (v.size() != 7 || v[0] != '#') return std::nullopt;
  unsigned value = 0;
  for (char c : v.substr(1)) {
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(d);
  }
  return Color{static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8 & 255),
               static_cast<std::uint8_t>(value & 255), 255};
}

std::optional<int> parse_size(std::string_view v) {
  if (v.empty() || v.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

constexpr std::pair<std::string_view, Color Theme::*> kColours[] = {
    {"page", &Theme::page},
    {"text", &Theme::text},
    {"muted", &Theme::muted},
    {"header", &Theme::header},
    {"header_text", &Theme::header_text},
    {"accent", &Theme::accent},
    {"card", &Theme::card},
    {"card_border", &Theme::card_border},
    {"table_head", &Theme::table_head},
    {"zebra", &Theme::zebra},
    {"ticker", &Theme::ticker},
    {"ticker_text", &Theme::ticker_text},
    {"urgent", &Theme::urgent},
    {"urgent_text", &Theme::urgent_text},
    {"party", &Theme::party},
    {"good", &Theme::good},
    {"closed", &Theme::closed},
    {"bar", &Theme::bar}};
constexpr std::pair<std::string_view, int Theme::*> kSizes[] = {
    {"title", &Theme::title},
    {"heading", &Theme::heading},
    {"body", &Theme::body},
    {"small", &Theme::small},
    {"min_text", &Theme::min_text},
    {"header_height", &Theme::header_height},
    {"footer_height", &Theme::footer_height},
    {"margin", &Theme::margin},
    {"gap", &Theme::gap},
    {"radius", &Theme::radius}};

}  // namespace

Theme parse_theme(std::string_view text, std::vector<ThemeProblem>& problems) {
  Theme t;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = trimmed(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      problems.push_back({line_no, "expected name = value"});
      continue;
    }
    const std::string_view name = trimmed(line.substr(0, eq)), value = trimmed(line.substr(eq + 1));
    bool known = false;
    for (const auto& [key, field] : kColours) {
      if (key != name) continue;
      known = true;
      if (const auto c = parse_color(value))
        t.*field = *c;
      else
        problems.push_back({line_no, std::string(name) + " = " + std::string(value) +
                                         ": expected a colour #RRGGBB"});
    }
    for (const auto& [key, field] : kSizes) {
      if (key != name) continue;
      known = true;
      if (const auto v = parse_size(value))
        t.*field = *v;
      else
        problems.push_back({line_no, std::string(name) + " = " + std::string(value) +
                                         ": expected a size in whole pixels"});
    }
    if (!known) problems.push_back({line_no, "unknown setting " + std::string(name)});
  }
  // Legibility is not negotiable: text is never set below 34 px.
  if (t.min_text < 34) {
    problems.push_back({0, "min_text " + std::to_string(t.min_text) +
                               " is too small to read from 3-5 m; using 34"});
    t.min_text = 34;
  }
  // Said, not refused: the hall's own colours may be a deliberate choice.
  for (auto& message : theme_contrast_problems(t))
    problems.push_back({0, std::move(message)});
  return t;
}

std::string format_theme(const Theme& t) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& [key, field] : kColours) {
    const Color c = t.*field;
    out += std::string(key) + " = #";
    for (const std::uint8_t v : {c.r, c.g, c.b})
      out += {kHex[v >> 4], kHex[v & 15]};
    out += "\n";
  }
  for (const auto& [key, field] : kSizes)
    out += std::string(key) + " = " + std::to_string(t.*field) + "\n";
  return out;
}

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
