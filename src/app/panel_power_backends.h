// The ways of switching the panel (panel_power.h), one file each; a way
// this build lacks (its library was not found) is a backend that says so.
#pragma once

#include <memory>
#include <string>

#include "app/panel_power.h"

namespace hb::app {

// DPMS through the X server: its own connection to `display` (empty:
// $DISPLAY), never SDL's, so the drawing thread's Xlib calls and these
// never share a connection. libXext's DPMS extension.
std::unique_ptr<PanelPower> make_x11_dpms(std::string display);

// Without a desktop: the DPMS property of every connected connector of
// `borrowed_fd` (the DRM device the screen draws through, kept open by the
// caller), or with -1 of the first card in /dev/dri that has one. Setting
// it needs DRM master, which the screen's own device has (libdrm).
std::unique_ptr<PanelPower> make_kms_dpms(int borrowed_fd = -1);

// HDMI-CEC through libcec: the TV (logical address 0) on, or to standby,
// through the first adapter found (Pulse-Eight USB, Raspberry Pi).
std::unique_ptr<PanelPower> make_cec();

// A backend that fails every command with `kind`, for a way this build
// lacks (and for a power value no backend has).
std::unique_ptr<PanelPower> make_unavailable(std::string name, PowerErrorKind kind,
                                             std::string message);

}  // namespace hb::app
