// The content thread of `hallboard run`: the drawing thread takes its pages
// without ever waiting for its work (issue 15: no content may stop a screen).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/content_thread.h"
#include "app/power_keeper.h"
#include "fake_panel_power.h"
#include "fake_measure.h"
#include "files.h"
#include "layout/display_list.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

// A measurer that can be made to stop inside width() until released, as a
// count of a hundred thousand items keeps the content thread busy.
class GatedMeasure : public layout::TextMeasurer {
 public:
  int width(std::string_view s, const layout::TextStyle& style) const override {
    std::unique_lock lock(mutex_);
    if (closed_) {
      ++waiting_;
      changed_.notify_all();
      changed_.wait(lock, [this] { return !closed_; });
      --waiting_;
    }
    return fake_.width(s, style);
  }
  int line_height(const layout::TextStyle& style) const override {
    return fake_.line_height(style);
  }
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  void open() {
    {
      const std::lock_guard lock(mutex_);
      closed_ = false;
    }
    changed_.notify_all();
  }
  // Waits (a real wait, bounded) until the content thread is held inside width().
  bool wait_until_held() const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [this] { return waiting_ > 0; });
  }

 private:
  FakeMeasure fake_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool closed_ = false;
  mutable int waiting_ = 0;
};

struct FakeClock {
  std::atomic<double> wall{0};
  std::atomic<double> steady{0};
  app::Clocks clocks() {
    return {[this] { return wall.load(); }, [this] { return steady.load(); }};
  }
};

app::ContentSetup demo_setup(const TempDir& dir) {
  app::ContentSetup setup;
  setup.config.source = (dir / "player.xml").string();
  setup.config.screen = "lobby-1";
  setup.config.utc_offset_minutes = kZone;
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    setup.config.feeds.push_back({(source_dir() / "content" / f).string(), 60, {}});
  setup.config.cache_dir = (dir / "cache").string();
  setup.width = 1920;
  setup.height = 1080;
  setup.fetching.file_check_seconds = 0.05;
  return setup;
}

app::MeasuringFactory measuring(std::shared_ptr<const layout::TextMeasurer> measure) {
  return [measure] {
    app::Measuring m;
    m.measure = measure;
    m.count_setup = "test";
    return m;
  };
}

// Takes states (a real, bounded wait) until `done` holds for one.
std::optional<app::ScreenState> take_until(
    app::ContentThread& content, const std::function<bool(const app::ScreenState&)>& done) {
  for (int i = 0; i < 1000; ++i) {
    if (auto s = content.take(); s && done(*s)) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

bool shows(const layout::Page& page, const std::string& text) {
  for (const auto& line : layout::text_in_reading_order(page))
    if (line.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("content thread: the waiting page at once, then the content, then the next page") {
  TempDir dir;
  FakeClock fake;
  fake.wall = static_cast<double>(at("2026-11-27T10:00:00"));
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  app::ContentThread content(demo_setup(dir), fake.clocks(), clock,
                             measuring(std::make_shared<FakeMeasure>()));
  const auto shown =
      take_until(content, [](const app::ScreenState& s) { return s.has_page && s.has_content; });
  REQUIRE(shown);
  CHECK(shown->step.change == app::Change::turned);
  CHECK(shows(shown->page, "昆明市住房和城乡建设局政务服务窗口"));
  CHECK(shown->width == 1920);
  CHECK_FALSE(shown->showing.slide_type.empty());

  // The screen's clock moves on: the next page turns.
  fake.wall = fake.wall + 60;
  const auto next = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.step.change == app::Change::turned;
  });
  REQUIRE(next);
  CHECK(next->second == at("2026-11-27T10:01:00"));

  // Another size: the next state is laid out for it.
  content.resize(1080, 1920);
  const auto resized =
      take_until(content, [](const app::ScreenState& s) { return s.has_page && s.width == 1080; });
  REQUIRE(resized);
  CHECK(resized->height == 1920);
  CHECK(resized->step.change == app::Change::turned);
}

TEST_CASE("content thread: the drawing side is never held by the content thread's work") {
  TempDir dir;
  FakeClock fake;
  fake.wall = static_cast<double>(at("2026-11-27T10:00:00"));
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  const auto gated = std::make_shared<GatedMeasure>();
  gated->close();  // the first layout (the waiting page) already stops inside width()
  {
    app::ContentThread content(demo_setup(dir), fake.clocks(), clock, measuring(gated));
    REQUIRE(gated->wait_until_held());
    // While the content thread is held inside the layout: the drawing
    // thread's calls come back, with nothing new to draw.
    for (int i = 0; i < 100; ++i) {
      CHECK_FALSE(content.take());
      content.resize(1280, 720);
      content.set_ready();
      (void)content.fetcher();
      (void)content.last_progress();
    }
    gated->open();
    const auto shown =
        take_until(content, [](const app::ScreenState& s) { return s.has_page && s.has_content; });
    REQUIRE(shown);
    CHECK(shown->width == 1280);
  }
}

TEST_CASE("content thread: a measurer that cannot be made is said, and nothing is drawn") {
  TempDir dir;
  FakeClock fake;
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  app::ContentThread content(demo_setup(dir), fake.clocks(), clock, [] {
    app::Measuring m;
    m.error = "no fonts: install fonts-noto-cjk";
    return m;
  });
  const auto s = take_until(content, [](const app::ScreenState& st) { return st.fatal; });
  REQUIRE(s);
  REQUIRE(s->problems.size() == 1);
  CHECK(s->problems[0] == "no fonts: install fonts-noto-cjk");
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("content thread: a call pre-empts the page, is said once, follows a resize, then ends") {
  TempDir dir;
  FakeClock fake;
  const auto t0 = at("2026-11-27T10:00:00");
  fake.wall = static_cast<double>(t0);
  write_bytes(dir / "queue.xml", "<queue><window id=\"1\" serving=\"A023\"/></queue>");
  auto setup = demo_setup(dir);
  setup.config.queue = model::QueueSource{(dir / "queue.xml").string(), 1, false, {}};
  setup.queue_fetching.file_check_seconds = 0.05;
  std::atomic<int> said{0};
  setup.speaking.call = [&](const model::QueueCall& c, const model::Content& content,
                            model::UnixSeconds) {
    said += c.ticket == "A024" && content.hall ? 1 : 100;
  };
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  app::ContentThread content(setup, fake.clocks(), clock,
                             measuring(std::make_shared<FakeMeasure>()));
  REQUIRE(take_until(content, [](const app::ScreenState& s) { return s.has_content; }));
  write_bytes(dir / "queue.xml",
              "<queue><window id=\"1\" serving=\"A024\"/>"
              "<call id=\"c1\" ticket=\"A024\" window=\"1\" at=\"2026-11-27T10:00:00+08:00\"/>"
              "</queue>");
  fake.steady = fake.steady + 1;  // the queue's next look is due
  const auto call = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.showing.slide_type == "call";
  });
  REQUIRE(call);
  CHECK(shows(call->page, "A024"));
  CAPTURE(said.load());
  CHECK(said == 1);

  content.resize(1080, 1920);
  const auto turned = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.width == 1080 && s.page.slide_type == "call";
  });
  CHECK(turned);

  fake.wall = fake.wall + 9;  // past the call's 8 seconds
  const auto back = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.showing.slide_type != "call";
  });
  REQUIRE(back);
  CHECK(back->step.change == app::Change::turned);
  CHECK(said == 1);
}

