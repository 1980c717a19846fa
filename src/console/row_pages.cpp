#include "console/row_pages.h"

namespace hb::console {

namespace {

// A choice that is not offered (a newer tool's word) is kept, labelled as such.
Options with_current(const Options& choices, const std::string& value) {
  if (value.empty()) return choices;  // a spare row: the first choice
  for (const auto& c : choices) {
    if (c.first == value) return choices;
  }
  Options out = choices;
  out.emplace_back(value, value + "（未知，保持原样）");
  return out;
}

void select_cell(Html& h, const std::string& name, const std::string& label, const Options& choices,
                 const std::string& value) {
  h.open("select", {{"name", name}, {"aria-label", label}});
  for (const auto& [v, text] : with_current(choices, value)) {
    if (v == value) {
      h.open("option", {{"value", v}, {"selected", ""}});
    } else {
      h.open("option", {{"value", v}});
    }
    h.text(text).close("option");
  }
  h.close("select");
}

void input_cell(Html& h, const RowColumn& c, const std::string& name, const std::string& label,
                const std::string& value) {
  if (!c.choices.empty()) {
    select_cell(h, name, label, c.choices, value);
  } else if (std::string_view(c.size) == "area") {
    h.open("textarea", {{"name", name}, {"rows", "2"}, {"aria-label", label}}).text(value).close("textarea");
  } else if (std::string_view(c.size) == "date") {
    h.empty("input", {{"type", "date"}, {"name", name}, {"value", value}, {"class", c.size}, {"aria-label", label}});
  } else {
    h.empty("input", {{"name", name}, {"value", value}, {"class", c.size}, {"aria-label", label}});
  }
}

// A posted form already has its spare rows (and a new month its window
// rows): adding more at each refusal would make the table grow.
bool has_new_rows(const FormValues& values, const std::string& prefix) {
  const int rows = row_count(values, prefix);
  for (int n = 1; n <= rows; ++n) {
    if (form_value(values, row_field(prefix, "src", n)).empty()) return true;
  }
  return false;
}

void row(Html& h, const std::string& prefix, const std::vector<RowColumn>& columns, const FormValues& values,
         const std::vector<FieldProblem>& problems, int n) {
  h.open("tr").open("td", {{"class", "no"}}).text(std::to_string(n));
  const auto src = row_field(prefix, "src", n);
  h.empty("input", {{"type", "hidden"}, {"name", src}, {"value", form_value(values, src)}});
  h.close("td");
  for (const auto& c : columns) {
    const auto name = row_field(prefix, c.field, n);
    const auto error = field_message(problems, name);
    h.open("td", {{"class", error.empty() ? "" : "has-error"}});
    input_cell(h, c, name, "第 " + std::to_string(n) + " 行" + c.label, form_value(values, name));
    if (!error.empty()) h.el("span", {{"class", "error"}, {"role", "alert"}}, error);
    h.close("td");
  }
  h.close("tr");
}

}  // namespace

void row_table(Html& h, const std::string& prefix, const std::vector<RowColumn>& columns,
               const FormValues& values, const std::vector<FieldProblem>& problems, int spare) {
  h.open("table", {{"class", "rows"}}).open("tr").el("th", "序号");
  for (const auto& c : columns) h.el("th", c.label);
  h.close("tr");
  const int rows = row_count(values, prefix) + (has_new_rows(values, prefix) ? 0 : spare);
  for (int n = 1; n <= rows; ++n) row(h, prefix, columns, values, problems, n);
  h.close("table");
}

std::set<std::string> shown_fields(const std::vector<FieldProblem>& problems, std::set<std::string> own,
                                   const std::vector<std::string>& tables) {
  for (const auto& p : problems) {
    for (const auto& prefix : tables) {
      const std::string& f = p.field;
      const auto last = f.rfind('_');
      const bool numbered = last != std::string::npos && last + 1 < f.size() &&
                            f.find_first_not_of("0123456789", last + 1) == std::string::npos;
      if (numbered && f.rfind(prefix + "_", 0) == 0 && last > prefix.size()) own.insert(f);
    }
  }
  return own;
}

std::optional<SaveRefusal> save_form_record(Console& console, const Caller& caller, const char* kind,
                                            const std::string& key, const std::string& body, std::int64_t rev) {
  store::Record record;
  record.kind = kind;
  record.key = key;
  record.body = body;
  const auto saved = put_checked_record(console, record, rev, caller.session->user.name);
  if (saved) return std::nullopt;
  const bool conflict = saved.error().status == 409;
  return SaveRefusal{saved.error(), conflict ? "未保存：别人刚改过这份内容。您填写的内容仍在下面；请在新窗口打开本页看最新内容，核对后在那里保存。"
                                             : "未保存：内容不符合规则（见下）"};
}

}  // namespace hb::console
