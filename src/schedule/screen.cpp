#include "schedule/screen.h"

#include <algorithm>

#include "schedule/notices.h"
#include "schedule/playlist.h"
#include "schedule/slide_schedule.h"

namespace hb::schedule {
namespace {

// Where a page is cut short: a notice starts or ends, or a slide comes into
// force or leaves it. Schedules are looked at `days` ahead: one while a page
// is shown (a page is shorter than that), so a long timeline stays cheap.
std::optional<model::UnixSeconds> next_change(const ScreenPlan& plan, model::UnixSeconds t,
                                              int days) {
  auto change = next_notice_change(*plan.content, t, plan.utc_offset_minutes);
  if (!plan.playlist) return change;
  if (const auto s = next_schedule_change(*plan.playlist, t, plan.utc_offset_minutes, days))
    change = change ? std::min(*change, *s) : *s;
  return change;
}

}  // namespace

PageCounter one_page_each(const model::Content& content, int utc_offset_minutes) {
  return [&content, utc_offset_minutes](const model::Slide& slide, model::UnixSeconds t) {
    SlidePages p;
    if (is_rotating_item_slide(slide)) {
      p.per_item.assign(content.items.size(), 1);
      return p;
    }
    p.pages = has_content(content, slide, t, utc_offset_minutes) ? 1 : 0;
    // A poster's pages are its pictures, known without laying them out.
    // As many as the layout makes: at most kMaxPosterImages, whatever the slide holds.
    if (slide.type == model::SlideType::poster)
      p.pages = static_cast<int>(std::min(slide.images.size(), model::kMaxPosterImages));
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
  // A slide out of force (its `on`, `between`, `from`/`to`) has nothing to
  // show, like an empty one: it is neither counted nor laid out.
  for (const auto& slide : plan.playlist->slides)
    in.pages.push_back(in_force(slide, t, plan.utc_offset_minutes) ? plan.pages(slide, t)
                                                                   : SlidePages{});
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
    if (!page) {
      const auto change = next_change(plan, t, 400);
      if (!change || *change >= to) break;
      t = *change;
      continue;
    }
    const auto change = next_change(plan, t, 1);
    if (change && *change < page->end) page->end = *change;
    page->start = std::max(page->start, t);  // resumed mid-page after a notice change
    r.push_back(*page);
    t = page->end;
  }
  return r;
}

}  // namespace hb::schedule
