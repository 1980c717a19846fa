// What the voice has yet to say, bounded: a burst of calls, or a device
// that stopped playing, must not make the hall hear calls minutes late.
// No threads and no SDL (the voice locks around it), so it is tested as
// plain values.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <utility>

#include "schedule/speech_plan.h"

namespace hb::audio {

using SteadyTime = std::chrono::steady_clock::time_point;

struct Pending {
  schedule::Utterance utterance;
  // A call not begun by then is not said: the screen no longer shows it
  // (queue_calls.h's max_age_seconds). None for what is said whatever the
  // time.
  std::optional<SteadyTime> stale_at;
};

// About a minute of speech: a call, read twice, takes some seven seconds.
inline constexpr std::size_t kBacklogMax = 8;

class Backlog {
 public:
  // Adds `p` last. When kBacklogMax wait, the oldest call goes: a call for
  // a ticket long served is worth nothing, an urgent notice still is. Only
  // when nothing but urgent notices wait does the oldest of them go (it is
  // read again at its next repeat). An urgent notice already waiting is
  // not added again.
  void push(Pending p);
  // The first utterance still worth saying at `now`: the stale calls
  // before it are dropped.
  std::optional<schedule::Utterance> pop(SteadyTime now);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  // How many were dropped (for room, or stale) since it was last asked.
  int take_dropped() { return std::exchange(dropped_, 0); }

 private:
  bool waiting(const schedule::Utterance& u) const;
  void make_room();

  std::deque<Pending> items_;
  int dropped_ = 0;
};

}  // namespace hb::audio
