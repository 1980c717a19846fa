// The drawing thread of `hallboard run`, once the screen is open: it takes
// the content thread's states without waiting for its work, draws what
// decide_screen() (screen_decision.h) says, turns the screen's seconds into
// heartbeats and log flushes, paces the frames, pings the watchdog while
// the content thread makes rounds, and stops on a signal or --exit-after.
// One method per event; the decisions are screen_decision's.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/clock.h"
#include "app/content_thread.h"
#include "app/heartbeat.h"
#include "app/play_recorder.h"
#include "app/power_keeper.h"
#include "app/run_log.h"
#include "app/screen_decision.h"
#include "app/systemd_notify.h"
#include "layout/display_list.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/presenter.h"
#include "schedule/pixel_shift.h"

namespace hb::app {

struct ScreenLoopSetup {
  std::string screen;  // the config's screen name, for the heartbeat
  int utc_offset_minutes = 0;
  std::optional<int> blank_margin_minutes;  // blank-outside-hours, for the log
  double exit_after = 0;                    // --exit-after; 0: until stopped
};

// What the loop draws with and reports to: all owned by the caller, all
// outliving the loop.
struct ScreenLoopParts {
  const ScreenClock& clock;
  render::Presenter& screen;
  render::Canvas& canvas;
  render::FontSet& fonts;
  ContentThread& content;
  RunLog& log;
  ServiceNotifier& systemd;
  PlayRecorder& proof;
  // The panel's power (<display power>, issue 20); null without it.
  PowerKeeper* power;
};

class ScreenLoop {
 public:
  // `first`: the state prepared for the first frame, if any.
  ScreenLoop(ScreenLoopSetup setup, ScreenLoopParts parts,
             std::unique_ptr<HeartbeatSender> heartbeat, std::optional<ScreenState> first);
  ScreenLoop(const ScreenLoop&) = delete;
  ScreenLoop& operator=(const ScreenLoop&) = delete;

  // Until stopped: the exit code.
  int run();

 private:
  void start();
  // A state from the content thread: its lines logged, its page drawn.
  // False: the content thread could not start.
  bool on_state(ScreenState s);
  void on_second(long long second);
  // What the power thread did: logged, and the panel's state for proof of play.
  void take_power();
  void announce_if_showing();
  // After the frame: readiness, memory given back, the watchdog.
  void on_frame(const render::FrameResult& frame);
  // The window's events; false: stopped (a signal, the window closed).
  bool on_events(const render::WindowEvents& events);
  // Whatever is still to write, then the process ends within seconds.
  int finish(const std::string& why);

  void draw(const ScreenDecision& decision, const Offered& offered);
  void say_dark(bool dark);
  void beat(long long second);
  layout::Page shown_page() const;
  render::DrawReport show(model::Transition how);
  double wait_seconds(long long second, double elapsed, bool animating);
  void problem(const std::string& line) { parts_.log.problem(line); }
  void event(const std::string& line) { parts_.log.event(line); }

  ScreenLoopSetup setup_;
  ScreenLoopParts parts_;
  std::unique_ptr<HeartbeatSender> heartbeat_;
  std::optional<ScreenState> pending_;

  render::Size size_;
  layout::Page page_;  // as laid out; drawn shifted
  OnScreen showing_;
  schedule::PixelShift shift_;
  bool blanked_ = false;
  bool first_page_ = true;
  bool ready_ = false;
  bool stall_said_ = false;
  bool announce_pending_ = false;  // the panel came on; no page seen on it yet
  long long last_second_ = 0;
  long long recorded_ = 0;  // the second of the last proof-of-play line
  double next_frame_ = 0;
  double next_trim_ = 0;
  std::string last_frame_error_;
};

}  // namespace hb::app
