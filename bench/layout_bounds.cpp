// Benchmark (not a test): lays out every slide of the hostile feeds
// (tests/support/hostile_feeds.h) with the real fonts at four screen sizes and
// prints the milliseconds per page, the slowest page's slide, and the
// measure calls. Issue 15 asks for under 100 ms a page.
// Usage: build/bench/bench_layout_bounds [CHARS]   (default 5000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "feed/feed.h"
#include "hostile_feeds.h"
#include "layout/pages.h"
#include "render/font_set.h"
#include "render/ttf_measurer.h"

namespace {

using Clock = std::chrono::steady_clock;

hb::model::Content content_of(const std::string& xml) {
  hb::model::Diagnostics out;
  std::vector<hb::model::Feed> feeds;
  if (auto f = hb::feed::parse_feed(xml, "hostile.xml", out)) feeds.push_back(std::move(*f));
  return hb::feed::merge(std::move(feeds), out);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t chars = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 5000;
  auto fonts = hb::render::FontSet::open();
  if (!fonts.fonts) {
    std::fprintf(stderr, "%s\n", fonts.error.c_str());
    return 1;
  }
  std::vector<hb::test::HostileFeed> feeds;
  for (const auto b : {hb::test::Breaks::clauses, hb::test::Breaks::none, hb::test::Breaks::latin})
    feeds.push_back(hb::test::long_texts_feed(chars, b));
  feeds.push_back(hb::test::many_materials_feed(10000, 100000));
  feeds.push_back(hb::test::many_items_feed(100000));
  std::printf("%-26s %-10s %6s %9s %9s %8s\n", "feed", "size", "pages", "ms/page", "max ms",
              "total ms");
  for (const auto& f : feeds) {
    const auto content = content_of(f.xml);
    const auto moment = hb::layout::moment_for(content, 480, 1795744800);  // 2026-11-27T10:00+08:00
    for (const auto& [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}}) {
      // A fresh measurer each size: nothing measured before helps.
      const hb::render::TtfMeasurer ttf(*fonts.fonts);
      hb::layout::PageLayout layout(ttf, hb::layout::Theme{}, w, h);
      long long pages = 0;
      double total = 0, worst = 0;
      for (const auto& playlist : content.playlists)
        for (const auto& s : playlist.slides) {
          std::vector<std::string> ids{s.item};
          if (s.type == hb::model::SlideType::item && s.item.empty())
            ids = {content.items.front().id};
          for (const auto& id : ids) {
            const auto t0 = Clock::now();
            const auto laid = layout.slide(moment, s, id);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            total += ms;
            pages += static_cast<long long>(laid.size());
            if (!laid.empty()) worst = std::max(worst, ms / static_cast<double>(laid.size()));
          }
        }
      std::printf("%-26s %4dx%-5d %6lld %9.1f %9.1f %8.0f\n", f.name.c_str(), w, h, pages,
                  total / static_cast<double>(std::max(pages, 1LL)), worst, total);
    }
  }
  return 0;
}