TEST_CASE("content thread: a dark screen shows no call, but the call is still said") {
  TempDir dir;
  FakeClock fake;
  fake.wall = static_cast<double>(at("2026-11-27T22:00:00"));  // closed, dark
  write_bytes(dir / "queue.xml", "<queue/>");
  auto setup = demo_setup(dir);
  setup.blank_margin_minutes = 30;
  setup.config.queue = model::QueueSource{(dir / "queue.xml").string(), 1, false, {}};
  setup.queue_fetching.file_check_seconds = 0.05;
  std::atomic<int> said{0};
  setup.speaking.call = [&](const model::QueueCall&, const model::Content&, model::UnixSeconds) {
    ++said;
  };
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  app::ContentThread content(setup, fake.clocks(), clock,
                             measuring(std::make_shared<FakeMeasure>()));
  bool call_shown = false;
  const auto dark =
      take_until(content, [](const app::ScreenState& s) { return s.has_content && s.dark; });
  REQUIRE(dark);
  CHECK(dark->showing.slide_type == "dark");
  write_bytes(dir / "queue.xml",
              "<queue><call id=\"c1\" ticket=\"A024\" window=\"1\" "
              "at=\"2026-11-27T22:00:00+08:00\"/></queue>");
  fake.steady = fake.steady + 1;  // the queue's next look is due
  // Said (a real, bounded wait: the queue file is read on its own thread).
  for (int i = 0; i < 500 && said == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(said == 1);
  while (auto s = content.take())
    call_shown = call_shown || (s->has_page && s->page.slide_type == "call");
  CHECK_FALSE(call_shown);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("content thread: urgent notices are handed to the voice with the content on screen") {
  TempDir dir;
  FakeClock fake;
  fake.wall = static_cast<double>(at("2026-12-03T10:00:30"));  // the demo's urgent drill
  auto setup = demo_setup(dir);
  std::atomic<int> asked{0};
  setup.speaking.urgent = [&](const model::Content& content, model::UnixSeconds now) {
    asked += content.hall && now == at("2026-12-03T10:00:30") ? 1 : 0;
  };
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  app::ContentThread content(setup, fake.clocks(), clock,
                             measuring(std::make_shared<FakeMeasure>()));
  const auto urgent = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.showing.slide_type == "urgent";
  });
  REQUIRE(urgent);
  CHECK(asked > 0);
}

