// The wait of the player's polling threads (feeds, pictures, the queue):
// until a steady time is due or the owner stops the thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "app/clock.h"

namespace hb::app {

// Waits until `due` (Clocks::steady seconds) or until `abort` is set and
// `wake` notified; false: aborted. At most a second at a time, so a fake
// clock that jumps is seen within a second.
inline bool wait_until_due(const Clocks& clocks, double due, std::mutex& mutex,
                           std::condition_variable& wake, const std::atomic<bool>& abort) {
  const double wait = std::clamp(due - clocks.steady(), 0.0, 1.0);
  std::unique_lock lock(mutex);
  wake.wait_for(lock, std::chrono::duration<double>(wait), [&abort] { return abort.load(); });
  return !abort;
}

}  // namespace hb::app
