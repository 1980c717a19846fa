// Proof of play on disk as the heartbeat reads it (app/play_files.h):
// every file that can exist is read, a rotation never shows half done to
// the reader, the recorder keeps old files only when a heartbeat delivers
// them, and one report's reading is bounded by its cap, not the backlog.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/play_backlog.h"
#include "app/play_files.h"
#include "app/play_recorder.h"
#include "files.h"
#include "net/rotating_log.h"

namespace hb::app {
namespace {

using namespace std::chrono_literals;

std::string numbered_line(std::int64_t seq, std::size_t pad = 0) {
  return "{\"seq\":" + std::to_string(seq) + ",\"screen\":\"a\",\"pad\":\"" +
         std::string(pad, 'x') + "\"}";
}

// Lines from..to, one to a line.
void write_lines(const std::filesystem::path& path, std::int64_t from, std::int64_t to,
                 std::size_t pad = 0) {
  std::ofstream out(path, std::ios::binary);
  for (std::int64_t n = from; n <= to; ++n)
    out << numbered_line(n, pad) << '\n';
}

std::filesystem::path rotated(const test::TempDir& dir, int n) {
  return dir / (n == 0 ? std::string("play.jsonl") : "play.jsonl." + std::to_string(n));
}

std::vector<std::int64_t> numbers(const PlayBacklog& b) {
  std::vector<std::int64_t> r;
  for (const auto& l : b.lines)
    r.push_back(line_sequence(l).value_or(-1));
  return r;
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to) {
  std::vector<std::int64_t> r;
  for (std::int64_t n = from; n <= to; ++n)
    r.push_back(n);
  return r;
}

}  // namespace

TEST_CASE("play files: every file the rotation can keep is read, the 65th too") {
  std::mutex rotation;
  test::TempDir dir;
  CHECK(play_log_options(dir.path().string(), rotation, true).max_keep + 1 == kPlayFiles);
  // play.jsonl holds 65, play.jsonl.64 holds 1: all kept, none acknowledged.
  for (int n = 0; n < kPlayFiles; ++n)
    write_lines(rotated(dir, n), kPlayFiles - n, kPlayFiles - n);
  const PlayRead r = read_play_backlog(dir.path().string(), 0, {}, rotation);
  CHECK(numbers(r.backlog) == range(1, kPlayFiles));
}

TEST_CASE("play files: a rotation waits while the reader opens the files") {
  std::mutex rotation;
  test::TempDir dir;
  auto options = play_log_options(dir.path().string(), rotation, true);
  options.max_bytes = 200;
  net::RotatingLog log(rotated(dir, 0).string(), options);
  CHECK(log.append(numbered_line(1, 150)) == "");
  std::future<std::string> rotating;
  {
    const std::lock_guard reader(rotation);  // as read_play_backlog holds it
    rotating = std::async(std::launch::async, [&] { return log.append(numbered_line(2, 150)); });
    CHECK(rotating.wait_for(300ms) == std::future_status::timeout);
    CHECK_FALSE(std::filesystem::exists(rotated(dir, 1)));
  }
  CHECK(rotating.get() == "");
  CHECK(std::filesystem::exists(rotated(dir, 1)));
}

TEST_CASE("play files: lines read while the drawing thread rotates are never skipped") {
  std::mutex rotation;
  test::TempDir dir;
  const std::string cache = dir.path().string();
  auto options = play_log_options(cache, rotation, true);
  options.max_bytes = 150;  // a rotation every line or two
  options.keep = 2;
  options.sync = false;
  constexpr std::int64_t kLines = 1000;
  std::atomic<std::int64_t> acknowledged{0};
  std::thread drawing([&] {
    net::RotatingLog log(rotated(dir, 0).string(), options);
    for (std::int64_t n = 1; n <= kLines; ++n) {
      // Within max_keep files of the reader: nothing goes unacknowledged.
      while (n - acknowledged.load() > 40)
        std::this_thread::yield();
      log.append(numbered_line(n, 60));
    }
  });
  bool gapless = true;
  while (acknowledged.load() < kLines && gapless) {
    const std::int64_t ack = acknowledged.load();
    const PlayRead r = read_play_backlog(cache, ack, {5, 1 << 20}, rotation);
    const auto got = numbers(r.backlog);
    if (!got.empty()) gapless = got == range(ack + 1, ack + static_cast<std::int64_t>(got.size()));
    CAPTURE(ack);
    CAPTURE(got.size());
    CHECK(gapless);
    acknowledged = r.backlog.last;
    CHECK(write_acknowledged(cache, r.backlog.last) == "");
  }
  if (!gapless) acknowledged = kLines;  // let the writer finish
  drawing.join();
}

TEST_CASE("play files: one report reads about its cap, however long the backlog") {
  std::mutex rotation;
  test::TempDir dir;
  // 20 files of about 1 MiB (4,000 lines of 250 bytes), oldest lines 1…
  constexpr int kFiles = 20;
  constexpr std::int64_t kPerFile = 4000;
  for (int n = 0; n < kFiles; ++n) {
    const std::int64_t first = (kFiles - 1 - n) * kPerFile + 1;
    write_lines(rotated(dir, n), first, first + kPerFile - 1, 200);
  }
  const BacklogCap cap{500, 64u * 1024u};
  // Bisection probes and one chunk either side of the lines sent, no more.
  const std::size_t bound = cap.bytes + 2 * 64u * 1024u + 2u * kPlayFiles * 4096u;
  struct Case {
    const char* name;
    std::int64_t acknowledged;
  };
  const Case cases[] = {{"nothing acknowledged", 0},
                        {"mid-way through the oldest file", 2500},
                        {"mid-way through a middle file", 9 * kPerFile + 1234},
                        {"near the end", kFiles * kPerFile - 10}};
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const PlayRead r = read_play_backlog(dir.path().string(), c.acknowledged, cap, rotation);
    const auto got = numbers(r.backlog);
    REQUIRE_FALSE(got.empty());
    CHECK(got == range(c.acknowledged + 1, c.acknowledged + static_cast<std::int64_t>(got.size())));
    CHECK(r.bytes_read <= bound);
  }
}