TEST_CASE("content thread: a CAP alert in force is an urgent notice, said, and goes with its Cancel") {
  TempDir dir;
  FakeClock fake;
  fake.wall = static_cast<double>(at("2026-12-05T11:00:00"));
  // An Atom feed of the typhoon warning and its Cancel (sent the next morning).
  const auto entry = [](const char* name) {
    std::string xml = read_bytes(source_dir() / "tests" / "feed" / "cap" / name);
    xml = xml.substr(xml.find("<alert"));
    return "<entry><content>" + xml + "</content></entry>";
  };
  write_bytes(dir / "cap.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\">" +
                                   entry("typhoon.xml") + entry("typhoon_cancel.xml") + "</feed>");
  auto setup = demo_setup(dir);
  setup.config.alerts = model::AlertSource{(dir / "cap.xml").string(), 30, "深圳", {}};
  setup.alert_fetching.file_check_seconds = 0.05;
  std::atomic<int> said{0};
  setup.speaking.urgent = [&](const model::Content& content, model::UnixSeconds) {
    for (const auto& n : content.notices)
      said += n.id == "cap:gd-weather@example.gov.cn:44000041600000_20261205100000" ? 1 : 0;
  };
  const app::ScreenClock clock(fake.clocks(), std::nullopt, 1);
  app::ContentThread content(setup, fake.clocks(), clock,
                             measuring(std::make_shared<FakeMeasure>()));
  const auto urgent = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.showing.slide_type == "urgent";
  });
  REQUIRE(urgent);
  CHECK(shows(urgent->page, "深圳市气象台发布台风橙色预警信号"));
  CHECK(said > 0);

  // The Cancel's sent: withdrawn, and the rotation comes back without its
  // banner (at the next page boundary).
  fake.wall = static_cast<double>(at("2026-12-06T08:00:30"));
  const auto after = take_until(content, [](const app::ScreenState& s) {
    return s.has_page && s.showing.slide_type != "urgent" && !shows(s.page, "台风");
  });
  REQUIRE(after);
}

}  // namespace hb::test

namespace hb::test {

// Issue 20: the wish the drawing loop hands to the power thread, as
// run's screen loop does, with a stand-in panel.
TEST_CASE("content thread: the panel off at night, on 5 minutes before the screen wakes") {
  TempDir dir;
  FakeClock fake;
  fake.wall = static_cast<double>(at("2026-11-27T22:00:00"));  // Friday night
  const app::Clocks clocks = fake.clocks();
  auto setup = demo_setup(dir);
  setup.config.display.blank_outside_hours_minutes = 30;
  setup.config.display.power = "dpms";
  setup.blank_margin_minutes = 30;
  const app::ScreenClock clock(clocks, std::nullopt, 1);
  app::ContentThread content(setup, clocks, clock, measuring(std::make_shared<FakeMeasure>()));
  // The drawing thread's part, as the screen loop does it: the wish handed on.
  auto log = std::make_shared<FakePanelLog>();
  app::PowerKeeper keeper([log] { return std::make_unique<FakePanelPower>(log); },
                          [&] { return fake.steady.load(); });
  const auto until = [&](bool dark, bool on) {
    for (int i = 0; i < 1000; ++i) {
      if (auto s = content.take()) {
        if (s->has_content) keeper.want(s->panel_on);
        if (s->has_content && s->dark == dark && s->panel_on == on) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  // The commands sent, once the panel is `last`: woken by the power
  // thread's news (bounded), not polled.
  const auto calls = [&](bool last) {
    for (int i = 0; i < 3; ++i)
      if (keeper.take_waiting(5).panel == last) break;
    const std::lock_guard lock(log->mutex);
    return log->calls;
  };
  CHECK(until(true, false));  // dark, and the panel off
  const auto first = calls(false);
  REQUIRE_FALSE(first.empty());
  CHECK(first.back() == false);
  fake.wall = static_cast<double>(at("2026-11-30T08:25:00"));  // Monday, 35 minutes before opening
  CHECK(until(true, true));   // still dark, the panel on
  fake.wall = static_cast<double>(at("2026-11-30T08:30:00"));
  CHECK(until(false, true));  // the first page
  // Off, then on: a start at night never wakes the panel for a moment.
  CHECK(calls(true) == std::vector<bool>{false, true});
}

TEST_CASE("content thread: <tls ca-file> reaches the feeds', the queue's and the alerts' fetchers") {
  app::ContentSetup setup;
  app::use_ca_file(setup, "/etc/hallboard/ca.pem");
  CHECK(setup.fetching.fetch.ca_file == "/etc/hallboard/ca.pem");
  CHECK(setup.queue_fetching.fetch.ca_file == "/etc/hallboard/ca.pem");
  CHECK(setup.alert_fetching.fetch.ca_file == "/etc/hallboard/ca.pem");
  app::use_ca_file(setup, "");
  CHECK(setup.alert_fetching.fetch.ca_file.empty());
}

}  // namespace hb::test
