#include "render/rotate.h"

#include <algorithm>
#include <cstdint>

#include "render/sdl_surface.h"

namespace hb::render {

int normal_rotation(int degrees) {
  return degrees == 90 || degrees == 180 || degrees == 270 ? degrees : 0;
}

Size rotated_size(Size upright, int rotation) {
  const int r = normal_rotation(rotation);
  return r == 90 || r == 270 ? Size{upright.h, upright.w} : upright;
}

SDL_Rect rotate_rect(const SDL_Rect& r, Size upright, int rotation) {
  const int W = upright.w, H = upright.h;
  switch (normal_rotation(rotation)) {
    case 90:
      return {H - r.y - r.h, r.x, r.h, r.w};
    case 180:
      return {W - r.x - r.w, H - r.y - r.h, r.w, r.h};
    case 270:
      return {r.y, W - r.x - r.w, r.h, r.w};
    default:
      return r;
  }
}

SDL_Rect unrotate_rect(const SDL_Rect& r, Size upright, int rotation) {
  const int rot = normal_rotation(rotation);
  return rotate_rect(r, rotated_size(upright, rot), (360 - rot) % 360);
}

bool rotate_blit(const SDL_Surface& src, const SDL_Rect& src_rect, int rotation, SDL_Surface& dst,
                 int x, int y) {
  if (!is_word_format(src) || !is_word_format(dst)) return false;
  const SDL_Rect s = src_rect;
  if (s.x < 0 || s.y < 0 || s.x + s.w > src.w || s.y + s.h > src.h) return false;
  if (is_empty(s)) return true;
  const int rot = normal_rotation(rotation);
  const Size turned = rotated_size({s.w, s.h}, rot);
  if (x < 0 || y < 0 || x + turned.w > dst.w || y + turned.h > dst.h) return false;
  const bool lock_src = SDL_MUSTLOCK(&src), lock_dst = SDL_MUSTLOCK(&dst);
  if (lock_src) SDL_LockSurface(const_cast<SDL_Surface*>(&src));
  if (lock_dst) SDL_LockSurface(&dst);
  if (rot == 0) {
    for (int j = 0; j < s.h; ++j)
      std::copy_n(pixel_row(src, s.y + j) + s.x, s.w, pixel_row(dst, y + j) + x);
  } else if (rot == 180) {
    for (int j = 0; j < s.h; ++j) {
      const std::uint32_t* from = pixel_row(src, s.y + j) + s.x;
      std::reverse_copy(from, from + s.w, pixel_row(dst, y + s.h - 1 - j) + x);
    }
  } else {
    // Turning a quarter reads rows and writes columns; in tiles both stay
    // in cache, which a whole 1920-pixel column would not.
    constexpr int tile = 32;
    for (int j0 = 0; j0 < s.h; j0 += tile)
      for (int i0 = 0; i0 < s.w; i0 += tile)
        for (int j = j0; j < std::min(j0 + tile, s.h); ++j) {
          const std::uint32_t* from = pixel_row(src, s.y + j) + s.x;
          for (int i = i0; i < std::min(i0 + tile, s.w); ++i) {
            // 90: (i, j) -> (h-1-j, i); 270: (i, j) -> (j, w-1-i).
            if (rot == 90)
              pixel_row(dst, y + i)[x + s.h - 1 - j] = from[i];
            else
              pixel_row(dst, y + s.w - 1 - i)[x + j] = from[i];
          }
        }
  }
  if (lock_dst) SDL_UnlockSurface(&dst);
  if (lock_src) SDL_UnlockSurface(const_cast<SDL_Surface*>(&src));
  return true;
}

SDL_Point centred_origin(Size content, Size frame) {
  // Halves rounded towards minus infinity on both sides, so a one-pixel
  // difference always puts the spare pixel on the same side.
  const auto half = [](int d) { return d >= 0 ? d / 2 : -((-d + 1) / 2); };
  return {half(frame.w - content.w), half(frame.h - content.h)};
}

SDL_Rect intersect(const SDL_Rect& a, const SDL_Rect& b) {
  const int x1 = std::max(a.x, b.x), y1 = std::max(a.y, b.y);
  const int x2 = std::min(a.x + a.w, b.x + b.w), y2 = std::min(a.y + a.h, b.y + b.h);
  if (x2 <= x1 || y2 <= y1) return {x1, y1, 0, 0};
  return {x1, y1, x2 - x1, y2 - y1};
}

}  // namespace hb::render
