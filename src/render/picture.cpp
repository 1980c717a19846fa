#include "render/picture.h"

#include <SDL2/SDL_image.h>

#include <algorithm>
#include <cstdint>

#include "render/pixels.h"

namespace hb::render {
namespace {

Uint32 pixel_at(const SDL_Surface& s, int x, int y) {
  return reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) +
                                         static_cast<std::ptrdiff_t>(y) * s.pitch)[x];
}

// Rows [dst_y, dst_y + rows) of dst, each pixel the alpha-weighted mean of
// an f x f block of src from (x0, y0) on: linear scaling alone skips
// pixels when shrinking a lot and makes photos shimmer. Both ARGB8888.
void box_reduce(const SDL_Surface& src, int x0, int y0, int f, SDL_Surface& dst, int dst_y,
                int rows) {
  const auto n = static_cast<std::uint64_t>(f) * static_cast<std::uint64_t>(f);
  for (int y = 0; y < rows; ++y) {
    auto* out = reinterpret_cast<Uint32*>(static_cast<Uint8*>(dst.pixels) +
                                          static_cast<std::ptrdiff_t>(dst_y + y) * dst.pitch);
    for (int x = 0; x < dst.w; ++x) {
      std::uint64_t a = 0, r = 0, g = 0, b = 0;
      for (int dy = 0; dy < f; ++dy)
        for (int dx = 0; dx < f; ++dx) {
          const Uint32 p = pixel_at(src, x0 + f * x + dx, y0 + f * y + dy);
          const Uint32 pa = p >> 24;
          a += pa;
          r += ((p >> 16) & 0xFF) * pa;
          g += ((p >> 8) & 0xFF) * pa;
          b += (p & 0xFF) * pa;
        }
      out[x] =
          a == 0
              ? 0
              : static_cast<Uint32>(((a / n) << 24) | ((r / a) << 16) | ((g / a) << 8) | (b / a));
    }
  }
}

// Half the size in each direction.
SurfacePtr halve(SDL_Surface& src, const SDL_Rect& from) {
  auto dst = make_surface(from.w / 2, from.h / 2);
  if (!dst || SDL_LockSurface(&src) != 0) return nullptr;
  box_reduce(src, from.x, from.y, 2, *dst, 0, dst->h);
  SDL_UnlockSurface(&src);
  return dst;
}

// Rows [y, y + rows) of s (whatever format SDL_image decoded to), as ARGB8888.
SurfacePtr convert_rows(SDL_Surface& s, int y, int rows) {
  SurfacePtr view(SDL_CreateRGBSurfaceWithFormatFrom(
      static_cast<Uint8*>(s.pixels) + static_cast<std::ptrdiff_t>(y) * s.pitch, s.w, rows,
      s.format->BitsPerPixel, s.pitch, s.format->format));
  if (!view) return nullptr;
  // What the decoder set on the whole picture: a PNG's palette, its tRNS colour.
  if (s.format->palette) SDL_SetSurfacePalette(view.get(), s.format->palette);
  Uint32 key = 0;
  if (SDL_GetColorKey(&s, &key) == 0) SDL_SetColorKey(view.get(), SDL_TRUE, key);
  return SurfacePtr(SDL_ConvertSurfaceFormat(view.get(), surface_format, 0));
}

// The decoded picture as ARGB8888, its longest side at most max_side. It
// shrinks by a whole factor f, in f x f blocks, converting a band of rows
// (about 1 MB) at a time: besides the decoded picture only the result and
// one band are held, never a second full-size copy.
SurfacePtr reduce(SDL_Surface& decoded, int f) {
  // A picture thinner than a block (a banner a few pixels high) is small
  // whatever its length: kept whole, cover() shrinks it for its box.
  if (f <= 1 || decoded.w < f || decoded.h < f)
    return SurfacePtr(SDL_ConvertSurfaceFormat(&decoded, surface_format, 0));
  // The last w % f columns and h % f rows (fewer than f pixels) are left out.
  auto out = make_surface(decoded.w / f, decoded.h / f);
  if (!out) return nullptr;
  const int band = std::max(1, (1 << 20) / (decoded.w * 4 * f));  // output rows a band
  if (SDL_LockSurface(&decoded) != 0) return nullptr;
  bool ok = true;
  for (int y = 0; ok && y < out->h; y += band) {
    const int rows = std::min(band, out->h - y);
    const auto strip = convert_rows(decoded, y * f, rows * f);
    ok = strip != nullptr;
    if (ok) box_reduce(*strip, 0, 0, f, *out, y, rows);
  }
  SDL_UnlockSurface(&decoded);
  return ok ? std::move(out) : nullptr;
}

// The whole factor a decoded w x h picture is shrunk by: to within
// max_side, or, with a target, no more than still fills it whole.
int reduce_factor_for(int w, int h, int max_side, DecodeTarget target) {
  const auto at_most = [w, h](int side) {
    side = std::max(side, 1);
    return (std::max(w, h) + side - 1) / side;
  };
  if (target.width < 1 || target.height < 1) return at_most(max_side);
  const int fill = std::max(1, std::min(w / target.width, h / target.height));
  return std::max(fill, at_most(std::max(max_side, 2 * std::max(target.width, target.height))));
}

}  // namespace

DecodeResult decode_picture(std::string_view bytes, const base::PictureLimits& limits,
                            DecodeTarget target) {
  if (auto refused = base::check_picture(bytes, limits); !refused.empty())
    return {nullptr, std::move(refused)};
  const auto header = base::read_image_header(bytes);
  SDL_RWops* in = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
  if (!in) return {nullptr, std::string("cannot read the picture: ") + SDL_GetError()};
  SurfacePtr decoded(IMG_LoadTyped_RW(in, 1, header->kind == base::ImageKind::png ? "PNG" : "JPG"));
  if (!decoded) return {nullptr, std::string("cannot decode the picture: ") + IMG_GetError()};
  if (decoded->w != header->width || decoded->h != header->height)
    return {nullptr, "the picture's size does not match its header"};
  // The full-size picture goes when this returns: only the reduced one is kept.
  auto kept = reduce(*decoded,
                     reduce_factor_for(decoded->w, decoded->h, limits.max_kept_side, target));
  if (!kept) return {nullptr, std::string("cannot convert the picture: ") + SDL_GetError()};
  return {std::move(kept), {}};
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
