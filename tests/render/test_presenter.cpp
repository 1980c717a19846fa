// The presenter: pure timing and geometry, then both paths in a window of
// SDL's dummy video driver (set by ctest), counting what reaches the screen.
#include <doctest/doctest.h>

#include <SDL2/SDL.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include "render/dirty_rect.h"
#include "render/present_scene.h"
#include "render/present_ticker.h"
#include "render/presenter.h"
#include "render/rotate.h"
#include "render/transition.h"
#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::Box;
using layout::Color;

constexpr Color frame_white{255, 255, 255, 255};
constexpr Color frame_red{200, 20, 30, 255};
constexpr Color frame_navy{12, 40, 90, 255};
constexpr Color green{20, 160, 60, 255};
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// ---- pure functions -------------------------------------------------------

TEST_CASE("easing starts and ends at rest and is symmetric") {
  struct Row {
    double p, eased;
  };
  const Row rows[] = {{-1, 0}, {0, 0}, {0.25, 0.0625}, {0.5, 0.5}, {0.75, 0.9375}, {1, 1}, {2, 1}};
  for (const auto& row : rows) {
    CAPTURE(row.p);
    CHECK(ease_in_out(row.p) == doctest::Approx(row.eased));
  }
  for (double p = 0; p <= 1; p += 0.05)
    CHECK(ease_in_out(p) + ease_in_out(1 - p) == doctest::Approx(1));
}

TEST_CASE("transition progress, fade opacity and slide position") {
  struct Row {
    double elapsed, progress;
  };
  const Row rows[] = {{-1, 0}, {0, 0}, {0.15, 0.25}, {0.3, 0.5}, {0.6, 1}, {60, 1}, {nan, 0}};
  for (const auto& row : rows) {
    CAPTURE(row.elapsed);
    CHECK(transition_progress(row.elapsed) == doctest::Approx(row.progress));
  }
  CHECK(transition_progress(1, 0) == 1);
  CHECK(fade_alpha(0) == 0);
  CHECK(fade_alpha(0.5) == 128);
  CHECK(fade_alpha(1) == 255);
  CHECK(slide_x(1920, 0) == 1920);
  CHECK(slide_x(1920, 0.5) == 960);
  CHECK(slide_x(1920, 1) == 0);
}

TEST_CASE("rects turn with the page and back") {
  const Size page{40, 30};
  struct Row {
    int rotation;
    SDL_Rect upright, turned;
  };
  const Row rows[] = {
      {0, {1, 2, 3, 4}, {1, 2, 3, 4}},
      {90, {0, 0, 1, 1}, {29, 0, 1, 1}},  // top-left -> top-right
      {90, {1, 2, 3, 4}, {24, 1, 4, 3}},
      {180, {0, 0, 1, 1}, {39, 29, 1, 1}},
      {180, {1, 2, 3, 4}, {36, 24, 3, 4}},
      {270, {0, 0, 1, 1}, {0, 39, 1, 1}},  // top-left -> bottom-left
      {270, {1, 2, 3, 4}, {2, 36, 4, 3}},
      {45, {1, 2, 3, 4}, {1, 2, 3, 4}},  // not a rotation: none
  };
  for (const auto& row : rows) {
    CAPTURE(row.rotation);
    CAPTURE(row.upright.x);
    const auto t = rotate_rect(row.upright, page, row.rotation);
    CHECK(t.x == row.turned.x);
    CHECK(t.y == row.turned.y);
    CHECK(t.w == row.turned.w);
    CHECK(t.h == row.turned.h);
    const auto back = unrotate_rect(t, page, row.rotation);
    CHECK(std::memcmp(&back, &row.upright, sizeof back) == 0);
  }
  CHECK(rotated_size({1920, 1080}, 90) == Size{1080, 1920});
  CHECK(rotated_size({1920, 1080}, 180) == Size{1920, 1080});
  CHECK(rotated_size({1920, 1080}, 270) == Size{1080, 1920});
}

TEST_CASE("centring and intersecting") {
  struct Row {
    Size content, frame;
    SDL_Point origin;
  };
  const Row rows[] = {{{10, 10}, {10, 10}, {0, 0}},
                      {{10, 10}, {20, 14}, {5, 2}},
                      {{10, 10}, {13, 13}, {1, 1}},
                      {{20, 14}, {10, 10}, {-5, -2}},
                      {{13, 13}, {10, 10}, {-2, -2}}};
  for (const auto& row : rows) {
    const auto o = centred_origin(row.content, row.frame);
    CHECK(o.x == row.origin.x);
    CHECK(o.y == row.origin.y);
  }
  const auto i = intersect({0, 0, 10, 10}, {5, 8, 10, 10});
  CHECK((i.x == 5 && i.y == 8 && i.w == 5 && i.h == 2));
  CHECK(is_empty(intersect({0, 0, 10, 10}, {10, 0, 5, 5})));
}

Uint32 word(const SDL_Surface& s, int x, int y) {
  return reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s.pixels) +
                                         static_cast<std::ptrdiff_t>(y) * s.pitch)[x];
}
void set_word(SDL_Surface& s, int x, int y, Uint32 v) {
  reinterpret_cast<Uint32*>(static_cast<Uint8*>(s.pixels) +
                            static_cast<std::ptrdiff_t>(y) * s.pitch)[x] = v;
}

