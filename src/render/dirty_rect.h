// What changed between two frames of the same page, so the CPU compositor
// sends only those pixels to the screen: when the clock's minute turns,
// a few thousand pixels instead of two million.
#pragma once

#include <SDL2/SDL.h>

#include <cstddef>
#include <vector>

namespace hb::render {

struct ChangeOptions {
  // Changed rows closer than this are one rect: a line of text has rows
  // that happen to match between its glyphs' strokes.
  int merge_rows = 16;
  // More rects than this become their bounding box; each rect costs the
  // display server a request, and a page that changed that much is better
  // sent whole.
  std::size_t max_rects = 8;
};

// Rects covering every pixel that differs between two frames (32 bits a
// pixel, the same size): each a run of changed rows, from the leftmost to
// the rightmost change in them. Empty when they are the same; the whole
// frame when their sizes or formats differ.
std::vector<SDL_Rect> changed_rects(const SDL_Surface& before, const SDL_Surface& after,
                                    const ChangeOptions& options = {});

}  // namespace hb::render
