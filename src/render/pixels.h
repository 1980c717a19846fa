// Shapes drawn straight into an ARGB8888 surface, blended over what is
// there, anti-aliased where an edge is not on the pixel grid, and clipped
// to the surface's clip rectangle.
#pragma once

#include <SDL2/SDL.h>

#include "layout/display_list.h"

namespace hb::render {

void fill_rect(SDL_Surface& s, const layout::Box& box, layout::Color color);
// radius is clamped to half the shorter side.
void fill_rounded_rect(SDL_Surface& s, const layout::Box& box, int radius, layout::Color color);
// The stroke lies inside the box, width pixels wide.
void stroke_rounded_rect(SDL_Surface& s, const layout::Box& box, int width, int radius,
                         layout::Color color);
// Butt ends at the end points; a horizontal or vertical line covers the
// pixels [min, max) along it and width pixels across, starting width/2
// before the given coordinate, so it lands exactly on the grid.
void draw_line(SDL_Surface& s, int x1, int y1, int x2, int y2, int width, layout::Color color);
void fill_disc(SDL_Surface& s, double cx, double cy, double radius, layout::Color color);

// Sets a clip rectangle (within the current one) for the life of the scope.
class ClipScope {
 public:
  ClipScope(SDL_Surface& s, const layout::Box& box);
  ~ClipScope() { SDL_SetClipRect(&s_, &saved_); }
  ClipScope(const ClipScope&) = delete;
  ClipScope& operator=(const ClipScope&) = delete;
  bool empty() const { return empty_; }

 private:
  SDL_Surface& s_;
  SDL_Rect saved_;
  bool empty_ = false;
};

}  // namespace hb::render
