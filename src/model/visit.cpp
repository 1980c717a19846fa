#include "model/visit.h"

namespace hb::model {

void for_each_shown_text(const Content& c,
                         const std::function<void(std::string_view, const Where&)>& visit) {
  if (c.hall) {
    const auto& h = *c.hall;
    for (const auto* s : {&h.name, &h.subtitle})
      visit(*s, h.where);
    for (const auto& p : h.phones)
      visit(p.number, p.where);
    for (const auto& cm : h.commitments) {
      visit(cm.title, cm.where);
      visit(cm.text, cm.where);
    }
    for (const auto& l : h.links)
      visit(l.caption, l.where);
  }
  for (const auto& it : c.items) {
    for (const auto* s : {&it.name, &it.category, &it.department, &it.kind, &it.basis, &it.result})
      visit(*s, it.where);
    if (it.fees)
      for (const auto& f : it.fees->fees) {
        visit(f.name, f.where);
        visit(f.per, f.where);
      }
    for (const auto& m : it.materials)
      visit(m.name, m.where);
    for (const auto& s : it.procedure) {
      visit(s.name, s.where);
      visit(s.description, s.where);
    }
  }
  for (const auto& r : c.results)
    visit(r.applicant, r.where);
  for (const auto& s : c.roster.staff)
    for (const auto* t : {&s.name, &s.title, &s.badge})
      visit(*t, s.where);
  for (const auto& w : c.roster.windows)
    for (const auto* t : {&w.name, &w.service, &w.closed_note})
      visit(*t, w.where);
  for (const auto& p : c.pledges)
    for (const auto* t : {&p.post, &p.title, &p.text})
      visit(*t, p.where);
  for (const auto& n : c.notices)
    visit(n.text, n.where);
}

}  // namespace hb::model