TEST_CASE("a rotate-blit puts every pixel where rotate_rect says") {
  const Size page{5, 3};
  auto src = make_surface(page.w, page.h);
  REQUIRE(src);
  for (int y = 0; y < page.h; ++y)
    for (int x = 0; x < page.w; ++x)
      set_word(*src, x, y, 0xFF000000u | static_cast<Uint32>(y * 16 + x));
  for (const int rotation : {0, 90, 180, 270}) {
    CAPTURE(rotation);
    const Size turned = rotated_size(page, rotation);
    // A bigger target, written at an offset, with the format X11 gives.
    SurfacePtr dst(
        SDL_CreateRGBSurfaceWithFormat(0, turned.w + 4, turned.h + 4, 32, SDL_PIXELFORMAT_RGB888));
    REQUIRE(dst);
    REQUIRE(rotate_blit(*src, {0, 0, page.w, page.h}, rotation, *dst, 2, 1));
    for (int y = 0; y < page.h; ++y)
      for (int x = 0; x < page.w; ++x) {
        const auto at = rotate_rect({x, y, 1, 1}, page, rotation);
        CHECK(word(*dst, at.x + 2, at.y + 1) == word(*src, x, y));
      }
    // A part of the page lands where the whole page's part would.
    SurfacePtr part(SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 32, SDL_PIXELFORMAT_ARGB8888));
    const SDL_Rect piece{1, 1, 3, 2};
    REQUIRE(rotate_blit(*src, piece, rotation, *part, 0, 0));
    const auto whole = rotate_rect(piece, page, rotation);
    for (int y = 0; y < piece.h; ++y)
      for (int x = 0; x < piece.w; ++x) {
        const auto at = rotate_rect({piece.x + x, piece.y + y, 1, 1}, page, rotation);
        CHECK(word(*part, at.x - whole.x, at.y - whole.y) == word(*src, piece.x + x, piece.y + y));
      }
  }
  SurfacePtr small(SDL_CreateRGBSurfaceWithFormat(0, 2, 2, 32, SDL_PIXELFORMAT_ARGB8888));
  CHECK_FALSE(rotate_blit(*src, {0, 0, 5, 3}, 0, *small, 0, 0));  // does not fit
  CHECK_FALSE(rotate_blit(*src, {3, 0, 5, 3}, 0, *small, 0, 0));  // not inside src
  SurfacePtr rgb565(SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 16, SDL_PIXELFORMAT_RGB565));
  CHECK_FALSE(rotate_blit(*src, {0, 0, 5, 3}, 0, *rgb565, 0, 0));  // another format
}

TEST_CASE("changed rects cover what changed and no more") {
  struct Change {
    int x, y;
  };
  struct Row {
    const char* what;
    std::vector<Change> changes;
    std::vector<SDL_Rect> rects;
  };
  const Row rows[] = {
      {"nothing", {}, {}},
      {"one pixel", {{7, 9}}, {{7, 9, 1, 1}}},
      {"two close rows are one rect", {{3, 10}, {20, 14}}, {{3, 10, 18, 5}}},
      {"far apart rows are two", {{3, 2}, {20, 60}}, {{3, 2, 1, 1}, {20, 60, 1, 1}}},
      {"the first and last pixel", {{0, 0}, {99, 79}}, {{0, 0, 1, 1}, {99, 79, 1, 1}}},
  };
  auto before = make_surface(100, 80);
  REQUIRE(before);
  SDL_FillRect(before.get(), nullptr, 0xFFFFFFFFu);
  for (const auto& row : rows) {
    INFO(row.what);
    auto after = copy_surface(*before);
    REQUIRE(after);
    for (const auto& c : row.changes)
      set_word(*after, c.x, c.y, 0xFF000000u);
    const auto rects = changed_rects(*before, *after);
    REQUIRE(rects.size() == row.rects.size());
    for (std::size_t i = 0; i < rects.size(); ++i) {
      CHECK(rects[i].x == row.rects[i].x);
      CHECK(rects[i].y == row.rects[i].y);
      CHECK(rects[i].w == row.rects[i].w);
      CHECK(rects[i].h == row.rects[i].h);
    }
  }
  // Many scattered changes become one bounding box.
  auto speckled = copy_surface(*before);
  for (int y = 0; y < 80; y += 20)
    for (int x = 0; x < 3; ++x)
      set_word(*speckled, 10 + x * 30, y + 1, 0);
  const auto few = changed_rects(*before, *speckled, {.merge_rows = 4, .max_rects = 2});
  REQUIRE(few.size() == 1);
  CHECK((few[0].x == 10 && few[0].y == 1 && few[0].w == 61 && few[0].h == 61));
  auto other = make_surface(50, 50);
  const auto whole = changed_rects(*before, *other);
  REQUIRE(whole.size() == 1);
  CHECK((whole[0].w == 50 && whole[0].h == 50));
}

TEST_CASE("the ticker's loop: period and offset") {
  layout::Ticker t;
  t.box = {0, 0, 1000, 48};
  t.style = {32, layout::Weight::regular};
  struct Row {
    int text_width, period;
  };
  const Row rows[] = {{5000, 5000 + 4 * 32}, {100, 1000}, {0, 1000}};
  for (const auto& row : rows)
    CHECK(ticker_period(row.text_width, t) == row.period);
  struct Offset {
    double seconds;
    int speed, period, offset;
  };
  const Offset offsets[] = {
      {0, 120, 1000, 0},    {0.5, 120, 1000, 60}, {0.51, 120, 1000, 61},
      {10, 120, 1000, 200}, {-3, 120, 1000, 0},   {1, 0, 1000, 0},
      {1, -5, 1000, 0},     {nan, 120, 1000, 0},  {1e9 + 0.25, 120, 1000, 30},
  };
  for (const auto& o : offsets) {
    CAPTURE(o.seconds);
    CHECK(ticker_offset(o.seconds, o.speed, o.period) == o.offset);
  }
}

