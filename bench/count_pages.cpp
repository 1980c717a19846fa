// Benchmark (not a test): count the pages of every slide of a content
// directory's playlist, as plan, render and the player do before they can
// place the rotation. Prints the time (wall and this thread's CPU) of a
// first count with a fresh measurer and layout, of a recount by the same
// layout (the player on a notice, open/closed or day change) and of a count
// by a new layout with the same measurer (the player after a content
// change); then what one page_at costs; and a digest of the counts, so a
// change that must not move any page is checked by comparing digests.
// Usage: build/bench/bench_count_pages DIR [WxH] [ROUNDS] [--cache MB] [--dump] [--apart]
//   DIR: the feeds (every *.xml; a player config there picks the screen,
//   the time zone and, without WxH, the size)
//   --cache: the measurer's memo of widths (default TtfMeasurer's; 0: none)
//   --dump: every slide's count, for comparing two builds line by line
//   --apart: a font of its own for each size (FontSet::keep_sizes_apart),
//   as the player's first count has
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "feed/feed.h"
#include "layout/pages.h"
#include "render/font_set.h"
#include "render/ttf_measurer.h"
#include "schedule/playlist.h"
#include "schedule/rotation.h"
#include "schedule/screen.h"

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Counts the measurer's calls, to tell text measuring from the rest.
class CountingMeasurer final : public hb::layout::TextMeasurer {
 public:
  explicit CountingMeasurer(const hb::layout::TextMeasurer& inner) : inner_(inner) {}
  int width(std::string_view utf8, const hb::layout::TextStyle& style) const override {
    ++calls;
    bytes += utf8.size();
    return inner_.width(utf8, style);
  }
  int line_height(const hb::layout::TextStyle& style) const override {
    return inner_.line_height(style);
  }
  mutable std::uint64_t calls = 0;
  mutable std::uint64_t bytes = 0;

 private:
  const hb::layout::TextMeasurer& inner_;
};

// FNV-1a over every count, in slide and item order.
std::uint64_t digest(const std::vector<hb::schedule::SlidePages>& counts) {
  std::uint64_t h = 1469598103934665603ull;
  const auto mix = [&](long long v) {
    for (int i = 0; i < 8; ++i) {
      h ^= static_cast<std::uint64_t>(v >> (8 * i)) & 0xFF;
      h *= 1099511628211ull;
    }
  };
  for (const auto& c : counts) {
    mix(c.pages);
    mix(static_cast<long long>(c.per_item.size()));
    for (const int p : c.per_item)
      mix(p);
  }
  return h;
}

