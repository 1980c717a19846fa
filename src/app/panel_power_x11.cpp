// DPMS through the X server (panel_power_backends.h), with xcb's DPMS
// extension rather than libXext's: xcb answers each request with its own
// error, where Xlib sends protocol errors to one handler for the whole
// process, whose default exit()s. A BadMatch from forcing a level after
// someone disabled DPMS between two requests (`xset -dpms`) would then end
// the player from the power thread, and installing a handler of our own
// would race SDL's Xlib connection, which sets and restores handlers too.
#include "app/panel_power_backends.h"

#if HALLBOARD_WITH_XDPMS
// clang-format off
#include <xcb/xcb.h>
#include <xcb/dpms.h>
// clang-format on

#include <cstdlib>
#endif

namespace hb::app {

#if HALLBOARD_WITH_XDPMS
namespace {

struct XcbDisconnect {
  void operator()(xcb_connection_t* c) const { xcb_disconnect(c); }
};
using XcbConnection = std::unique_ptr<xcb_connection_t, XcbDisconnect>;

// Replies and errors are malloc'd by xcb, freed by the caller.
struct XcbFree {
  void operator()(void* p) const { std::free(p); }
};
template <class T>
using XcbOwned = std::unique_ptr<T, XcbFree>;

class X11Dpms : public PanelPower {
 public:
  explicit X11Dpms(std::string display) : display_name_(std::move(display)) {}
  std::string name() const override { return "dpms (X11)"; }

  std::optional<bool> query() override {
    if (!connection_) return std::nullopt;
    xcb_connection_t* c = connection_.get();
    const XcbOwned<xcb_dpms_info_reply_t> info(xcb_dpms_info_reply(c, xcb_dpms_info(c), nullptr));
    if (!info) return std::nullopt;
    // DPMS disabled (xset -dpms) keeps the panel on, whatever the level.
    return !info->state || info->power_level == XCB_DPMS_DPMS_MODE_ON;
  }

  PowerResult set(bool on) override {
    const std::string place = "X11 display " + (display_name_.empty() ? "$DISPLAY" : display_name_);
    auto result = send(on, place);
    // A broken connection (the X server restarted) is opened again next time.
    if (connection_ && xcb_connection_has_error(connection_.get())) connection_.reset();
    return result;
  }

 private:
  PowerResult send(bool on, const std::string& place) {
    if (!connection_) {
      // xcb_connect returns a connection to disconnect even when it failed.
      connection_.reset(xcb_connect(display_name_.empty() ? nullptr : display_name_.c_str(), nullptr));
      if (xcb_connection_has_error(connection_.get())) {
        connection_.reset();
        return PowerError{PowerErrorKind::no_device, place, "cannot be opened"};
      }
    }
    xcb_connection_t* c = connection_.get();
    const xcb_query_extension_reply_t* ext = xcb_get_extension_data(c, &xcb_dpms_id);
    const XcbOwned<xcb_dpms_capable_reply_t> capable(
        ext && ext->present ? xcb_dpms_capable_reply(c, xcb_dpms_capable(c), nullptr) : nullptr);
    if (!capable || !capable->capable)
      return PowerError{PowerErrorKind::refused, place,
                        "the X server has no DPMS (Xorg: Option \"DPMS\" \"true\" for the monitor)"};
    // The server's own idle timeouts off, DPMS itself on: the player alone
    // decides when the panel sleeps, never X's idle timer in the day. Each
    // request checked: someone may change DPMS between them.
    if (auto error = refused(c, xcb_dpms_set_timeouts_checked(c, 0, 0, 0), place, "timeouts"))
      return *error;
    if (auto error = refused(c, xcb_dpms_enable_checked(c), place, "enabling DPMS")) return *error;
    const auto level = static_cast<std::uint16_t>(on ? XCB_DPMS_DPMS_MODE_ON : XCB_DPMS_DPMS_MODE_OFF);
    if (auto error = refused(c, xcb_dpms_force_level_checked(c, level), place, "the DPMS level"))
      return *error;
    const XcbOwned<xcb_dpms_info_reply_t> info(xcb_dpms_info_reply(c, xcb_dpms_info(c), nullptr));
    if (!info || !info->state || (info->power_level == XCB_DPMS_DPMS_MODE_ON) != on)
      return PowerError{PowerErrorKind::failed, place, "the X server did not change the DPMS level"};
    return on;
  }

  // The X error a checked request got, as a PowerError; nothing if none.
  static std::optional<PowerError> refused(xcb_connection_t* c, xcb_void_cookie_t cookie,
                                           const std::string& place, const std::string& what) {
    const XcbOwned<xcb_generic_error_t> error(xcb_request_check(c, cookie));
    if (!error) return std::nullopt;
    return PowerError{PowerErrorKind::refused, place,
                      "the X server refused " + what + " (X error " +
                          std::to_string(static_cast<int>(error->error_code)) + ")"};
  }

  std::string display_name_;
  XcbConnection connection_;
};

}  // namespace

std::unique_ptr<PanelPower> make_x11_dpms(std::string display) {
  return std::make_unique<X11Dpms>(std::move(display));
}
#else
std::unique_ptr<PanelPower> make_x11_dpms(std::string) {
  return make_unavailable("dpms (X11)", PowerErrorKind::not_built,
                          "this build has no X11 DPMS (built without libxcb-dpms0-dev)");
}
#endif

}  // namespace hb::app
