#include "app/panel_power.h"

namespace hb::app {

PowerWay power_way(const std::string& power, const std::string& video_driver) {
  if (power == "cec") return PowerWay::cec;
  if (power != "dpms") return PowerWay::none;
  if (video_driver == "x11") return PowerWay::x11_dpms;
  if (video_driver == "kmsdrm") return PowerWay::kms_dpms;
  return PowerWay::none;  // wayland, offscreen, dummy: no DPMS hallboard can set
}

PowerReassert power_reassert(std::optional<bool> reported, bool woken_said) {
  if (!reported) return {true, false};
  if (!*reported) return {false, false};
  return {true, !woken_said};
}

double power_retry_seconds(bool command) {
  return command ? kPowerRetryOnSeconds : kPowerRetryOffSeconds;
}

std::optional<bool> power_command(bool wanted, const PowerMemory& memory, double steady) {
  if (memory.failed_for == wanted) {
    // The same command failed: again only after a while, never in a loop.
    if (steady < memory.failed_at + power_retry_seconds(wanted)) return std::nullopt;
    return wanted;
  }
  if (memory.commanded == wanted && !memory.failed_for) {
    // Off, as commanded: said again now and then, in case something else
    // woke the panel (an X input event, a TV remote).
    if (!wanted && steady >= memory.sent_at + kPowerReassertSeconds) return false;
    return std::nullopt;
  }
  return wanted;
}

bool power_failure_logged(bool command, PowerErrorKind kind, const PowerMemory& memory) {
  if (!memory.failed_for) return true;
  if (kind == PowerErrorKind::not_built) return false;
  return command && !memory.on_failure_said;
}

}  // namespace hb::app
