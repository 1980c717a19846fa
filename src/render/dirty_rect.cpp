#include "render/dirty_rect.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace hb::render {
namespace {

const std::uint32_t* row(const SDL_Surface& s, int y) {
  return reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(s.pixels) +
                                                static_cast<std::ptrdiff_t>(y) * s.pitch);
}

}  // namespace

std::vector<SDL_Rect> changed_rects(const SDL_Surface& before, const SDL_Surface& after,
                                    const ChangeOptions& options) {
  if (before.w != after.w || before.h != after.h || before.format->format != after.format->format ||
      after.format->BytesPerPixel != 4)
    return {{0, 0, after.w, after.h}};
  const int w = after.w;
  const auto row_bytes = static_cast<std::size_t>(w) * 4u;
  std::vector<SDL_Rect> rects;
  int top = -1, bottom = -1, left = w, right = -1;  // the run of rows being gathered
  const auto close_run = [&] {
    if (top >= 0) rects.push_back({left, top, right - left + 1, bottom - top + 1});
    top = -1;
    left = w;
    right = -1;
  };
  for (int y = 0; y < after.h; ++y) {
    const std::uint32_t* a = row(before, y);
    const std::uint32_t* b = row(after, y);
    if (std::memcmp(a, b, row_bytes) == 0) continue;
    int x1 = 0;
    while (a[x1] == b[x1])
      ++x1;
    int x2 = w - 1;
    while (a[x2] == b[x2])
      --x2;
    if (top >= 0 && y - bottom > options.merge_rows) close_run();
    if (top < 0) top = y;
    bottom = y;
    left = std::min(left, x1);
    right = std::max(right, x2);
  }
  close_run();
  if (rects.size() > options.max_rects) {
    SDL_Rect all = rects.front();
    for (const auto& r : rects)
      SDL_UnionRect(&all, &r, &all);
    rects = {all};
  }
  return rects;
}

}  // namespace hb::render
