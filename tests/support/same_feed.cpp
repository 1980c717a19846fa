#include "same_feed.h"

#include <optional>
#include <type_traits>
#include <vector>

namespace hb::test {
namespace {

template <class T>
std::string show(const T& v) {
  if constexpr (std::is_same_v<T, std::string>)
    return "\"" + v + "\"";
  else if constexpr (std::is_enum_v<T>)
    return std::to_string(static_cast<int>(v));
  else if constexpr (std::is_same_v<T, bool>)
    return v ? "true" : "false";
  else if constexpr (std::is_arithmetic_v<T>)
    return std::to_string(v);
  else if constexpr (std::is_same_v<T, model::Date> || std::is_same_v<T, model::TimeOfDay>)
    return model::to_string(v);
  else
    return "(differs)";
}

template <class T>
std::string show(const std::optional<T>& v) {
  return v ? show(*v) : "(none)";
}

// Collects one line per differing field, named by its path.
class Differ {
 public:
  template <class T>
  void same(const std::string& path, const T& a, const T& b) {
    if (!(a == b)) out_ += path + ": " + show(a) + " != " + show(b) + "\n";
  }
  template <class T, class Each>
  void list(const std::string& path, const std::vector<T>& a, const std::vector<T>& b, Each each) {
    if (a.size() != b.size()) {
      out_ +=
          path + ": " + std::to_string(a.size()) + " entries != " + std::to_string(b.size()) + "\n";
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
      each(path + "[" + std::to_string(i) + "]", a[i], b[i]);
  }
  template <class T, class Each>
  void optional(const std::string& path, const std::optional<T>& a, const std::optional<T>& b,
                Each each) {
    if (a.has_value() != b.has_value())
      out_ += path + ": " + (a ? "present" : "absent") + " != " + (b ? "present" : "absent") + "\n";
    else if (a)
      each(path, *a, *b);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

void time(Differ& d, const std::string& p, const model::DateTime& a, const model::DateTime& b) {
  d.same(p + ".date", a.date, b.date);
  d.same(p + ".seconds_of_day", a.seconds_of_day, b.seconds_of_day);
  d.same(p + ".utc_offset_minutes", a.utc_offset_minutes, b.utc_offset_minutes);
  d.same(p + ".seconds_written", a.seconds_written, b.seconds_written);
}

void hall(Differ& d, const std::string& p, const model::Hall& a, const model::Hall& b) {
  d.same(p + ".name", a.name, b.name);
  d.same(p + ".subtitle", a.subtitle, b.subtitle);
  d.same(p + ".logo", a.logo, b.logo);
  d.list(p + ".phones", a.phones, b.phones, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".kind", x.kind, y.kind);
    d.same(q + ".number", x.number, y.number);
  });
  d.list(p + ".commitments", a.commitments, b.commitments,
         [&](auto q, const auto& x, const auto& y) {
           d.same(q + ".title", x.title, y.title);
           d.same(q + ".text", x.text, y.text);
         });
  d.list(p + ".links", a.links, b.links, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".kind", x.kind, y.kind);
    d.same(q + ".url", x.url, y.url);
    d.same(q + ".caption", x.caption, y.caption);
  });
}

void calendar(Differ& d, const std::string& p, const model::Calendar& a, const model::Calendar& b) {
  d.list(p + ".hours", a.hours, b.hours, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".days", x.days, y.days);
    d.same(q + ".open", x.open, y.open);
    d.same(q + ".close", x.close, y.close);
  });
  d.list(p + ".holidays", a.holidays, b.holidays, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".from", x.from, y.from);
    d.same(q + ".to", x.to, y.to);
    d.same(q + ".name", x.name, y.name);
  });
  d.list(p + ".workdays", a.workdays, b.workdays, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".date", x.date, y.date);
    d.same(q + ".as", x.as, y.as);
    d.same(q + ".name", x.name, y.name);
  });
}

void fees(Differ& d, const std::string& p, const model::Fees& a, const model::Fees& b) {
  d.same(p + ".free", a.free, b.free);
  d.list(p + ".fees", a.fees, b.fees, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".name", x.name, y.name);
    d.same(q + ".amount", x.amount.fen, y.amount.fen);
    d.same(q + ".per", x.per, y.per);
    d.same(q + ".basis", x.basis, y.basis);
  });
}

