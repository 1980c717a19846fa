// The drawing thread's decisions, without SDL, a clock or a screen: what a
// state from the content thread does to the screen, when the watchdog
// stops hearing from it, and how long the loop waits for window events.
#include <doctest/doctest.h>

#include "app/content_thread.h"
#include "app/screen_decision.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("screen decision: blank, wake, turn the page, update in place, or leave it") {
  using app::Change;
  using app::Draw;
  using T = model::Transition;
  const app::Step none{Change::none, T::none}, updated{Change::updated, T::none},
      turned{Change::turned, T::slide};
  struct Row {
    const char* name;
    app::Offered offered;  // has_page, width, height, dark, pictures_changed, step
    app::Showing showing;  // width, height, blanked, first_page
    bool take_page;
    Draw draw;
    T transition;
  };
  const Row rows[] = {
      {"the first page: shown at once", {true, 1920, 1080, false, false, turned},
       {1920, 1080, false, true}, true, Draw::turn, T::none},
      {"a page turn: with its transition", {true, 1920, 1080, false, false, turned},
       {1920, 1080, false, false}, true, Draw::turn, T::slide},
      {"the same page laid out anew: in place", {true, 1920, 1080, false, false, updated},
       {1920, 1080, false, false}, true, Draw::update, T::none},
      {"the same page unchanged: redrawn in place", {true, 1920, 1080, false, false, none},
       {1920, 1080, false, false}, true, Draw::update, T::none},
      {"closing time: dark", {true, 1920, 1080, true, false, updated},
       {1920, 1080, false, false}, true, Draw::blank, T::none},
      {"dark from the first page", {true, 1920, 1080, true, false, turned},
       {1920, 1080, false, true}, true, Draw::blank, T::none},
      {"opening time: a fade", {true, 1920, 1080, false, false, turned},
       {1920, 1080, true, false}, true, Draw::wake, T::fade},
      {"dark: pages turn unseen", {true, 1920, 1080, true, false, turned},
       {1920, 1080, true, false}, true, Draw::nothing, T::none},
      {"laid out for the size before a resize", {true, 1280, 720, false, false, turned},
       {1920, 1080, false, false}, false, Draw::nothing, T::none},
      {"another size, new pictures: the page on screen again",
       {true, 1280, 720, false, true, turned}, {1920, 1080, false, false}, false, Draw::update,
       T::none},
      {"only news", {false, 0, 0, false, false, none}, {1920, 1080, false, false}, false,
       Draw::nothing, T::none},
      {"only new pictures", {false, 0, 0, false, true, none}, {1920, 1080, false, false}, false,
       Draw::update, T::none},
      {"new pictures while dark", {false, 0, 0, false, true, none}, {1920, 1080, true, false},
       false, Draw::nothing, T::none},
      {"new pictures before any page", {false, 0, 0, false, true, none},
       {1920, 1080, false, true}, false, Draw::nothing, T::none},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const auto d = app::decide_screen(r.offered, r.showing);
    CHECK(d.take_page == r.take_page);
    CHECK(d.draw == r.draw);
    CHECK(d.transition == r.transition);
  }
}

TEST_CASE("screen decision: the content thread has stalled after two minutes without a round") {
  struct Row {
    double now, last_progress;
    bool stalled;
  };
  const Row rows[] = {
      {1000, 1000, false},
      {1120, 1000, false},  // exactly the bound: still well
      {1120.5, 1000, true},
      {5000, 1000, true},
      {1000, 1010, false},  // progress after now (read in another order): well
  };
  for (const auto& r : rows) {
    CAPTURE(r.now);
    CHECK(app::content_stalled(r.now, r.last_progress) == r.stalled);
  }
}

TEST_CASE("screen decision: how long the loop waits for window events") {
  const double look = app::kContentLookSeconds;
  struct Row {
    const char* name;
    app::WaitInput in;
    double timeout, next_frame;
  };
  // to_next_second, elapsed, animating, vsync, refresh_hz, next_frame, exit_after, longest_sleep
  const Row rows[] = {
      {"still: until the next look", {0.5, 10, false, false, 60, 0, 0, 1e9}, look, 0},
      {"the next second comes first", {0.01, 10, false, false, 60, 0, 0, 1e9}, 0.01, 0},
      {"the second has passed", {-0.2, 10, false, false, 60, 0, 0, 1e9}, 0, 0},
      {"animating at 100 Hz, behind", {0.5, 10, true, false, 100, 5, 0, 1e9}, 0.01, 10.01},
      {"animating at 100 Hz, on time", {0.5, 10, true, false, 100, 10.005, 0, 1e9}, 0.015,
       10.015},
      {"animating with vsync: no wait", {0.5, 10, true, true, 60, 10, 0, 1e9}, 0, 10 + 1.0 / 60},
      {"a refresh rate of 0 counts as 1 Hz", {0.5, 10, true, false, 0, 10, 0, 1e9}, look, 11},
      {"--exit-after ends sooner", {0.5, 9.99, false, false, 60, 0, 10, 1e9}, 0.01, 0},
      {"--exit-after has passed", {0.5, 11, false, false, 60, 0, 10, 1e9}, 0, 0},
      {"the watchdog's ping comes first", {0.5, 10, false, false, 60, 0, 0, 0.02}, 0.02, 0},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const auto w = app::next_wait(r.in);
    CHECK(w.timeout == doctest::Approx(r.timeout));
    CHECK(w.next_frame == doctest::Approx(r.next_frame));
  }
}

TEST_SUITE_END();

}  // namespace hb::test
