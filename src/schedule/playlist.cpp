#include "schedule/playlist.h"

#include <algorithm>

#include "schedule/local_time.h"
#include "schedule/notices.h"

namespace hb::schedule {

const model::Playlist* select_playlist(const model::Content& content, const std::string& screen) {
  const model::Playlist* fallback = nullptr;
  for (const auto& p : content.playlists) {
    for (const auto& s : p.screens) {
      if (!screen.empty() && s == screen) return &p;
      if (s == "*" && !fallback) fallback = &p;
    }
  }
  return fallback;
}

std::vector<const model::Item*> items_for(const model::Content& content,
                                          const model::Slide& slide) {
  std::vector<const model::Item*> r;
  for (const auto& item : content.items)
    if (slide.category.empty() || item.category == slide.category) r.push_back(&item);
  return r;
}

std::vector<const model::Result*> results_for(const model::Content& content,
                                              const model::Slide& slide, model::UnixSeconds t,
                                              int utc_offset_minutes) {
  const model::Date today = to_local(t, utc_offset_minutes).date;
  const model::Date first = model::add_days(today, -(slide.days - 1));
  std::vector<const model::Result*> r;
  for (const auto& result : content.results)
    if (first <= result.date && result.date <= today) r.push_back(&result);
  std::stable_sort(r.begin(), r.end(),
                   [](const auto* a, const auto* b) { return b->date < a->date; });
  return r;
}

bool has_content(const model::Content& content, const model::Slide& slide, model::UnixSeconds t,
                 int utc_offset_minutes) {
  switch (slide.type) {
    case model::SlideType::items:
      return !items_for(content, slide).empty();
    case model::SlideType::item:
      return slide.item.empty() ? !content.items.empty()
                                : std::any_of(content.items.begin(), content.items.end(),
                                              [&](const auto& i) { return i.id == slide.item; });
    case model::SlideType::roster:
    case model::SlideType::windows:
      return !content.roster.windows.empty();
    case model::SlideType::pledges:
      return !content.pledges.empty();
    case model::SlideType::commitments:
      return content.hall && !content.hall->commitments.empty();
    case model::SlideType::results:
      return !results_for(content, slide, t, utc_offset_minutes).empty();
    case model::SlideType::stats:
      return content.stats && !content.stats->windows.empty();
    case model::SlideType::notices:
      return !active_notices(content, model::NoticeLevel::info, t, utc_offset_minutes).empty();
    case model::SlideType::poster:
      return !slide.images.empty();
  }
  return false;
}

}  // namespace hb::schedule
