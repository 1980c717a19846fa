// Pages are laid out upright, as the viewer reads them; a panel mounted on
// its side shows them turned. `rotation` is the display's rotate attribute:
// the upright page turned that many degrees clockwise is what the window
// shows (90: the page's top-left corner lands at the window's top-right).
#pragma once

#include <SDL2/SDL.h>

namespace hb::render {

// 0, 90, 180 or 270; any other value (the config validates it) counts as 0.
int normal_rotation(int degrees);

struct Size {
  int w = 0, h = 0;
  bool operator==(const Size&) const = default;
};

// The window size an upright page of this size needs: w and h swap at 90 and 270.
Size rotated_size(Size upright, int rotation);

// Where the pixels of an upright rect land on the turned page (both with
// their origin at the page's top-left corner).
SDL_Rect rotate_rect(const SDL_Rect& r, Size upright, int rotation);
// The inverse: the upright rect whose pixels land on this turned rect.
SDL_Rect unrotate_rect(const SDL_Rect& r, Size upright, int rotation);

// Copies src_rect of src (ARGB8888) turned by `rotation` into dst with its
// top-left corner at (x, y); dst is ARGB8888 or XRGB8888 (SDL's RGB888,
// what X11 and the dummy driver give for a window surface). src_rect must
// lie inside src and the turned rect inside dst; false, copying nothing,
// when they do not or for any other format.
bool rotate_blit(const SDL_Surface& src, const SDL_Rect& src_rect, int rotation, SDL_Surface& dst,
                 int x, int y);

// Where a picture of `content` size sits centred in `frame`: the same
// origin when they match, negative when the content is larger (it is cut).
SDL_Point centred_origin(Size content, Size frame);

SDL_Rect intersect(const SDL_Rect& a, const SDL_Rect& b);
inline bool is_empty(const SDL_Rect& r) {
  return r.w <= 0 || r.h <= 0;
}

}  // namespace hb::render
