#include "app/live_windows.h"

#include <cmath>

namespace hb::app {

void LiveWindows::take(std::shared_ptr<const model::QueueDocument> document,
                       std::optional<double> last_success) {
  // Kept aside until step(): the document in use may still be laid out
  // from until then.
  if (document) incoming_ = std::move(document);
  if (last_success) last_success_ = last_success;
}

bool LiveWindows::may_start_call(model::UnixSeconds now) {
  if (now < break_until_ && now >= break_until_ - rules_.break_seconds) return false;
  if (streak_since_ && now - *streak_since_ >= rules_.streak_seconds) {
    break_until_ = now + rules_.break_seconds;
    streak_since_.reset();
    return false;
  }
  return true;
}

LiveWindows::Round LiveWindows::step(model::UnixSeconds now, double steady_now) {
  Round r;
  if (incoming_) {
    document_ = std::move(incoming_);
    incoming_.reset();
    r.queue_changed = true;
  }
  const std::optional<model::UnixSeconds> success =
      last_success_ ? std::optional(static_cast<model::UnixSeconds>(std::floor(*last_success_)))
                    : std::nullopt;
  const bool live =
      document_ && schedule::queue_is_live(success, static_cast<model::UnixSeconds>(steady_now));
  r.queue_changed = r.queue_changed || live != live_;
  live_ = live;
  r.queue = live ? document_.get() : nullptr;
  // The call on screen since the last round, if any.
  const std::string before = calls_.current ? calls_.current->call.id : std::string();
  auto step = schedule::step_calls(std::move(calls_), r.queue, now, rules_);
  calls_ = std::move(step.state);
  if (calls_.current && calls_.current->call.id != before && !may_start_call(now)) {
    // Not yet: back to the front of the turn, shown after the break.
    calls_.waiting.insert(calls_.waiting.begin(), std::move(calls_.current->call));
    calls_.current.reset();
  }
  if (!calls_.current)
    streak_since_.reset();
  else if (!streak_since_)
    streak_since_ = now;
  r.call = calls_.current ? &calls_.current->call : nullptr;
  r.call_started = r.call && r.call->id != before;
  return r;
}

}  // namespace hb::app
