// Proof-of-play lines and their files: what was shown when, and a bounded
// history that survives a cut line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "app/play_backlog.h"
#include "app/play_recorder.h"
#include "app/proof_of_play.h"
#include "files.h"
#include "net/rotating_log.h"

namespace {

constexpr hb::model::UnixSeconds kTen = 1795744800;  // 2026-11-27T10:00:00+08:00

}  // namespace

TEST_CASE("proof of play: one line per page when it leaves the screen") {
  using hb::app::OnScreen;
  hb::app::ProofOfPlay proof("hall-1", 480);
  struct Row {
    long long at;  // seconds after 10:00
    OnScreen what;
    const char* line;  // what begin() returns; nullptr: nothing
  };
  const std::vector<Row> rows = {
      {0, {"items", 0, 2, "", "3f2a", ""}, nullptr},
      {15,
       {"items", 1, 2, "", "3f2a", ""},
       R"({"screen":"hall-1","start":"2026-11-27T10:00:00+08:00","end":"2026-11-27T10:00:15+08:00","seconds":15,"slide":"items","page":1,"pages":2,"content":"3f2a"})"},
      {15, {"item", 0, 3, "530100-\"001\"", "", ""}, nullptr},  // lasted no time: no line
      {40,
       {"dark", 0, 1, "", "", ""},
       R"({"screen":"hall-1","start":"2026-11-27T10:00:15+08:00","end":"2026-11-27T10:00:40+08:00","seconds":25,"slide":"item","page":1,"pages":3,"item":"530100-\"001\""})"},
      {7240,
       {"roster", 0, 1, "", "", ""},
       R"({"screen":"hall-1","start":"2026-11-27T10:00:40+08:00","end":"2026-11-27T12:00:40+08:00","seconds":7200,"slide":"dark"})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.at);
    const auto line = proof.begin(row.what, kTen + row.at);
    if (row.line)
      CHECK(line.value_or("(none)") == row.line);
    else
      CHECK_FALSE(line.has_value());
  }
  CHECK(
      proof.end(kTen + 7250).value_or("") ==
      R"({"screen":"hall-1","start":"2026-11-27T12:00:40+08:00","end":"2026-11-27T12:00:50+08:00","seconds":10,"slide":"roster","page":1,"pages":1})");
  CHECK_FALSE(proof.end(kTen + 7260).has_value());
}

TEST_CASE("proof of play: with power control, each line says the panel's state") {
  using hb::app::OnScreen;
  hb::app::ProofOfPlay proof("hall-1", 480);
  CHECK_FALSE(proof.begin({"dark", 0, 1, "", "", "on"}, kTen).has_value());
  // The panel goes off 30 s later: a new line starts, the dark time split.
  CHECK(
      proof.begin({"dark", 0, 1, "", "", "off"}, kTen + 30).value_or("") ==
      R"({"screen":"hall-1","start":"2026-11-27T10:00:00+08:00","end":"2026-11-27T10:00:30+08:00","seconds":30,"slide":"dark","panel":"on"})");
  CHECK(
      proof.end(kTen + 90).value_or("") ==
      R"({"screen":"hall-1","start":"2026-11-27T10:00:30+08:00","end":"2026-11-27T10:01:30+08:00","seconds":60,"slide":"dark","panel":"off"})");
}