TEST_CASE("play files: after an upgrade in place the older, unnumbered files are not read") {
  // An older player wrote lines without "seq"; the upgraded one goes on
  // appending numbered lines to the same play.jsonl. The rotations from
  // before hold nothing to send: reading them in full at every report was
  // the review's finding (16 x 8 MiB a minute until the next rotation).
  std::mutex rotation;
  test::TempDir dir;
  const std::string old_line = "{\"screen\":\"a\",\"pad\":\"" + std::string(200, 'x') + "\"}\n";
  for (int n = 1; n <= 4; ++n) {
    std::ofstream out(rotated(dir, n), std::ios::binary);
    for (int i = 0; i < 4000; ++i) out << old_line;  // about 1 MiB each
  }
  {
    std::ofstream out(rotated(dir, 0), std::ios::binary);
    for (int i = 0; i < 100; ++i) out << old_line;  // 21 KB from before the upgrade
    for (std::int64_t n = 1; n <= 100; ++n) out << numbered_line(n) << '\n';
  }
  for (const std::int64_t acknowledged : {0, 95, 100}) {
    CAPTURE(acknowledged);
    const PlayRead r = read_play_backlog(dir.path().string(), acknowledged, BacklogCap{}, rotation);
    CHECK(numbers(r.backlog) == range(acknowledged + 1, 100));
    CHECK(r.bytes_read < 100u * 1024u);
  }
}

TEST_CASE("play files: a damaged line is never sent, and the lines after it still go") {
  std::mutex rotation;
  test::TempDir dir;
  {
    std::ofstream out(rotated(dir, 0), std::ios::binary);
    out << numbered_line(1) << "\n"
        << "{\"seq\":2,\"screen\":\"a\" \"start\":\"x\"}\n"                // no comma: not JSON
        << "{\"seq\":3,\"screen\":\"a\xff\"}\n"                            // not UTF-8
        << "{\"seq\":4,\"pad\":\"" << std::string(200000, 'y') << "\"}\n"  // overlong
        << numbered_line(5) << "\n";
  }
  const PlayRead r = read_play_backlog(dir.path().string(), 0, {}, rotation);
  CHECK(numbers(r.backlog) == std::vector<std::int64_t>{1, 5});
  // The console acknowledges 5, the highest it got: all five are behind.
  CHECK(acknowledged_after(r.backlog, 5) == 5);
  // Damaged lines at the end pass with the answer to a report without lines.
  const PlayRead after = read_play_backlog(dir.path().string(), 1, {1, 1 << 20}, rotation);
  CHECK(numbers(after.backlog) == std::vector<std::int64_t>{5});
  {
    std::ofstream out(rotated(dir, 0), std::ios::binary | std::ios::app);
    out << "{\"seq\":6,\"screen\":\"a\",}\n";
  }
  const PlayRead tail = read_play_backlog(dir.path().string(), 5, {}, rotation);
  CHECK(tail.backlog.lines.empty());
  CHECK(acknowledged_after(tail.backlog, 0) == 6);
}

TEST_CASE("play recorder: rotated files beyond 16 are kept only for a heartbeat") {
  struct Case {
    bool delivered;
    bool oldest_kept;
  };
  for (const Case c : {Case{false, false}, Case{true, true}}) {
    CAPTURE(c.delivered);
    std::mutex rotation;
    test::TempDir dir;
    auto options = play_log_options(dir.path().string(), rotation, c.delivered);
    CHECK(options.keep == 16);
    options.max_bytes = 100;  // one line a file
    options.sync = false;
    net::RotatingLog log(rotated(dir, 0).string(), options);
    for (int n = 1; n <= 30; ++n)
      CHECK(log.append(numbered_line(n, 40)) == "");
    // Nothing acknowledged: line 1 is in play.jsonl.29 when kept.
    CHECK(std::filesystem::exists(rotated(dir, 29)) == c.oldest_kept);
    CHECK(std::filesystem::exists(rotated(dir, 16)));
    CHECK(std::filesystem::exists(rotated(dir, 17)) == c.oldest_kept);
  }
}

}  // namespace hb::app