void item_parts(Differ& d, const std::string& p, const model::Item& a, const model::Item& b) {
  d.list(p + ".materials", a.materials, b.materials, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".name", x.name, y.name);
    d.same(q + ".copies", x.copies, y.copies);
    d.same(q + ".form", x.form, y.form);
    d.same(q + ".required", x.required, y.required);
  });
  d.list(p + ".procedure", a.procedure, b.procedure, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".name", x.name, y.name);
    d.same(q + ".description", x.description, y.description);
    d.same(q + ".limit", x.limit, y.limit);
    d.same(q + ".unit", x.unit, y.unit);
  });
}

void item(Differ& d, const std::string& p, const model::Item& a, const model::Item& b) {
  d.same(p + ".id", a.id, b.id);
  d.same(p + ".category", a.category, b.category);
  d.same(p + ".window", a.window, b.window);
  d.same(p + ".name", a.name, b.name);
  d.same(p + ".department", a.department, b.department);
  d.same(p + ".kind", a.kind, b.kind);
  d.same(p + ".basis", a.basis, b.basis);
  d.same(p + ".online_url", a.online_url, b.online_url);
  d.same(p + ".result", a.result, b.result);
  d.same(p + ".deadline.unit", a.deadline.unit, b.deadline.unit);
  d.same(p + ".deadline.promised", a.deadline.promised, b.deadline.promised);
  d.same(p + ".deadline.statutory", a.deadline.statutory, b.deadline.statutory);
  d.optional(p + ".fees", a.fees, b.fees,
             [&](auto q, const auto& x, const auto& y) { fees(d, q, x, y); });
  item_parts(d, p, a, b);
}

void result(Differ& d, const std::string& p, const model::Result& a, const model::Result& b) {
  d.same(p + ".item", a.item, b.item);
  d.same(p + ".number", a.number, b.number);
  d.same(p + ".date", a.date, b.date);
  d.same(p + ".decision", a.decision, b.decision);
  d.same(p + ".applicant", a.applicant, b.applicant);
  d.same(p + ".applicant_kind", a.applicant_kind, b.applicant_kind);
}

void staff(Differ& d, const std::string& p, const model::Staff& a, const model::Staff& b) {
  d.same(p + ".id", a.id, b.id);
  d.same(p + ".name", a.name, b.name);
  d.same(p + ".title", a.title, b.title);
  d.same(p + ".badge", a.badge, b.badge);
  d.same(p + ".photo", a.photo, b.photo);
  d.same(p + ".party", a.party, b.party);
}

void window(Differ& d, const std::string& p, const model::Window& a, const model::Window& b) {
  d.same(p + ".id", a.id, b.id);
  d.same(p + ".name", a.name, b.name);
  d.same(p + ".service", a.service, b.service);
  d.same(p + ".closed_note", a.closed_note, b.closed_note);
  d.same(p + ".a_staff", a.a_staff, b.a_staff);
  d.same(p + ".b_staff", a.b_staff, b.b_staff);
  d.list(p + ".posts", a.posts, b.posts, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".role", x.role, y.role);
    d.same(q + ".staff", x.staff, y.staff);
  });
}

void absence(Differ& d, const std::string& p, const model::Absence& a, const model::Absence& b) {
  d.same(p + ".staff", a.staff, b.staff);
  time(d, p + ".from", a.from, b.from);
  time(d, p + ".to", a.to, b.to);
  d.same(p + ".reason", a.reason, b.reason);
  d.same(p + ".substitute", a.substitute, b.substitute);
}

void roster(Differ& d, const std::string& p, const model::Roster& a, const model::Roster& b) {
  d.list(p + ".staff", a.staff, b.staff,
         [&](auto q, const auto& x, const auto& y) { staff(d, q, x, y); });
  d.list(p + ".windows", a.windows, b.windows,
         [&](auto q, const auto& x, const auto& y) { window(d, q, x, y); });
  d.list(p + ".absences", a.absences, b.absences,
         [&](auto q, const auto& x, const auto& y) { absence(d, q, x, y); });
}

