// The item (事项) edit form: its fields as people write them — "10个工作日",
// "即办", one material a line "身份证（原件1份）", steps "受理 → 审查 → 决定",
// "不收费" — read by the same readers as the XLSX/CSV import, and written
// back the same way, so what the form shows reads back as the same item.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "console/absence_rules.h"
#include "model/content.h"

namespace hb::console {

using FormValues = std::map<std::string, std::string>;

// The form's values for an item.
FormValues item_form_values(const model::Item& item);

// The item the form describes; fields it does not show keep `old`'s values.
// Problems name the form field, in Chinese.
base::Result<model::Item, std::vector<FieldProblem>> item_from_form(const FormValues& form,
                                                                    const model::Item& old);

std::string duration_text(std::optional<long long> amount, model::DeadlineUnit unit);

}  // namespace hb::console
