#include "app/power_keeper.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace hb::app {
namespace {

std::string power_state_word(bool on) {
  return on ? "on" : "off";
}

std::string power_retry_words(bool command) {
  const auto seconds = static_cast<int>(power_retry_seconds(command));
  return seconds >= 60 ? std::to_string(seconds / 60) + " minutes"
                       : std::to_string(seconds) + " seconds";
}

// The line for a failed command: what the hall sees meanwhile differs.
std::string power_failure_line(const std::string& backend, bool command, const PowerError& error) {
  const std::string what = command ? "the hall sees a dark panel"
                                   : "the screen shows black while dark";
  return "panel power (" + backend + "): could not switch the panel " + power_state_word(command) +
         ": " + error.place + (error.place.empty() ? "" : ": ") + error.message + "; " + what +
         ", and the command is tried again every " + power_retry_words(command);
}

}  // namespace

std::optional<PanelNewsStep> panel_news_step(std::optional<bool> panel, model::UnixSeconds now,
                                             model::UnixSeconds recorded) {
  if (!panel) return std::nullopt;
  return PanelNewsStep{power_state_word(*panel), std::max(now, recorded), *panel, *panel};
}

PowerControl::PowerControl(std::unique_ptr<PanelPower> backend) : backend_(std::move(backend)) {}

void PowerControl::apply(bool wanted, double steady, PowerNews& news) {
  const auto command = power_command(wanted, memory_, steady);
  if (!command) return;
  // "Off" again, as commanded: asked first where the backend can say.
  PowerReassert again;
  if (memory_.commanded == *command && !memory_.failed_for) {
    again = power_reassert(backend_->query(), memory_.woken_said);
    if (!again.send) {
      memory_.sent_at = steady;  // checked: off
      return;
    }
  }
  const auto result = backend_->set(*command);
  if (!result) {
    // Once for a run of failures: a panel that ignores DPMS would
    // otherwise fill the log every ten minutes, night after night.
    if (power_failure_logged(*command, result.error().kind, memory_))
      news.problems.push_back(power_failure_line(backend_->name(), *command, result.error()));
    if (*command) memory_.on_failure_said = true;
    memory_.failed_for = *command;
    memory_.failed_at = steady;
    return;
  }
  if (memory_.failed_for)
    news.events.push_back("panel power (" + backend_->name() + ") works again");
  const bool changed = memory_.commanded != result.value();
  memory_.commanded = result.value();
  memory_.failed_for.reset();
  memory_.on_failure_said = false;
  memory_.sent_at = steady;
  if (again.say_woken) {
    news.events.push_back("panel power (" + backend_->name() +
                          "): the panel was switched on by something else; switched off again");
    memory_.woken_said = true;
  }
  if (!changed) return;
  news.events.push_back("panel " + power_state_word(result.value()) + " (" + backend_->name() + ")");
  news.panel = result.value();
}

void PowerControl::announce() {
  if (memory_.commanded == true) backend_->announce();
}

PowerKeeper::PowerKeeper(Factory make, std::function<double()> steady, double look_seconds)
    : make_(std::move(make)),
      steady_(std::move(steady)),
      look_seconds_(look_seconds),
      thread_([this] { run(); }) {}

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

void PowerKeeper::want(bool on) {
  {
    const std::lock_guard lock(mutex_);
    if (wanted_ == on) return;
    wanted_ = on;
  }
  wake_.notify_all();
}

void PowerKeeper::announce() {
  {
    const std::lock_guard lock(mutex_);
    announce_ = true;
  }
  wake_.notify_all();
}

PowerNews PowerKeeper::take() {
  const std::lock_guard lock(mutex_);
  return std::exchange(news_, PowerNews{});
}

PowerNews PowerKeeper::take_waiting(double real_seconds) {
  std::unique_lock lock(mutex_);
  told_.wait_for(lock, std::chrono::duration<double>(real_seconds), [this] {
    return news_.panel || !news_.problems.empty() || !news_.events.empty();
  });
  return std::exchange(news_, PowerNews{});
}

void PowerKeeper::run() {
  PowerControl control(make_());
  std::unique_lock lock(mutex_);
  std::optional<bool> applied;  // the wish last handled
  while (!stop_) {
    const bool announce = std::exchange(announce_, false);
    const std::optional<bool> wanted = wanted_;
    lock.unlock();
    PowerNews news;
    if (wanted) control.apply(*wanted, steady_(), news);
    if (announce) control.announce();
    lock.lock();
    applied = wanted;
    news_.problems.insert(news_.problems.end(), news.problems.begin(), news.problems.end());
    news_.events.insert(news_.events.end(), news.events.begin(), news.events.end());
    if (news.panel) news_.panel = news.panel;
    told_.notify_all();
    // With the predicate, a wish or a stop said while the command was
    // being sent (the lock was not held) is not missed.
    wake_.wait_for(lock, std::chrono::duration<double>(look_seconds_),
                   [&] { return stop_ || announce_ || wanted_ != applied; });
  }
}

}  // namespace hb::app
