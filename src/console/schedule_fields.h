// 播放时间: when a playlist or one of its slides plays (the feed's `on`,
// `between` and `from`/`to`, docs/feed-format.md section 13) as four form
// fields: 星期 (a choice), 时段 (12:00-13:30), 开始日期 and 结束日期. The
// values are checked as the player's reader checks them, with the message
// beside the field; blank fields put no limit and write no attribute.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "console/page_frame.h"
#include "console/row_form.h"

namespace hb::console {

// The form fields of one schedule: "on", "between", "from", "to" for the
// playlist itself (row 0), "slide_on_2" … for a row of the slide table.
struct ScheduleFieldNames {
  std::string on, between, from, to;
};
ScheduleFieldNames schedule_field_names(const std::string& prefix, int row);

void schedule_values(pugi::xml_node element, const ScheduleFieldNames& names, FormValues& out);

// Writes the fields onto `element`, or adds the problems, each naming its field.
void schedule_from_form(pugi::xml_node element, const FormValues& form, const ScheduleFieldNames& names,
                        std::vector<FieldProblem>& problems);

// The 星期 choices: every day, the usual ones, and any other value `shown`
// holds (written as XML or by another tool), so that none is lost.
Options weekday_choices(const std::vector<std::string>& shown);

}  // namespace hb::console