void notice(Differ& d, const std::string& p, const model::Notice& a, const model::Notice& b) {
  d.same(p + ".id", a.id, b.id);
  d.same(p + ".level", a.level, b.level);
  d.optional(p + ".from", a.from, b.from,
             [&](auto q, const auto& x, const auto& y) { time(d, q, x, y); });
  d.optional(p + ".to", a.to, b.to,
             [&](auto q, const auto& x, const auto& y) { time(d, q, x, y); });
  d.same(p + ".text", a.text, b.text);
}

void stats(Differ& d, const std::string& p, const model::Stats& a, const model::Stats& b) {
  d.same(p + ".year", a.year, b.year);
  d.same(p + ".month", a.month, b.month);
  d.list(p + ".windows", a.windows, b.windows, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".window", x.window, y.window);
    d.same(q + ".handled", x.handled, y.handled);
    d.same(q + ".ontime", x.ontime, y.ontime);
    d.same(q + ".rated", x.rated, y.rated);
    d.same(q + ".satisfied", x.satisfied, y.satisfied);
    d.optional(q + ".ratings", x.ratings, y.ratings, [&](auto r, const auto& s, const auto& t) {
      d.same(r + ".very_satisfied", s.very_satisfied, t.very_satisfied);
      d.same(r + ".satisfied", s.satisfied, t.satisfied);
      d.same(r + ".basic", s.basic, t.basic);
      d.same(r + ".dissatisfied", s.dissatisfied, t.dissatisfied);
      d.same(r + ".very_dissatisfied", s.very_dissatisfied, t.very_dissatisfied);
    });
  });
}

void playlist(Differ& d, const std::string& p, const model::Playlist& a, const model::Playlist& b) {
  d.same(p + ".screens", a.screens, b.screens);
  d.same(p + ".transition", a.transition, b.transition);
  d.list(p + ".slides", a.slides, b.slides, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".type", x.type, y.type);
    d.same(q + ".seconds", x.seconds, y.seconds);
    d.same(q + ".category", x.category, y.category);
    d.same(q + ".item", x.item, y.item);
    d.same(q + ".days", x.days, y.days);
    d.same(q + ".frame", x.frame, y.frame);
    d.list(q + ".images", x.images, y.images, [&](auto r, const auto& i, const auto& j) {
      d.same(r + ".src", i.src, j.src);
      d.same(r + ".alt", i.alt, j.alt);
      d.same(r + ".seconds", i.seconds, j.seconds);
    });
  });
}

}  // namespace

std::string feed_differences(const model::Feed& a, const model::Feed& b) {
  Differ d;
  d.optional("generated", a.generated, b.generated,
             [&](auto q, const auto& x, const auto& y) { time(d, q, x, y); });
  d.same("hall_id", a.hall_id, b.hall_id);
  d.optional("hall", a.hall, b.hall,
             [&](auto q, const auto& x, const auto& y) { hall(d, q, x, y); });
  d.optional("calendar", a.calendar, b.calendar,
             [&](auto q, const auto& x, const auto& y) { calendar(d, q, x, y); });
  d.same("has_items_section", a.has_items_section, b.has_items_section);
  d.list("items", a.items, b.items,
         [&](auto q, const auto& x, const auto& y) { item(d, q, x, y); });
  d.list("results", a.results, b.results,
         [&](auto q, const auto& x, const auto& y) { result(d, q, x, y); });
  d.optional("roster", a.roster, b.roster,
             [&](auto q, const auto& x, const auto& y) { roster(d, q, x, y); });
  d.list("pledges", a.pledges, b.pledges, [&](auto q, const auto& x, const auto& y) {
    d.same(q + ".staff", x.staff, y.staff);
    d.same(q + ".post", x.post, y.post);
    d.same(q + ".title", x.title, y.title);
    d.same(q + ".text", x.text, y.text);
  });
  d.list("notices", a.notices, b.notices,
         [&](auto q, const auto& x, const auto& y) { notice(d, q, x, y); });
  d.optional("stats", a.stats, b.stats,
             [&](auto q, const auto& x, const auto& y) { stats(d, q, x, y); });
  d.list("playlists", a.playlists, b.playlists,
         [&](auto q, const auto& x, const auto& y) { playlist(d, q, x, y); });
  return d.take();
}

}  // namespace hb::test
