// When each session was last used. The database keeps a session's last use
// but is written at most once a minute per session (a write on every
// request would cost an fsync each); this process remembers every use, so
// the idle timeout counts from the real last request, not from the last
// write — a session never ends early. After a restart only the written
// time is known, which is at most kTouchEvery older.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace hb::console {

struct SessionStep {
  bool alive = false;
  bool write = false;  // the store's last use is due for an update
};

// The pure decision: `stored` is the store's last use, `seen` this
// process's (0: none), `idle_timeout` in seconds.
inline constexpr std::int64_t kTouchEvery = 60;
SessionStep session_step(std::int64_t stored, std::int64_t seen, std::int64_t now,
                         std::int64_t idle_timeout);

class SessionUses {
 public:
  // The decision for a request now; a live session's use is remembered.
  SessionStep use(const std::string& token_hash, std::int64_t stored, std::int64_t now,
                  std::int64_t idle_timeout);
  std::size_t size();

 private:
  std::mutex mutex_;
  std::map<std::string, std::int64_t> seen_;
  std::int64_t last_sweep_ = 0;
};

}  // namespace hb::console
