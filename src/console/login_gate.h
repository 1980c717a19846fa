// Password checks in flight. The throttle counts an attempt still being
// checked as a failure, so a burst of parallel guesses cannot all pass the
// "fewer than five failures" test before any has been recorded; and only a
// few Argon2 checks (64 MB each) run at once, whatever names are sprayed.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace hb::console {

class LoginGate {
 public:
  static constexpr int kMaxChecks = 6;

  // Takes a place for `name` when the decision (given the failures
  // recorded plus those in flight) allows; false: refuse.
  template <class Allows>
  bool enter(const std::string& name, Allows&& allows) {
    std::lock_guard lock(mutex_);
    if (total_ >= kMaxChecks) return false;
    int& n = in_flight_[name];
    if (!allows(n)) {
      if (n == 0) in_flight_.erase(name);
      return false;
    }
    ++n;
    ++total_;
    return true;
  }
  void leave(const std::string& name) {
    std::lock_guard lock(mutex_);
    --total_;
    if (--in_flight_[name] <= 0) in_flight_.erase(name);
  }
  bool busy() {
    std::lock_guard lock(mutex_);
    return total_ >= kMaxChecks;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, int> in_flight_;
  int total_ = 0;
};

}  // namespace hb::console
