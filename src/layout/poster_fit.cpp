#include "layout/poster_fit.h"

#include <algorithm>

namespace hb::layout {

Box contain(const Box& area, const PictureSize& picture) {
  if (picture.width <= 0 || picture.height <= 0 || area.w <= 0 || area.h <= 0)
    return Box{area.x + std::max(area.w, 0) / 2, area.y + std::max(area.h, 0) / 2, 0, 0};
  // Compare area.w / area.h with picture.width / picture.height in whole
  // numbers (64-bit: 8192 px pictures on an 8K screen stay far from overflow).
  const long long aw = area.w, ah = area.h, pw = picture.width, ph = picture.height;
  int w = area.w, h = area.h;
  if (aw * ph > ah * pw)  // the area is wider: the picture fills its height
    w = static_cast<int>(std::max(1LL, (ah * pw + ph / 2) / ph));
  else  // taller or the same shape: it fills the width
    h = static_cast<int>(std::max(1LL, (aw * ph + pw / 2) / pw));
  return Box{area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h};
}

double fit_scale(const PictureSize& picture, int width, int height) {
  if (picture.width <= 0 || picture.height <= 0) return 0;
  return std::min(static_cast<double>(width) / picture.width,
                  static_cast<double>(height) / picture.height);
}

}  // namespace hb::layout
