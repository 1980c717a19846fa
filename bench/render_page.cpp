// Benchmark (not a test): lay out and draw one demo page with the software
// renderer, and redraw it from cached text surfaces. Prints p50 and p99.
// Usage: build/bench/bench_render_page [WxH] [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "feed/feed.h"
#include "layout/pages.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/ttf_measurer.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Stats {
  double p50, p99;
};

Stats percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))]; };
  return {at(0.5), at(0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hb;
  int w = 1920, h = 1080, rounds = 200;
  if (argc > 1) std::sscanf(argv[1], "%dx%d", &w, &h);
  if (argc > 2) rounds = std::atoi(argv[2]);
  const std::string dir = HALLBOARD_SOURCE_DIR "/content/";
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    feeds.push_back(*feed::parse_feed(read(dir + f), dir + f, out));
  const model::Content content = feed::merge(std::move(feeds), out);
  auto fonts = render::FontSet::open();
  if (!fonts.fonts) {
    std::fprintf(stderr, "%s\n", fonts.error.c_str());
    return 1;
  }
  const render::TtfMeasurer measure(*fonts.fonts);
  layout::PageLayout layout(measure, layout::Theme{}, w, h);
  render::Canvas canvas(*fonts.fonts, [](const std::string& s) -> std::optional<std::string> {
    const std::string bytes = read(s);
    if (bytes.empty()) return std::nullopt;
    return bytes;
  });
  const auto moment = layout::moment_for(content, 480, 1795744800);  // 2026-11-27T10:00+08:00
  model::Slide slide;
  slide.type = model::SlideType::roster;
  auto surface = canvas.render(layout.slide(moment, slide, "").at(0), w, h);  // warm fonts

  std::vector<double> layout_ms, draw_ms, compose_ms;
  using clock = std::chrono::steady_clock;
  const auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  for (int i = 0; i < rounds; ++i) {
    const auto t0 = clock::now();
    const auto pages = layout.slide(moment, slide, "");
    const auto t1 = clock::now();
    layout_ms.push_back(ms(t1 - t0));
    render::Canvas fresh(*fonts.fonts, [](const std::string&) { return std::optional<std::string>{}; });
    const auto t2 = clock::now();
    auto r = fresh.render(pages.at(0), w, h);  // every text rendered anew
    draw_ms.push_back(ms(clock::now() - t2));
    const auto t3 = clock::now();
    canvas.draw(pages.at(0), *surface.surface);  // from the warm cache
    compose_ms.push_back(ms(clock::now() - t3));
  }
  const auto l = percentiles(layout_ms), d = percentiles(draw_ms), c = percentiles(compose_ms);
  std::printf("roster page at %dx%d, %d rounds\n", w, h, rounds);
  std::printf("layout                      p50 %7.2f ms  p99 %7.2f ms\n", l.p50, l.p99);
  std::printf("draw, text rendered anew    p50 %7.2f ms  p99 %7.2f ms\n", d.p50, d.p99);
  std::printf("compose from cached text    p50 %7.2f ms  p99 %7.2f ms\n", c.p50, c.p99);
  return 0;
}
