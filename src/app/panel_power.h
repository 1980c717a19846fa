// Switching the panel itself off and on (<display power>, issue 20): the
// interface each way of doing it implements, and the pure decision of
// when to send a command.
//
// Thread rules (as mpv's vo.h states its own): a PanelPower is made, used
// and destroyed on one thread, the power thread of PowerKeeper
// (power_keeper.h), never on the drawing thread nor the content thread:
// set() may block for seconds (a CEC adapter answers slowly, an X server
// or a TV may not answer at all).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace hb::app {

enum class PowerErrorKind {
  not_built,  // this build has no support for the way asked for
  no_device,  // no X display, DRM card, connected connector or CEC adapter
  refused,    // the device said no (not DRM master, no DPMS on the server, …)
  failed,     // the command was sent and failed (a TV that did not answer, …)
};

struct PowerError {
  PowerErrorKind kind = PowerErrorKind::failed;
  std::string place;    // the display, device or adapter ("X11 :0", "/dev/dri/card0")
  std::string message;  // for the log, in the player's words
};

// The state the panel was put in.
using PowerResult = base::Result<bool, PowerError>;

class PanelPower {
 public:
  virtual ~PanelPower() = default;
  // For the log: "dpms (X11)", "dpms (KMS)", "cec".
  virtual std::string name() const = 0;
  // Switches the panel on or off; a backend opens its device on the first
  // call (and after a failure), so one that is missing at the start is
  // found once it is plugged in.
  virtual PowerResult set(bool on) = 0;
};

// What chooses the backend: the config's power and the session.
struct PowerSetup {
  std::string power;         // "dpms" or "cec"
  std::string display;       // $DISPLAY; empty: none
  std::string video_driver;  // $SDL_VIDEODRIVER; empty: SDL's own choice
  // The DRM device the screen draws through (SDL's kmsdrm holds its
  // master), borrowed: the caller keeps it open while the backend lives.
  // -1: the KMS backend opens a card of its own (and must get master).
  int drm_fd = -1;
};

// The backend for `setup`: X11 DPMS when the screen is drawn through X11
// (a DISPLAY and no other SDL video driver asked for), else the KMS
// connector's DPMS property; CEC through libcec. A way this build lacks
// gives a backend whose set() says "not built with …".
std::unique_ptr<PanelPower> make_panel_power(const PowerSetup& setup);

// --- when to send a command (pure) -----------------------------------------

// How long after a failed command the same one is tried again: a panel
// that ignores DPMS, or a missing adapter, is not asked every second.
inline constexpr double kPowerRetrySeconds = 600;

struct PowerMemory {
  std::optional<bool> commanded;    // the state last put in successfully; nothing at first
  std::optional<bool> failed_for;   // the state the last command failed to reach
  double failed_at = 0;             // steady seconds of that failure
};

// Whether to send a command now, and which: `wanted` is the panel's state
// as the schedule says. Sent at the start (the panel may have been left
// off), on every change, and again kPowerRetrySeconds after a failure.
std::optional<bool> power_command(bool wanted, const PowerMemory& memory, double steady);

}  // namespace hb::app
