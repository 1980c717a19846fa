#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/log_limiter.h"

using hb::app::LogLimiter;
using Lines = std::vector<std::string>;

TEST_CASE("log limiter: the first line shows, repeats are counted once per window") {
  struct Step {
    double t;
    const char* line;  // nullptr: flush only
    Lines printed;
  };
  const std::vector<Step> steps = {
      {0, "feed a: HTTP 500; next try in 2 s", {"feed a: HTTP 500; next try in 2 s"}},
      {2, "feed a: HTTP 500; next try in 4 s", {}},  // same but for numbers
      {5, "picture p.png: missing", {"picture p.png: missing"}},
      {6, "feed a: HTTP 500; next try in 8 s", {}},
      {100, nullptr, {}},
      {600, nullptr, {"(2 repeats in 10 min, latest: feed a: HTTP 500; next try in 8 s)"}},
      {605, nullptr, {}},                               // p.png never repeated: forgotten quietly
      {700, "feed a: HTTP 500; next try in 60 s", {}},  // its new window began at 600
      {1200, nullptr, {"(1 repeat in 10 min, latest: feed a: HTTP 500; next try in 60 s)"}},
      {1900, nullptr, {}},  // quiet for a window: forgotten
      {1901, "feed a: HTTP 500; next try in 2 s", {"feed a: HTTP 500; next try in 2 s"}},
      {1902, "picture p.png: missing", {"picture p.png: missing"}},
  };
  LogLimiter limiter(600);
  for (const auto& s : steps) {
    CAPTURE(s.t);
    const Lines got = s.line ? limiter.offer(s.line, s.t) : limiter.flush(s.t);
    CHECK(got == s.printed);
  }
}

TEST_CASE("log limiter: different words are different messages") {
  LogLimiter limiter(60);
  CHECK(limiter.offer("feed a: HTTP 500", 0).size() == 1);
  CHECK(limiter.offer("feed b: HTTP 500", 0).size() == 1);
  CHECK(limiter.offer("feed a: HTTP 404", 1).empty());  // only a number differs
  CHECK(limiter.offer("feed a: timed out", 1).size() == 1);
}

TEST_CASE("log limiter: a flood of distinct messages stays bounded and loses no count") {
  LogLimiter limiter(600, 8);
  limiter.offer("first message", 0);
  limiter.offer("first message", 1);
  std::size_t printed = 0;
  bool summary_of_first = false;
  for (int i = 0; i < 1000; ++i) {
    // Letters, not numbers, make these distinct messages.
    std::string line = "message ";
    for (int v = i; v > 0 || line.size() == 8; v /= 26)
      line += static_cast<char>('a' + v % 26);
    for (const auto& out : limiter.offer(line, 2 + i)) {
      ++printed;
      if (out.find("latest: first message") != std::string::npos) summary_of_first = true;
    }
    CHECK(limiter.tracked() <= 8);
  }
  CHECK(printed == 1001);
  CHECK(summary_of_first);
}

TEST_CASE("log limiter: a clock stepping back ends the window instead of muting forever") {
  LogLimiter limiter(600);
  CHECK(limiter.offer("x", 1000).size() == 1);
  CHECK(limiter.offer("x", 1001).empty());
  CHECK(limiter.flush(10) == Lines{"(1 repeat in 10 min, latest: x)"});
  CHECK(limiter.offer("x", 11).empty());
}
