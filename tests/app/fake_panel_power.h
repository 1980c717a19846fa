// A stand-in panel for the power tests (issue 20): records the commands
// it is given, and fails them while told to.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
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
  int announced = 0;  // announce() calls
  std::optional<bool> reported;  // what query() says; nothing: cannot be asked
  // Called in set(), on the power thread, before it answers (unlocked).
  std::function<void(bool)> while_sending;
};

class FakePanelPower : public app::PanelPower {
 public:
  explicit FakePanelPower(std::shared_ptr<FakePanelLog> log) : log_(std::move(log)) {}
  std::string name() const override { return "fake"; }
  app::PowerResult set(bool on) override {
    if (log_->while_sending) log_->while_sending(on);
    const std::lock_guard lock(log_->mutex);
    log_->calls.push_back(on);
    if (log_->failing)
      return app::PowerError{app::PowerErrorKind::refused, "/dev/fake", "the fake says no"};
    return on;
  }
  std::optional<bool> query() override {
    const std::lock_guard lock(log_->mutex);
    return log_->reported;
  }
  void announce() override {
    const std::lock_guard lock(log_->mutex);
    ++log_->announced;
  }

 private:
  std::shared_ptr<FakePanelLog> log_;
};

}  // namespace hb::test
