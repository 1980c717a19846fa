// The panel's power (issue 20): when a command is sent, what a failure
// does, the power thread, and the real backends failing cleanly on a
// machine without a panel (the content thread's wish: test_content_thread).
#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "app/panel_power.h"
#include "app/panel_power_backends.h"
#include "app/power_keeper.h"
#include "fake_panel_power.h"
#include "schedule_support.h"

namespace hb::test {

TEST_CASE("power: when a command is sent") {
  using app::PowerMemory;
  struct Row {
    const char* why;
    bool wanted;
    PowerMemory memory;
    double steady;
    std::optional<bool> command;
  };
  const Row rows[] = {
      {"the start: the panel may have been left off", true, {}, 0, true},
      {"the start at night", false, {}, 0, false},
      {"off as commanded", false, {false, std::nullopt, 0, 100, false}, 101, std::nullopt},
      {"off as commanded, 9 minutes on", false, {false, std::nullopt, 0, 100, false}, 100 + 599,
       std::nullopt},
      {"off as commanded 10 minutes ago: said again (something may have woken it)", false,
       {false, std::nullopt, 0, 100, false}, 100 + 600, false},
      {"on as commanded: never said again", true, {true, std::nullopt, 0, 100, false}, 100 + 6000,
       std::nullopt},
      {"a change", true, {false, std::nullopt, 0, 100, false}, 101, true},
      {"off failed just now: not again yet", false, {true, false, 100, 0, false}, 101, std::nullopt},
      {"off failed 9 minutes ago", false, {true, false, 100, 0, false}, 100 + 599, std::nullopt},
      {"off failed 10 minutes ago: again", false, {true, false, 100, 0, false}, 100 + 600, false},
      {"on failed 29 s ago", true, {false, true, 100, 0, false}, 100 + 29, std::nullopt},
      {"on failed 30 s ago: again (the hall sees a dark panel)", true, {false, true, 100, 0, false},
       100 + 30, true},
      {"off failed, now wanted on: at once", true, {true, false, 100, 0, false}, 101, true},
      {"on failed, now wanted off: at once", false, {false, true, 100, 0, false}, 101, false},
      {"on failed at the start", true, {std::nullopt, true, 0, 0, false}, 5, std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(r.why);
    CHECK(app::power_command(r.wanted, r.memory, r.steady) == r.command);
  }
}

TEST_CASE("power: which failures are logged") {
  using app::PowerErrorKind;
  using app::PowerMemory;
  const auto failed = PowerErrorKind::failed;
  const auto not_built = PowerErrorKind::not_built;
  struct Row {
    const char* why;
    bool command;
    PowerErrorKind kind;
    PowerMemory memory;
    bool logged;
  };
  const Row rows[] = {
      {"the first failure of off", false, failed, {true, std::nullopt, 0, 0, false}, true},
      {"the first failure of on", true, failed, {false, std::nullopt, 0, 0, false}, true},
      {"off failing again", false, failed, {true, false, 0, 0, false}, false},
      {"on failing again", true, failed, {false, true, 0, 0, true}, false},
      {"on failing after off failed: news of its own", true, failed, {false, false, 0, 0, false},
       true},
      {"on failing after off failed, on already said", true, failed, {false, false, 0, 0, true},
       false},
      {"off failing after on failed", false, failed, {true, true, 0, 0, true}, false},
      {"a way this build lacks: said once", true, not_built, {std::nullopt, false, 0, 0, false},
       false},
      {"a way this build lacks, the first time", false, not_built,
       {std::nullopt, std::nullopt, 0, 0, false}, true},
  };
  for (const auto& r : rows) {
    CAPTURE(r.why);
    CHECK(app::power_failure_logged(r.command, r.kind, r.memory) == r.logged);
  }
  CHECK(app::power_retry_seconds(true) == 30);
  CHECK(app::power_retry_seconds(false) == 600);
}

TEST_CASE("power: a change is stamped with the second it reached the screen, and redraws on") {
  struct Row {
    const char* why;
    std::optional<bool> panel;
    model::UnixSeconds now, recorded;
    std::optional<app::PanelNewsStep> step;
  };
  const Row rows[] = {
      {"no change", std::nullopt, 5000, 4000, std::nullopt},
      // An off asked for at 17:30 that worked on a retry at 03:00: its line
      // starts at 03:00, the lit dark screen before it keeps its own.
      {"off on a retry hours later", false, 5000, 4000, app::PanelNewsStep{"off", 5000, false, false}},
      {"on: the page presented again, whole", true, 5000, 4000,
       app::PanelNewsStep{"on", 5000, true, true}},
      {"never before the line it follows", true, 5000, 5003, app::PanelNewsStep{"on", 5003, true, true}},
  };
  for (const auto& r : rows) {
    CAPTURE(r.why);
    const auto got = app::panel_news_step(r.panel, r.now, r.recorded);
    REQUIRE(got.has_value() == r.step.has_value());
    if (!got) continue;
    CHECK(got->panel == r.step->panel);
    CHECK(got->record == r.step->record);
    CHECK(got->redraw == r.step->redraw);
    CHECK(got->announce == r.step->announce);
  }
}

TEST_CASE("power: a failure is logged once, tried again every 10 minutes, and its end said") {
  auto log = std::make_shared<FakePanelLog>();
  app::PowerControl control(std::make_unique<FakePanelPower>(log));
  app::PowerNews news;
  control.apply(true, 0, news);  // the start, in the day
  CHECK(log->calls == std::vector<bool>{true});
  CHECK(news.panel == true);
  CHECK(news.events == std::vector<std::string>{"panel on (fake)"});
  news = {};
  for (double s = 1; s < 100; ++s)
    control.apply(true, s, news);
  CHECK(log->calls.size() == 1);  // nothing to do
  CHECK_FALSE(news.panel);

  log->failing = true;
  control.apply(false, 100, news);  // the page goes dark
  REQUIRE(news.problems.size() == 1);
  CHECK(news.problems[0] ==
        "panel power (fake): could not switch the panel off: /dev/fake: the fake says no; the "
        "screen shows black while dark, and the command is tried again every 10 minutes");
  CHECK_FALSE(news.panel);
  for (double s = 101; s < 100 + 3 * 600 + 1; s += 1)
    control.apply(false, s, news);
  CHECK(log->calls.size() == 1 + 4);  // at 100, 700, 1300 and 1900
  CHECK(news.problems.size() == 1);   // said once
  CHECK(control.commanded() == true);

  log->failing = false;
  news = {};
  control.apply(false, 2500, news);
  CHECK(news.events == std::vector<std::string>{"panel power (fake) works again", "panel off (fake)"});
  CHECK(news.panel == false);
  CHECK(control.commanded() == false);

  // Off, as commanded: said again every 10 minutes, quietly.
  news = {};
  for (double s = 2501; s < 2500 + 2 * 600 + 1; s += 1)
    control.apply(false, s, news);
  CHECK(log->calls == std::vector<bool>{true, false, false, false, false, false, false, false});
  CHECK(news.events.empty());
  CHECK(news.problems.empty());
  CHECK_FALSE(news.panel);
}

TEST_CASE("power: off said again, asked first where the panel can say") {
  struct Row {
    const char* why;
    std::optional<bool> reported;
    bool woken_said;
    bool send, say;
  };
  const Row rows[] = {
      {"cannot be asked: sent blind", std::nullopt, false, true, false},
      {"reports off: nothing to do", false, false, false, false},
      {"reports on: something else woke it", true, false, true, true},
      {"reports on again: said once", true, true, true, false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.why);
    const auto got = app::power_reassert(r.reported, r.woken_said);
    CHECK(got.send == r.send);
    CHECK(got.say_woken == r.say);
  }

  auto log = std::make_shared<FakePanelLog>();
  app::PowerControl control(std::make_unique<FakePanelPower>(log));
  app::PowerNews news;
  control.apply(false, 0, news);  // night
  log->reported = false;
  control.apply(false, 600, news);  // reports off: nothing sent
  CHECK(log->calls == std::vector<bool>{false});
  log->reported = true;  // a mouse moved, a remote pressed
  news = {};
  control.apply(false, 1199, news);
  CHECK(log->calls == std::vector<bool>{false});  // not due yet
  control.apply(false, 1200, news);
  CHECK(log->calls == std::vector<bool>{false, false});
  CHECK(news.events == std::vector<std::string>{
                           "panel power (fake): the panel was switched on by something else; "
                           "switched off again"});
  CHECK_FALSE(news.panel);  // off all along, as far as the records go
  news = {};
  control.apply(false, 1800, news);  // woken again: sent, said once
  CHECK(log->calls.size() == 3);
  CHECK(news.events.empty());
}

TEST_CASE("power: a failed on is logged on its own, and tried again every 30 seconds") {
  auto log = std::make_shared<FakePanelLog>();
  app::PowerControl control(std::make_unique<FakePanelPower>(log));
  app::PowerNews news;
  log->failing = true;
  control.apply(false, 0, news);  // a night start: off fails
  control.apply(true, 10, news);  // an urgent notice: on fails too
  REQUIRE(news.problems.size() == 2);  // the off, and the on on its own
  CHECK(news.problems[1] ==
        "panel power (fake): could not switch the panel on: /dev/fake: the fake says no; the hall "
        "sees a dark panel, and the command is tried again every 30 seconds");
  for (double s = 11; s <= 70; s += 1)
    control.apply(true, s, news);
  CHECK(log->calls == std::vector<bool>{false, true, true, true});  // at 0, 10, 40 and 70
  control.apply(false, 80, news);  // dark again: off fails, said already
  control.apply(true, 90, news);   // on fails again: said already in this run
  CHECK(news.problems.size() == 2);
  log->failing = false;
  control.apply(true, 120, news);  // works: a new run of failures may be said again
  log->failing = true;
  control.apply(false, 130, news);
  CHECK(news.problems.size() == 3);
}

TEST_CASE("power: the active source said again only while the panel is on") {
  auto log = std::make_shared<FakePanelLog>();
  app::PowerControl control(std::make_unique<FakePanelPower>(log));
  control.announce();  // nothing commanded yet
  app::PowerNews news;
  control.apply(false, 0, news);
  control.announce();
  CHECK(log->announced == 0);
  control.apply(true, 10, news);
  control.announce();
  CHECK(log->announced == 1);
}

TEST_CASE("power: the power thread sends what it is asked for, off the caller's thread") {
  auto log = std::make_shared<FakePanelLog>();
  app::PowerKeeper keeper([log] { return std::make_unique<FakePanelPower>(log); },
                          [] { return 0.0; });
  keeper.want(false);
  // Bounded, woken by the news: the command is sent on the power thread.
  const auto news = keeper.take_waiting(5);
  CHECK(news.panel == false);
  const std::lock_guard lock(log->mutex);
  CHECK(log->calls == std::vector<bool>{false});
}

TEST_CASE("power: a wish said while a command is being sent is not missed") {
  auto log = std::make_shared<FakePanelLog>();
  // The power thread would otherwise look again only after an hour.
  app::PowerKeeper keeper([log] { return std::make_unique<FakePanelPower>(log); },
                          [] { return 0.0; }, 3600);
  log->while_sending = [&keeper](bool on) {
    if (!on) keeper.want(true);  // an urgent notice, while "off" is sent
  };
  keeper.want(false);
  std::optional<bool> last;
  for (int i = 0; i < 2 && last != true; ++i)
    if (auto n = keeper.take_waiting(5); n.panel) last = n.panel;
  CHECK(last == true);
  const std::lock_guard lock(log->mutex);
  CHECK(log->calls == std::vector<bool>{false, true});
}

TEST_CASE("power: the real backends fail cleanly where there is no panel") {
  // No X server at this name: no display.
  auto x11 = app::make_x11_dpms(":97.3");
  const auto x = x11->set(false);
  REQUIRE_FALSE(x.ok());
  CHECK((x.error().kind == app::PowerErrorKind::no_device ||
         x.error().kind == app::PowerErrorKind::not_built));
  // This machine has no /dev/dri (a container): no card. Where it has one,
  // the test process is not DRM master, or nothing is connected.
  auto kms = app::make_kms_dpms();
  const auto k = kms->set(false);
  REQUIRE_FALSE(k.ok());
  CHECK(k.error().kind != app::PowerErrorKind::failed);
  CHECK_FALSE(k.error().message.empty());
  // No CEC adapter plugged in.
  auto cec = app::make_cec();
  const auto c = cec->set(true);
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().kind != app::PowerErrorKind::failed);
  // A power value no backend has.
  const auto other = app::make_panel_power({"hdmi", "", "", -1})->set(true);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().kind == app::PowerErrorKind::not_built);
  // DPMS under a video driver it has no way through.
  const auto wayland = app::make_panel_power({"dpms", ":0", "wayland", -1})->set(false);
  REQUIRE_FALSE(wayland.ok());
  CHECK(wayland.error().kind == app::PowerErrorKind::not_built);
  CHECK(wayland.error().message.find("\"wayland\"") != std::string::npos);
}

