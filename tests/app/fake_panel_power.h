// A stand-in panel for the power tests (issue 20): records the commands
// it is given, and fails them while told to.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "app/panel_power.h"

namespace hb::test {

// The commands a FakePanelPower was given; it fails them while `failing`.
struct FakePanelLog {
  std::mutex mutex;
  std::vector<bool> calls;
  bool failing = false;
};

class FakePanelPower : public app::PanelPower {
 public:
  explicit FakePanelPower(std::shared_ptr<FakePanelLog> log) : log_(std::move(log)) {}
  std::string name() const override { return "fake"; }
  app::PowerResult set(bool on) override {
    const std::lock_guard lock(log_->mutex);
    log_->calls.push_back(on);
    if (log_->failing)
      return app::PowerError{app::PowerErrorKind::refused, "/dev/fake", "the fake says no"};
    return on;
  }

 private:
  std::shared_ptr<FakePanelLog> log_;
};

}  // namespace hb::test
