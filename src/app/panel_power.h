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
  // The first page after "on" is on screen: CEC says again that this PC
  // is the active source (a TV still starting when "on" came may have
  // missed it, and shows another input). Best effort; DPMS has nothing to do.
  virtual void announce() {}
  // The panel's state as the device reports it, where that is cheap to
  // ask (X11 DPMSInfo, the KMS connector's DPMS property); nothing where
  // it cannot be asked (CEC: a TV in standby often does not answer), or
  // the device is not open.
  virtual std::optional<bool> query() { return std::nullopt; }
};

// What chooses the backend: the config's power and the session.
struct PowerSetup {
  std::string power;         // "dpms" or "cec"
  std::string display;       // $DISPLAY (for the X11 connection); empty: none
  std::string video_driver;  // the driver SDL draws through (SDL_GetCurrentVideoDriver)
  // The DRM device the screen draws through (SDL's kmsdrm holds its
  // master), borrowed: the caller keeps it open while the backend lives.
  // -1: the KMS backend opens a card of its own (and must get master).
  int drm_fd = -1;
};

enum class PowerWay {
  x11_dpms,  // through the X server SDL draws on
  kms_dpms,  // the connector's DPMS property, on SDL's DRM device
  cec,       // HDMI-CEC through libcec, whatever draws
  none,      // no way: a power value no backend has, or DPMS under another driver
};

// Pure: the way for `power` with the video driver SDL actually uses, not
// the environment (a stale $DISPLAY makes SDL fall back to kmsdrm).
PowerWay power_way(const std::string& power, const std::string& video_driver);

// The backend for `setup` (power_way). A way this build lacks gives a
// backend whose set() says "not built with …"; so does no way at all.
std::unique_ptr<PanelPower> make_panel_power(const PowerSetup& setup);

// --- when to send a command (pure) -----------------------------------------

// How long after a failed command the same one is tried again: a panel
// that ignores DPMS, or a missing adapter, is not asked every second. A
// failed "on" sooner: the hall sees a dark panel in opening hours.
inline constexpr double kPowerRetryOffSeconds = 600;
inline constexpr double kPowerRetryOnSeconds = 30;
// While the panel should be off, "off" is sent again this often: any X
// input event wakes DPMS, a remote wakes a CEC TV, and neither tells the
// player. Both commands are idempotent; "on" is never repeated (a CEC
// "power on" also takes the TV's input).
inline constexpr double kPowerReassertSeconds = 600;

struct PowerMemory {
  std::optional<bool> commanded;    // the state last put in successfully; nothing at first
  std::optional<bool> failed_for;   // the state the last command failed to reach
  double failed_at = 0;             // steady seconds of that failure
  double sent_at = 0;               // steady seconds of the last command that worked
  bool on_failure_said = false;     // a failed "on" logged since a command last worked
  bool woken_said = false;          // "switched on by something else" logged once
};

// Whether to send a command now, and which: `wanted` is the panel's state
// as the schedule says. Sent at the start (the panel may have been left
// off), on every change, again after a failure (kPowerRetryOnSeconds or
// kPowerRetryOffSeconds), and "off" again every kPowerReassertSeconds.
std::optional<bool> power_command(bool wanted, const PowerMemory& memory, double steady);

// What to do when "off" is due again (power_command) and the backend was
// asked for the panel's state (`reported`; nothing: it cannot be asked):
// send it blind, nothing when the panel reports off, and send it with a
// line said once when something else switched the panel on.
struct PowerReassert {
  bool send = true;
  bool say_woken = false;
};
PowerReassert power_reassert(std::optional<bool> reported, bool woken_said);

// How long after a failed `command` it is tried again.
double power_retry_seconds(bool command);

// Whether a failure of `command` is a line in the log: the first of a run
// of failures (until a command works), and the first failed "on" of the
// run as well, which is news of its own (the hall sees a dark panel). A
// way this build lacks (not_built) is said once: it never works.
bool power_failure_logged(bool command, PowerErrorKind kind, const PowerMemory& memory);

}  // namespace hb::app
