// The voice's backlog: bounded, calls give way to urgent notices, stale
// calls are dropped when their turn comes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "audio/backlog.h"

namespace hb::audio {
namespace {

using std::chrono::seconds;

const SteadyTime t0{};

Pending call(const std::string& ticket, std::optional<SteadyTime> stale_at = std::nullopt) {
  return {schedule::call_utterance(ticket, "1号窗口"), stale_at};
}

Pending notice(const std::string& text) {
  return {schedule::urgent_utterance(text), std::nullopt};
}

// What is left, in order: each utterance's words as speech reads them.
std::vector<std::string> drain(Backlog& b, SteadyTime now = t0) {
  std::vector<std::string> out;
  while (auto u = b.pop(now))
    out.push_back(schedule::speech_text(*u));
  return out;
}

std::string said(const Pending& p) {
  return schedule::speech_text(p.utterance);
}

}  // namespace

TEST_CASE("a burst of calls: the oldest give way, and are counted") {
  Backlog b;
  for (int i = 0; i < 10; ++i)
    b.push(call("A" + std::to_string(i)));
  CHECK(b.size() == kBacklogMax);
  CHECK(b.take_dropped() == 2);
  CHECK(b.take_dropped() == 0);
  const auto left = drain(b);
  REQUIRE(left.size() == kBacklogMax);
  CHECK(left.front() == said(call("A2")));
  CHECK(left.back() == said(call("A9")));
}

TEST_CASE("an urgent notice never gives way to calls") {
  Backlog b;
  b.push(call("A0"));
  b.push(notice("停电"));
  for (int i = 1; i < 12; ++i)
    b.push(call("A" + std::to_string(i)));
  const auto left = drain(b);
  REQUIRE(left.size() == kBacklogMax);
  CHECK(left.front() == said(notice("停电")));
  CHECK(left[1] == said(call("A5")));
}

TEST_CASE("urgent notices alone: the oldest goes; one already waiting is not added twice") {
  Backlog b;
  b.push(notice("停电"));
  b.push(notice("停电"));
  CHECK(b.size() == 1);
  for (int i = 0; i < 8; ++i)
    b.push(notice("通知" + std::to_string(i)));
  CHECK(b.size() == kBacklogMax);
  CHECK(b.take_dropped() == 1);
  CHECK(drain(b).front() == said(notice("通知0")));
}

TEST_CASE("a call stale by its turn is dropped; others are said") {
  Backlog b;
  b.push(call("A1", t0 + seconds(5)));
  b.push(call("A2", t0 + seconds(20)));
  b.push(notice("停电"));
  CHECK(drain(b, t0 + seconds(10)) ==
        std::vector<std::string>{said(call("A2")), said(notice("停电"))});
  CHECK(b.take_dropped() == 1);
}

}  // namespace hb::audio
