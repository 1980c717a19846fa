// Who is at each window at an instant: the A staff unless absent, else the
// B staff, else the substitute named by A's absence, else by B's, else
// nobody (暂停服务). Absences and their reasons never leave this module in
// anything meant for the screen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/content.h"

namespace hb::schedule {

enum class DutyRole { a, b, substitute };

struct WindowDuty {
  const model::Window* window = nullptr;
  const model::Staff* staff = nullptr;  // nobody: the window is suspended (暂停服务)
  DutyRole role = DutyRole::a;
};

struct DutyBoard {
  bool open = false;                               // inside opening hours
  std::optional<model::UnixSeconds> next_opening;  // when closed
  std::vector<WindowDuty> windows;                 // empty when closed
};

// Whether a staff member is absent at t (from <= t < to).
bool is_absent(const model::Roster& roster, const std::string& staff, model::UnixSeconds t,
               int utc_offset_minutes);

WindowDuty duty_at(const model::Roster& roster, const model::Window& window, model::UnixSeconds t,
                   int utc_offset_minutes);

DutyBoard duty_board(const model::Content& content, const model::Calendar& calendar,
                     model::UnixSeconds t, int utc_offset_minutes);

const char* role_label(DutyRole role);  // A角, B角, 补岗

}  // namespace hb::schedule
