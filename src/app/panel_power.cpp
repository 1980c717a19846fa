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
  if (setup.power == "cec") return make_cec();
  if (setup.power == "dpms") {
    // As SDL chooses: X11 when there is a display, unless another video
    // driver is asked for (kmsdrm on a console without a desktop).
    const bool x11 = !setup.display.empty() &&
                     (setup.video_driver.empty() || setup.video_driver == "x11");
    return x11 ? make_x11_dpms(setup.display) : make_kms_dpms(setup.drm_fd);
  }
  return make_unavailable(setup.power, PowerErrorKind::not_built,
                          "no way to switch the panel is called \"" + setup.power + "\"");
}

}  // namespace hb::app
