// Benchmark (not a test): for every slide type of the demo, the time to lay
// out its pages, and the time to compose one frame on screen once the page
// is drawn: the CPU compositor (the ticker band only, as on a machine
// without a GPU) and the renderer path on SDL's software renderer (the
// whole frame from cached textures). Headless: SDL's dummy video driver.
// Usage: SDL_VIDEODRIVER=dummy build/bench/bench_compose_frame [WxH] [FRAMES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "feed/feed.h"
#include "layout/pages.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/presenter.h"
#include "render/transition.h"
#include "render/ttf_measurer.h"

namespace {

using clock_type = std::chrono::steady_clock;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double ms_since(clock_type::time_point t0) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

struct Stats {
  double p50 = 0, p99 = 0;
};

Stats percentiles(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))];
  };
  return {at(0.5), at(0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hb;
  int w = 1920, h = 1080, frames = 600;
  if (argc > 1 && std::sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
  if (argc > 2) frames = std::max(10, std::atoi(argv[2]));
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
  const auto moment = layout::moment_for(content, 480, 1795744800);  // 2026-11-27T10:00+08:00

  std::printf("demo content at %dx%d\n\n", w, h);
  std::printf("layout of one slide (all its pages), 30 rounds after a warm-up\n");
  std::vector<layout::Page> sample;
  for (const auto type :
       {model::SlideType::items, model::SlideType::item, model::SlideType::roster,
        model::SlideType::pledges, model::SlideType::commitments, model::SlideType::results,
        model::SlideType::stats, model::SlideType::notices}) {
    model::Slide slide;
    slide.type = type;
    slide.days = 3650;
    const std::string item = type == model::SlideType::item ? content.items.at(0).id : "";
    auto pages = layout.slide(moment, slide, item);
    std::vector<double> times;
    for (int i = 0; i < 30; ++i) {
      const auto t0 = clock_type::now();
      pages = layout.slide(moment, slide, item);
      times.push_back(ms_since(t0));
    }
    const auto s = percentiles(times);
    const char* name = pages.empty() ? "?" : pages[0].slide_type.c_str();
    std::printf("  %-12s %2zu pages   p50 %7.2f ms  p99 %7.2f ms\n", name, pages.size(), s.p50,
                s.p99);
    if (type == model::SlideType::roster && !pages.empty()) sample.insert(sample.begin(), pages[0]);
    if (type == model::SlideType::items && !pages.empty()) sample.push_back(pages[0]);
  }
  if (sample.size() < 2) {
    std::printf("the demo has no roster or items page\n");
    return 1;
  }

  std::printf("\ncomposing one frame of the roster page with its ticker moving, %d frames\n",
              frames);
  for (const auto backend : {render::Backend::cpu, render::Backend::gpu}) {
    render::Canvas canvas(*fonts.fonts, [](const std::string& s) -> std::optional<std::string> {
      std::string bytes = read(s);
      if (bytes.empty()) return std::nullopt;
      return bytes;
    });
    render::PresenterOptions options;
    options.window.width = w;
    options.window.height = h;
    options.backend = backend;
    auto opened = render::open_presenter(canvas, *fonts.fonts, options);
    if (!opened.presenter) {
      std::printf("  %s: %s\n", std::string(render::to_string(backend)).c_str(),
                  opened.error.c_str());
      continue;
    }
    auto& p = *opened.presenter;
    const auto t_show = clock_type::now();
    p.show(sample.at(0), {w, h}, model::Transition::none);
    p.frame(0.0);
    const double first = ms_since(t_show);
    std::vector<double> times;
    for (int i = 1; i <= frames; ++i) {
      const auto t0 = clock_type::now();
      p.frame(static_cast<double>(i) / 60.0);
      times.push_back(ms_since(t0));
    }
    // Fades from the roster to the first items page and back: every frame
    // of one is a whole-window blend (the ticker keeps moving, so only the
    // frames within the fade's time count).
    std::vector<double> fade;
    for (int turn = 0; turn < 10; ++turn) {
      const double start = 100.0 + turn;
      p.show(sample.at(turn % 2 == 0 ? 1 : 0), {w, h}, model::Transition::fade);
      for (int i = 0; i < 60 * render::transition_seconds; ++i) {
        const auto t0 = clock_type::now();
        p.frame(start + static_cast<double>(i) / 60.0);
        fade.push_back(ms_since(t0));
      }
    }
    const auto s = percentiles(times), f = percentiles(fade);
    std::printf("  %s\n", std::string(p.name()).c_str());
    std::printf("    first frame (draw the page)   %7.2f ms\n", first);
    std::printf("    ticker frame                  p50 %7.2f ms  p99 %7.2f ms\n", s.p50, s.p99);
    std::printf("    fade frame                    p50 %7.2f ms  p99 %7.2f ms\n", f.p50, f.p99);
  }
  return 0;
}
