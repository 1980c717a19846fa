#include "console/session_uses.h"

#include <algorithm>

namespace hb::console {

SessionStep session_step(std::int64_t stored, std::int64_t seen, std::int64_t now,
                         std::int64_t idle_timeout) {
  const std::int64_t last = std::max(stored, seen);
  if (now - last >= idle_timeout) return {};
  return {true, now - stored >= kTouchEvery};
}

SessionStep SessionUses::use(const std::string& token_hash, std::int64_t stored, std::int64_t now,
                             std::int64_t idle_timeout) {
  std::lock_guard lock(mutex_);
  // Now and then, forget sessions nobody used for longer than the timeout
  // (logged out elsewhere, or simply left): the map stays as small as the
  // number of live sessions.
  if (now - last_sweep_ >= idle_timeout) {
    std::erase_if(seen_, [&](const auto& entry) { return now - entry.second >= idle_timeout; });
    last_sweep_ = now;
  }
  const auto it = seen_.find(token_hash);
  const SessionStep step = session_step(stored, it == seen_.end() ? 0 : it->second, now, idle_timeout);
  if (step.alive) {
    seen_[token_hash] = now;
  } else if (it != seen_.end()) {
    seen_.erase(it);
  }
  return step;
}

std::size_t SessionUses::size() {
  std::lock_guard lock(mutex_);
  return seen_.size();
}

}  // namespace hb::console