TEST_CASE("transition frames: half a fade, half a slide") {
  auto from = make_surface(10, 4), to = make_surface(10, 4), out = make_surface(10, 4);
  SDL_FillRect(from.get(), nullptr, 0xFF000000u);
  SDL_FillRect(to.get(), nullptr, 0xFFFFFFFFu);
  REQUIRE(compose_transition(model::Transition::fade, 0.5, *from, *to, *out));
  CHECK(word(*out, 3, 2) == 0xFF808080u);
  REQUIRE(compose_transition(model::Transition::fade, 1, *from, *to, *out));
  CHECK(word(*out, 3, 2) == 0xFFFFFFFFu);
  REQUIRE(compose_transition(model::Transition::slide, 0.5, *from, *to, *out));
  CHECK(word(*out, 4, 0) == 0xFF000000u);  // the old page, pushed left
  CHECK(word(*out, 5, 0) == 0xFFFFFFFFu);  // the new page's left edge
  REQUIRE(compose_transition(model::Transition::none, 0, *from, *to, *out));
  CHECK(word(*out, 0, 0) == 0xFFFFFFFFu);
  auto other = make_surface(3, 3);
  CHECK_FALSE(compose_transition(model::Transition::fade, 0.5, *from, *other, *out));
}

TEST_CASE("a fade in vectors gives what the formula gives, at every width") {
  // Widths around the vector's four pixels, so the tail is covered too.
  for (const int w : {1, 3, 4, 5, 8, 11, 37}) {
    CAPTURE(w);
    auto from = make_surface(w, 3), to = make_surface(w, 3), out = make_surface(w, 3);
    REQUIRE((from && to && out));
    Uint32 seed = 12345u + static_cast<Uint32>(w);
    const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int y = 0; y < 3; ++y)
      for (int x = 0; x < w; ++x) {
        set_word(*from, x, y, next());
        set_word(*to, x, y, next());
      }
    for (const double eased : {0.0, 0.25, 0.5, 0.9, 1.0}) {
      CAPTURE(eased);
      REQUIRE(compose_transition(model::Transition::fade, eased, *from, *to, *out));
      const int alpha = fade_alpha(eased);
      const Uint32 a = static_cast<Uint32>(alpha + (alpha >> 7)), b = 256 - a;
      for (int y = 0; y < 3; ++y)
        for (int x = 0; x < w; ++x) {
          Uint32 expected = 0;
          for (int shift = 0; shift < 32; shift += 8) {
            const Uint32 f = (word(*from, x, y) >> shift) & 0xFF,
                         t = (word(*to, x, y) >> shift) & 0xFF;
            expected |= ((f * b + t * a) >> 8) << shift;
          }
          CHECK(word(*out, x, y) == expected);
        }
    }
  }
}

TEST_CASE("where two frames differ, row by row, leaving out what is ignored") {
  struct Row {
    const char* name;
    std::vector<SDL_Point> changed;  // pixels of b that differ from a
    std::vector<SDL_Rect> ignore;
    std::vector<RowSpan> spans;  // of the 4 rows
    SDL_Rect bounds;
  };
  const std::vector<Row> rows{
      {"the same frames", {}, {}, {{}, {}, {}, {}}, {0, 0, 0, 0}},
      {"one pixel", {{3, 1}}, {}, {{}, {3, 4}, {}, {}}, {3, 1, 1, 1}},
      {"a row's first and last", {{0, 2}, {9, 2}}, {}, {{}, {}, {0, 10}, {}}, {0, 2, 10, 1}},
      {"ignored", {{3, 1}}, {{0, 1, 10, 1}}, {{}, {}, {}, {}}, {0, 0, 0, 0}},
      {"on both sides of an ignored box",
       {{1, 0}, {5, 0}, {8, 0}},
       {{4, 0, 3, 2}},
       {{1, 9}, {}, {}, {}},
       {1, 0, 8, 1}},
      {"two rows", {{2, 0}, {7, 3}}, {}, {{2, 3}, {}, {}, {7, 8}}, {2, 0, 6, 4}},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    auto a = make_surface(10, 4), b = make_surface(10, 4);
    REQUIRE((a && b));
    SDL_FillRect(a.get(), nullptr, 0xFF203040u);
    SDL_FillRect(b.get(), nullptr, 0xFF203040u);
    for (const auto& p : row.changed)
      set_word(*b, p.x, p.y, 0xFFFFFFFFu);
    const auto spans = differing_spans(*a, *b, row.ignore);
    CHECK(spans == row.spans);
    const auto bounds = spans_bounds(spans);
    CHECK(bounds.x == row.bounds.x);
    CHECK(bounds.y == row.bounds.y);
    CHECK(bounds.w == row.bounds.w);
    CHECK(bounds.h == row.bounds.h);
  }
  auto small = make_surface(3, 3), large = make_surface(4, 3);
  CHECK(differing_spans(*small, *large).empty());
}

