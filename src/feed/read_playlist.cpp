#include "feed/sections.h"
#include "feed/values.h"

namespace hb::feed {
namespace {

std::vector<std::string> split_screens(std::string_view s) {
  std::vector<std::string> r;
  for (const std::string_view part : split_list(s))
    if (!part.empty()) r.emplace_back(part);
  return r;
}

std::array<bool, 7> read_on(ElementReader& e) {
  std::array<bool, 7> every{true, true, true, true, true, true, true};
  const auto raw = e.value_attr("on");
  if (!raw) return every;
  const auto days = parse_days(*raw);
  if (!days) e.bad_value("on", *raw, kDaysExpected);
  return days.value_or(every);
}

// `between` never wraps past midnight (model::SlideSchedule says why).
void read_between(ElementReader& e, model::SlideSchedule& s) {
  const auto raw = e.value_attr("between");
  if (!raw) return;
  const auto range = parse_time_range(*raw);
  if (!range) {
    e.bad_value("between", *raw, "two times of day HH:MM-HH:MM, such as 12:00-13:30");
    return;
  }
  if (!(range->first < range->second)) {
    e.findings().error(e.where_of("between"),
                       e.label() + " between=\"" + *raw +
                           "\" must end later than it starts (it cannot run past midnight)");
    return;
  }
  s.between_from = range->first;
  s.between_to = range->second;
}

void read_dates(ElementReader& e, model::SlideSchedule& s) {
  s.from = e.date_attr("from");
  s.to = e.date_attr("to");
  if (s.from && s.to && *s.to < *s.from) {
    e.findings().error(e.where_of("to"), e.label() + " to=\"" + to_string(*s.to) +
                                             "\" must not be before from=\"" +
                                             to_string(*s.from) + "\"");
    s.from.reset();
    s.to.reset();
  }
}

// `on`, `between` and `from`/`to` of a <slide> or a <playlist>.
model::SlideSchedule read_schedule(ElementReader& e) {
  model::SlideSchedule s;
  s.on = read_on(e);
  read_between(e, s);
  read_dates(e, s);
  return s;
}

}  // namespace

model::Playlist read_playlist(ElementReader& e) {
  model::Playlist playlist;
  playlist.where = e.where();
  const auto screen = e.value_attr("screen");
  playlist.screens = split_screens(screen.value_or("*"));
  if (screen && playlist.screens.empty())
    e.bad_value("screen", *screen, "* or a comma list of screen ids, such as lobby-1,lobby-2");
  if (playlist.screens.empty()) playlist.screens.push_back("*");
  playlist.transition =
      e.enum_attr<model::Transition>("transition", {{"fade", model::Transition::fade},
                                                    {"slide", model::Transition::slide},
                                                    {"none", model::Transition::none}})
          .value_or(model::Transition::fade);
  playlist.schedule = read_schedule(e);
  for (const auto& node : e.children("slide")) {
    ElementReader s(e.findings(), node);
    model::Slide slide;
    slide.where = s.where();
    const auto type = s.text_attr("type", Need::required);
    slide.seconds = static_cast<int>(s.whole_attr("seconds", Need::optional, 1, 3600).value_or(15));
    slide.category = s.text_attr("category").value_or("");
    slide.item = s.text_attr("item").value_or("");
    slide.item_where = s.where_of("item");
    slide.category_where = s.where_of("category");
    slide.days = static_cast<int>(s.whole_attr("days", Need::optional, 1, 3660).value_or(30));
    slide.schedule = read_schedule(s);
    slide.inherited = playlist.schedule;
    s.finish();
    if (!type) continue;
    const auto known = model::slide_type_of(*type);
    if (!known) {
      std::vector<std::string_view> words;
      for (const auto& names : model::kSlideTypeNames)
        words.push_back(names.word);
      e.findings().warning(s.where_of("type"), "<slide type=\"" + *type +
                                                   "\"> is not a slide type this player knows (" +
                                                   join_alternatives(words) + "); it is skipped");
      continue;
    }
    slide.type = *known;
    playlist.slides.push_back(std::move(slide));
  }
  e.finish();
  if (playlist.slides.empty())
    e.findings().warning(e.where(), e.label() + " has no slides it can show");
  return playlist;
}

}  // namespace hb::feed
