#include "schedule/duty.h"

#include "schedule/calendar.h"

namespace hb::schedule {
namespace {

bool covers(const model::Absence& a, model::UnixSeconds t, int offset) {
  return model::to_unix(a.from, offset) <= t && t < model::to_unix(a.to, offset);
}

const model::Staff* find_staff(const model::Roster& roster, const std::string& id) {
  for (const auto& s : roster.staff)
    if (s.id == id) return &s;
  return nullptr;
}

// The substitute named by one of the staff member's absences covering t, if
// that person is present.
const model::Staff* present_substitute(const model::Roster& roster, const std::string& staff,
                                       model::UnixSeconds t, int offset) {
  for (const auto& a : roster.absences) {
    if (a.staff != staff || a.substitute.empty() || !covers(a, t, offset)) continue;
    if (!is_absent(roster, a.substitute, t, offset))
      if (const auto* s = find_staff(roster, a.substitute)) return s;
  }
  return nullptr;
}

}  // namespace

bool is_absent(const model::Roster& roster, const std::string& staff, model::UnixSeconds t,
               int utc_offset_minutes) {
  for (const auto& a : roster.absences)
    if (a.staff == staff && covers(a, t, utc_offset_minutes)) return true;
  return false;
}

WindowDuty duty_at(const model::Roster& roster, const model::Window& window, model::UnixSeconds t,
                   int utc_offset_minutes) {
  WindowDuty duty;
  duty.window = &window;
  const auto present = [&](const std::string& id) -> const model::Staff* {
    return is_absent(roster, id, t, utc_offset_minutes) ? nullptr : find_staff(roster, id);
  };
  if ((duty.staff = present(window.a_staff))) {
    duty.role = DutyRole::a;
  } else if ((duty.staff = present(window.b_staff))) {
    duty.role = DutyRole::b;
  } else if ((duty.staff = present_substitute(roster, window.a_staff, t, utc_offset_minutes)) ||
             (duty.staff = present_substitute(roster, window.b_staff, t, utc_offset_minutes))) {
    duty.role = DutyRole::substitute;
  }
  return duty;
}

DutyBoard duty_board(const model::Content& content, const model::Calendar& calendar,
                     model::UnixSeconds t, int utc_offset_minutes) {
  DutyBoard board;
  board.open = is_open(calendar, t, utc_offset_minutes);
  if (!board.open) {
    board.next_opening = next_opening(calendar, t, utc_offset_minutes);
    return board;
  }
  for (const auto& w : content.roster.windows)
    board.windows.push_back(duty_at(content.roster, w, t, utc_offset_minutes));
  return board;
}

const char* role_label(DutyRole role) {
  switch (role) {
    case DutyRole::a:
      return "A角";
    case DutyRole::b:
      return "B角";
    case DutyRole::substitute:
      return "补岗";
  }
  return "";
}

}  // namespace hb::schedule