TEST_CASE("renderer names that mean software, and backend names") {
  struct Row {
    const char* name;
    bool software;
  };
  const Row rows[] = {
      {"llvmpipe (LLVM 15.0.6, 256 bits)", true},
      {"softpipe", true},
      {"Mesa DRI swrast", true},
      {"Google SwiftShader", true},
      {"software", true},
      {"Microsoft Basic Render Driver", true},
      {"Mesa Intel(R) UHD Graphics 620 (KBL GT2)", false},
      {"AMD Radeon RX 580 (radeonsi, polaris10, LLVM 15.0.6, DRM 3.49)", false},
      {"V3D 4.2", false},
      {"opengl", false},
      {"", false},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    CHECK(is_software_renderer(row.name) == row.software);
  }
  CHECK(parse_backend("auto") == Backend::automatic);
  CHECK(parse_backend("gpu") == Backend::gpu);
  CHECK(parse_backend("cpu") == Backend::cpu);
  CHECK_FALSE(parse_backend("GPU"));
  CHECK(to_string(Backend::cpu) == "cpu");
}

// ---- presenters in a dummy window ------------------------------------------

struct Setup {
  std::unique_ptr<FontSet> fonts = test::open_fonts();
  Canvas canvas = test::canvas_without_pictures(*fonts);
};

PresenterResult open(Setup& s, Backend backend, int w, int h, int rotate = 0) {
  PresenterOptions options;
  options.window = {"hallboard test", w, h};
  options.backend = backend;
  options.rotate = rotate;
  auto opened = open_presenter(s.canvas, *s.fonts, options);
  INFO(opened.error);
  REQUIRE(opened.presenter);
  return opened;
}

layout::Ticker ticker_at(Box box, int speed = 120) {
  return layout::Ticker{
      box, "政务服务大厅欢迎您　办事请取号", {24, layout::Weight::regular}, frame_navy, speed};
}

SDL_Surface& window_surface(Presenter& p) {
  SDL_Surface* s = SDL_GetWindowSurface(p.window());
  REQUIRE(s);
  return *s;
}

Color window_pixel(Presenter& p, int x, int y) {
  auto& s = window_surface(p);
  REQUIRE((x >= 0 && y >= 0 && x < s.w && y < s.h));
  Uint8 r = 0, g = 0, b = 0;
  SDL_GetRGB(word(s, x, y), s.format, &r, &g, &b);
  return {r, g, b, 255};
}

bool dummy_driver() {
  const char* driver = SDL_GetCurrentVideoDriver();
  return driver && std::string_view(driver) == "dummy";
}

// The contract of presenter.h holds on both paths. On the dummy driver the
// gpu path draws with SDL's software renderer into the window surface,
// where the tests read the frame back; where SDL gives it no renderer it
// falls back to the compositor, and its run is left out, said as a message.
constexpr Backend backends[] = {Backend::cpu, Backend::gpu};

bool runs_here(const PresenterResult& opened, Backend backend) {
  if (backend == Backend::cpu || opened.presenter->name() == "gpu (software)") return true;
  MESSAGE("the gpu path is not tested here: " << opened.choice);
  return false;
}

// SDL's software renderer, which the gpu path uses here, blends even an
// opaque texture a step off in places; a misplaced pixel is far more off.
constexpr int gpu_steps = 8;

bool near(Uint32 a, Uint32 b, int steps) {
  for (int shift = 0; shift < 24; shift += 8) {
    const int d = static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF);
    if (std::abs(d) > steps) return false;
  }
  return true;
}
bool near(Color a, Color b, int steps) {
  return std::abs(a.r - b.r) <= steps && std::abs(a.g - b.g) <= steps &&
         std::abs(a.b - b.b) <= steps;
}

// One presenter test on each path that opens here: the compositor, and
// the gpu path where SDL gives it its software renderer.
struct OnPath {
  Setup& s;
  Presenter& p;
  bool cpu;
  const std::string& choice;
};

template <class Test>
void on_both_paths(int w, int h, int rotate, Test test) {
  for (const auto backend : backends) {
    const std::string path(to_string(backend));
    CAPTURE(path);
    Setup s;
    auto opened = open(s, backend, w, h, rotate);
    if (!runs_here(opened, backend)) continue;
    test(OnPath{s, *opened.presenter, backend == Backend::cpu, opened.choice});
  }
}

// A copy of what the window shows (both paths draw into its surface here).
SurfacePtr window_copy(Presenter& p) {
  return copy_surface(window_surface(p));
}

TEST_CASE("auto picks the cpu compositor on the dummy driver, and says why") {
  Setup s;
  auto opened = open(s, Backend::automatic, 160, 90);
  INFO(opened.choice);
  if (dummy_driver()) {
    CHECK(opened.choice.rfind("cpu: ", 0) == 0);
    CHECK(opened.choice.find("no accelerated renderer") != std::string::npos);
    CHECK(opened.presenter->name() == "cpu compositor (dummy)");
  } else {
    // Run by hand under another driver (x11 on Xvfb: Mesa's llvmpipe).
    MESSAGE(opened.choice);
    CHECK(opened.choice.find(opened.presenter->name().substr(0, 3)) == 0);
  }
  CHECK(opened.presenter->page_size() == Size{160, 90});
  CHECK_FALSE(opened.presenter->vsync());
  CHECK(opened.presenter->refresh_hz() > 0);
}

