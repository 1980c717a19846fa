// The live windows' state in `run`: which call is on screen each round,
// when it is to be said, and when the live numbers go and come back.
#include <doctest/doctest.h>

#include <memory>

#include "app/live_windows.h"

namespace hb::test {
namespace {

constexpr model::UnixSeconds kT0 = 1'800'000'000;

std::shared_ptr<const model::QueueDocument> document(
    std::initializer_list<std::pair<const char*, int>> calls) {
  auto q = std::make_shared<model::QueueDocument>();
  model::QueueWindow w;
  w.id = "1";
  w.serving = "A001";
  q->windows.push_back(w);
  for (const auto& [id, at] : calls) {
    model::QueueCall c;
    c.id = id;
    c.ticket = std::string("A") + id;
    c.window = "1";
    c.at = kT0 + at;
    q->calls.push_back(c);
  }
  return q;
}

}  // namespace

TEST_CASE("live windows: each call is said once, in turn, for its display time") {
  app::LiveWindows live;
  // The source answers at second 0 with two calls made together.
  live.take(document({{"1", 0}, {"2", 0}}), 0.0);
  struct Row {
    int second;
    const char* on_screen;  // "": no call
    bool started;
  };
  const Row rows[] = {
      {0, "1", true},  {1, "1", false}, {7, "1", false}, {8, "2", true},
      {9, "2", false}, {16, "", false}, {17, "", false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.second);
    const auto round = live.step(kT0 + r.second, r.second);
    CHECK(std::string(round.call ? round.call->id : "") == r.on_screen);
    CHECK(round.call_started == r.started);
  }
}

TEST_CASE("live windows: the numbers go when the source is silent 30 s, and come back") {
  app::LiveWindows live;
  CHECK(live.step(kT0, 0).queue == nullptr);  // nothing yet
  live.take(document({}), 0.0);
  auto r = live.step(kT0, 0);
  CHECK(r.queue != nullptr);
  CHECK(r.queue_changed);
  CHECK_FALSE(live.step(kT0 + 1, 1).queue_changed);
  // 304s keep it alive without a new document.
  live.take(nullptr, 25.0);
  CHECK(live.step(kT0 + 50, 50).queue != nullptr);
  r = live.step(kT0 + 56, 56);
  CHECK(r.queue == nullptr);
  CHECK(r.queue_changed);
  CHECK_FALSE(live.step(kT0 + 57, 57).queue_changed);
  live.take(nullptr, 60.0);
  r = live.step(kT0 + 60, 60);
  CHECK(r.queue != nullptr);
  CHECK(r.queue_changed);
}

TEST_CASE("live windows: a new document is used from the next step, not before") {
  app::LiveWindows live;
  live.take(document({}), 0.0);
  const auto first = live.step(kT0, 0).queue;
  live.take(document({{"9", 1}}), 1.0);
  // The document in use stays valid until step(): pages may still be laid out from it.
  CHECK(first->windows.front().serving == "A001");
  const auto r = live.step(kT0 + 1, 1);
  CHECK(r.queue != first);
  CHECK(r.call_started);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("live windows: a long streak of calls gives the rotation a break") {
  schedule::CallRules rules;
  rules.display_seconds = 8;
  rules.streak_seconds = 40;
  rules.break_seconds = 15;
  app::LiveWindows live(rules);
  // Ten calls made at once: more than a streak holds.
  auto q = std::make_shared<model::QueueDocument>();
  for (int i = 0; i < 10; ++i) {
    model::QueueCall c;
    c.id = "c" + std::to_string(i);
    c.ticket = "A00" + std::to_string(i);
    c.window = "1";
    c.at = kT0;
    q->calls.push_back(c);
  }
  live.take(q, 0.0);
  std::string shown;
  for (int s = 0; s < 80; ++s) {
    live.take(nullptr, static_cast<double>(s));  // the source answers every second
    const auto r = live.step(kT0 + s, s);
    shown += r.call ? r.call->id.substr(1) : std::string(".");
  }
  // Five calls of 8 s (40 s), a 15 s break, then one more; the rest are
  // past the 60 s age limit by then, as they would be without the break.
  CHECK(shown == "0000000011111111222222223333333344444444" + std::string(15, '.') + "55555555" +
                     std::string(17, '.'));
}

}  // namespace hb::test
