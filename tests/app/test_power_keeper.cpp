// The panel's power (issue 20): when a command is sent, what a failure
// does, the power thread, and the real backends failing cleanly on a
// machine without a panel (the content thread's wish: test_content_thread).
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
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
      {"as commanded", false, {false, std::nullopt, 0}, 100, std::nullopt},
      {"a change", true, {false, std::nullopt, 0}, 100, true},
      {"failed just now: not again yet", false, {true, false, 100}, 101, std::nullopt},
      {"failed 9 minutes ago", false, {true, false, 100}, 100 + 599, std::nullopt},
      {"failed 10 minutes ago: again", false, {true, false, 100}, 100 + 600, false},
      {"failed off, now wanted on: at once", true, {true, false, 100}, 101, true},
      {"failed at the start", true, {std::nullopt, true, 0}, 5, std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(r.why);
    CHECK(app::power_command(r.wanted, r.memory, r.steady) == r.command);
  }
}

TEST_CASE("power: a failure is logged once, tried again every 10 minutes, and its end said") {
  auto log = std::make_shared<FakePanelLog>();
  app::PowerControl control(std::make_unique<FakePanelPower>(log));
  app::PowerNews news;
  control.apply(true, 1000, 0, news);  // the start, in the day
  CHECK(log->calls == std::vector<bool>{true});
  CHECK(news.panel == true);
  CHECK(news.at == 1000);
  CHECK(news.events == std::vector<std::string>{"panel on (fake)"});
  news = {};
  for (double s = 1; s < 100; ++s)
    control.apply(true, 1000 + static_cast<long long>(s), s, news);
  CHECK(log->calls.size() == 1);  // nothing to do
  CHECK_FALSE(news.panel);

  log->failing = true;
  control.apply(false, 2000, 100, news);  // the page goes dark
  REQUIRE(news.problems.size() == 1);
  CHECK(news.problems[0] ==
        "panel power (fake): could not switch the panel off: /dev/fake: the fake says no; the "
        "screen shows black while dark, and the command is tried again every 10 minutes");
  CHECK_FALSE(news.panel);
  for (double s = 101; s < 100 + 3 * 600 + 1; s += 1)
    control.apply(false, 2000, s, news);
  CHECK(log->calls.size() == 1 + 4);  // at 100, 700, 1300 and 1900
  CHECK(news.problems.size() == 1);   // said once
  CHECK(control.commanded() == true);

  log->failing = false;
  news = {};
  control.apply(false, 5000, 2500, news);
  CHECK(news.events == std::vector<std::string>{"panel power (fake) works again", "panel off (fake)"});
  CHECK(news.panel == false);
  CHECK(news.at == 5000);
  CHECK(control.commanded() == false);
}

TEST_CASE("power: the power thread sends what it is asked for, off the caller's thread") {
  auto log = std::make_shared<FakePanelLog>();
  app::PowerKeeper keeper([log] { return std::make_unique<FakePanelPower>(log); },
                          [] { return 0.0; });
  keeper.want(false, 1234);
  app::PowerNews news;
  // A real wait, bounded: the command is sent on the power thread.
  for (int i = 0; i < 500 && !news.panel; ++i) {
    auto n = keeper.take();
    if (n.panel) news = n;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(news.panel == false);
  CHECK(news.at == 1234);
  const std::lock_guard lock(log->mutex);
  CHECK(log->calls == std::vector<bool>{false});
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
}

// Run by the power_x11_xvfb test, which starts an Xvfb and names it in
// HALLBOARD_TEST_XVFB: Debian's Xvfb has no DPMS (it refuses even with
// +extension DPMS), so the X11 path is tried for real up to there.
TEST_CASE("power: X11 DPMS on an X server without DPMS says so") {
  const char* display = std::getenv("HALLBOARD_TEST_XVFB");
  if (!display) return;
  auto x11 = app::make_panel_power({"dpms", display, "", -1});
  CHECK(x11->name() == "dpms (X11)");
  const auto r = x11->set(false);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == app::PowerErrorKind::refused);
  CHECK(r.error().message.find("no DPMS") != std::string::npos);
}

}  // namespace hb::test