TEST_CASE("both paths: a still page is presented once, then nothing") {
  on_both_paths(160, 90, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    if (cpu) CHECK(choice == "cpu, as asked");
    const auto page = test::page_of({layout::FillRect{{10, 10, 40, 20}, frame_red, 0}});
    CHECK(p.show(page, {160, 90}, model::Transition::fade).problems.empty());
    auto first = p.frame(1.0);
    CHECK(first.presented);
    CHECK_FALSE(first.animating);
    CHECK(first.error.empty());
    for (double t = 1.1; t < 3; t += 0.1)
      CHECK_FALSE(p.frame(t).presented);
    CHECK(p.stats().frames_presented == 1);
    CHECK(p.stats().full_frames == 1);
    CHECK(window_pixel(p, 20, 20) == frame_red);
    CHECK(window_pixel(p, 100, 60) == frame_white);
    // A lost window (exposed) is drawn again, once.
    p.invalidate();
    CHECK(p.frame(3.0).presented);
    CHECK_FALSE(p.frame(3.1).presented);
    CHECK(p.stats().frames_presented == 2);
  });
}

TEST_CASE("both paths: the still frame is exactly the page Canvas draws") {
  on_both_paths(320, 120, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    const auto page =
        test::page_of({layout::FillRect{{0, 70, 320, 50}, green, 0}, ticker_at({10, 80, 300, 36}),
                       layout::TextRun{{10, 10, 200, 48}, "办事指南", {32}, frame_navy}});
    p.show(page, {320, 120}, model::Transition::none);
    p.frame(5.0);
    auto shot = p.screenshot();
    REQUIRE(shot);
    auto drawn = s.canvas.render(page, 320, 120);
    REQUIRE(drawn.surface);
    const auto same = test::compare(*shot, *drawn.surface, 0);
    CHECK(same.worst == 0);
    if (!cpu) {  // the gpu path's screenshot is its scene: its window shows the page too
      const auto shown = window_copy(p);
      REQUIRE(shown);
      CHECK(test::compare(*shown, *drawn.surface, 0).worst <= gpu_steps);
    }
  });
}

TEST_CASE("both paths: a ticker sends only its own band") {
  on_both_paths(320, 120, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    const Box band{10, 80, 300, 36};
    const auto page =
        test::page_of({layout::FillRect{{0, 70, 320, 50}, green, 0}, ticker_at(band)});
    p.show(page, {320, 120}, model::Transition::none);
    auto first = p.frame(10.0);
    CHECK(first.presented);
    CHECK(first.animating);
    auto before = p.stats();
    auto shot_before = p.screenshot();
    REQUIRE(shot_before);
    for (int i = 1; i <= 30; ++i) {
      auto f = p.frame(10.0 + i / 60.0);
      CHECK(f.animating);
      CHECK(f.presented);  // 120 px/s moves 2 px a frame at 60 Hz
    }
    const auto after = p.stats();
    CHECK(after.frames_presented - before.frames_presented == 30);
    if (cpu) {  // the gpu path sends whole frames
      CHECK(after.full_frames == before.full_frames);
      CHECK(after.rects_updated - before.rects_updated == 30);
      CHECK(after.pixels_updated - before.pixels_updated == 30u * 300u * 36u);
    }
    // It moved, and nothing outside the band did.
    auto shot_after = p.screenshot();
    REQUIRE(shot_after);
    const auto changed = changed_rects(*shot_before, *shot_after);
    REQUIRE_FALSE(changed.empty());
    for (const auto& r : changed) {
      CHECK(r.x >= band.x);
      CHECK(r.y >= band.y);
      CHECK(r.x + r.w <= band.x + band.w);
      CHECK(r.y + r.h <= band.y + band.h);
    }
    // The same time again moves nothing, so nothing is sent.
    CHECK_FALSE(p.frame(10.5).presented);
  });
}

TEST_CASE("both paths: the ticker comes round without a jump") {
  on_both_paths(320, 120, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    auto t = ticker_at({10, 80, 300, 36}, 100);
    const auto page = test::page_of({t});
    p.show(page, {320, 120}, model::Transition::none);
    p.frame(0);
    auto start = p.screenshot();
    // One whole period later the band is as it started.
    const TtfMeasurer m(*s.fonts);
    const int period = ticker_period(m.width(t.text, t.style), t);
    p.frame((period + 0.5) / 100.0);  // the half pixel keeps rounding off the edge
    auto round = p.screenshot();
    REQUIRE((start && round));
    CHECK(changed_rects(*start, *round).empty());
    // Half way round it shows something else.
    p.frame(period / 200.0);
    auto half = p.screenshot();
    CHECK_FALSE(changed_rects(*start, *half).empty());
  });
}

