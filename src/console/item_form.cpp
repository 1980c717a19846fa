#include "console/item_form.h"

#include "feed/text.h"
#include "feed/values.h"
#include "import/cell_values.h"

namespace hb::console {

namespace {

std::string form_label(model::MaterialForm f) {
  switch (f) {
    case model::MaterialForm::original: return "原件";
    case model::MaterialForm::copy: return "复印件";
    case model::MaterialForm::both: return "原件及复印件各";
    case model::MaterialForm::electronic: return "电子版";
    default: return "";
  }
}

std::string material_line(const model::Material& m) {
  std::string line = m.name;
  const std::string form = form_label(m.form);
  if (m.form == model::MaterialForm::electronic) {
    line += "（电子版）";
  } else if (!form.empty() || m.copies != 1) {
    line += "（" + (form.empty() ? std::string() : form) + std::to_string(m.copies) + "份）";
  }
  if (!m.required) line += "（非必要）";
  return line;
}

std::string fees_text(const std::optional<model::Fees>& fees) {
  if (!fees) return "";
  if (fees->free || fees->fees.empty()) return "不收费";
  std::string out;
  for (const auto& f : fees->fees) {
    if (!out.empty()) out += "；";
    out += (f.name.empty() ? std::string() : f.name + "，") + (f.per.empty() ? "" : "每" + f.per) +
           feed::format_money(f.amount) + "元";
  }
  return out;
}

std::string steps_text(const model::Item& item) {
  std::string out;
  for (const auto& s : item.procedure) {
    if (!out.empty()) out += " → ";
    out += s.name;
    if (s.limit) out += "（" + duration_text(s.limit, s.unit) + "）";
  }
  return out;
}

std::string get(const FormValues& form, const char* name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

bool read_deadline(const FormValues& form, model::Deadline& d, std::vector<FieldProblem>& problems) {
  const std::string p = feed::trim(get(form, "promised"));
  const std::string s = feed::trim(get(form, "statutory"));
  // Copied into plain values: GCC 12 sees "maybe uninitialized" optionals here.
  const auto read_p = p.empty() ? std::nullopt : import::read_duration(p);
  const auto read_s = s.empty() ? std::nullopt : import::read_duration(s);
  const bool has_p = read_p.has_value(), has_s = read_s.has_value();
  const import::Duration pv = read_p.value_or(import::Duration{}), sv = read_s.value_or(import::Duration{});
  const import::Duration* promised = has_p ? &pv : nullptr;
  const import::Duration* statutory = has_s ? &sv : nullptr;
  if (!p.empty() && !promised) problems.push_back({"promised", "承诺时限“" + p + "”无法识别，应写成“10个工作日”或“即办”"});
  if (!s.empty() && !statutory) problems.push_back({"statutory", "法定时限“" + s + "”无法识别，应写成“20个工作日”"});
  if (p.empty() && s.empty()) problems.push_back({"promised", "请填写承诺时限或法定时限"});
  if ((!p.empty() && !promised) || (!s.empty() && !statutory) || (p.empty() && s.empty())) return false;
  d = model::Deadline{};
  if (promised && promised->immediate && statutory && !statutory->immediate) {
    d.unit = statutory->unit;  // 即办 within a statutory limit
    d.promised = 0;
    d.statutory = statutory->amount;
    return true;
  }
  if ((promised && promised->immediate) || (statutory && statutory->immediate)) {
    d.unit = model::DeadlineUnit::immediate;
    return true;
  }
  if (promised && statutory && promised->unit != statutory->unit) {
    problems.push_back({"statutory", "承诺时限与法定时限的单位不同（工作日/自然日/小时），请写成同一种"});
    return false;
  }
  d.unit = promised ? promised->unit : statutory->unit;
  if (promised) d.promised = promised->amount;
  if (statutory) d.statutory = statutory->amount;
  return true;
}

}  // namespace

std::string duration_text(std::optional<long long> amount, model::DeadlineUnit unit) {
  if (unit == model::DeadlineUnit::immediate || (amount && *amount == 0)) return "即办";
  if (!amount) return "";
  const std::string n = std::to_string(*amount);
  switch (unit) {
    case model::DeadlineUnit::day: return n + "个自然日";
    case model::DeadlineUnit::hour: return n + "小时";
    default: return n + "个工作日";
  }
}

FormValues item_form_values(const model::Item& item) {
  FormValues v;
  v["id"] = item.id;
  v["name"] = item.name;
  v["category"] = item.category;
  v["window"] = item.window;
  v["department"] = item.department;
  v["kind"] = item.kind;
  v["basis"] = item.basis;
  v["promised"] = item.deadline.unit == model::DeadlineUnit::immediate
                      ? "即办"
                      : duration_text(item.deadline.promised, item.deadline.unit);
  v["statutory"] = item.deadline.unit == model::DeadlineUnit::immediate
                       ? ""
                       : duration_text(item.deadline.statutory, item.deadline.unit);
  v["fees"] = fees_text(item.fees);
  std::string materials;
  for (const auto& m : item.materials) materials += (materials.empty() ? "" : "\n") + material_line(m);
  v["materials"] = materials;
  v["procedure"] = steps_text(item);
  v["online_url"] = item.online_url;
  v["result"] = item.result;
  return v;
}

base::Result<model::Item, std::vector<FieldProblem>> item_from_form(const FormValues& form,
                                                                    const model::Item& old) {
  std::vector<FieldProblem> problems;
  model::Item item = old;
  // A field left as the form showed it keeps the stored value exactly: the
  // written form does not say everything (a step's description, a fee's
  // basis), and an untouched field must not lose it.
  const FormValues shown = item_form_values(old);
  const auto untouched = [&](const char* name) { return get(form, name) == get(shown, name); };
  item.id = feed::trim(get(form, "id"));
  item.name = feed::normalize_line(get(form, "name"));
  if (item.id.empty()) problems.push_back({"id", "请填写事项编码"});
  if (item.name.empty()) problems.push_back({"name", "请填写事项名称"});
  item.category = feed::normalize_line(get(form, "category"));
  item.window = import::read_window(get(form, "window"));
  item.department = feed::normalize_line(get(form, "department"));
  item.kind = feed::normalize_line(get(form, "kind"));
  item.basis = feed::normalize_text(get(form, "basis"));
  item.result = feed::normalize_text(get(form, "result"));
  if (!untouched("promised") || !untouched("statutory")) read_deadline(form, item.deadline, problems);
  const std::string fees = feed::trim(get(form, "fees"));
  if (untouched("fees")) {
    // kept
  } else if (fees.empty()) {
    item.fees.reset();
  } else {
    const auto reading = import::read_fees(fees);
    if (!reading.readable()) {
      problems.push_back({"fees", "收费“" + fees + "”无法识别，应写成“不收费”或“每件80元”"});
    } else {
      item.fees = model::Fees{reading.free, reading.fees, {}};
    }
  }
  if (!untouched("materials")) item.materials = import::read_materials(get(form, "materials"));
  if (!untouched("procedure")) item.procedure = import::read_steps(get(form, "procedure"), item.deadline.unit);
  item.online_url = feed::trim(get(form, "online_url"));
  if (!item.online_url.empty() && !feed::is_http_url(item.online_url)) {
    problems.push_back({"online_url", "网上办理地址应以 http:// 或 https:// 开头"});
  }
  if (!problems.empty()) return problems;
  return item;
}

}  // namespace hb::console
