#include "feed/write_feed.h"

#include <cstdlib>
#include <sstream>
#include <string_view>

#include <pugixml.hpp>

#include "feed/text.h"
#include "feed/values.h"
#include "model/slide_type.h"

namespace hb::feed {
namespace {

using Node = pugi::xml_node;

// --- values ----------------------------------------------------------------

// Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE
// and U+FFFF): the reader refuses a whole feed over one, so they are dropped.
std::string xml_chars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

// One line, folded as the reader folds attribute values and names, so that
// writing what was read gives the same bytes again.
std::string line(std::string_view s) {
  return normalize_line(xml_chars(s));
}

// The model separates paragraphs with '\n', the format with a blank line
// (a single line break would fold into the paragraph).
std::string paragraphs(std::string_view s) {
  const std::string clean = xml_chars(s);
  std::string_view rest = clean;
  std::string out;
  while (true) {
    const std::size_t nl = rest.find('\n');
    const std::string p = normalize_line(rest.substr(0, nl));
    if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
    if (nl == std::string_view::npos) return out;
    rest.remove_prefix(nl + 1);
  }
}


// YYYY-MM-DDTHH:MM[:SS][±HH:MM]: seconds when the feed named them (or the
// time has any), the offset when the feed gave one.
std::string timestamp(const model::DateTime& t) {
  const int s = t.seconds_of_day;
  std::string r =
      model::to_string(t.date) + "T" + two_digits(s / 3600) + ":" + two_digits(s / 60 % 60);
  if (t.seconds_written || s % 60 != 0) r += ":" + two_digits(s % 60);
  if (t.utc_offset_minutes) {
    const int o = std::abs(*t.utc_offset_minutes);
    r += (*t.utc_offset_minutes < 0 ? "-" : "+") + two_digits(o / 60) + ":" + two_digits(o % 60);
  }
  return r;
}

std::string month(const model::Stats& s) {
  std::string year = std::to_string(s.year);
  year.insert(0, year.size() < 4 ? 4 - year.size() : 0, '0');
  return year + "-" + two_digits(s.month);
}

// Runs of days as ranges: mon-fri, or mon,wed-thu,sat-sun.
std::string days(const std::array<bool, 7>& on) {
  std::string r;
  for (std::size_t d = 0; d < 7; ++d) {
    if (!on[d]) continue;
    std::size_t last = d;
    while (last + 1 < 7 && on[last + 1])
      ++last;
    r += (r.empty() ? "" : ",") + model::to_string(static_cast<model::Weekday>(d));
    if (last > d) r += "-" + model::to_string(static_cast<model::Weekday>(last));
    d = last;
  }
  return r;
}

// Negative amounts are no fee the format allows; written signed, so lint
// says so instead of the bytes turning into nonsense.
std::string money(const model::Money& m) {
  if (m.fen >= 0) return format_money(m);
  return "-" + format_money(model::Money{-m.fen});
}

// --- nodes -----------------------------------------------------------------

// Attributes appear in the order the writers below add them: a fixed order.
void set(Node n, const char* name, std::string_view value) {
  n.append_attribute(name).set_value(line(value).c_str());
}

void set_if(Node n, const char* name, std::string_view value) {
  if (!line(value).empty()) set(n, name, value);
}

void set_number(Node n, const char* name, long long value) {
  set(n, name, std::to_string(value));
}

void set_text(Node n, const std::string& text) {
  if (!text.empty()) n.text().set(text.c_str());
}

Node line_child(Node parent, const char* name, std::string_view text) {
  Node n = parent.append_child(name);
  set_text(n, line(text));
  return n;
}

Node text_child(Node parent, const char* name, std::string_view text) {
  Node n = parent.append_child(name);
  set_text(n, paragraphs(text));
  return n;
}

// --- words -----------------------------------------------------------------

const char* word(model::PhoneKind k) {
  switch (k) {
    case model::PhoneKind::consult:
      return "consult";
    case model::PhoneKind::supervise:
      return "supervise";
    case model::PhoneKind::complaint:
      return "complaint";
  }
  return "";
}

const char* word(model::LinkKind k) {
  return k == model::LinkKind::feedback ? "feedback" : "online";
}

const char* word(model::DeadlineUnit u) {
  switch (u) {
    case model::DeadlineUnit::workday:
      return "workday";
    case model::DeadlineUnit::day:
      return "day";
    case model::DeadlineUnit::hour:
      return "hour";
    case model::DeadlineUnit::immediate:
      return "immediate";
  }
  return "";
}

const char* word(model::MaterialForm f) {
  switch (f) {
    case model::MaterialForm::original:
      return "original";
    case model::MaterialForm::copy:
      return "copy";
    case model::MaterialForm::both:
      return "both";
    case model::MaterialForm::electronic:
      return "electronic";
    case model::MaterialForm::unspecified:
      return "";
  }
  return "";
}

const char* word(model::Decision d) {
  return d == model::Decision::approve ? "approve" : "deny";
}

const char* word(model::ApplicantKind k) {
  return k == model::ApplicantKind::person ? "person" : "org";
}

const char* word(model::Role r) {
  return r == model::Role::a ? "A" : "B";
}

const char* word(model::NoticeLevel l) {
  return l == model::NoticeLevel::info ? "info" : "urgent";
}

const char* word(model::Transition t) {
  switch (t) {
    case model::Transition::fade:
      return "fade";
    case model::Transition::slide:
      return "slide";
    case model::Transition::none:
      return "none";
  }
  return "";
}

// --- hall, calendar --------------------------------------------------------

void append_hall(Node root, const model::Hall& hall) {
  Node n = root.append_child("hall");
  set(n, "name", hall.name);
  set_if(n, "subtitle", hall.subtitle);
  set_if(n, "logo", hall.logo);
  for (const auto& phone : hall.phones)
    set(line_child(n, "phone", phone.number), "kind", word(phone.kind));
  for (const auto& c : hall.commitments)
    set_if(text_child(n, "commitment", c.text), "title", c.title);
  for (const auto& link : hall.links) {
    Node l = line_child(n, "link", link.caption);
    set(l, "kind", word(link.kind));
    set(l, "url", link.url);
  }
}

void append_calendar(Node root, const model::Calendar& cal) {
  Node n = root.append_child("calendar");
  for (const auto& h : cal.hours) {
    Node e = n.append_child("hours");
    set(e, "days", days(h.days));
    set(e, "open", model::to_string(h.open));
    set(e, "close", model::to_string(h.close));
  }
  for (const auto& h : cal.holidays) {
    Node e = n.append_child("holiday");
    set(e, "from", model::to_string(h.from));
    set(e, "to", model::to_string(h.to));
    set_if(e, "name", h.name);
  }
  for (const auto& w : cal.workdays) {
    Node e = n.append_child("workday");
    set(e, "date", model::to_string(w.date));
    if (w.as != model::Weekday::mon) set(e, "as", model::to_string(w.as));
    set_if(e, "name", w.name);
  }
}

// --- items -----------------------------------------------------------------

// 即办件 without numbers are unit="immediate" alone; otherwise the unit is
// always written, so a reader of the file need not know the default.
void append_deadline(Node item, const model::Deadline& d) {
  Node n = item.append_child("deadline");
  if (d.unit != model::DeadlineUnit::immediate) {
    if (d.promised) set_number(n, "promised", *d.promised);
    if (d.statutory) set_number(n, "statutory", *d.statutory);
  }
  set(n, "unit", word(d.unit));
}

void append_fees(Node item, const model::Fees& fees) {
  Node n = item.append_child("fees");
  if (fees.free) {
    set(n, "free", "true");
    return;
  }
  for (const auto& fee : fees.fees) {
    Node f = n.append_child("fee");
    set(f, "name", fee.name);
    set(f, "amount", money(fee.amount));
    set_if(f, "per", fee.per);
    set_if(f, "basis", fee.basis);
  }
}

void append_materials(Node item, const std::vector<model::Material>& materials) {
  Node n = item.append_child("materials");
  for (const auto& m : materials) {
    Node e = text_child(n, "material", m.name);
    if (m.copies != 1) set_number(e, "copies", m.copies);
    set_if(e, "form", word(m.form));
    if (!m.required) set(e, "required", "false");
  }
}

// A step's unit defaults to the deadline's: written only where it differs.
void append_procedure(Node item, const model::Item& it) {
  Node n = item.append_child("procedure");
  for (const auto& s : it.procedure) {
    Node e = text_child(n, "step", s.description);
    set(e, "name", s.name);
    if (s.limit) set_number(e, "limit", *s.limit);
    if (s.unit != it.deadline.unit) set(e, "unit", word(s.unit));
  }
}

void append_item(Node items, const model::Item& it) {
  Node n = items.append_child("item");
  set(n, "id", it.id);
  set_if(n, "category", it.category);
  set_if(n, "window", it.window);
  line_child(n, "name", it.name);
  if (!line(it.department).empty()) line_child(n, "department", it.department);
  if (!line(it.kind).empty()) line_child(n, "kind", it.kind);
  if (!paragraphs(it.basis).empty()) text_child(n, "basis", it.basis);
  append_deadline(n, it.deadline);
  if (it.fees) append_fees(n, *it.fees);
  if (!it.materials.empty()) append_materials(n, it.materials);
  if (!it.procedure.empty()) append_procedure(n, it);
  if (!line(it.online_url).empty()) set(n.append_child("online"), "url", it.online_url);
  if (!paragraphs(it.result).empty()) text_child(n, "result", it.result);
}

void append_results(Node root, const std::vector<model::Result>& results) {
  Node n = root.append_child("results");
  for (const auto& r : results) {
    Node e = n.append_child("result");
    set(e, "item", r.item);
    set_if(e, "number", r.number);
    set(e, "date", model::to_string(r.date));
    set(e, "decision", word(r.decision));
    set_if(e, "applicant", r.applicant);
    // Written even for the default: whether a name is masked is not left implicit.
    set(e, "applicant-kind", word(r.applicant_kind));
  }
}

// --- roster ----------------------------------------------------------------

void append_staff(Node roster, const model::Staff& s) {
  Node n = roster.append_child("staff");
  set(n, "id", s.id);
  set(n, "name", s.name);
  set_if(n, "title", s.title);
  set_if(n, "badge", s.badge);
  set_if(n, "photo", s.photo);
  if (s.party) set(n, "party", "true");
}

void append_post(Node window, model::Role role, const std::string& staff) {
  Node n = window.append_child("post");
  set(n, "role", word(role));
  set(n, "staff", staff);
}

// The posts as read, in order; a window made in code that only fills
// a_staff/b_staff gets its two posts from them.
void append_window(Node roster, const model::Window& w) {
  Node n = roster.append_child("window");
  set(n, "id", w.id);
  set_if(n, "name", w.name);
  set_if(n, "service", w.service);
  set_if(n, "closed-note", w.closed_note);
  for (const auto& p : w.posts)
    append_post(n, p.role, p.staff);
  if (!w.posts.empty()) return;
  if (!w.a_staff.empty()) append_post(n, model::Role::a, w.a_staff);
  if (!w.b_staff.empty()) append_post(n, model::Role::b, w.b_staff);
}

void append_absence(Node roster, const model::Absence& a) {
  Node n = roster.append_child("absence");
  set(n, "staff", a.staff);
  set(n, "from", timestamp(a.from));
  set(n, "to", timestamp(a.to));
  set_if(n, "reason", a.reason);
  set_if(n, "substitute", a.substitute);
}

void append_roster(Node root, const model::Roster& roster) {
  Node n = root.append_child("roster");
  for (const auto& s : roster.staff)
    append_staff(n, s);
  for (const auto& w : roster.windows)
    append_window(n, w);
  for (const auto& a : roster.absences)
    append_absence(n, a);
}

// --- pledges, notices, stats, playlists --------------------------------------

void append_pledges(Node root, const std::vector<model::Pledge>& pledges) {
  Node n = root.append_child("pledges");
  for (const auto& p : pledges) {
    Node e = text_child(n, "pledge", p.text);
    set_if(e, "staff", p.staff);
    set_if(e, "post", p.post);
    set_if(e, "title", p.title);
  }
}

void append_notices(Node root, const std::vector<model::Notice>& notices) {
  Node n = root.append_child("notices");
  for (const auto& notice : notices) {
    Node e = text_child(n, "notice", notice.text);
    set_if(e, "id", notice.id);
    set(e, "level", word(notice.level));
    if (notice.from) set(e, "from", timestamp(*notice.from));
    if (notice.to) set(e, "to", timestamp(*notice.to));
  }
}

void append_ratings(Node window, const model::Ratings& r) {
  Node n = window.append_child("ratings");
  set_number(n, "very-satisfied", r.very_satisfied);
  set_number(n, "satisfied", r.satisfied);
  set_number(n, "basic", r.basic);
  set_number(n, "dissatisfied", r.dissatisfied);
  set_number(n, "very-dissatisfied", r.very_dissatisfied);
}

// With the five levels, rated and satisfied are their sums: only the levels
// are written (giving both is an error).
void append_stats(Node root, const model::Stats& stats) {
  Node n = root.append_child("stats");
  set(n, "month", month(stats));
  for (const auto& w : stats.windows) {
    Node e = n.append_child("window");
    set(e, "id", w.window);
    set_number(e, "handled", w.handled);
    set_number(e, "ontime", w.ontime);
    if (w.ratings) {
      append_ratings(e, *w.ratings);
      continue;
    }
    if (w.rated) set_number(e, "rated", *w.rated);
    if (w.satisfied) set_number(e, "satisfied", *w.satisfied);
  }
}

std::string screens(const std::vector<std::string>& list) {
  std::string r;
  for (const auto& s : list)
    r += (r.empty() ? "" : ",") + line(s);
  return r.empty() ? "*" : r;
}

// `on`, `between`, `from`/`to` as read: only what limits when it plays.
void set_schedule(Node n, const model::SlideSchedule& s) {
  if (s.on != model::SlideSchedule{}.on) set(n, "on", days(s.on));
  if (s.between_from)
    set(n, "between", model::to_string(*s.between_from) + "-" + model::to_string(*s.between_to));
  if (s.from) set(n, "from", model::to_string(*s.from));
  if (s.to) set(n, "to", model::to_string(*s.to));
}

// `days` only matters to results slides; elsewhere it is written only when
// it is not the default, so that nothing read is lost.
void append_slide(Node playlist, const model::Slide& s) {
  Node n = playlist.append_child("slide");
  set(n, "type", model::slide_type_word(s.type));
  set_number(n, "seconds", s.seconds);
  set_if(n, "category", s.category);
  set_if(n, "item", s.item);
  if (s.type == model::SlideType::results || s.days != 30) set_number(n, "days", s.days);
  set_schedule(n, s.schedule);
  // The frame is written on each poster slide, the playlist's included.
  if (s.type == model::SlideType::poster && s.frame == model::PosterFrame::full)
    set(n, "frame", "full");
  for (const auto& image : s.images) {
    Node i = n.append_child("image");
    set(i, "src", image.src);
    set_number(i, "seconds", image.seconds);
    set_if(i, "alt", image.alt);
  }
}

void append_playlist(Node root, const model::Playlist& p) {
  Node n = root.append_child("playlist");
  set(n, "screen", screens(p.screens));
  set(n, "transition", word(p.transition));
  set_schedule(n, p.schedule);
  for (const auto& s : p.slides)
    append_slide(n, s);
}

// --- the document ------------------------------------------------------------

void append_root(pugi::xml_document& doc, const model::Feed& feed) {
  Node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  Node root = doc.append_child("hallboard");
  set(root, "version", "1");
  if (feed.generated) set(root, "generated", timestamp(*feed.generated));
  set_if(root, "hall", feed.hall_id);
}

void append_sections(Node root, const model::Feed& feed) {
  if (feed.hall) append_hall(root, *feed.hall);
  if (feed.calendar) append_calendar(root, *feed.calendar);
  if (feed.has_items_section || !feed.items.empty()) {
    Node items = root.append_child("items");
    for (const auto& it : feed.items)
      append_item(items, it);
  }
  if (!feed.results.empty()) append_results(root, feed.results);
  if (feed.roster) append_roster(root, *feed.roster);
  if (!feed.pledges.empty()) append_pledges(root, feed.pledges);
  if (!feed.notices.empty()) append_notices(root, feed.notices);
  if (feed.stats) append_stats(root, *feed.stats);
  for (const auto& p : feed.playlists)
    append_playlist(root, p);
}

}  // namespace

std::string write_feed(const model::Feed& feed) {
  pugi::xml_document doc;
  append_root(doc, feed);
  append_sections(doc.document_element(), feed);
  std::ostringstream out;
  // Never a byte-order mark: the declaration names the encoding.
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

std::string days_attribute(const std::array<bool, 7>& on) { return days(on); }

}  // namespace hb::feed
