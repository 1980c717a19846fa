#include "app/screen_loop.h"

#include <malloc.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>
#include <utility>

#include "app/heartbeat_report.h"
#include "app/process_memory.h"
#include "app/run_heartbeat.h"
#include "layout/shift.h"

namespace hb::app {
namespace {

// How often memory that malloc keeps for later goes back to the system.
constexpr double kTrimEvery = 10.0;

// Ends the process `seconds` from now unless it has ended by then: the
// last resort that keeps a stop prompt while a worker cannot be
// interrupted (everything that must reach the disk is written before).
void exit_soon(double seconds) {
  std::thread([seconds] {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    std::_Exit(0);
  }).detach();
}

}  // namespace

ScreenLoop::ScreenLoop(ScreenLoopSetup setup, ScreenLoopParts parts,
                       std::unique_ptr<HeartbeatSender> heartbeat,
                       std::optional<ScreenState> first)
    : setup_(std::move(setup)),
      parts_(parts),
      heartbeat_(std::move(heartbeat)),
      pending_(std::move(first)) {
  showing_.slide_type = "waiting";
}

int ScreenLoop::run() {
  start();
  for (;;) {
    const double now = parts_.clock.now();
    const auto second = static_cast<long long>(std::floor(now));
    if (!pending_) pending_ = parts_.content.take();
    if (pending_) {
      auto state = std::move(*pending_);
      pending_.reset();
      if (!on_state(std::move(state))) return 1;
    }
    if (second != last_second_) on_second(second);
    const double elapsed = parts_.clock.elapsed();
    const auto frame = parts_.screen.frame(elapsed);
    on_frame(frame);
    if (setup_.exit_after > 0 && elapsed >= setup_.exit_after) break;
    const auto events = parts_.screen.wait_events(wait_seconds(second, elapsed, frame.animating));
    if (!on_events(events)) return finish("stopped");
  }
  return finish("stopped after " + std::to_string(static_cast<int>(setup_.exit_after)) +
                " s (--exit-after)");
}

void ScreenLoop::start() {
  size_ = parts_.screen.page_size();
  parts_.content.resize(size_.w, size_.h);  // nothing to do when the guess was right
}

bool ScreenLoop::on_state(ScreenState s) {
  for (const auto& line : s.problems)
    problem(line);
  for (const auto& line : s.events)
    event(line);
  if (s.fatal) return false;
  if (s.pictures_changed) parts_.canvas.forget_pictures();
  // Handed on at once; the power thread sends the command (it may take
  // seconds), and the screen shows black meanwhile, or if it fails. Only
  // once there is content (its calendar decides): a restart at night
  // would otherwise wake the panel for the seconds the cache takes.
  if (parts_.power && s.has_content) parts_.power->want(s.panel_on);
  const Offered offered{s.has_page, s.width, s.height, s.dark, s.pictures_changed, s.step};
  const ScreenDecision decision =
      decide_screen(offered, Showing{size_.w, size_.h, blanked_, first_page_});
  if (decision.take_page) {
    page_ = std::move(s.page);
    std::string panel = std::move(showing_.panel);  // the power thread's to change
    showing_ = s.showing;
    showing_.panel = std::move(panel);
    // Recorded for the second it was laid out for, a moment ago (never
    // before the line it follows).
    recorded_ = std::max<long long>(s.second, recorded_);
    if (const auto error = parts_.proof.showing(showing_, recorded_); !error.empty())
      problem(error);
  }
  draw(decision, offered);
  if (decision.take_page) {
    first_page_ = false;
    announce_if_showing();
  }
  return true;
}

void ScreenLoop::draw(const ScreenDecision& decision, const Offered& offered) {
  render::DrawReport report;
  switch (decision.draw) {
    case Draw::nothing:
      return;
    case Draw::update:
      report = parts_.screen.update(shown_page(), size_);
      break;
    case Draw::turn:
      report = show(decision.transition);
      break;
    case Draw::blank:
      say_dark(offered.dark);
      parts_.screen.blank();
      break;
    case Draw::wake:
      say_dark(offered.dark);
      report = show(decision.transition);
      break;
  }
  for (const auto& line : report.problems)
    problem(line);
}

void ScreenLoop::say_dark(bool dark) {
  event(dark ? "outside opening hours: the screen is dark until " +
                   std::to_string(setup_.blank_margin_minutes.value_or(0)) +
                   " minutes before the next opening"
             : "the screen wakes for the opening");
  blanked_ = dark;
}

// The page as drawn: moved by the burn-in shift chosen when it was shown.
layout::Page ScreenLoop::shown_page() const {
  return layout::shifted(page_, shift_.dx, shift_.dy, size_.w, size_.h);
}

render::DrawReport ScreenLoop::show(model::Transition how) {
  shift_ = schedule::pixel_shift(last_second_);
  return parts_.screen.show(shown_page(), size_, how);
}

void ScreenLoop::on_second(long long second) {
  last_second_ = second;
  take_power();
  beat(second);
  if (heartbeat_)
    for (const auto& line : heartbeat_->take_log())
      problem(line);
  parts_.log.flush();
}

void ScreenLoop::take_power() {
  if (!parts_.power) return;
  auto news = parts_.power->take();
  for (const auto& line : news.problems)
    problem(line);
  for (const auto& line : news.events)
    event(line);
  const auto step = panel_news_step(news.panel, last_second_, recorded_);
  if (!step) return;
  // A line of its own from the second the change reached this loop.
  showing_.panel = step->panel;
  recorded_ = step->record;
  if (const auto error = parts_.proof.showing(showing_, recorded_); !error.empty()) problem(error);
  if (step->redraw) parts_.screen.invalidate();
  announce_pending_ = step->announce;
}

// CEC's active source said again at the first page drawn on the woken
// panel: seconds after "on" at least (a TV takes that long to start).
void ScreenLoop::announce_if_showing() {
  if (!parts_.power || !announce_pending_ || blanked_) return;
  parts_.power->announce();
  announce_pending_ = false;
}

// The heartbeat posts on a thread of its own; the drawing loop only
// copies the report together (and the frame, when asked for one).
void ScreenLoop::beat(long long second) {
  const double steady = parts_.clock.steady();
  if (!heartbeat_ || !heartbeat_->due(steady)) return;
  HeartbeatReport report;
  report.screen = setup_.screen;
  report.version = HALLBOARD_VERSION;
  report.time = second;
  report.utc_offset_minutes = setup_.utc_offset_minutes;
  report.uptime_seconds = static_cast<std::int64_t>(parts_.clock.elapsed());
  report.renderer = std::string(parts_.screen.name());
  report.page = heartbeat_page(page_, blanked_);
  report.panel = showing_.panel;
  report.memory = read_process_memory();
  if (const FeedFetcher* fetcher = parts_.content.fetcher())
    report.feeds = heartbeat_feeds(fetcher->feed_states());
  if (auto q = parts_.content.queue_report())
    report.queue = HeartbeatQueue{std::move(q->url), std::move(q->last_result), q->live};
  if (auto a = parts_.content.alerts_report())
    report.alerts = HeartbeatAlerts{std::move(a->first), std::move(a->second)};
  const bool with_frame = heartbeat_->wants_screenshot() && !blanked_;
  heartbeat_->submit(std::move(report), with_frame ? frame_on(parts_.screen) : std::nullopt,
                     steady);
}

void ScreenLoop::on_frame(const render::FrameResult& frame) {
  // A screen that keeps failing would say so 60 times a second: once is enough.
  if (frame.error != last_frame_error_ && !frame.error.empty()) problem(frame.error);
  last_frame_error_ = frame.error;
  if (!ready_ && frame.presented) {
    // systemd (Type=notify) counts the start from here: a screen that
    // never draws is a failed start, and is restarted.
    ready_ = true;
    parts_.content.set_ready();
    parts_.systemd.ready("showing " + showing_.slide_type + " on " +
                         std::string(parts_.screen.name()));
    // Once the first frame is drawn, what only the start needed goes back
    // to the system (the trim below).
    parts_.fonts.keep_sizes_apart(false);
  }
  const double steady_now = parts_.clock.steady();
  if (ready_ && steady_now >= next_trim_) {
    // Page turns and content changes free whole pages' worth of memory
    // that malloc keeps for later: given back every few seconds it is
    // about 1 MB less resident (PSS 41.2 -> 40.2 MB on the demo), for
    // 0.1-0.2 ms a time.
    malloc_trim(0);
    next_trim_ = steady_now + kTrimEvery;
  }
  // From the drawing loop itself: if drawing hangs, the pings stop and
  // systemd restarts the player (WatchdogSec). So do they if the content
  // thread stops making rounds (content_stalled).
  const double steady = parts_.clock.steady();
  const bool stalled = content_stalled(steady, parts_.content.last_progress());
  if (stalled && !stall_said_) {
    problem("the content thread has not finished a round for " +
            std::to_string(std::lround(steady - parts_.content.last_progress())) +
            " s; the watchdog is no longer told all is well, so systemd restarts the player");
    stall_said_ = true;
  }
  if (!stalled) parts_.systemd.watchdog(steady);
}

double ScreenLoop::wait_seconds(long long second, double elapsed, bool animating) {
  WaitInput in;
  in.to_next_second = parts_.clock.real(static_cast<double>(second + 1) - parts_.clock.now());
  in.elapsed = elapsed;
  in.animating = animating;
  in.vsync = parts_.screen.vsync();
  in.refresh_hz = parts_.screen.refresh_hz();
  in.next_frame = next_frame_;
  in.exit_after = setup_.exit_after;
  in.longest_sleep = parts_.systemd.longest_sleep();
  const Wait w = next_wait(in);
  next_frame_ = w.next_frame;
  return w.timeout;
}

bool ScreenLoop::on_events(const render::WindowEvents& events) {
  if (events.quit) return false;
  if (events.resized) {
    size_ = parts_.screen.page_size();
    parts_.content.resize(size_.w, size_.h);
  }
  return true;
}

int ScreenLoop::finish(const std::string& why) {
  const auto second = static_cast<model::UnixSeconds>(std::floor(parts_.clock.now()));
  if (const auto error = parts_.proof.stop(second); !error.empty()) problem(error);
  parts_.systemd.stopping();
  parts_.log.flush_all();
  event(why);
  // Whatever the content thread is in the middle of (a count of a
  // hundred thousand items takes a while), the player is gone within
  // seconds of being asked: systemd and a person at the keyboard expect it.
  exit_soon(2.5);
  return 0;
}

}  // namespace hb::app
