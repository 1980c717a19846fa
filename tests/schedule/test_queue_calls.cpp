// The queue link-up's decisions: which call is on screen, when the live
// numbers go, what each window's row says.
#include <doctest/doctest.h>

#include "schedule/queue_calls.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

const model::UnixSeconds kT0 = at("2026-12-02T10:00");

model::QueueCall make_call(const std::string& id, model::UnixSeconds when) {
  model::QueueCall c;
  c.id = id;
  c.ticket = "A" + id;
  c.window = "1";
  c.at = when;
  return c;
}

model::QueueDocument doc_of(std::vector<model::QueueCall> calls) {
  model::QueueDocument d;
  d.calls = std::move(calls);
  return d;
}

// Steps once a second from `from` to `to` (inclusive) with the same document,
// and says what was on screen each second: "c1 c1 … - -".
std::string screen(schedule::CallState& state, const model::QueueDocument* doc,
                   model::UnixSeconds from, model::UnixSeconds to,
                   const schedule::CallRules& rules = {}) {
  std::string shown;
  for (model::UnixSeconds t = from; t <= to; ++t) {
    auto step = schedule::step_calls(std::move(state), doc, t, rules);
    const model::QueueCall* call = step.on_screen();
    shown += (shown.empty() ? "" : " ") + (call ? call->id : std::string("-"));
    state = std::move(step.state);
  }
  return shown;
}

}  // namespace

