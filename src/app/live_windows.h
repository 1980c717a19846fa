// The live windows' state in `hallboard run` (叫号联动, issue 19): the newest
// queue document, whether its source still counts as alive, and the call
// on screen. The content thread feeds it the queue fetcher's news and asks
// it once a round what to show; the decisions are schedule/queue_calls.h's,
// this keeps their small state and says what changed since the last round.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/queue.h"
#include "schedule/queue_calls.h"

namespace hb::app {

class LiveWindows {
 public:
  explicit LiveWindows(schedule::CallRules rules = {}) : rules_(rules) {}

  // News from the source: a newer document (null: none) and the steady
  // seconds of its last successful answer (nothing: none yet).
  void take(std::shared_ptr<const model::QueueDocument> document,
            std::optional<double> last_success);

  struct Round {
    // The live numbers; null while the source is silent (or never answered).
    // Valid until the next step().
    const model::QueueDocument* queue = nullptr;
    bool queue_changed = false;  // another document, or it went silent or came back
    const model::QueueCall* call = nullptr;  // on screen now; valid until the next step()
    bool call_started = false;               // `call` went on screen this round: say it
  };
  // `now`: the screen's clock (calls' times are compared with it);
  // `steady_now`: the clock last_success was taken from (silence is real time).
  Round step(model::UnixSeconds now, double steady_now);

 private:
  schedule::CallRules rules_;
  std::shared_ptr<const model::QueueDocument> document_, incoming_;
  std::optional<double> last_success_;
  bool live_ = false;
  // A new call may go on screen now: not in the rotation's break after a
  // long streak of calls (CallRules::streak_seconds).
  bool may_start_call(model::UnixSeconds now);

  schedule::CallState calls_;
  std::optional<model::UnixSeconds> streak_since_;  // calls on screen without a gap since
  model::UnixSeconds break_until_ = 0;              // no new call before this
};

}  // namespace hb::app
