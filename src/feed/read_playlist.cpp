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
