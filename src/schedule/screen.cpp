#include "schedule/screen.h"

#include <algorithm>

#include "schedule/notices.h"
#include "schedule/playlist.h"

namespace hb::schedule {

PageCounter one_page_each(const model::Content& content, int utc_offset_minutes) {
  return [&content, utc_offset_minutes](const model::Slide& slide, model::UnixSeconds t) {
    SlidePages p;
    if (is_rotating_item_slide(slide)) {
      p.per_item.assign(content.items.size(), 1);
      return p;
    }
    p.pages = has_content(content, slide, t, utc_offset_minutes) ? 1 : 0;
    return p;
  };
}

RotationInput rotation_input(const ScreenPlan& plan, model::UnixSeconds t) {
  RotationInput in;
  in.urgent_seconds = plan.urgent_seconds;
  if (const auto since = urgent_since(*plan.content, t, plan.utc_offset_minutes)) {
    in.urgent_since = std::max(*since, plan.content_since);
    if (plan.urgent_pages) in.urgent_seconds *= std::max(1, plan.urgent_pages(t));
  }
  if (!plan.playlist) return in;
  in.slides = plan.playlist->slides;
  in.item_ids.reserve(plan.content->items.size());
  for (const auto& item : plan.content->items)
    in.item_ids.push_back(item.id);
  // The playlist's own slides, not the copies: a counter may remember counts
  // by the slide's address, which stays the same from call to call.
  for (const auto& slide : plan.playlist->slides)
    in.pages.push_back(plan.pages(slide, t));
  return in;
}

std::optional<PageRef> page_on_screen(const ScreenPlan& plan, model::UnixSeconds t) {
  return page_at(rotation_input(plan, t), t);
}

std::vector<PageRef> screen_timeline(const ScreenPlan& plan, model::UnixSeconds from,
                                     model::UnixSeconds to) {
  std::vector<PageRef> r;
  model::UnixSeconds t = from;
  while (t < to && r.size() < 100000) {
    auto page = page_on_screen(plan, t);
    const auto change = next_notice_change(*plan.content, t, plan.utc_offset_minutes);
    if (!page) {
      if (!change || *change >= to) break;
      t = *change;
      continue;
    }
    if (change && *change < page->end) page->end = *change;
    page->start = std::max(page->start, t);  // resumed mid-page after a notice change
    r.push_back(*page);
    t = page->end;
  }
  return r;
}

}  // namespace hb::schedule
