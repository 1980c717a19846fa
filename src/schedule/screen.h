// What the screen shows over time: the rotation with the notices and page
// counts that hold at each instant.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "model/content.h"
#include "schedule/rotation.h"

namespace hb::schedule {

// Pages of a slide at t (layout supplies this; see one_page_each).
using PageCounter = std::function<SlidePages(const model::Slide&, model::UnixSeconds t)>;

// Until layout counts real pages: one page for every slide (and item) that
// has something to show.
PageCounter one_page_each(const model::Content& content, int utc_offset_minutes);

struct ScreenPlan {
  const model::Content* content = nullptr;
  const model::Playlist* playlist = nullptr;
  int utc_offset_minutes = model::kDefaultUtcOffsetMinutes;
  PageCounter pages;
  // When the content on screen arrived: an urgent notice that was already
  // active then is shown from then on, not from its `from`.
  model::UnixSeconds content_since = 0;
  int urgent_seconds = 15;  // for each page of the urgent notices
  // How many pages the urgent notices in force at t take (layout supplies
  // it; unset: one). Each gets urgent_seconds, so a long notice is read whole.
  std::function<int(model::UnixSeconds t)> urgent_pages;
};

RotationInput rotation_input(const ScreenPlan& plan, model::UnixSeconds t);

// The page on screen at t; nothing when there is nothing at all to show.
// Asks the counter for every slide and builds the rotation each time
// (O(slides + items), microseconds for a thousand items); a caller asking
// again and again while the counts hold keeps a Rotation of rotation_input.
std::optional<PageRef> page_on_screen(const ScreenPlan& plan, model::UnixSeconds t);

// Pages from `from` to `to`; a page is cut short where a notice starts or
// ends, since the screen follows notices within a second.
std::vector<PageRef> screen_timeline(const ScreenPlan& plan, model::UnixSeconds from,
                                     model::UnixSeconds to);

}  // namespace hb::schedule