// This thread's CPU time: steadier than the wall clock on a busy machine.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hb;
  using clock = std::chrono::steady_clock;
  const auto ms = [](clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
  };
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_count_pages DIR [WxH] [ROUNDS] [--cache MB] [--dump]\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  int w = 0, h = 0, rounds = 3;
  bool dump = false;
  bool apart = false;  // FontSet::keep_sizes_apart, as the player's first count
  std::size_t cache_bytes = render::TtfMeasurer::kDefaultCacheBytes;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dump") == 0)
      dump = true;
    else if (std::strcmp(argv[i], "--apart") == 0)
      apart = true;
    else if (std::strcmp(argv[i], "--cache") == 0 && i + 1 < argc)
      cache_bytes = static_cast<std::size_t>(std::atof(argv[++i]) * 1024 * 1024);
    else if (std::strchr(argv[i], 'x'))
      std::sscanf(argv[i], "%dx%d", &w, &h);
    else
      rounds = std::max(1, std::atoi(argv[i]));
  }

  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  std::optional<model::PlayerConfig> config;
  const auto t_load = clock::now();
  for (const auto& f : files) {
    auto doc = feed::parse_document(read(f), f.string(), out);
    if (doc.feed) feeds.push_back(std::move(*doc.feed));
    if (doc.config && !config) config = std::move(doc.config);
  }
  const model::Content content = feed::merge(std::move(feeds), out);
  const double load_ms = ms(clock::now() - t_load);
  if (model::has_errors(out)) {
    for (const auto& d : out)
      std::fprintf(stderr, "%s\n", model::format_diagnostic(d).c_str());
    std::fprintf(stderr, "bench_count_pages: the content has errors\n");
    return 1;
  }
  const int offset = config ? config->utc_offset_minutes : model::kDefaultUtcOffsetMinutes;
  if (w <= 0 || h <= 0) {
    w = config && config->display.given ? config->display.width : 1920;
    h = config && config->display.given ? config->display.height : 1080;
  }
  const model::Playlist* playlist =
      schedule::select_playlist(content, config ? config->screen : "");
  if (!playlist) {
    std::fprintf(stderr, "bench_count_pages: no playlist for this screen\n");
    return 1;
  }
  auto fonts = render::FontSet::open();
  if (!fonts.fonts) {
    std::fprintf(stderr, "%s\n", fonts.error.c_str());
    return 1;
  }
  fonts.fonts->keep_sizes_apart(apart);
  const auto moment = layout::moment_for(content, offset, 1795744800);  // 2026-11-27T10:00+08:00

  // Rounds: a fresh measurer and layout each (the first count of a content),
  // then a recount with the same ones (a state change of the same content),
  // then a count by a new layout with the same measurer (the player's count
  // after a content change that kept most texts).
  std::vector<double> wall[3], cpu[3];
  std::vector<schedule::SlidePages> counts;
  std::uint64_t calls = 0, bytes = 0;
  layout::MemoStats cache;
  for (int r = 0; r < rounds; ++r) {
    const render::TtfMeasurer ttf(*fonts.fonts, cache_bytes);
    const CountingMeasurer measure(ttf);
    auto layout = std::make_unique<layout::PageLayout>(measure, layout::Theme{}, w, h);
    for (int pass = 0; pass < 3; ++pass) {
      if (pass == 2) layout = std::make_unique<layout::PageLayout>(measure, layout::Theme{}, w, h);
      const auto t0 = clock::now();
      const double c0 = cpu_ms();
      std::vector<schedule::SlidePages> c;
      for (const auto& s : playlist->slides)
        c.push_back(layout->count(moment, s));
      wall[pass].push_back(ms(clock::now() - t0));
      cpu[pass].push_back(cpu_ms() - c0);
      if (r == 0 && pass == 2) cache = ttf.cache_stats();
      if (r == 0 && pass == 0) {
        counts = c;
        calls = measure.calls;
        bytes = measure.bytes;
      } else if (digest(c) != digest(counts)) {
        std::fprintf(stderr, "bench_count_pages: counts differ between rounds\n");
        return 1;
      }
    }
  }
  long long pages = 0, items = 0;
  for (const auto& c : counts) {
    pages += c.pages;
    for (const int p : c.per_item)
      pages += p;
    items += static_cast<long long>(c.per_item.size());
  }
  for (int pass = 0; pass < 3; ++pass) {
    std::sort(wall[pass].begin(), wall[pass].end());
    std::sort(cpu[pass].begin(), cpu[pass].end());
  }
  std::printf("%s at %dx%d: %zu slides, %lld rotating items, %lld pages, digest %016llx\n",
              dir.string().c_str(), w, h, playlist->slides.size(), items, pages,
              static_cast<unsigned long long>(digest(counts)));
  std::printf("feeds read and merged             %8.1f ms\n", load_ms);
  const char* names[] = {"count, fresh measurer and layout", "recount, same layout",
                         "count, new layout, same measurer"};
  for (int pass = 0; pass < 3; ++pass)
    std::printf("%-33s %8.1f ms  cpu %8.1f ms  (median of %d, best %.1f)\n", names[pass],
                wall[pass][wall[pass].size() / 2], cpu[pass][cpu[pass].size() / 2], rounds,
                wall[pass].front());
  std::printf("first count: %llu width calls, %.1f MB of text measured\n",
              static_cast<unsigned long long>(calls), static_cast<double>(bytes) / 1e6);
  std::printf(
      "width cache after all three: %zu hits, %zu misses, %zu evictions, %zu entries, %.1f MB\n",
      cache.hits, cache.misses, cache.evictions, cache.entries,
      static_cast<double>(cache.cost) / 1e6);

  // The rotation over these counts, asked once a second for an hour: by a
  // Rotation built once, and through page_on_screen (which asks the counter
  // for every slide and builds the rotation at each call).
  schedule::ScreenPlan plan;
  plan.content = &content;
  plan.playlist = playlist;
  plan.utc_offset_minutes = offset;
  // rotation_input asks with the playlist's own slides, so the address tells which.
  plan.pages = [&](const model::Slide& s, model::UnixSeconds) {
    return counts[static_cast<std::size_t>(&s - playlist->slides.data())];
  };
  const int asks = 3600;
  const auto t_rot = clock::now();
  const schedule::Rotation rotation(schedule::rotation_input(plan, moment.now));
  long long shown = 0;
  for (int i = 0; i < asks; ++i)
    shown += rotation.page_at(moment.now + i) ? 1 : 0;
  const double rotation_us = ms(clock::now() - t_rot) * 1000.0 / asks;
  const auto t_screen = clock::now();
  for (int i = 0; i < asks; ++i)
    shown += schedule::page_on_screen(plan, moment.now + i) ? 1 : 0;
  const double screen_us = ms(clock::now() - t_screen) * 1000.0 / asks;
  std::printf("page on screen: Rotation::page_at %.2f us, page_on_screen %.2f us a call (%lld)\n",
              rotation_us, screen_us, shown);
  if (dump)
    for (std::size_t i = 0; i < counts.size(); ++i) {
      std::printf("slide %zu: %d", i, counts[i].pages);
      for (const int p : counts[i].per_item)
        std::printf(" %d", p);
      std::printf("\n");
    }
  return 0;
}
