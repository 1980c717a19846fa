#include "app/panel_power.h"

namespace hb::app {

std::optional<bool> power_command(bool wanted, const PowerMemory& memory, double steady) {
  if (memory.failed_for == wanted) {
    // The same command failed: again only after a while, never in a loop.
    if (steady < memory.failed_at + kPowerRetrySeconds) return std::nullopt;
    return wanted;
  }
  if (memory.commanded == wanted && !memory.failed_for) return std::nullopt;
  return wanted;
}

}  // namespace hb::app
