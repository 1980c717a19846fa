// The page on screen at an instant, as a pure function of the instant, the
// playlist and how many pages each slide has. Positions are counted from the
// Unix epoch, so screens whose clocks agree show the same page without
// talking to each other, and a content change that keeps the slides'
// lengths does not move the rotation at all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/content.h"

namespace hb::schedule {

// How many pages a slide has now (from layout). 0: nothing to show, skipped.
struct SlidePages {
  int pages = 0;              // every slide but a rotating item slide
  std::vector<int> per_item;  // a rotating item slide: pages of each item, in item order
};

struct RotationInput {
  std::vector<model::Slide> slides;   // the playlist's slides
  std::vector<SlidePages> pages;      // one per slide
  std::vector<std::string> item_ids;  // the items a rotating item slide steps through
  // Urgent notices pre-empt the rotation from this instant on (nothing: none active).
  std::optional<model::UnixSeconds> urgent_since;
  int urgent_seconds = 15;
};

struct PageRef {
  bool urgent = false;  // the urgent-notice page
  int slide = -1;       // index into the playlist's slides (-1 for the urgent page)
  int page = 0;         // 0-based page of the slide
  int page_count = 1;
  std::string item;  // the item shown by an item slide
  model::UnixSeconds start = 0;
  model::UnixSeconds end = 0;
};

// True when the slide steps to the next item at each showing.
bool is_rotating_item_slide(const model::Slide& slide);

// Nothing when there is nothing to show at all.
std::optional<PageRef> page_at(const RotationInput& input, model::UnixSeconds t);

// Every page of the cycle of the playlist that contains t (each slide once,
// the item slides showing that cycle's items), from the cycle's start; urgent
// pages are not included. Empty when there is nothing to show.
std::vector<PageRef> cycle_pages(const RotationInput& input, model::UnixSeconds t);

}  // namespace hb::schedule
