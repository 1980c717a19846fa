#include "render_support.h"

#include <doctest/doctest.h>

#include <SDL2/SDL_image.h>

#include <algorithm>
#include <cstdlib>

namespace hb::test {

std::unique_ptr<render::FontSet> open_fonts() {
  auto opened = render::FontSet::open();
  INFO(opened.error);
  REQUIRE(opened.fonts);
  return std::move(opened.fonts);
}

render::Canvas canvas_without_pictures(render::FontSet& fonts) {
  return render::Canvas(fonts, [](const std::string&) { return std::optional<std::string>(); });
}

namespace {

layout::Color unchecked_pixel(const SDL_Surface& s, int x, int y) {
  const auto p = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) +
                                                 static_cast<std::ptrdiff_t>(y) * s.pitch)[x];
  return {static_cast<std::uint8_t>(p >> 16), static_cast<std::uint8_t>(p >> 8),
          static_cast<std::uint8_t>(p), static_cast<std::uint8_t>(p >> 24)};
}

}  // namespace

layout::Color pixel(SDL_Surface& s, int x, int y) {
  REQUIRE(s.format->format == render::surface_format);
  REQUIRE((x >= 0 && y >= 0 && x < s.w && y < s.h));
  return unchecked_pixel(s, x, y);
}

std::string to_string(layout::Color c) {
  return "rgba(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) +
         "," + std::to_string(c.a) + ")";
}

namespace {

bool inside(const layout::Box& b, int x, int y) {
  return x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
}

int count(SDL_Surface& s, layout::Color bg, const std::function<bool(int, int)>& where) {
  REQUIRE(s.format->format == render::surface_format);
  int n = 0;
  for (int y = 0; y < s.h; ++y)
    for (int x = 0; x < s.w; ++x)
      if (where(x, y) && !(unchecked_pixel(s, x, y) == bg)) ++n;
  return n;
}

}  // namespace

int count_not(SDL_Surface& s, const layout::Box& box, layout::Color bg) {
  REQUIRE(s.format->format == render::surface_format);
  int n = 0;
  for (int y = std::max(box.y, 0); y < std::min(box.y + box.h, s.h); ++y)
    for (int x = std::max(box.x, 0); x < std::min(box.x + box.w, s.w); ++x)
      if (!(unchecked_pixel(s, x, y) == bg)) ++n;
  return n;
}

int count_not_outside(SDL_Surface& s, const layout::Box& box, layout::Color bg) {
  return count(s, bg, [&](int x, int y) { return !inside(box, x, y); });
}

Comparison compare(SDL_Surface& a, SDL_Surface& b, int tolerance) {
  REQUIRE(a.format->format == render::surface_format);
  REQUIRE(b.format->format == render::surface_format);
  REQUIRE(a.w == b.w);
  REQUIRE(a.h == b.h);
  Comparison c;
  long within = 0;
  for (int y = 0; y < a.h; ++y)
    for (int x = 0; x < a.w; ++x) {
      const auto p = unchecked_pixel(a, x, y), q = unchecked_pixel(b, x, y);
      const int d = std::max(
          {std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b), std::abs(p.a - q.a)});
      c.worst = std::max(c.worst, d);
      within += d <= tolerance;
    }
  c.share_within = double(within) / (double(a.w) * a.h);
  return c;
}

std::string encoded_picture(int w, int h, bool jpeg) {
  auto s = render::make_surface(w, h);
  REQUIRE(s);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto* row = reinterpret_cast<Uint32*>(static_cast<Uint8*>(s->pixels) +
                                            static_cast<std::ptrdiff_t>(y) * s->pitch);
      const auto r = static_cast<Uint32>(x * 255 / std::max(1, w - 1));
      const auto b = static_cast<Uint32>(y * 255 / std::max(1, h - 1));
      row[x] = 0xFF000000u | (r << 16) | (0x60u << 8) | b;
    }
  std::string bytes(static_cast<std::size_t>(w * h * 4 + 4096), '\0');
  SDL_RWops* out = SDL_RWFromMem(bytes.data(), static_cast<int>(bytes.size()));
  REQUIRE(out);
  const int rc = jpeg ? IMG_SaveJPG_RW(s.get(), out, 0, 90) : IMG_SavePNG_RW(s.get(), out, 0);
  const auto size = SDL_RWtell(out);
  SDL_RWclose(out);
  REQUIRE(rc == 0);
  bytes.resize(static_cast<std::size_t>(size));
  return bytes;
}

layout::Page page_of(std::vector<layout::Element> elements, layout::Color background) {
  layout::Page page;
  page.background = background;
  page.elements = std::move(elements);
  return page;
}

}  // namespace hb::test
