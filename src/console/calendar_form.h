// 日历 as a form: one line per opening period, holiday and 调休 make-up
// day, written the way an office writes them, read back into the model
// (and so into <calendar> by the feed writer). The 第九条 rule counts
// working days by this calendar, so it must be easy to keep right.
//   开放时间   mon-fri 09:00-12:00
//   节假日     2026-10-01 2026-10-08 国庆节
//   调休上班   2026-09-28 fri 国庆节调休上班
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "console/absence_rules.h"
#include "model/content.h"

namespace hb::console {

std::map<std::string, std::string> calendar_form_values(const model::Calendar& calendar);

// Problems name the field ("hours", "holidays", "workdays") and the line.
base::Result<model::Calendar, std::vector<FieldProblem>> calendar_from_form(
    const std::map<std::string, std::string>& form);

}  // namespace hb::console
