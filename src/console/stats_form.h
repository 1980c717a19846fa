// 月度统计 as a form: the month, and one table row per window with its
// counts. Each row gives its ratings one of two ways, as the feed does:
// 评价数/满意数 (window_way_N = "rated"), or the five 好差评 levels
// (window_way_N = "levels", written as a <ratings> child).
// Decisions only; the page is pages_stats.cpp.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "console/row_form.h"

namespace hb::console {

// The five levels: the <ratings> attribute, the row field, the label.
struct RatingLevel {
  const char* attribute;
  const char* field;
  const char* label;
};
const std::vector<RatingLevel>& rating_levels();

// The form's values for a <stats> element ("" for none yet).
FormValues stats_form_values(const std::string& body);

// The <stats> element from the form, keeping what the form does not show
// of `old_body`; or the problems, each naming its field.
base::Result<std::string, std::vector<FieldProblem>> stats_from_form(const std::string& old_body,
                                                                     const FormValues& form);

// The month after "YYYY-MM" ("" when it is not one): a new month's default.
std::string next_month(const std::string& month);

}  // namespace hb::console
