#include "app/panel_power.h"

#include <utility>

#include "app/panel_power_backends.h"

namespace hb::app {
namespace {

class Unavailable : public PanelPower {
 public:
  Unavailable(std::string name, PowerErrorKind kind, std::string message)
      : name_(std::move(name)), kind_(kind), message_(std::move(message)) {}
  std::string name() const override { return name_; }
  PowerResult set(bool) override { return PowerError{kind_, "", message_}; }

 private:
  std::string name_;
  PowerErrorKind kind_;
  std::string message_;
};

}  // namespace

std::unique_ptr<PanelPower> make_unavailable(std::string name, PowerErrorKind kind,
                                             std::string message) {
  return std::make_unique<Unavailable>(std::move(name), kind, std::move(message));
}

std::unique_ptr<PanelPower> make_panel_power(const PowerSetup& setup) {
  switch (power_way(setup.power, setup.video_driver)) {
    case PowerWay::cec:
      return make_cec();
    case PowerWay::x11_dpms:
      return make_x11_dpms(setup.display);
    case PowerWay::kms_dpms:
      return make_kms_dpms(setup.drm_fd);
    case PowerWay::none:
      break;
  }
  if (setup.power == "dpms")
    return make_unavailable("dpms", PowerErrorKind::not_built,
                            "the screen is drawn through SDL's \"" + setup.video_driver +
                                "\" video driver, whose panel hallboard cannot switch with DPMS "
                                "(only x11 and kmsdrm); power=\"cec\" works with any");
  return make_unavailable(setup.power, PowerErrorKind::not_built,
                          "no way to switch the panel is called \"" + setup.power + "\"");
}

}  // namespace hb::app
