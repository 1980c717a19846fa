// HDMI-CEC through libcec's C API (panel_power_backends.h).
#include "app/panel_power_backends.h"

#if HALLBOARD_WITH_CEC
// cecc.h in C++ names libcec's C++ adapter type, declared in cec.h.
#include <libcec/cec.h>
#include <libcec/cecc.h>

#include <cstdint>
#include <cstdio>
#endif

namespace hb::app {

#if HALLBOARD_WITH_CEC
namespace {

// How long libcec may take to open the adapter, in ms.
constexpr std::uint32_t kOpenTimeoutMs = 10000;

struct ConnectionClose {
  void operator()(CEC::ICECAdapter* c) const {
    libcec_close(c);
    libcec_destroy(c);
  }
};
using Connection = std::unique_ptr<CEC::ICECAdapter, ConnectionClose>;

class Cec : public PanelPower {
 public:
  std::string name() const override { return "cec"; }

  PowerResult set(bool on) override {
    if (!connection_)
      if (auto error = open()) return *error;
    // To the TV, logical address 0. On also makes this the active source,
    // so a TV that wakes on another input switches to the player.
    const int ok = on ? libcec_power_on_devices(connection_.get(), CEC::CECDEVICE_TV)
                      : libcec_standby_devices(connection_.get(), CEC::CECDEVICE_TV);
    if (!ok) {
      connection_.reset();
      return PowerError{PowerErrorKind::failed, adapter_,
                        std::string("the TV did not take the ") + (on ? "power on" : "standby") +
                            " command (a panel without CEC, or CEC off in its menu)"};
    }
    if (on) libcec_set_active_source(connection_.get(), CEC::CEC_DEVICE_TYPE_RECORDING_DEVICE);
    return on;
  }

  void announce() override {
    if (connection_)
      libcec_set_active_source(connection_.get(), CEC::CEC_DEVICE_TYPE_RECORDING_DEVICE);
  }

 private:
  std::optional<PowerError> open() {
    CEC::libcec_configuration config;
    libcec_clear_configuration(&config);
    config.clientVersion = CEC::LIBCEC_VERSION_CURRENT;
    std::snprintf(config.strDeviceName, sizeof config.strDeviceName, "%s", "hallboard");
    config.deviceTypes.Add(CEC::CEC_DEVICE_TYPE_RECORDING_DEVICE);
    config.bActivateSource = 0;  // the schedule decides, not the start
    // libcec_initialise returns a connection that must be destroyed, open or not.
    Connection c(libcec_initialise(&config));
    if (!c) return PowerError{PowerErrorKind::no_device, "libcec", "libcec could not start"};
    CEC::cec_adapter_descriptor adapters[4];
    const int8_t found = libcec_detect_adapters(c.get(), adapters, 4, nullptr, 1);
    if (found < 1)
      return PowerError{PowerErrorKind::no_device, "libcec",
                        "no CEC adapter found (a Pulse-Eight USB adapter, or a Raspberry Pi's HDMI)"};
    adapter_ = adapters[0].strComName;
    if (!libcec_open(c.get(), adapters[0].strComName, kOpenTimeoutMs))
      return PowerError{PowerErrorKind::refused, adapter_, "the CEC adapter could not be opened"};
    connection_ = std::move(c);
    return std::nullopt;
  }

  Connection connection_;
  std::string adapter_ = "libcec";
};

}  // namespace

std::unique_ptr<PanelPower> make_cec() {
  return std::make_unique<Cec>();
}
#else
std::unique_ptr<PanelPower> make_cec() {
  return make_unavailable("cec", PowerErrorKind::not_built,
                          "this build has no HDMI-CEC (built without libcec-dev)");
}
#endif

}  // namespace hb::app