TEST_CASE("power: the way follows the video driver SDL draws through, not $DISPLAY") {
  using app::PowerWay;
  struct Row {
    const char* power;
    const char* driver;
    PowerWay way;
  };
  const Row rows[] = {
      {"dpms", "x11", PowerWay::x11_dpms},
      // A stale $DISPLAY: SDL fell back to kmsdrm, and so does the panel.
      {"dpms", "kmsdrm", PowerWay::kms_dpms},
      {"dpms", "wayland", PowerWay::none},
      {"dpms", "offscreen", PowerWay::none},
      {"dpms", "", PowerWay::none},
      {"cec", "x11", PowerWay::cec},
      {"cec", "kmsdrm", PowerWay::cec},
      {"cec", "wayland", PowerWay::cec},
      {"hdmi", "x11", PowerWay::none},
  };
  for (const auto& r : rows) {
    CAPTURE(r.power);
    CAPTURE(r.driver);
    CHECK(app::power_way(r.power, r.driver) == r.way);
  }
}

// Run by the power_x11_xvfb test, which starts an Xvfb and names it in
// HALLBOARD_TEST_XVFB: Debian's Xvfb has no DPMS (it refuses even with
// +extension DPMS), so the X11 path is tried for real up to there.
TEST_CASE("power: X11 DPMS on an X server without DPMS says so") {
  const char* display = std::getenv("HALLBOARD_TEST_XVFB");
  if (!display) return;
  auto x11 = app::make_panel_power({"dpms", display, "x11", -1});
  CHECK(x11->name() == "dpms (X11)");
  const auto r = x11->set(false);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == app::PowerErrorKind::refused);
  CHECK(r.error().message.find("no DPMS") != std::string::npos);
}

}  // namespace hb::test
