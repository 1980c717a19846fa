// Tells systemd how the player is doing (sd_notify): READY=1 once the first
// frame is on screen (Type=notify), WATCHDOG=1 from the drawing loop so a
// player that stops drawing is restarted (WatchdogSec), STATUS= for
// `systemctl status`, STOPPING=1 on the way out. Outside systemd
// (NOTIFY_SOCKET unset) every call does nothing.
#pragma once

#include <string_view>

namespace hb::app {

class ServiceNotifier {
 public:
  // Reads NOTIFY_SOCKET and WATCHDOG_USEC/WATCHDOG_PID (through libsystemd)
  // once; the environment is left as it is.
  ServiceNotifier();

  bool notifying() const { return notifying_; }
  // Seconds between watchdog pings systemd expects at most; 0: no watchdog.
  double watchdog_seconds() const { return watchdog_seconds_; }

  void ready(std::string_view status);
  void status(std::string_view status);
  void stopping();

  // Call from the drawing loop, with steady seconds, as often as it turns;
  // pings at half the watchdog interval, as sd_watchdog_enabled(3) advises.
  // Returns whether it pinged.
  bool watchdog(double steady_now);
  // The longest the loop may sleep and still ping in time (a quarter of
  // the interval); a large number without a watchdog.
  double longest_sleep() const;

 private:
  void send(const std::string& message);

  bool notifying_ = false;
  double watchdog_seconds_ = 0;
  double last_ping_ = -1e300;
};

}  // namespace hb::app
