#include "app/power_keeper.h"

#include <chrono>
#include <utility>

namespace hb::app {
namespace {

// The power thread looks again this often when nothing wakes it, for a
// retry after a failure (kPowerRetrySeconds) or a stop.
constexpr double kPowerLookSeconds = 5;

std::string state_word(bool on) {
  return on ? "on" : "off";
}

}  // namespace

PowerControl::PowerControl(std::unique_ptr<PanelPower> backend) : backend_(std::move(backend)) {}

void PowerControl::apply(bool wanted, model::UnixSeconds second, double steady, PowerNews& news) {
  const auto command = power_command(wanted, memory_, steady);
  if (!command) return;
  const auto result = backend_->set(*command);
  if (!result) {
    // Once, until it works again: a panel that ignores DPMS would
    // otherwise fill the log every ten minutes, night after night.
    if (!memory_.failed_for)
      news.problems.push_back("panel power (" + backend_->name() + "): could not switch the panel " +
                              state_word(*command) + ": " + result.error().place +
                              (result.error().place.empty() ? "" : ": ") + result.error().message +
                              "; the screen shows black while dark, and the command is tried again "
                              "every " +
                              std::to_string(static_cast<int>(kPowerRetrySeconds / 60)) +
                              " minutes");
    memory_.failed_for = *command;
    memory_.failed_at = steady;
    return;
  }
  if (memory_.failed_for)
    news.events.push_back("panel power (" + backend_->name() + ") works again");
  const bool changed = memory_.commanded != result.value();
  memory_.commanded = result.value();
  memory_.failed_for.reset();
  if (!changed) return;
  news.events.push_back("panel " + state_word(result.value()) + " (" + backend_->name() + ")");
  news.panel = result.value();
  news.at = second;
}

PowerKeeper::PowerKeeper(Factory make, std::function<double()> steady)
    : make_(std::move(make)), steady_(std::move(steady)), thread_([this] { run(); }) {}

PowerKeeper::~PowerKeeper() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  // A command in progress (a CEC adapter that does not answer) may hold
  // this up: libcec's own timeouts bound it.
  if (thread_.joinable()) thread_.join();
}

void PowerKeeper::want(bool on, model::UnixSeconds second) {
  {
    const std::lock_guard lock(mutex_);
    if (wanted_ == on) return;
    wanted_ = on;
    second_ = second;
  }
  wake_.notify_all();
}

PowerNews PowerKeeper::take() {
  const std::lock_guard lock(mutex_);
  return std::exchange(news_, PowerNews{});
}

void PowerKeeper::run() {
  PowerControl control(make_());
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (wanted_) {
      const bool wanted = *wanted_;
      const model::UnixSeconds second = second_;
      lock.unlock();
      PowerNews news;
      control.apply(wanted, second, steady_(), news);
      lock.lock();
      news_.problems.insert(news_.problems.end(), news.problems.begin(), news.problems.end());
      news_.events.insert(news_.events.end(), news.events.begin(), news.events.end());
      if (news.panel) {
        news_.panel = news.panel;
        news_.at = news.at;
      }
      // Asked again meanwhile: at once.
      if (wanted_ != wanted) continue;
    }
    wake_.wait_for(lock, std::chrono::duration<double>(kPowerLookSeconds));
  }
}

}  // namespace hb::app
