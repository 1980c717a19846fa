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
  std::optional<bool> panel;   // the state the panel was put in, if it changed
  model::UnixSeconds at = 0;   // the screen's second the schedule asked it for
};

class PowerControl {
 public:
  explicit PowerControl(std::unique_ptr<PanelPower> backend);
  // Sends a command if power_command() says so; what happened goes into
  // `news`. A failure is logged once, until a command works again.
  void apply(bool wanted, model::UnixSeconds second, double steady, PowerNews& news);
  std::optional<bool> commanded() const { return memory_.commanded; }

 private:
  std::unique_ptr<PanelPower> backend_;
  PowerMemory memory_;
};

class PowerKeeper {
 public:
  using Factory = std::function<std::unique_ptr<PanelPower>()>;
  // `make` is called on the power thread; `steady` from it too.
  PowerKeeper(Factory make, std::function<double()> steady);
  ~PowerKeeper();
  PowerKeeper(const PowerKeeper&) = delete;
  PowerKeeper& operator=(const PowerKeeper&) = delete;

  // The schedule wants the panel on (or off) as of the screen's `second`.
  void want(bool on, model::UnixSeconds second);
  PowerNews take();

 private:
  void run();

  Factory make_;
  std::function<double()> steady_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<bool> wanted_;      // guarded by mutex_; nothing until first said
  model::UnixSeconds second_ = 0;   // guarded by mutex_
  PowerNews news_;                  // guarded by mutex_
  bool stop_ = false;               // guarded by mutex_
  std::thread thread_;              // last: started when everything above exists
};

}  // namespace hb::app
