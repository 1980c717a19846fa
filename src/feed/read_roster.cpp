#include "feed/sections.h"

namespace hb::feed {
namespace {

model::Staff read_staff(ElementReader& e, const std::string& base_url) {
  model::Staff staff;
  staff.where = e.where();
  staff.base_url = base_url;
  staff.id = e.text_attr("id", Need::required).value_or("");
  staff.name = e.text_attr("name", Need::required).value_or("");
  staff.title = e.text_attr("title").value_or("");
  staff.badge = e.text_attr("badge").value_or("");
  staff.photo =
      web_safe_picture(e, "photo", e.text_attr("photo").value_or(""), base_url).value_or("");
  staff.party = e.bool_attr("party").value_or(false);
  e.finish();
  return staff;
}

model::Window read_window(ElementReader& e) {
  model::Window window;
  window.where = e.where();
  window.id = e.text_attr("id", Need::required).value_or("");
  window.name = e.text_attr("name").value_or(window.id.empty() ? "" : window.id + "号窗口");
  window.service = e.text_attr("service").value_or("");
  window.closed_note = e.text_attr("closed-note").value_or("");
  for (const auto& node : e.children("post")) {
    ElementReader p(e.findings(), node);
    model::Post post;
    post.where = p.where();
    const auto role = p.enum_attr<model::Role>(
        "role", {{"A", model::Role::a}, {"B", model::Role::b}}, Need::required);
    post.staff = p.text_attr("staff", Need::required).value_or("");
    post.staff_where = p.where_of("staff");
    p.finish();
    if (!role || post.staff.empty()) continue;
    post.role = *role;
    std::string& slot = *role == model::Role::a ? window.a_staff : window.b_staff;
    if (!slot.empty()) {
      e.findings().error(post.where, e.label() + " has more than one " +
                                         (*role == model::Role::a ? "A" : "B") +
                                         " post; a window has exactly one A and one B post");
      continue;
    }
    slot = post.staff;
    window.posts.push_back(std::move(post));
  }
  e.finish();
  for (const auto& [slot, role] :
       {std::pair{&window.a_staff, "A"}, std::pair{&window.b_staff, "B"}})
    if (slot->empty() && !window.id.empty())
      e.findings().error(window.where, e.label() + " has no " + role +
                                           " post; every window needs <post role=\"A\"> and "
                                           "<post role=\"B\">");
  if (!window.a_staff.empty() && window.a_staff == window.b_staff)
    e.findings().warning(window.where, e.label() + " has the same person (" + window.a_staff +
                                           ") in the A and the B post, so nobody covers for them");
  return window;
}

model::Absence read_absence(ElementReader& e, bool& ok) {
  model::Absence absence;
  absence.where = e.where();
  const auto staff = e.text_attr("staff", Need::required);
  const auto from = e.timestamp_attr("from", Need::required);
  const auto to = e.timestamp_attr("to", Need::required);
  absence.reason = e.text_attr("reason").value_or("");
  absence.substitute = e.text_attr("substitute").value_or("");
  absence.staff_where = e.where_of("staff");
  absence.substitute_where = e.where_of("substitute");
  e.finish();
  ok = staff && from && to;
  if (!ok) return absence;
  absence.staff = *staff;
  absence.from = *from;
  absence.to = *to;
  if (!e.check_order(*from, *to)) ok = false;
  if (!absence.substitute.empty() && absence.substitute == absence.staff) {
    e.findings().error(e.where_of("substitute"), "<absence> substitute=\"" + absence.substitute +
                                                     "\" is the absent person; name someone else");
    ok = false;
  }
  return absence;
}

}  // namespace

model::Roster read_roster(ElementReader& section, const std::string& base_url) {
  model::Roster roster;
  for (const auto& node : section.children("staff")) {
    ElementReader e(section.findings(), node);
    model::Staff staff = read_staff(e, base_url);
    if (!staff.id.empty() && !staff.name.empty()) roster.staff.push_back(std::move(staff));
  }
  for (const auto& node : section.children("window")) {
    ElementReader e(section.findings(), node);
    model::Window window = read_window(e);
    if (!window.id.empty()) roster.windows.push_back(std::move(window));
  }
  for (const auto& node : section.children("absence")) {
    ElementReader e(section.findings(), node);
    bool ok = false;
    model::Absence absence = read_absence(e, ok);
    if (ok) roster.absences.push_back(std::move(absence));
  }
  section.finish();
  return roster;
}

}  // namespace hb::feed
