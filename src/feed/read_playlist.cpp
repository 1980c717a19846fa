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

model::PosterFrame read_frame(ElementReader& e, model::PosterFrame otherwise) {
  return e
      .enum_attr<model::PosterFrame>(
          "frame", {{"hall", model::PosterFrame::hall}, {"full", model::PosterFrame::full}})
      .value_or(otherwise);
}

// What a picture's name says it is: only PNG and JPEG are drawn. The query
// and fragment of a URL are no part of the name.
bool picture_name_ok(std::string_view src) {
  src = src.substr(0, src.find_first_of("?#"));
  const auto dot = src.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(src.substr(dot + 1));
  for (auto& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext == "png" || ext == "jpg" || ext == "jpeg";
}

// A poster's <image> children; at most model::kMaxPosterImages of them are
// even looked at, so a slide of 10 000 costs a warning, not 10 000 pages.
void read_images(ElementReader& s, model::Slide& slide) {
  const auto nodes = s.children("image");
  if (slide.type != model::SlideType::poster) {
    if (!nodes.empty())
      s.findings().warning(where_of_node(s.findings().text(), nodes.front()),
                           s.label() + " is not a poster: its <image> elements are ignored");
    return;
  }
  if (nodes.size() > model::kMaxPosterImages)
    s.findings().warning(where_of_node(s.findings().text(), nodes[model::kMaxPosterImages]),
                         s.label() + " has " + std::to_string(nodes.size()) +
                             " images; a poster shows at most " +
                             std::to_string(model::kMaxPosterImages) +
                             ", the rest are left out");
  for (std::size_t i = 0; i < nodes.size() && i < model::kMaxPosterImages; ++i) {
    ElementReader e(s.findings(), nodes[i]);
    model::PosterImage image;
    image.where = e.where();
    const auto src = e.text_attr("src", Need::required);
    image.seconds = static_cast<int>(e.whole_attr("seconds", Need::optional, 1, 3600)
                                         .value_or(slide.seconds));
    image.alt = e.text_attr("alt").value_or("");
    e.finish();
    if (!src) continue;
    if (!picture_name_ok(*src)) {
      e.findings().error(e.where_of("src"), "<image src=\"" + *src +
                                                "\"> is not a PNG or JPEG picture (.png, .jpg or "
                                                ".jpeg); it is left out");
      continue;
    }
    if (!web_safe_picture(e, "src", *src, slide.base_url)) continue;
    image.src = *src;
    slide.images.push_back(std::move(image));
  }
  if (slide.images.empty())
    s.findings().warning(s.where(), s.label() + " is a poster with no <image src=\"…\"> it can "
                                                "show; it is skipped");
}

}  // namespace

model::Playlist read_playlist(ElementReader& e, const std::string& base_url) {
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
  playlist.frame = read_frame(e, model::PosterFrame::hall);
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
    slide.frame = read_frame(s, playlist.frame);
    slide.base_url = base_url;
    const auto known = type ? model::slide_type_of(*type) : std::nullopt;
    if (known) {
      slide.type = *known;
      read_images(s, slide);
    } else {
      s.children("image");  // a slide skipped already has its warning
    }
    s.finish();
    if (!type) continue;
    if (!known) {
      std::vector<std::string_view> words;
      for (const auto& names : model::kSlideTypeNames)
        words.push_back(names.word);
      e.findings().warning(s.where_of("type"), "<slide type=\"" + *type +
                                                   "\"> is not a slide type this player knows (" +
                                                   join_alternatives(words) + "); it is skipped");
      continue;
    }
    if (slide.type == model::SlideType::poster && slide.images.empty()) continue;
    playlist.slides.push_back(std::move(slide));
  }
  e.finish();
  if (playlist.slides.empty())
    e.findings().warning(e.where(), e.label() + " has no slides it can show");
  return playlist;
}

}  // namespace hb::feed
