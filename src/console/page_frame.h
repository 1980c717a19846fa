// The frame every console page shares: the title bar, the navigation (only
// what the user's role may use), a message line, the content.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "console/absence_rules.h"
#include "console/console.h"
#include "console/html.h"
#include "store/store.h"

namespace hb::console {

struct PageContext {
  const store::Session* session = nullptr;  // nothing on the login page
  std::string hall_name;
  std::string active;  // the navigation entry to mark ("/absences")
  std::string notice;  // a line at the top: what just happened
  bool notice_is_error = false;
};

PageContext page_context(Console& console, const Caller& caller, const std::string& active);

Response html_page(const PageContext& context, const std::string& title, const Html& body,
                   int status = 200);
Response redirect(const std::string& location);
// The hidden CSRF field every POST form carries.
void csrf_field(Html& h, const PageContext& context);
// An edit page's context: `notice` on top, shown as an error from 400 on.
PageContext edit_context(Console& console, const Caller& caller, const std::string& active,
                         const std::string& notice, int status);
// An edit form's opening: POST to `action`, the CSRF field and the revision
// the editor read (what a save is checked against: 409 when it moved on).
void open_edit_form(Html& h, const PageContext& context, const std::string& action, std::int64_t rev,
                    bool multipart = false);
// A form's label, input and the message beside it when the field has one.
struct FieldView {
  const char* name;
  const char* label;
  std::string value;
  const char* type = "text";  // "text", "date", "time", "datetime-local", "textarea", "number"
  std::string error;
  const char* hint = "";
  bool required = false;
};
void form_field(Html& h, const FieldView& f);
// Options for a <select>: (value, label).
using Options = std::vector<std::pair<std::string, std::string>>;
void select_field(Html& h, const char* name, const char* label, const Options& options,
                  const std::string& selected, const std::string& error, const char* hint = "");

// The drafts' windows for a <select>: id → "name（service）" (or the name
// alone, for narrow table cells), after an empty choice labelled `none`.
Options window_choices(Console& console, const std::string& none, bool with_service = true);

// The messages for one form field, joined with "；" ("" when it has none).
std::string field_message(const std::vector<FieldProblem>& problems, std::string_view field);
// The problems no field of the form shows (`shown`: the fields it shows
// messages beside), as a list above it: lint's findings about no one
// field, or about a part of the record the form does not edit.
void general_errors(Html& h, const std::vector<FieldProblem>& problems,
                    const std::set<std::string>& shown);
// Problems under the form's names: `names` maps a part of the record as
// errors_gained names it ("post[role=A]") to the field showing it ("post_a").
std::vector<FieldProblem> renamed(std::vector<FieldProblem> problems,
                                  const std::map<std::string, std::string>& names);

// A feed timestamp as people read it: "2026-12-14 09:00".
std::string shown_time(const std::string& iso);

// A page from a refusal (401 → to the login page, others → a short page).
Response page_refusal(int status, const std::string& message, const std::string& path);

const std::string& console_css();
const std::string& console_js();

}  // namespace hb::console