TEST_CASE("rotating log: files roll over by size and the oldest goes") {
  hb::test::TempDir dir;
  const auto path = dir.path() / "sub" / "play.jsonl";
  hb::net::RotatingLogOptions options;
  options.max_bytes = 100;
  options.keep = 2;
  hb::net::RotatingLog log(path.string(), options);
  for (int i = 0; i < 20; ++i)
    CHECK(log.append("line " + std::to_string(i) + " ..........") == "");
  // 17 bytes a line: 5 lines (85 bytes) to a file; 20 lines make 4 files, 3 kept.
  CHECK(hb::test::read_bytes(path) ==
        "line 15 ..........\nline 16 ..........\nline 17 ..........\n"
        "line 18 ..........\nline 19 ..........\n");
  CHECK(hb::test::read_bytes(path.string() + ".1").rfind("line 10 ", 0) == 0);
  CHECK(hb::test::read_bytes(path.string() + ".2").rfind("line 5 ", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(path.string() + ".3"));
}

TEST_CASE("rotating log: the oldest file stays while it may not be removed") {
  hb::test::TempDir dir;
  const auto path = dir.path() / "play.jsonl";
  bool delivered = false;
  hb::net::RotatingLogOptions options;
  options.max_bytes = 100;
  options.keep = 2;
  options.max_keep = 4;
  options.may_remove = [&](const std::string&) { return delivered; };
  hb::net::RotatingLog log(path.string(), options);
  for (int i = 0; i < 20; ++i)  // 4 files: nothing removed yet
    CHECK(log.append("line " + std::to_string(i) + " ..........") == "");
  CHECK(hb::test::read_bytes(path.string() + ".3").rfind("line 0 ", 0) == 0);
  for (int i = 20; i < 30; ++i)  // 6 files wanted, 5 (max_keep + 1) kept: the oldest goes
    CHECK(log.append("line " + std::to_string(i) + " ..........") == "");
  CHECK(hb::test::read_bytes(path.string() + ".4").rfind("line 5 ", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(path.string() + ".5"));
  delivered = true;  // the next rotation removes all beyond `keep`
  for (int i = 30; i < 35; ++i)
    CHECK(log.append("line " + std::to_string(i) + " ..........") == "");
  CHECK(hb::test::read_bytes(path.string() + ".2").rfind("line 20 ", 0) == 0);
  CHECK_FALSE(std::filesystem::exists(path.string() + ".3"));
  CHECK_FALSE(std::filesystem::exists(path.string() + ".4"));
}

TEST_CASE("rotating log: a line cut by a power failure stays on its own") {
  hb::test::TempDir dir;
  std::filesystem::create_directories(dir.path());
  const auto path = dir.path() / "play.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"complete\":1}\n{\"cut\":";
  }
  hb::net::RotatingLog log(path.string());
  CHECK(log.append("{\"next\":2}") == "");
  CHECK(hb::test::read_bytes(path) == "{\"complete\":1}\n{\"cut\":\n{\"next\":2}\n");
}

TEST_CASE("rotating log: an unwritable place is a message, and it tries again") {
  hb::test::TempDir dir;
  std::filesystem::create_directories(dir.path());
  const auto blocker = dir.path() / "file";
  { std::ofstream(blocker) << "x"; }
  hb::net::RotatingLog log((blocker / "play.jsonl").string());
  const std::string error = log.append("x");
  CHECK(error.find("play.jsonl") != std::string::npos);
  std::filesystem::remove(blocker);
  CHECK(log.append("x") == "");
}

namespace {

// The numbers of the lines in `path`, cut lines included.
std::vector<std::int64_t> numbers_in(const std::filesystem::path& path) {
  std::vector<std::int64_t> out;
  std::istringstream in(hb::test::read_bytes(path));
  for (std::string line; std::getline(in, line);)
    out.push_back(hb::app::line_sequence(line).value_or(-1));
  return out;
}

// One run of the player: something shown for 15 s, then the stop.
void one_run(const std::filesystem::path& dir, hb::model::UnixSeconds at) {
  std::mutex rotation;
  hb::app::PlayRecorder r("a", 480, dir.string(), rotation, true);
  CHECK(r.showing({"items", 0, 1, "", "", ""}, at) == "");
  CHECK(r.stop(at + 15) == "");
}

}  // namespace

TEST_CASE("play recorder: numbers keep growing across restarts, a kill -9 and a rotation") {
  hb::test::TempDir dir;
  std::filesystem::create_directories(dir.path());
  const auto log = dir.path() / "play.jsonl";
  one_run(dir.path(), kTen);
  one_run(dir.path(), kTen + 60);
  CHECK(numbers_in(log) == std::vector<std::int64_t>{1, 2});
  {  // killed while writing line 3
    std::ofstream out(log, std::ios::binary | std::ios::app);
    out << "{\"seq\":3,\"screen\":\"a\",\"sta";
  }
  one_run(dir.path(), kTen + 120);
  CHECK(numbers_in(log) == std::vector<std::int64_t>{1, 2, 3, 4});
  CHECK_FALSE(hb::app::sendable_line("{\"seq\":3,\"screen\":\"a\",\"sta"));
  std::filesystem::rename(log, log.string() + ".1");  // as a rotation leaves it
  one_run(dir.path(), kTen + 180);
  CHECK(numbers_in(log) == std::vector<std::int64_t>{5});
  // The files lost (a new disk), the acknowledged number kept: never reused.
  std::filesystem::remove(log);
  std::filesystem::remove(log.string() + ".1");
  { std::ofstream(dir.path() / "play.ack") << "40\n"; }
  one_run(dir.path(), kTen + 240);
  CHECK(numbers_in(log) == std::vector<std::int64_t>{41});
}
