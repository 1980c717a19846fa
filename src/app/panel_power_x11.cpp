// DPMS through the X server (panel_power_backends.h).
#include "app/panel_power_backends.h"

#if HALLBOARD_WITH_XDPMS
// clang-format off
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
// clang-format on
#endif

namespace hb::app {

#if HALLBOARD_WITH_XDPMS
namespace {

struct DisplayCloser {
  void operator()(Display* d) const { XCloseDisplay(d); }
};
using DisplayPtr = std::unique_ptr<Display, DisplayCloser>;

class X11Dpms : public PanelPower {
 public:
  explicit X11Dpms(std::string display) : display_name_(std::move(display)) {}
  std::string name() const override { return "dpms (X11)"; }

  PowerResult set(bool on) override {
    const std::string place = "X11 display " + (display_name_.empty() ? "$DISPLAY" : display_name_);
    if (!display_) {
      display_.reset(XOpenDisplay(display_name_.empty() ? nullptr : display_name_.c_str()));
      if (!display_) return PowerError{PowerErrorKind::no_device, place, "cannot be opened"};
    }
    Display* d = display_.get();
    int event_base = 0, error_base = 0;
    if (!DPMSQueryExtension(d, &event_base, &error_base) || !DPMSCapable(d)) {
      display_.reset();
      return PowerError{PowerErrorKind::refused, place,
                        "the X server has no DPMS (Xorg: Option \"DPMS\" \"true\" for the monitor)"};
    }
    // The server's own idle timeouts off, DPMS itself on: the player alone
    // decides when the panel sleeps, never X's idle timer in the day.
    DPMSSetTimeouts(d, 0, 0, 0);
    DPMSEnable(d);
    DPMSForceLevel(d, on ? DPMSModeOn : DPMSModeOff);
    XSync(d, False);
    CARD16 level = 0;
    BOOL enabled = False;
    if (!DPMSInfo(d, &level, &enabled) || !enabled || (level == DPMSModeOn) != on)
      return PowerError{PowerErrorKind::failed, place, "the X server did not change the DPMS level"};
    return on;
  }

 private:
  std::string display_name_;
  DisplayPtr display_;
};

}  // namespace

std::unique_ptr<PanelPower> make_x11_dpms(std::string display) {
  return std::make_unique<X11Dpms>(std::move(display));
}
#else
std::unique_ptr<PanelPower> make_x11_dpms(std::string) {
  return make_unavailable("dpms (X11)", PowerErrorKind::not_built,
                          "this build has no X11 DPMS (built without libxext-dev)");
}
#endif

}  // namespace hb::app
