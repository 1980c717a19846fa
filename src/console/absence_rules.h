// The console's rules for recording an absence (console.md, 第九条), as a
// pure function of the drafts: every problem names the form field it
// concerns, in Chinese, so the page can show it beside that field.
#pragma once

#include <string>
#include <vector>

#include "model/content.h"

namespace hb::console {

struct FieldProblem {
  std::string field;
  std::string message;
};

struct AbsenceInput {
  std::string staff;
  std::string from;  // ISO 8601 as in the feed format
  std::string to;
  std::string reason;
  std::string substitute;  // "" for none
};

// Problems with recording `input` on top of `drafts`. `ignore` is an index
// into drafts.roster.absences to leave out (the absence being edited), or -1.
std::vector<FieldProblem> absence_problems(const model::Content& drafts, const AbsenceInput& input,
                                           int utc_offset_minutes, int ignore = -1);

// The working days (dates in the hall's zone on which its calendar opens)
// that [from, to) touches, counting at most `cap`.
int working_days_touched(const model::Calendar& calendar, model::UnixSeconds from,
                         model::UnixSeconds to, int utc_offset_minutes, int cap = 2);

}  // namespace hb::console