TEST_CASE("both paths: the band under a ticker is restored exactly after the page is let go") {
  // After the first frame the scene keeps only the bands under its tickers;
  // a coloured band and a stripe through it must come back pixel for pixel.
  on_both_paths(320, 120, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    auto t = ticker_at({10, 80, 300, 36}, 100);
    layout::Page page = test::page_of({layout::FillRect{{0, 70, 320, 50}, {200, 230, 250, 255}},
                                       layout::FillRect{{0, 95, 320, 3}, {220, 30, 30, 255}}, t});
    p.show(page, {320, 120}, model::Transition::none);
    p.frame(0);
    auto start = p.screenshot();
    const TtfMeasurer m(*s.fonts);
    const int period = ticker_period(m.width(t.text, t.style), t);
    for (int i = 1; i <= 7; ++i)
      p.frame(period * i / 800.0);
    p.frame((period + 0.5) / 100.0);
    auto round = p.screenshot();
    REQUIRE((start && round));
    CHECK(changed_rects(*start, *round).empty());
    CHECK(window_pixel(p, 5, 96) == Color{220, 30, 30, 255});
    CHECK(window_pixel(p, 5, 75) == Color{200, 230, 250, 255});
  });
}

TEST_CASE("both paths: content updated in place sends only what changed") {
  on_both_paths(320, 180, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    auto page =
        test::page_of({layout::FillRect{{200, 10, 40, 20}, frame_red, 0}, ticker_at({10, 130, 300, 36})});
    p.show(page, {320, 180}, model::Transition::none);
    p.frame(1.0);
    p.frame(1.5);  // the ticker has moved; an update must not put it back
    auto shot = p.screenshot();
    const auto before = p.stats();
    auto changed = page;
    std::get<layout::FillRect>(changed.elements[0]).color = green;
    CHECK(p.update(changed, {320, 180}).problems.empty());
    // The same instant: the ticker has not moved, so only the box is sent.
    auto f = p.frame(1.5);
    CHECK(f.presented);
    const auto after = p.stats();
    if (cpu) {  // the gpu path sends whole frames
      CHECK(after.full_frames == before.full_frames);
      CHECK(after.pixels_updated - before.pixels_updated == 40u * 20u);
    }
    CHECK(window_pixel(p, 210, 15) == green);
    auto shot2 = p.screenshot();
    const auto diff = changed_rects(*shot, *shot2);
    REQUIRE(diff.size() == 1);
    CHECK((diff[0].x == 200 && diff[0].y == 10 && diff[0].w == 40 && diff[0].h == 20));
    // An update with nothing new sends nothing (the compositor compares).
    p.update(changed, {320, 180});
    if (cpu) CHECK_FALSE(p.frame(1.5).presented);
  });
}

TEST_CASE("both paths: transitions send whole frames, end, and then stop") {
  for (const auto how : {model::Transition::fade, model::Transition::slide}) {
    CAPTURE(static_cast<int>(how));
    on_both_paths(200, 100, 0, [how](const OnPath& on) {
      auto& [s, p, cpu, choice] = on;
      p.show(test::page_of({}, frame_red), {200, 100}, model::Transition::none);
      p.frame(1.0);
      p.show(test::page_of({}, green), {200, 100}, how);
      const auto before = p.stats();
      // The transition starts at the next frame, whatever time show() was called.
      CHECK(p.frame(2.0).animating);
      auto mid = p.frame(2.3);
      CHECK(mid.animating);
      CHECK(mid.presented);
      // The gpu path's screenshot is the page it goes to: read its window.
      auto shot = cpu ? p.screenshot() : window_copy(p);
      REQUIRE(shot);
      if (how == model::Transition::slide) {
        CHECK(test::pixel(*shot, 5, 50) == frame_red);      // the old page, leaving at the left
        CHECK(test::pixel(*shot, 195, 50) == green);  // the new one, come in from the right
      } else {
        const auto c = test::pixel(*shot, 100, 50);
        CHECK((c.r < frame_red.r && c.r > green.r));
        CHECK((c.g > frame_red.g && c.g < green.g));
      }
      auto last = p.frame(2.61);
      CHECK(last.presented);
      CHECK_FALSE(last.animating);
      CHECK(window_pixel(p, 100, 50) == green);
      CHECK_FALSE(p.frame(2.7).presented);
      CHECK_FALSE(p.frame(5.0).presented);
      const auto after = p.stats();
      CHECK(after.frames_presented - before.frames_presented == 3);
      CHECK(after.pixels_updated - before.pixels_updated == 3u * 200u * 100u);
    });
  }
}

