// What the queue-calling link-up (叫号联动, issue 19) puts on screen, as
// pure functions of the queue document, the duty board and the time: the
// call on screen, whether the source still counts as alive, and the rows of
// the window band. No clock, no I/O; the caller keeps the small state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/queue.h"
#include "schedule/duty.h"

namespace hb::schedule {

struct CallRules {
  int display_seconds = 8;  // each call pre-empts the page this long
  // A call older than this when its turn comes is not shown: on a start the
  // source still lists calls made minutes ago, and a burst of calls would
  // otherwise keep the screen minutes behind the hall.
  int max_age_seconds = 60;
  std::size_t remember = 256;  // ids kept as seen; several times a document's 50 calls
  // Calls on screen without a gap for this long give the rotation (and an
  // urgent notice) `break_seconds` before the next call, so a busy hall
  // still sees its pages and an urgent notice is never kept off the screen.
  int streak_seconds = 40;
  int break_seconds = 15;
};

// The ids of calls already shown (or skipped), the last `remember` of them.
class SeenCalls {
 public:
  explicit SeenCalls(std::size_t capacity = CallRules{}.remember);
  bool contains(const std::string& id) const;
  void add(std::string id);  // forgets the oldest once full
  std::size_t size() const { return ids_.size(); }

 private:
  std::vector<std::string> ids_;
  std::size_t capacity_;
  std::size_t next_ = 0;  // where the next id goes once full
};

struct ShownCall {
  model::QueueCall call;
  model::UnixSeconds since = 0;  // on screen from here for display_seconds
};

struct CallState {
  SeenCalls seen;
  std::optional<ShownCall> current;
  std::vector<model::QueueCall> waiting;  // new calls in turn, oldest first
};

struct CallStep {
  CallState state;
  const model::QueueCall* on_screen() const {
    return state.current ? &state.current->call : nullptr;
  }
};

// The call on screen at `now` and the state to pass next time. Calls the
// document holds that were never seen join the turn in `at` order; each id
// is shown once. `queue` is nothing while the source is silent: calls in
// turn are still shown. Ask at least once a second.
CallStep step_calls(CallState state, const model::QueueDocument* queue, model::UnixSeconds now,
                    const CallRules& rules = {});

// For `hallboard render --queue`, which draws one instant without history:
// the latest call made less than display_seconds before t, if any.
const model::QueueCall* call_at(const model::QueueDocument& queue, model::UnixSeconds t,
                                const CallRules& rules = {});

// The silent-source rule (answers.md, issue 19): the live numbers stay on
// screen while the last successful answer (HTTP 200 or 304, or a readable
// file) is less than 30 s old. A clock set back keeps them as long as a
// clock that stood still would.
inline constexpr int kQueueSilenceSeconds = 30;
bool queue_is_live(std::optional<model::UnixSeconds> last_success, model::UnixSeconds now,
                   int silence_seconds = kQueueSilenceSeconds);

// One row of the window band (窗口状态).
enum class BandState {
  open,       // serving and waiting as the source says
  paused,     // the source says paused
  closed,     // the source says closed
  suspended,  // nobody on duty by the roster (暂停服务), whatever the source says
  unknown,    // no live numbers: the source is silent or does not list the window
};

struct BandRow {
  const model::Window* window = nullptr;  // the roster's window: its name and service
  BandState state = BandState::unknown;
  std::string serving;         // only when open
  std::optional<int> waiting;  // only when open or paused
};

// The roster's windows in roster order, joined with the queue's numbers.
// Empty while the hall is closed (the duty board then lists no windows).
// `queue` is nothing while the source is silent. Queue windows the roster
// does not have are left out: the roster says which windows the hall has.
std::vector<BandRow> band_rows(const DutyBoard& duty, const model::QueueDocument* queue);

}  // namespace hb::schedule
