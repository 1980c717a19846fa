#include "feed/sections.h"

namespace hb::feed {
namespace {

const Choices<model::DeadlineUnit> kUnits = {{"workday", model::DeadlineUnit::workday},
                                             {"day", model::DeadlineUnit::day},
                                             {"hour", model::DeadlineUnit::hour},
                                             {"immediate", model::DeadlineUnit::immediate}};

std::string unit_name(model::DeadlineUnit unit) {
  switch (unit) {
    case model::DeadlineUnit::workday:
      return "working days";
    case model::DeadlineUnit::day:
      return "days";
    case model::DeadlineUnit::hour:
      return "hours";
    case model::DeadlineUnit::immediate:
      return "immediate";
  }
  return "";
}

// promised="0" is 即办 within a statutory limit (answers.md, Issue 17).
std::string promised_words(long long promised) {
  return promised == 0 ? "0 (即办, done at once)" : std::to_string(promised);
}

model::Deadline read_deadline(ElementReader& d) {
  model::Deadline deadline;
  deadline.where = d.where();
  deadline.unit =
      d.enum_attr<model::DeadlineUnit>("unit", kUnits).value_or(model::DeadlineUnit::workday);
  deadline.promised = d.whole_attr("promised");
  deadline.statutory = d.whole_attr("statutory");
  d.finish();
  if (deadline.unit == model::DeadlineUnit::immediate) {
    if (deadline.promised || deadline.statutory)
      d.findings().warning(d.where(),
                           "<deadline unit=\"immediate\"> (即办件) takes no promised or "
                           "statutory numbers; they are ignored (即办 within a statutory limit "
                           "is promised=\"0\" with the statutory limit's unit)");
    deadline.promised.reset();
    deadline.statutory.reset();
  } else if (!d.node().attribute("promised") && !d.node().attribute("statutory")) {
    d.findings().error(d.where(),
                       "<deadline> needs promised (承诺时限) or statutory (法定时限), or "
                       "unit=\"immediate\" for 即办件");
  } else if (deadline.promised && deadline.statutory && *deadline.promised > *deadline.statutory) {
    d.findings().error(d.where_of("promised"),
                       "<deadline> promised=\"" + std::to_string(*deadline.promised) +
                           "\" is longer than statutory=\"" + std::to_string(*deadline.statutory) +
                           "\": the promised time limit must not exceed the statutory one");
  }
  return deadline;
}

std::optional<model::Fees> read_fees(ElementReader& f) {
  model::Fees fees;
  fees.where = f.where();
  const auto free = f.bool_attr("free");
  for (const auto& node : f.children("fee")) {
    ElementReader e(f.findings(), node);
    model::Fee fee;
    fee.where = e.where();
    const auto name = e.text_attr("name", Need::required);
    const auto amount = e.money_attr("amount", Need::required);
    fee.per = e.text_attr("per").value_or("");
    fee.basis = e.text_attr("basis").value_or("");
    e.finish();
    if (!name || !amount) continue;
    fee.name = *name;
    fee.amount = *amount;
    fees.fees.push_back(std::move(fee));
  }
  const bool has_fee_elements = f.node().child("fee");
  f.finish();
  if (free.value_or(false)) {
    if (has_fee_elements)
      f.findings().error(f.where_of("free"),
                         "<fees free=\"true\"> must not list <fee> elements; "
                         "remove free=\"true\" or the fees");
    fees.free = true;
    fees.fees.clear();
    return fees;
  }
  if (!has_fee_elements) {
    f.findings().error(f.where(), "<fees> needs free=\"true\" (不收费) or at least one <fee>");
    return std::nullopt;
  }
  return fees;
}

std::vector<model::Material> read_materials(ElementReader& m) {
  std::vector<model::Material> materials;
  for (const auto& node : m.children("material")) {
    ElementReader e(m.findings(), node);
    model::Material material;
    material.where = e.where();
    material.copies = e.whole_attr("copies", Need::optional, 1, 1000).value_or(1);
    material.form =
        e.enum_attr<model::MaterialForm>("form", {{"original", model::MaterialForm::original},
                                                  {"copy", model::MaterialForm::copy},
                                                  {"both", model::MaterialForm::both},
                                                  {"electronic", model::MaterialForm::electronic}})
            .value_or(model::MaterialForm::unspecified);
    material.required = e.bool_attr("required").value_or(true);
    material.name = e.text(Need::required);
    e.finish();
    if (!material.name.empty()) materials.push_back(std::move(material));
  }
  m.finish();
  return materials;
}

std::vector<model::Step> read_procedure(ElementReader& p, const model::Deadline& deadline) {
  std::vector<model::Step> steps;
  for (const auto& node : p.children("step")) {
    ElementReader e(p.findings(), node);
    model::Step step;
    step.where = e.where();
    step.name = e.text_attr("name", Need::required).value_or("");
    step.limit = e.whole_attr("limit");
    step.unit = e.enum_attr<model::DeadlineUnit>("unit", kUnits).value_or(deadline.unit);
    step.description = e.text();
    e.finish();
    if (!step.name.empty()) steps.push_back(std::move(step));
  }
  p.finish();
  if (deadline.promised) {
    long long sum = 0;
    for (const auto& step : steps)
      if (step.limit && step.unit == deadline.unit) sum += *step.limit;
    if (sum > *deadline.promised)
      p.findings().warning(p.where(), "<procedure> step limits add up to " + std::to_string(sum) +
                                          " " + unit_name(deadline.unit) +
                                          ", more than the promised " +
                                          promised_words(*deadline.promised));
  }
  return steps;
}

}  // namespace

std::vector<model::Item> read_items(ElementReader& section) {
  std::vector<model::Item> items;
  const auto nodes = section.children("item");
  // An item is about 600 bytes before its text: a vector that grows by
  // doubling would hold up to three times a large hall's items while it
  // moves them (a feed of 100,000 items: 113 MB instead of 58).
  items.reserve(nodes.size());
  for (const auto& node : nodes) {
    ElementReader e(section.findings(), node);
    model::Item item;
    item.where = e.where();
    const auto id = e.text_attr("id", Need::required);
    item.category = e.text_attr("category").value_or("");
    item.window = e.text_attr("window").value_or("");
    item.window_where = e.where_of("window");
    if (const auto n = e.single_child("name", Need::required)) {
      ElementReader r(e.findings(), *n);
      item.name = r.text_line(Need::required);
      r.finish();
    }
    for (const auto& [tag, field] :
         {std::pair{"department", &item.department}, std::pair{"kind", &item.kind}}) {
      if (const auto n = e.single_child(tag)) {
        ElementReader r(e.findings(), *n);
        *field = r.text_line();
        r.finish();
      }
    }
    for (const auto& [tag, field] :
         {std::pair{"basis", &item.basis}, std::pair{"result", &item.result}}) {
      if (const auto n = e.single_child(tag)) {
        ElementReader r(e.findings(), *n);
        *field = r.text();
        r.finish();
      }
    }
    bool has_deadline = false;
    if (const auto n = e.single_child("deadline", Need::required)) {
      ElementReader r(e.findings(), *n);
      item.deadline = read_deadline(r);
      has_deadline = true;
    }
    if (const auto n = e.single_child("fees")) {
      ElementReader r(e.findings(), *n);
      item.fees = read_fees(r);
    }
    if (const auto n = e.single_child("materials")) {
      ElementReader r(e.findings(), *n);
      item.materials = read_materials(r);
    }
    if (const auto n = e.single_child("procedure")) {
      ElementReader r(e.findings(), *n);
      item.procedure = read_procedure(r, item.deadline);
    }
    if (const auto n = e.single_child("online")) {
      ElementReader r(e.findings(), *n);
      item.online_url = r.http_url_attr("url", Need::required).value_or("");
      r.finish();
    }
    e.finish();
    if (!id || item.name.empty() || !has_deadline) continue;
    item.id = *id;
    items.push_back(std::move(item));
  }
  section.finish();
  return items;
}

}  // namespace hb::feed
