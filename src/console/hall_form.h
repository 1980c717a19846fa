// 大厅信息与服务承诺 as a form: the hall's name, subtitle and logo, and one
// table row per phone, commitment and link (row fields like phone_kind_2).
// Decisions only; the page is pages_hall.cpp.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "console/row_form.h"

namespace hb::console {

// The form's values for a <hall> element ("" for none yet).
FormValues hall_form_values(const std::string& body);

// The <hall> element (a record's body) from the form, keeping what the
// form does not show of `old_body`; or the problems, each naming its field.
base::Result<std::string, std::vector<FieldProblem>> hall_from_form(const std::string& old_body,
                                                                    const FormValues& form);

}  // namespace hb::console
