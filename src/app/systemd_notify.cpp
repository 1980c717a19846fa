#include "app/systemd_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <string>

namespace hb::app {
namespace {

// STATUS= ends at a newline (sd_notify's messages are newline-separated).
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

ServiceNotifier::ServiceNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  notifying_ = socket != nullptr && *socket != '\0';
  std::uint64_t usec = 0;
  // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID, if set, is us.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
    watchdog_seconds_ = static_cast<double>(usec) / 1e6;
}

void ServiceNotifier::send(const std::string& message) {
  // Failures cannot be helped and must not stop the screen: systemd, if it
  // is there, notices the missing READY or WATCHDOG on its own.
  if (notifying_) (void)sd_notify(0, message.c_str());
}

void ServiceNotifier::ready(std::string_view text) {
  send("READY=1\nSTATUS=" + one_line(text));
}

void ServiceNotifier::status(std::string_view text) {
  send("STATUS=" + one_line(text));
}

void ServiceNotifier::stopping() {
  send("STOPPING=1");
}

bool ServiceNotifier::watchdog(double steady_now) {
  if (watchdog_seconds_ <= 0 || !notifying_) return false;
  if (steady_now - last_ping_ < watchdog_seconds_ / 2 && steady_now >= last_ping_) return false;
  last_ping_ = steady_now;
  send("WATCHDOG=1");
  return true;
}

double ServiceNotifier::longest_sleep() const {
  return watchdog_seconds_ > 0 && notifying_ ? watchdog_seconds_ / 4 : 1e9;
}

}  // namespace hb::app
