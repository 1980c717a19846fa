// What checking one saved change costs the console: the drafts made into
// feeds, parsed, merged and checked, step by step, for the demo hall plus
// N generated items. Run: bench_console_drafts FEED... (e.g. content/hall.xml
// content/roster.xml and bench/gen_feed.py 2000's output).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "console/drafts.h"
#include "console/feed_records.h"
#include "feed/feed.h"
#include "layout/slide_estimate.h"
#include "schedule/checks.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hb;
  std::vector<store::Record> records;
  int serial = 0;
  for (int i = 1; i < argc; ++i) {
    std::string hall;
    auto more = console::records_from_feed(
        read_file(argv[i]), [&](const std::string& kind) { return kind + std::to_string(++serial); },
        &hall);
    records.insert(records.end(), more.begin(), more.end());
  }
  std::printf("%zu records\n", records.size());
  for (int round = 0; round < 3; ++round) {
    auto t = Clock::now();
    std::vector<console::NamedFeed> feeds;
    for (const auto& d : console::feeds_from_records(records, "")) feeds.push_back({d.name, d.bytes("")});
    const double write_ms = ms_since(t);
    t = Clock::now();
    model::Diagnostics findings;
    std::vector<model::Feed> parsed;
    for (const auto& f : feeds)
      if (auto feed = feed::parse_feed(f.bytes, f.name, findings)) parsed.push_back(std::move(*feed));
    const double parse_ms = ms_since(t);
    t = Clock::now();
    auto content = feed::merge(std::move(parsed), findings);
    const double merge_ms = ms_since(t);
    t = Clock::now();
    schedule::check_absence_cover(content, 480, findings);
    const double cover_ms = ms_since(t);
    t = Clock::now();
    layout::check_slide_lengths(content, findings);
    const double slides_ms = ms_since(t);
    std::printf("write %.1f ms, parse %.1f ms, merge %.1f ms, absence cover %.1f ms, slide lengths %.1f ms\n",
                write_ms, parse_ms, merge_ms, cover_ms, slides_ms);
  }
  // What a save costs with the console's reader: one notice more each time.
  console::DraftReader reader;
  for (int round = 0; round < 4; ++round) {
    store::Record notice;
    notice.kind = "notice";
    notice.key = "bench" + std::to_string(round);
    notice.position = round;
    notice.body = "<notice id=\"" + notice.key + "\" level=\"info\">测试公告</notice>";
    records.push_back(notice);
    const auto t = Clock::now();
    const auto read = reader.read(records, "", 480);
    std::printf("DraftReader, %s: %.1f ms (%zu findings)\n", round ? "one notice added" : "first read",
                ms_since(t), read.findings.size());
  }
}
