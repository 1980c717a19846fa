// What the hall, stats and playlist pages share: a table with one row of
// inputs per repeated child (row_form.h names the fields), and saving a
// form's element through the checked path every change takes.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "console/handlers.h"
#include "console/page_frame.h"
#include "console/row_form.h"

namespace hb::console {

struct RowColumn {
  const char* field;  // "kind" → inputs phone_kind_1, phone_kind_2 …
  const char* label;
  Options choices = {};   // empty: a text box
  const char* size = "";  // a class: "num" (a count), "wide", "area" (several lines), "mid" (a short name), "date" (a date picker)
};

// The rows the values hold, then `spare` empty ones to add new children
// (none when the values already have rows not yet saved: a posted form).
// Each problem shows in the cell of the field it names.
void row_table(Html& h, const std::string& prefix, const std::vector<RowColumn>& columns,
               const FormValues& values, const std::vector<FieldProblem>& problems, int spare = 3);

// The fields of a row form that show their messages beside them (for
// general_errors): `own`, and each row field (PREFIX_FIELD_N) of `tables`.
// Lint's findings about a child the rows do not name stay in the list.
std::set<std::string> shown_fields(const std::vector<FieldProblem>& problems, std::set<std::string> own,
                                   const std::vector<std::string>& tables);

// Why a form's record was not stored, as a page says it.
struct SaveRefusal {
  Refusal refusal;
  std::string notice;
};
// Stores the record (kind, key, body) if it was at revision `rev` and
// keeps the drafts free of new lint errors; else why not.
std::optional<SaveRefusal> save_form_record(Console& console, const Caller& caller, const char* kind,
                                            const std::string& key, const std::string& body, std::int64_t rev);

}  // namespace hb::console
