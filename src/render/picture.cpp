#include "render/picture.h"

#include <SDL2/SDL_image.h>

#include <algorithm>

#include "render/image_header.h"
#include "render/pixels.h"

namespace hb::render {
namespace {

// Half the size in each direction, each pixel the alpha-weighted mean of
// four: linear scaling alone skips pixels when shrinking a lot and makes
// photos shimmer.
SurfacePtr halve(SDL_Surface& src, const SDL_Rect& from) {
  auto dst = make_surface(from.w / 2, from.h / 2);
  if (!dst || SDL_LockSurface(&src) != 0) return nullptr;
  const auto at = [](SDL_Surface& s, int x, int y) {
    return reinterpret_cast<Uint32*>(static_cast<Uint8*>(s.pixels) +
                                     static_cast<std::ptrdiff_t>(y) * s.pitch)[x];
  };
  for (int y = 0; y < dst->h; ++y) {
    auto* out = reinterpret_cast<Uint32*>(static_cast<Uint8*>(dst->pixels) +
                                          static_cast<std::ptrdiff_t>(y) * dst->pitch);
    for (int x = 0; x < dst->w; ++x) {
      unsigned a = 0, r = 0, g = 0, b = 0;
      for (int k = 0; k < 4; ++k) {
        const Uint32 p = at(src, from.x + 2 * x + (k & 1), from.y + 2 * y + (k >> 1));
        const unsigned pa = p >> 24;
        a += pa;
        r += ((p >> 16) & 0xFF) * pa;
        g += ((p >> 8) & 0xFF) * pa;
        b += (p & 0xFF) * pa;
      }
      out[x] = a == 0 ? 0 : ((a / 4) << 24) | ((r / a) << 16) | ((g / a) << 8) | (b / a);
    }
  }
  SDL_UnlockSurface(&src);
  return dst;
}

}  // namespace

DecodeResult decode_picture(std::string_view bytes, const PictureLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return {nullptr, "the picture is " + std::to_string(bytes.size()) + " bytes, more than the " +
                         std::to_string(limits.max_bytes) + " allowed"};
  const auto header = read_image_header(bytes);
  if (!header) return {nullptr, "not a PNG or JPEG picture"};
  if (header->width > limits.max_width || header->height > limits.max_height)
    return {nullptr, "the picture is " + std::to_string(header->width) + "x" +
                         std::to_string(header->height) + " pixels, more than the " +
                         std::to_string(limits.max_width) + "x" +
                         std::to_string(limits.max_height) + " allowed"};
  SDL_RWops* in = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  if (!in) return {nullptr, std::string("cannot read the picture: ") + SDL_GetError()};
  SurfacePtr decoded(IMG_LoadTyped_RW(in, 1, header->kind == ImageKind::png ? "PNG" : "JPG"));
  if (!decoded) return {nullptr, std::string("cannot decode the picture: ") + IMG_GetError()};
  if (decoded->w != header->width || decoded->h != header->height)
    return {nullptr, "the picture's size does not match its header"};
  SurfacePtr converted(SDL_ConvertSurfaceFormat(decoded.get(), surface_format, 0));
  if (!converted) return {nullptr, std::string("cannot convert the picture: ") + SDL_GetError()};
  return {std::move(converted), {}};
}

SurfacePtr cover(SDL_Surface& picture, int w, int h) {
  if (w < 1 || h < 1 || picture.w < 1 || picture.h < 1) return nullptr;
  SDL_Rect crop{0, 0, picture.w, picture.h};
  // Compare aspect ratios in integers: picture.w / picture.h against w / h.
  const long long lhs = static_cast<long long>(picture.w) * h,
                  rhs = static_cast<long long>(picture.h) * w;
  if (lhs > rhs) crop.w = std::max(1, static_cast<int>(rhs / h));
  if (lhs < rhs) crop.h = std::max(1, static_cast<int>(lhs / w));
  crop.x = (picture.w - crop.w) / 2;
  crop.y = (picture.h - crop.h) / 2;
  SurfacePtr reduced;
  SDL_Surface* src = &picture;
  while (crop.w >= 2 * w && crop.h >= 2 * h) {
    auto half = halve(*src, crop);
    if (!half) return nullptr;
    reduced = std::move(half);
    src = reduced.get();
    crop = {0, 0, src->w, src->h};
  }
  auto out = make_surface(w, h);
  if (!out) return nullptr;
  SDL_Rect whole{0, 0, w, h};
  if (SDL_SoftStretchLinear(src, &crop, out.get(), &whole) != 0) return nullptr;
  SDL_SetSurfaceBlendMode(out.get(), SDL_BLENDMODE_BLEND);
  return out;
}

void draw_placeholder(SDL_Surface& target, const layout::Box& box) {
  const ClipScope clip(target, box);
  if (clip.empty()) return;
  fill_rect(target, box, {228, 231, 235, 255});
  const double m = std::min(box.w, box.h);
  const double cx = box.x + box.w / 2.0;
  const double head_y = box.y + box.h * 0.42;
  const layout::Color figure{188, 194, 202, 255};
  fill_disc(target, cx, head_y - m * 0.06, m * 0.17, figure);
  fill_disc(target, cx, head_y + m * 0.56, m * 0.36, figure);  // shoulders, cut by the box
}

}  // namespace hb::render