TEST_CASE("both paths: a fade sends only what differs, and a kept ticker moves on unfaded") {
  on_both_paths(320, 120, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    const Color pale{200, 230, 250, 255};
    auto t = ticker_at({0, 84, 320, 32}, 100);
    const auto page = [&](const char* body) {
      return test::page_of({layout::FillRect{{0, 0, 320, 20}, frame_red, 0},
                            layout::TextRun{{10, 30, 200, 40}, body, {28}, frame_navy},
                            layout::FillRect{{0, 80, 320, 40}, pale, 0}, t});
    };
    const auto band_of = [&](SDL_Surface& shot) {
      std::vector<Uint32> band;
      for (int y = 84; y < 116; ++y)
        for (int x = 0; x < 320; ++x)
          band.push_back(word(shot, x, y));
      return band;
    };
    p.show(page("建设工程"), {320, 120}, model::Transition::none);
    p.frame(1.0);  // the ticker's epoch
    p.frame(1.2);
    p.show(page("房地产市场"), {320, 120}, model::Transition::fade);
    const auto before = p.stats();
    p.frame(1.3);                         // the fade starts
    const double mid = 1.0 + 45.5 / 100;  // half way; half a pixel off the rounding edge
    CHECK(p.frame(mid).animating);
    const auto after_mid = p.stats();
    // The gpu path's screenshot is the page it goes to: read its window.
    auto shot = cpu ? p.screenshot() : window_copy(p);
    REQUIRE(shot);
    // The header is the same on both pages: not sent, not blended.
    if (cpu) CHECK(after_mid.pixels_updated - before.pixels_updated < 2u * 320u * 100u);
    CHECK(near(test::pixel(*shot, 5, 5), frame_red, cpu ? 0 : gpu_steps));
    const auto body = test::pixel(*shot, 25, 50);
    CHECK(body != pale);
    // One round later, the fade long over, the band is as it was mid-fade:
    // the ticker went on as on a still page, with no ghost of the old one.
    const TtfMeasurer m(*s.fonts);
    const int period = ticker_period(m.width(t.text, t.style), t);
    p.frame(2.5);
    if (cpu) CHECK_FALSE(p.stats().full_frames > after_mid.full_frames + 1);
    p.frame(mid + period / 100.0);
    auto later = cpu ? p.screenshot() : window_copy(p);
    REQUIRE(later);
    CHECK(band_of(*shot) == band_of(*later));
    // And the end of the fade is exactly the new page.
    auto drawn = s.canvas.render(page("房地产市场"), 320, 120);
    REQUIRE(drawn.surface);
    int differing_outside_band = 0;
    for (int y = 0; y < 84; ++y)
      for (int x = 0; x < 320; ++x)
        differing_outside_band +=
            !near(word(*later, x, y), word(*drawn.surface, x, y), cpu ? 0 : gpu_steps);
    CHECK(differing_outside_band == 0);
  });
}

TEST_CASE("both paths: a turned display shows the upright page turned") {
  struct Row {
    int rotation;
    int x, y;  // where the upright page's top-left frame_red square lands
  };
  // The window is 120x80; the page 80x120 upright at 90 and 270.
  const Row rows[] = {
      {0, 2, 3}, {90, 120 - 1 - 3, 2}, {180, 120 - 1 - 2, 80 - 1 - 3}, {270, 3, 80 - 1 - 2}};
  for (const auto& row : rows) {
    CAPTURE(row.rotation);
    on_both_paths(120, 80, row.rotation, [&row](const OnPath& on) {
      auto& [s, p, cpu, choice] = on;
      const Size size = p.page_size();
      CHECK(size == rotated_size({120, 80}, row.rotation));
      const Box band{0, size.h - 30, size.w, 30};
      p.show(test::page_of({layout::FillRect{{2, 3, 1, 1}, frame_red, 0},
                            ticker_at({band.x, band.y, band.w, band.h})}),
             size, model::Transition::none);
      p.frame(0);
      CHECK(window_pixel(p, row.x, row.y) == frame_red);
      auto shot = p.screenshot();
      REQUIRE(shot);
      CHECK(shot->w == size.w);
      CHECK(test::pixel(*shot, 2, 3) == frame_red);  // the screenshot stays upright
      // The ticker's band is sent turned: the same pixels, in the turned rect.
      const auto before = p.stats();
      p.frame(0.5);
      const auto after = p.stats();
      if (cpu)  // the gpu path sends whole frames
        CHECK(after.pixels_updated - before.pixels_updated ==
              static_cast<std::uint64_t>(band.w * band.h));
      // What the window shows is the screenshot turned, pixel for pixel.
      auto& win = window_surface(p);
      auto upright = p.screenshot();
      int wrong = 0;
      for (int y = 0; y < upright->h; ++y)
        for (int x = 0; x < upright->w; ++x) {
          const auto at = rotate_rect({x, y, 1, 1}, size, row.rotation);
          if (!near(word(win, at.x, at.y), word(*upright, x, y), cpu ? 0 : gpu_steps)) ++wrong;
        }
      CHECK(wrong == 0);
    });
  }
}

TEST_CASE("both paths: a page of another size is centred or cut, never a crash") {
  on_both_paths(100, 60, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    p.show(test::page_of({}, frame_red), {50, 20}, model::Transition::none);
    CHECK(p.frame(0).presented);
    CHECK(window_pixel(p, 50, 30) == frame_red);
    CHECK(window_pixel(p, 24, 30) == Color{0, 0, 0, 255});
    CHECK(window_pixel(p, 25, 30) == frame_red);
    CHECK(window_pixel(p, 50, 19) == Color{0, 0, 0, 255});
    CHECK(window_pixel(p, 50, 20) == frame_red);
    // Larger than the window: its middle shows; a ticker at its edge is cut.
    p.show(test::page_of(
               {layout::FillRect{{100, 60, 100, 60}, green, 0}, ticker_at({0, 150, 300, 30})}, frame_red),
           {300, 180}, model::Transition::slide);
    CHECK(p.frame(1).presented);
    CHECK(window_pixel(p, 0, 0) == green);
    CHECK(window_pixel(p, 99, 59) == green);
    if (cpu) CHECK(p.frame(1.5).presented == false);  // the ticker is off the window
    // Back to the window's size, with a transition that must not start from
    // a frame of another size.
    p.show(test::page_of({}, frame_navy), {100, 60}, model::Transition::fade);
    auto f = p.frame(2);
    CHECK(f.presented);
    CHECK_FALSE(f.animating);
    CHECK(window_pixel(p, 0, 0) == frame_navy);
  });
}

