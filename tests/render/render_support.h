// Helpers for render tests: fonts, pages, and looking at pixels.
#pragma once

#include <SDL2/SDL.h>
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/sdl_surface.h"

namespace hb::test {

// The installed fonts; the test fails (REQUIRE) when Noto Sans CJK is missing.
std::unique_ptr<render::FontSet> open_fonts();

// A canvas whose picture loader knows nothing (every picture is a placeholder).
render::Canvas canvas_without_pictures(render::FontSet& fonts);

layout::Color pixel(SDL_Surface& s, int x, int y);
std::string to_string(layout::Color c);

// Pixels inside the box (clipped to the surface) that differ from bg.
int count_not(SDL_Surface& s, const layout::Box& box, layout::Color bg);
// Pixels outside the box that differ from bg.
int count_not_outside(SDL_Surface& s, const layout::Box& box, layout::Color bg);

struct Comparison {
  double share_within = 0;  // of pixels whose channels all differ by at most the tolerance
  int worst = 0;            // the largest difference of any channel
};
// Surfaces of the same size.
Comparison compare(SDL_Surface& a, SDL_Surface& b, int tolerance);

// An encoded picture made in memory: a w x h gradient, as PNG or JPEG.
std::string encoded_picture(int w, int h, bool jpeg);

// A page with just these elements on white.
layout::Page page_of(std::vector<layout::Element> elements,
                     layout::Color background = {255, 255, 255, 255});

}  // namespace hb::test

namespace doctest {
template <>
struct StringMaker<hb::layout::Color> {
  static String convert(const hb::layout::Color& c) { return hb::test::to_string(c).c_str(); }
};
}  // namespace doctest
