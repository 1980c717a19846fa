// Pictures: only PNG and JPEG, within limits, scaled to fill the box; a
// placeholder, never a blank or a crash, when anything goes wrong.
#include <doctest/doctest.h>

#include <SDL2/SDL_image.h>

#include <stdexcept>

#include "base/image_header.h"
#include "render/picture.h"
#include "render_support.h"

namespace hb::render {
namespace {

using base::ImageKind;
using base::PictureLimits;
using base::read_image_header;
using layout::Box;
using layout::Color;

constexpr Color picture_white{255, 255, 255, 255};

TEST_CASE("the header gives kind and size, and nothing for other formats") {
  const auto png = test::encoded_picture(33, 17, false);
  const auto jpeg = test::encoded_picture(40, 25, true);
  struct Row {
    std::string bytes;
    bool known;
    ImageKind kind;
    int w, h;
  };
  const Row rows[] = {
      {png, true, ImageKind::png, 33, 17},
      {jpeg, true, ImageKind::jpeg, 40, 25},
      {png.substr(0, 20), false, {}, 0, 0},
      {jpeg.substr(0, 30), false, {}, 0, 0},
      {"GIF89a\x01\x00\x01\x00", false, {}, 0, 0},
      {"<svg xmlns='http://www.w3.org/2000/svg'/>", false, {}, 0, 0},
      {"", false, {}, 0, 0},
      {std::string("\xff\xd8\xff\xd9", 4), false, {}, 0, 0},
  };
  for (const auto& row : rows) {
    const auto h = read_image_header(row.bytes);
    REQUIRE(h.has_value() == row.known);
    if (!h) continue;
    CHECK(h->kind == row.kind);
    CHECK(h->width == row.w);
    CHECK(h->height == row.h);
  }
}

// A PNG header claiming a size, with nothing after it.
std::string png_claiming(std::uint32_t w, std::uint32_t h) {
  std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  for (const auto v : {w, h})
    for (int shift = 24; shift >= 0; shift -= 8)
      b += static_cast<char>((v >> shift) & 0xFF);
  return b + std::string(17, '\0');
}

TEST_CASE("decoding refuses what is too big, not PNG or JPEG, or broken") {
  PictureLimits limits;
  limits.max_bytes = 64 * 1024;
  limits.max_width = 800;
  limits.max_height = 600;
  struct Row {
    const char* what;
    std::string bytes;
    const char* reason;
  };
  const Row rows[] = {
      {"too many bytes", std::string(64 * 1024 + 1, '\0'), "bytes"},
      {"too wide", png_claiming(801, 10), "801x10"},
      {"too tall", png_claiming(10, 100000), "10x100000"},
      {"a GIF", "GIF89a\x01\x00\x01\x00", "not a PNG or JPEG"},
      {"truncated PNG", test::encoded_picture(50, 50, false).substr(0, 60), "cannot decode"},
      {"garbage after a PNG header", png_claiming(20, 20) + std::string(200, '\x55'),
       "cannot decode"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    const auto r = decode_picture(row.bytes, limits);
    CHECK_FALSE(r.surface);
    CHECK(r.error.find(row.reason) != std::string::npos);
  }
  const auto ok = decode_picture(test::encoded_picture(800, 600, true), limits);
  REQUIRE(ok.surface);
  CHECK(ok.surface->w == 800);
  CHECK(ok.surface->format->format == surface_format);
}

TEST_CASE("cover fills the box, keeping the aspect and cropping the centre") {
  // 200x100: red grows left to right, blue top to bottom.
  auto decoded = decode_picture(test::encoded_picture(200, 100, false));
  REQUIRE(decoded.surface);
  struct Row {
    int w, h;
  };
  for (const auto row : {Row{50, 50}, Row{100, 50}, Row{40, 80}, Row{400, 100}, Row{13, 7}}) {
    CAPTURE(row.w);
    CAPTURE(row.h);
    auto scaled = cover(*decoded.surface, row.w, row.h);
    REQUIRE(scaled);
    CHECK(scaled->w == row.w);
    CHECK(scaled->h == row.h);
    const auto centre = test::pixel(*scaled, row.w / 2, row.h / 2);
    CHECK(std::abs(int(centre.r) - 128) < 20);  // the middle of the picture
    CHECK(std::abs(int(centre.b) - 128) < 20);
    CHECK(test::pixel(*scaled, 0, 0).a == 255);
  }
  // A square box shows the middle half of a 2:1 picture: red from 1/4 to 3/4.
  auto square = cover(*decoded.surface, 50, 50);
  REQUIRE(square);
  CHECK(std::abs(int(test::pixel(*square, 0, 25).r) - 64) < 16);
  CHECK(std::abs(int(test::pixel(*square, 49, 25).r) - 191) < 16);
  CHECK_FALSE(cover(*decoded.surface, 0, 10));
}

TEST_CASE("a Picture is drawn from the loader's bytes, PNG or JPEG, filling its box") {
  auto fonts = test::open_fonts();
  const auto png = test::encoded_picture(300, 400, false);
  const auto jpeg = test::encoded_picture(640, 480, true);
  int calls = 0;
  Canvas canvas(*fonts, [&](const std::string& source) -> std::optional<std::string> {
    ++calls;
    if (source == "staff/zhang.png") return png;
    if (source == "https://hall.example.cn/logo.jpg") return jpeg;
    return std::nullopt;
  });
  const Box a{10, 10, 90, 120}, b{120, 10, 160, 90};
  const auto page = test::page_of({layout::Picture{a, "staff/zhang.png", 0},
                                   layout::Picture{b, "https://hall.example.cn/logo.jpg", 0}});
  auto r = canvas.render(page, 300, 150);
  REQUIRE(r.surface);
  CHECK(r.report.problems.empty());
  CHECK(test::count_not_outside(*r.surface, {10, 10, 270, 120}, picture_white) == 0);
  CHECK(test::count_not(*r.surface, {100, 10, 20, 120}, picture_white) == 0);
  // The gradient's corners: dark at the top left, red at the top right.
  CHECK(test::pixel(*r.surface, 11, 11).r < 40);
  CHECK(test::pixel(*r.surface, 98, 11).r > 200);
  CHECK(test::pixel(*r.surface, 121, 11).r < 60);
  CHECK(test::pixel(*r.surface, 278, 11).r > 190);
  // Drawn again, the scaled pictures come from the cache.
  canvas.draw(page, *r.surface);
  CHECK(calls == 2);
}

TEST_CASE("a 6000x4000 photo, within the limits, is drawn, not a placeholder") {
  // What a staff camera gives: larger than the screen will ever want, so
  // it is kept shrunk (3 x 3 blocks: 2000x1333), and the full size freed.
  const auto photo = test::encoded_picture(6000, 4000, true);
  const auto decoded = decode_picture(photo);
  REQUIRE(decoded.surface);
  CHECK(decoded.surface->w == 2000);
  CHECK(decoded.surface->h == 1333);
  CHECK(test::pixel(*decoded.surface, 0, 0).r < 20);
  CHECK(test::pixel(*decoded.surface, 1999, 0).r > 235);
  CHECK(test::pixel(*decoded.surface, 0, 1332).b > 235);
  auto fonts = test::open_fonts();
  Canvas canvas(*fonts, [&](const std::string&) -> std::optional<std::string> { return photo; });
  const Box box{10, 10, 150, 100};  // 3:2, as the photo
  auto r = canvas.render(test::page_of({layout::Picture{box, "staff/wang.jpg", 0}}), 170, 120);
  REQUIRE(r.surface);
  CHECK(r.report.problems.empty());
  // The photo's gradient, corner to corner; the placeholder is grey all over.
  CHECK(test::pixel(*r.surface, 11, 11).r < 40);
  CHECK(test::pixel(*r.surface, 158, 11).r > 200);
  CHECK(test::pixel(*r.surface, 11, 108).b > 200);
  CHECK(test::pixel(*r.surface, 84, 60).g < 130);  // 0x60 green, not the placeholder's grey
}

// A PNG of two palette colours: black on the left half, red on the right.
std::string palette_png(int w, int h) {
  SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, w, h, 8, SDL_PIXELFORMAT_INDEX8));
  REQUIRE(s);
  const SDL_Color colours[2] = {{0, 0, 0, 255}, {255, 0, 0, 255}};
  SDL_SetPaletteColors(s->format->palette, colours, 0, 2);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      static_cast<Uint8*>(s->pixels)[y * s->pitch + x] = x < w / 2 ? 0 : 1;
  std::string bytes(static_cast<std::size_t>(w * h * 4 + 4096), '\0');
  SDL_RWops* out = SDL_RWFromMem(bytes.data(), static_cast<int>(bytes.size()));
  REQUIRE(out);
  const int rc = IMG_SavePNG_RW(s.get(), out, 0);
  bytes.resize(static_cast<std::size_t>(SDL_RWtell(out)));
  SDL_RWclose(out);
  REQUIRE(rc == 0);
  return bytes;
}

TEST_CASE("shrinking keeps a picture's look: alpha-weighted blocks, palettes, odd sizes") {
  PictureLimits limits;
  limits.max_kept_side = 64;
  struct Row {
    int w, h, kept_w, kept_h;
    bool jpeg;
  };
  for (const auto row :
       {Row{640, 480, 64, 48, false}, Row{641, 95, 58, 8, true}, Row{64, 64, 64, 64, false},
        Row{65, 3, 32, 1, false}, Row{300, 2, 300, 2, false}}) {
    CAPTURE(row.w);
    CAPTURE(row.h);
    const auto r = decode_picture(test::encoded_picture(row.w, row.h, row.jpeg), limits);
    REQUIRE(r.surface);
    CHECK(r.surface->w == row.kept_w);
    CHECK(r.surface->h == row.kept_h);
    CHECK(r.surface->format->format == surface_format);
    CHECK(test::pixel(*r.surface, 0, 0).r < 30);
    CHECK(test::pixel(*r.surface, row.kept_w - 1, 0).r > 220);
    CHECK(test::pixel(*r.surface, row.kept_w / 2, 0).a == 255);
  }
  const auto pal = decode_picture(palette_png(300, 10), limits);  // 5 x 5 blocks
  REQUIRE(pal.surface);
  CHECK(pal.surface->w == 60);
  const auto left = test::pixel(*pal.surface, 5, 1), right = test::pixel(*pal.surface, 55, 1);
  CHECK((left.r == 0 && left.a == 255));
  CHECK((right.r == 255 && right.g == 0 && right.a == 255));
}

TEST_CASE("a picture that cannot be had shows the placeholder, and the report says why") {
  auto fonts = test::open_fonts();
  Canvas canvas(*fonts, [](const std::string& source) -> std::optional<std::string> {
    if (source == "throws") throw std::runtime_error("disk on fire");
    if (source == "gif") return std::string("GIF89a\x01\x00\x01\x00");
    if (source == "broken") return std::string("\x89PNG\r\n\x1a\nthis is not a PNG at all");
    return std::nullopt;
  });
  struct Row {
    const char* source;
    const char* reason;
  };
  const Row rows[] = {{"missing.png", "not available"},
                      {"throws", "disk on fire"},
                      {"gif", "not a PNG or JPEG"},
                      {"broken", "not a PNG or JPEG"},
                      {"", nullptr}};  // no photo named: the placeholder, and nothing to report
  for (const auto& row : rows) {
    CAPTURE(row.source);
    const Box box{20, 10, 60, 80};
    auto r = canvas.render(test::page_of({layout::Picture{box, row.source, 0}}), 100, 100);
    REQUIRE(r.surface);
    if (row.reason) {
      REQUIRE(r.report.problems.size() == 1);
      CHECK(r.report.problems[0].find(row.reason) != std::string::npos);
    } else {
      CHECK(r.report.problems.empty());
    }
    // Not blank: light grey all over, a darker figure in the middle.
    CHECK(test::count_not(*r.surface, box, picture_white) == box.w * box.h);
    const auto corner = test::pixel(*r.surface, 21, 11);
    const auto figure = test::pixel(*r.surface, 50, 40);
    CHECK(corner.r > 200);
    CHECK(figure.r < corner.r);
    CHECK(test::count_not_outside(*r.surface, box, picture_white) == 0);
  }
}

TEST_CASE("without a loader every picture is a placeholder") {
  auto fonts = test::open_fonts();
  Canvas canvas(*fonts, nullptr);
  auto r = canvas.render(test::page_of({layout::Picture{{0, 0, 40, 40}, "a.png", 0}}), 40, 40);
  REQUIRE(r.surface);
  CHECK(test::count_not(*r.surface, {0, 0, 40, 40}, picture_white) == 1600);
}

TEST_CASE("a poster's picture is decoded no smaller than its box: 3000x1500 into 1920x1080") {
  const auto poster = test::encoded_picture(3000, 1500, false);
  // For a box of its own, no more shrinking than still fills it whole.
  const auto kept = decode_picture(poster, {}, DecodeTarget{1920, 1080});
  REQUIRE(kept.surface);
  CHECK(kept.surface->w >= 1920);
  CHECK(kept.surface->h >= 1080);
  // 4K: 3840x2160 kept whole.
  const auto uhd = decode_picture(test::encoded_picture(3840, 2160, true), {}, DecodeTarget{3840, 2160});
  REQUIRE(uhd.surface);
  CHECK(uhd.surface->w == 3840);
  // A small box still shrinks it in blocks: a staff photo of a camera's size.
  const auto photo = decode_picture(test::encoded_picture(6000, 4000, true), {}, DecodeTarget{96, 128});
  REQUIRE(photo.surface);
  CHECK(photo.surface->w >= 96);
  CHECK(photo.surface->h >= 128);
  CHECK(photo.surface->w < 400);
  // Without a box, the long side is kept at most max_kept_side, as before.
  const auto plain = decode_picture(poster);
  REQUIRE(plain.surface);
  CHECK(plain.surface->w == 1500);
}

TEST_CASE("a picture's own stand-in: drawn when it fails to decode, skipped when it is drawn") {
  auto fonts = test::open_fonts();
  const auto good = test::encoded_picture(200, 100, false);
  const std::string truncated = good.substr(0, good.size() / 2);  // header fine, data cut
  Canvas canvas(*fonts, [&](const std::string& source) -> std::optional<std::string> {
    return source == "good.png" ? good : truncated;
  });
  const layout::Color card{10, 200, 30, 255};
  const Box box{20, 20, 60, 30}, stand_in{0, 0, 100, 70};
  const auto page_for = [&](const std::string& source) {
    return test::page_of({layout::Picture{box, source, 1}, layout::FillRect{stand_in, card, 0},
                          layout::FillRect{{0, 80, 100, 20}, {0, 0, 255, 255}, 0}});
  };
  auto failed = canvas.render(page_for("cut.png"), 100, 100);
  REQUIRE(failed.surface);
  CHECK(failed.report.problems.size() == 1);  // still said, for the log
  CHECK(failed.report.failed_pictures == std::vector<std::string>{"cut.png"});
  // The stand-in over all of it, no person's outline in the picture's box.
  CHECK(test::count_not(*failed.surface, stand_in, card) == 0);
  CHECK(test::pixel(*failed.surface, 50, 90) == layout::Color{0, 0, 255, 255});  // after it: drawn
  auto drawn = canvas.render(page_for("good.png"), 100, 100);
  REQUIRE(drawn.surface);
  CHECK(drawn.report.problems.empty());
  CHECK(drawn.report.failed_pictures.empty());
  CHECK(test::count_not(*drawn.surface, {0, 0, 100, 15}, picture_white) == 0);  // stand-in skipped
  CHECK(test::pixel(*drawn.surface, 50, 90) == layout::Color{0, 0, 255, 255});  // the next one is not
  CHECK(test::pixel(*drawn.surface, 21, 21).r < 60);  // the picture's dark corner
}

TEST_CASE("the live picture cache holds a full-screen poster and the logo beside it") {
  constexpr std::size_t floor_bytes = 6u << 20;
  CHECK(picture_cache_bytes_for_screen(0, 0, floor_bytes) == floor_bytes);
  CHECK(picture_cache_bytes_for_screen(800, 600, floor_bytes) == floor_bytes);
  CHECK(picture_cache_bytes_for_screen(1920, 1080, floor_bytes) == 1920u * 1080u * 6u);
  // A 4K frame's poster is ~33 MB decoded: the cache holds it and half again.
  const std::size_t uhd = picture_cache_bytes_for_screen(3840, 2160, floor_bytes);
  CHECK(uhd >= 3840u * 2160u * 4u + (1u << 20));
  CHECK(uhd == 3840u * 2160u * 6u);
  CHECK(picture_cache_bytes_for_screen(-5, 100, floor_bytes) == floor_bytes);
}

}  // namespace
}  // namespace hb::render