TEST_CASE("both paths: blank presents black once, and the next page comes at once") {
  on_both_paths(100, 60, 0, [](const OnPath& on) {
    auto& [s, p, cpu, choice] = on;
    p.show(test::page_of({ticker_at({0, 20, 100, 30})}, frame_red), {100, 60}, model::Transition::none);
    p.frame(0);
    p.blank();
    auto f = p.frame(1);
    CHECK(f.presented);
    CHECK_FALSE(f.animating);
    CHECK(window_pixel(p, 50, 10) == Color{0, 0, 0, 255});
    const auto before = p.stats();
    for (double t = 1.1; t < 3; t += 0.25)
      CHECK_FALSE(p.frame(t).presented);
    CHECK(p.stats().frames_presented == before.frames_presented);
    // Updates to the content while dark stay dark.
    p.update(test::page_of({}, green), {100, 60});
    CHECK_FALSE(p.frame(3).presented);
    auto shot = p.screenshot();
    REQUIRE(shot);
    CHECK(test::pixel(*shot, 5, 5) == Color{0, 0, 0, 255});
    p.show(test::page_of({}, green), {100, 60}, model::Transition::fade);
    f = p.frame(4);
    CHECK(f.presented);
    CHECK_FALSE(f.animating);
    CHECK(window_pixel(p, 50, 10) == green);
  });
}

TEST_CASE("gpu asked for on the dummy driver: SDL's software renderer, flagged, or the cpu") {
  Setup s;
  auto opened = open(s, Backend::gpu, 200, 100);
  INFO(opened.choice);
  auto& p = *opened.presenter;
  if (std::string_view(p.name()).rfind("cpu", 0) == 0) {
    CHECK(opened.choice.find("gpu was asked for") != std::string::npos);
    return;
  }
  if (dummy_driver()) {
    CHECK(opened.choice.find("SDL's software renderer") != std::string::npos);
    CHECK(p.name() == "gpu (software)");
    CHECK_FALSE(p.vsync());  // SDL claims it, but a window surface cannot wait for it
  } else {
    MESSAGE(opened.choice);
  }
  // The same promises as the compositor: still pages present once, tickers
  // and transitions animate, then it stops.
  const auto page = test::page_of({layout::FillRect{{0, 60, 200, 40}, green, 0}}, frame_red);
  p.show(page, {200, 100}, model::Transition::none);
  CHECK(p.frame(1).presented);
  CHECK_FALSE(p.frame(1.5).presented);
  CHECK(p.stats().frames_presented == 1);
  const auto moving = test::page_of(
      {layout::FillRect{{0, 60, 200, 40}, green, 0}, ticker_at({10, 62, 180, 36})}, frame_red);
  p.show(moving, {200, 100}, model::Transition::slide);
  CHECK(p.frame(2).animating);
  CHECK(p.frame(2.3).presented);
  auto done = p.frame(2.7);
  CHECK(done.presented);
  CHECK(done.animating);  // the ticker still moves
  CHECK(p.frame(2.8).presented);
  auto shot = p.screenshot();
  REQUIRE(shot);
  CHECK(test::pixel(*shot, 5, 5) == frame_red);
  CHECK(test::count_not(*shot, {10, 62, 180, 36}, green) > 0);  // the ticker's text
  p.blank();
  CHECK(p.frame(3).presented);
  CHECK_FALSE(p.frame(3.5).presented);
}

TEST_CASE("gpu on SDL's software renderer: turned pages and tickers land where the cpu puts them") {
  for (const int rotation : {0, 90, 180, 270}) {
    CAPTURE(rotation);
    Setup s;
    auto gpu = open(s, Backend::gpu, 120, 80, rotation);
    // Only SDL's software renderer draws into the window surface, where
    // the frame can be read back.
    if (gpu.presenter->name() != "gpu (software)") return;
    const Size size = gpu.presenter->page_size();
    const auto page = test::page_of(
        {layout::FillRect{{2, 3, 7, 5}, frame_red, 0}, ticker_at({0, size.h - 30, size.w, 30})}, frame_white);
    gpu.presenter->show(page, size, model::Transition::none);
    gpu.presenter->frame(0.75);
    gpu.presenter->frame(1.0);  // the ticker has moved 30 px
    auto& gpu_window = window_surface(*gpu.presenter);
    auto from_gpu = copy_surface(gpu_window);
    gpu.presenter.reset();

    auto cpu = open(s, Backend::cpu, 120, 80, rotation);
    cpu.presenter->show(page, size, model::Transition::none);
    cpu.presenter->frame(0.75);
    cpu.presenter->frame(1.0);
    auto& cpu_window = window_surface(*cpu.presenter);
    REQUIRE(from_gpu);
    REQUIRE(from_gpu->w == cpu_window.w);
    int far = 0;
    for (int y = 0; y < cpu_window.h; ++y)
      for (int x = 0; x < cpu_window.w; ++x) {
        Uint8 r1, g1, b1, r2, g2, b2;
        SDL_GetRGB(word(*from_gpu, x, y), from_gpu->format, &r1, &g1, &b1);
        SDL_GetRGB(word(cpu_window, x, y), cpu_window.format, &r2, &g2, &b2);
        // Blending differs by a step or two between SDL's blitter and its
        // renderer; a misplaced pixel differs by far more.
        if (std::abs(r1 - r2) > 8 || std::abs(g1 - g2) > 8 || std::abs(b1 - b2) > 8) ++far;
      }
    CHECK(far == 0);
  }
}

}  // namespace
}  // namespace hb::render