TEST_CASE("calls: each shown once, for its display time, in turn") {
  schedule::CallRules rules;
  rules.display_seconds = 3;
  struct Row {
    const char* name;
    std::vector<model::QueueCall> calls;
    const char* shown;  // from kT0 to kT0 + 9
  };
  const std::vector<Row> rows = {
      {"no calls", {}, "- - - - - - - - - -"},
      {"one call", {make_call("c1", kT0)}, "c1 c1 c1 - - - - - - -"},
      {"two together: in turn",
       {make_call("c1", kT0), make_call("c2", kT0)},
       "c1 c1 c1 c2 c2 c2 - - - -"},
      {"in `at` order, not document order",
       {make_call("b", kT0), make_call("a", kT0 - 1)},
       "a a a b b b - - - -"},
      {"a call made before the screen started, still fresh",
       {make_call("c1", kT0 - 30)},
       "c1 c1 c1 - - - - - - -"},
      {"a call a minute old is not shown",
       {make_call("old", kT0 - 60), make_call("c1", kT0)},
       "c1 c1 c1 - - - - - - -"},
      {"a source whose clock runs ahead", {make_call("c1", kT0 + 100)}, "c1 c1 c1 - - - - - - -"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    schedule::CallState state;
    const auto doc = doc_of(row.calls);
    CHECK(screen(state, &doc, kT0, kT0 + 9, rules) == row.shown);
  }
}

TEST_CASE("calls: a call the source keeps listing is not shown again") {
  schedule::CallState state;
  schedule::CallRules rules;
  rules.display_seconds = 2;
  auto doc = doc_of({make_call("c1", kT0)});
  CHECK(screen(state, &doc, kT0, kT0 + 4, rules) == "c1 c1 - - -");
  doc.calls.push_back(make_call("c2", kT0 + 5));
  CHECK(screen(state, &doc, kT0 + 5, kT0 + 8, rules) == "c2 c2 - -");
}

TEST_CASE("calls: a silent source does not cut short the calls in turn") {
  schedule::CallState state;
  schedule::CallRules rules;
  rules.display_seconds = 2;
  const auto doc = doc_of({make_call("c1", kT0), make_call("c2", kT0)});
  CHECK(screen(state, &doc, kT0, kT0, rules) == "c1");
  CHECK(screen(state, nullptr, kT0 + 1, kT0 + 5, rules) == "c1 c2 c2 - -");
}

TEST_CASE("calls: a burst longer than the age limit drops what would come too late") {
  schedule::CallState state;
  schedule::CallRules rules;
  rules.display_seconds = 10;
  rules.max_age_seconds = 25;
  std::vector<model::QueueCall> burst;
  for (int i = 0; i < 5; ++i)
    burst.push_back(make_call("c" + std::to_string(i), kT0));
  const auto doc = doc_of(burst);
  std::string shown = screen(state, &doc, kT0, kT0 + 40, rules);
  CHECK(shown.find("c0") != std::string::npos);
  CHECK(shown.find("c2") != std::string::npos);  // its turn at 20 s: younger than 25 s
  CHECK(shown.find("c3") == std::string::npos);  // its turn at 30 s: too late
  CHECK(state.waiting.empty());
}

TEST_CASE("calls: the memory of ids is a ring of fixed size") {
  schedule::SeenCalls seen(3);
  for (const char* id : {"a", "b", "c", "d"})
    seen.add(id);
  CHECK(seen.size() == 3);
  CHECK_FALSE(seen.contains("a"));
  for (const char* id : {"b", "c", "d"})
    CHECK(seen.contains(id));
  // Hours of calls keep the state at its bound.
  schedule::CallState state;
  for (int i = 0; i < 2000; ++i) {
    const auto doc = doc_of({make_call("c" + std::to_string(i), kT0 + i)});
    state = schedule::step_calls(std::move(state), &doc, kT0 + i).state;
  }
  CHECK(state.seen.size() == schedule::CallRules{}.remember);
  CHECK(state.waiting.size() <= schedule::CallRules{}.remember);
}

TEST_CASE("call_at: the call on every page drawn at an instant (render --queue)") {
  const auto doc = doc_of({make_call("c1", kT0), make_call("c2", kT0 + 5)});
  struct Row {
    model::UnixSeconds t;
    const char* id;
  };
  const Row rows[] = {{kT0 - 1, ""},   {kT0, "c1"},      {kT0 + 4, "c1"},
                      {kT0 + 5, "c2"}, {kT0 + 12, "c2"}, {kT0 + 13, ""}};
  for (const auto& row : rows) {
    CAPTURE(row.t - kT0);
    const model::QueueCall* c = schedule::call_at(doc, row.t);
    CHECK((c ? c->id : std::string()) == row.id);
  }
}

TEST_CASE("the silent-source rule: 30 s without a successful answer") {
  struct Row {
    std::optional<model::UnixSeconds> last;
    model::UnixSeconds now;
    bool live;
  };
  const Row rows[] = {
      {std::nullopt, kT0, false},  // never answered
      {kT0, kT0, true},           {kT0, kT0 + 29, true}, {kT0, kT0 + 30, false},
      {kT0, kT0 + 3600, false},   {kT0, kT0 - 5, true},  // the clock set back a little
      {kT0, kT0 - 3600, false},  // set back an hour: as if it had stood still that long
  };
  for (const auto& row : rows) {
    CAPTURE(row.now - kT0);
    CHECK(schedule::queue_is_live(row.last, row.now) == row.live);
  }
}

TEST_CASE("window band: the roster's windows, the queue's numbers, the duty state first") {
  model::Window w1, w2, w3, w4;
  w1.id = "1";
  w2.id = "2";
  w3.id = "3";
  w4.id = "4";
  model::Staff someone;
  schedule::DutyBoard duty;
  duty.open = true;
  duty.windows = {{&w1, &someone}, {&w2, nullptr}, {&w3, &someone}, {&w4, &someone}};
  model::QueueDocument q;
  q.windows = {{"2", "B001", 3, model::QueueWindowState::open, {}},  // nobody on duty
               {"1", "A023", 5, model::QueueWindowState::open, {}},
               {"3", "C007", 2, model::QueueWindowState::paused, {}},
               {"9", "Z001", 1, model::QueueWindowState::open, {}}};  // not in the roster
  using schedule::BandState;
  struct Expect {
    BandState state;
    const char* serving;
    std::optional<int> waiting;
  };
  const std::vector<Expect> live = {{BandState::open, "A023", 5},
                                    {BandState::suspended, "", std::nullopt},
                                    {BandState::paused, "", 2},
                                    {BandState::unknown, "", std::nullopt}};
  const std::vector<Expect> silent = {{BandState::unknown, "", std::nullopt},
                                      {BandState::suspended, "", std::nullopt},
                                      {BandState::unknown, "", std::nullopt},
                                      {BandState::unknown, "", std::nullopt}};
  const model::QueueDocument* const sources[] = {&q, nullptr};
  for (const auto* source : sources) {
    CAPTURE(source != nullptr);
    const auto rows = schedule::band_rows(duty, source);
    const auto& expected = source ? live : silent;
    REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(i);
      CHECK(rows[i].window == duty.windows[i].window);
      CHECK(rows[i].state == expected[i].state);
      CHECK(rows[i].serving == expected[i].serving);
      CHECK(rows[i].waiting == expected[i].waiting);
    }
  }
  CHECK(schedule::band_rows(schedule::DutyBoard{}, &q).empty());  // the hall is closed
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("calls: a clock set back ends the call on screen, not keeps it") {
  const auto doc = doc_of({make_call("c1", kT0), make_call("c2", kT0)});
  schedule::CallState state;
  state = schedule::step_calls(std::move(state), &doc, kT0).state;
  REQUIRE(state.current);
  CHECK(state.current->call.id == "c1");
  // Ten minutes back: c1 ends and c2 (made "in the future" now) takes its turn.
  CHECK(screen(state, &doc, kT0 - 600, kT0 - 592) == "c2 c2 c2 c2 c2 c2 c2 c2 -");
}

}  // namespace hb::test
