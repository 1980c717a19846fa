// Drives the panel's power (<display power>, issue 20) off the drawing
// thread: the content thread says what the schedule wants (panel_power.h,
// schedule/panel_power.h), the drawing thread hands it on, and the power
// thread sends the commands, which may take seconds (CEC).
//
// PowerControl is the work without a thread (tests drive it with their
// own clock); PowerKeeper runs it on the power thread.
//
// Thread rules: PowerKeeper's constructor, destructor, want() and take()
// run on any one owner thread (the drawing thread in `run`) and never wait
// for a command; the backend is made, used and destroyed on the power
// thread only.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/panel_power.h"
#include "model/time.h"

namespace hb::app {

// What happened since the last take(): lines for the log, and the panel's
// new state for proof of play.
struct PowerNews {
  std::vector<std::string> problems;
  std::vector<std::string> events;
  // The state the panel was put in, if it changed. Stamped by the drawing
  // loop with the second the news reaches it (panel_news_step), not the
  // second it was asked for: a command that worked on a retry hours later
  // changed the panel then.
  std::optional<bool> panel;
};

// What the drawing loop does with a change of the panel's state (pure).
struct PanelNewsStep {
  std::string panel;          // "on" or "off", for proof of play and the heartbeat
  model::UnixSeconds record;  // the second its proof-of-play line starts
  // Present the page on screen again, whole: on KMS a page flip while the
  // CRTC was off may be lost, and a page that does not move is not
  // presented again by itself (render/presenter.h), so it would stay black.
  bool redraw;
  // PowerKeeper::announce() once a page is on screen (CEC's active source).
  bool announce;
};
// `now`: the drawing loop's second as the news arrives; `recorded`: the
// second of the last proof-of-play line (never before it).
std::optional<PanelNewsStep> panel_news_step(std::optional<bool> panel, model::UnixSeconds now,
                                             model::UnixSeconds recorded);

class PowerControl {
 public:
  explicit PowerControl(std::unique_ptr<PanelPower> backend);
  // Sends a command if power_command() says so; what happened goes into
  // `news`. A failure is logged once, until a command works again.
  void apply(bool wanted, double steady, PowerNews& news);
  std::optional<bool> commanded() const { return memory_.commanded; }
  // PanelPower::announce(), when the panel is on as commanded.
  void announce();

 private:
  std::unique_ptr<PanelPower> backend_;
  PowerMemory memory_;
};

class PowerKeeper {
 public:
  using Factory = std::function<std::unique_ptr<PanelPower>()>;
  // `make` is called on the power thread; `steady` from it too. The thread
  // looks again every `look_seconds` (real) when nothing wakes it, for a
  // retry, or to say "off" again.
  PowerKeeper(Factory make, std::function<double()> steady, double look_seconds = 5);
  ~PowerKeeper();
  PowerKeeper(const PowerKeeper&) = delete;
  PowerKeeper& operator=(const PowerKeeper&) = delete;

  // The schedule wants the panel on (or off).
  void want(bool on);
  PowerNews take();
  // A page is on screen after the panel came on (PanelNewsStep::announce).
  void announce();
  // take(), once there is news or `real_seconds` have passed: for tests,
  // which then wait for the power thread without sleeping in steps.
  PowerNews take_waiting(double real_seconds);

 private:
  void run();

  Factory make_;
  std::function<double()> steady_;
  double look_seconds_;
  std::mutex mutex_;
  std::condition_variable wake_;      // the power thread's: a wish or a stop
  std::condition_variable told_;      // take_waiting's: news
  std::optional<bool> wanted_;      // guarded by mutex_; nothing until first said
  PowerNews news_;                  // guarded by mutex_
  bool announce_ = false;           // guarded by mutex_
  bool stop_ = false;               // guarded by mutex_
  std::thread thread_;              // last: started when everything above exists
};

}  // namespace hb::app
