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
  auto step = schedule::step_calls(std::move(calls_), r.queue, now, rules_);
  calls_ = std::move(step.state);
  r.call = calls_.current ? &calls_.current->call : nullptr;
  const std::string id = r.call ? r.call->id : std::string();
  r.call_started = r.call && id != call_on_screen_;
  call_on_screen_ = id;
  return r;
}

}  // namespace hb::app
