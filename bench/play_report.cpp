// What the monthly proof-of-play report costs on a hall's month: fills the
// daily roll-up (play_days) with a simulated month of N screens through the
// store's API, in batches, then makes the month's report as
// pages_reports.cpp does (per screen the month's totals and covered
// seconds, then the CSV), and measures raw line inserts with their roll-up.
// Run: bench_play_report NEW.db [screens=500] [items=20] [raw_lines=100000]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "console/play_report.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kOffset = 8 * 60;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The database as it stands on disk: the file and its write-ahead log.
double db_bytes(const std::string& path) {
  std::error_code ec;
  const auto wal = std::filesystem::file_size(path + "-wal", ec);
  return static_cast<double>(std::filesystem::file_size(path)) + (ec ? 0.0 : static_cast<double>(wal));
}

// One screen-day: each item page, every content type, the waiting page and the dark night.
std::vector<hb::store::PlayDay> screen_day(const std::string& screen, std::int64_t day, int items) {
  std::vector<hb::store::PlayDay> rows;
  for (int i = 0; i < items; ++i) rows.push_back({screen, day, "item", "item-" + std::to_string(i), 60, 900});
  for (const char* slide : {"items", "roster", "windows", "notices", "calendar", "waiting"})
    rows.push_back({screen, day, slide, "", 200, 3000});
  rows.push_back({screen, day, "dark", "", 1, 43200});
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hb;
  if (argc < 2) return std::fprintf(stderr, "usage: bench_play_report NEW.db [screens] [items] [raw_lines]\n"), 2;
  const int screens = argc > 2 ? std::stoi(argv[2]) : 500;
  const int items = argc > 3 ? std::stoi(argv[3]) : 20;
  const int raw_lines = argc > 4 ? std::stoi(argv[4]) : 100000;
  auto store = store::Store::create(argv[1]);
  if (!store) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 1;
  const console::Window month = console::month_window({2026, 11}, kOffset);
  auto t = Clock::now();
  std::size_t rows = 0;
  for (int s = 0; s < screens; ++s) {
    const std::string id = "screen-" + std::to_string(s);
    if (!store->add_screen(id, "hash", month.from - 86400)) return 1;
    std::vector<store::PlayDay> batch;
    for (std::int64_t day = month.from; day < month.to; day += 86400)
      for (auto& r : screen_day(id, day, items)) batch.push_back(std::move(r));
    rows += batch.size();
    if (!store->add_play_days(batch)) return 1;
  }
  std::printf("roll-up: %zu rows for %d screens in %.0f ms\n", rows, screens, ms_since(t));

  t = Clock::now();
  std::vector<console::ScreenMonth> report;
  for (int s = 0; s < screens; ++s) {
    const std::string id = "screen-" + std::to_string(s);
    auto totals = store->play_day_totals(id, month.from, month.to);
    const auto covered = store->play_day_seconds(id, month.from, month.to);
    if (!totals || !covered) return 1;
    report.push_back(console::screen_month(id, std::move(*totals), month, *covered));
  }
  const std::string csv = console::plays_csv(report);
  std::printf("report of the month: %.0f ms (%zu bytes of CSV)\n", ms_since(t), csv.size());

  // Raw lines as heartbeats bring them (15 s each, 20 per heartbeat, ~190
  // bytes of JSON as a player writes), with their roll-up.
  t = Clock::now();
  std::printf("database: %.1f MB\n", db_bytes(argv[1]) / 1e6);
  const double before = db_bytes(argv[1]);
  for (int i = 0; i < raw_lines; i += 20) {
    std::vector<store::PlayLine> lines;
    for (int j = i; j < i + 20 && j < raw_lines; ++j) {
      const std::int64_t start = month.to + 15 * std::int64_t{j};
      lines.push_back({j + 1, "2026-12-01T00:00:00+08:00", 15, "item", "530100-00" + std::to_string(j % 9),
                       std::string(190, 'x'), start, start + 15});
    }
    if (!store->record_plays("raw", month.to + 15 * std::int64_t{i}, kOffset, lines)) return 1;
  }
  std::printf("raw: %d lines in %.0f ms\n", raw_lines, ms_since(t));
  std::printf("database: %.1f MB (raw lines with their roll-up: %.0f bytes each)\n", db_bytes(argv[1]) / 1e6,
              raw_lines ? (db_bytes(argv[1]) - before) / raw_lines : 0.0);
  return 0;
}
