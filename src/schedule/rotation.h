// The page on screen at an instant, as a pure function of the instant, the
// playlist and how many pages each slide has. Positions are counted from the
// Unix epoch, so screens whose clocks agree show the same page without
// talking to each other, and a content change that keeps the slides'
// lengths does not move the rotation at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
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

// Where each cycle of the playlist starts within the super-cycle (the
// rotation repeats once every rotating item slide has shown every item),
// so an instant is found by a binary search over cycles and a walk over
// one cycle's slides, not by walking the whole super-cycle.
class RotationIndex {
 public:
  // O(slides + cycles x rotating slides); cycles <= items.
  explicit RotationIndex(const RotationInput& input);

  int cycles() const { return static_cast<int>(length_before_.size()) - 1; }
  // Seconds in the super-cycle (0: nothing to show) and showings in it.
  model::UnixSeconds super_length() const { return length_before_.back(); }
  std::int64_t showings() const { return showings_before_.back(); }
  // Of the cycles before cycle c (0 <= c <= cycles()).
  model::UnixSeconds length_before(int c) const {
    return length_before_[static_cast<std::size_t>(c)];
  }
  std::int64_t showings_before(int c) const {
    return showings_before_[static_cast<std::size_t>(c)];
  }
  int rotating() const { return rotating_; }

 private:
  int rotating_ = 0;
  std::vector<model::UnixSeconds> length_before_;
  std::vector<std::int64_t> showings_before_;
};

// A rotation built once for a set of page counts and asked many times: the
// player asks at every frame, and its counts change only with the content,
// the day, the open hours and the notices.
class Rotation {
 public:
  explicit Rotation(RotationInput input) : input_(std::move(input)), index_(input_) {}

  // O(slides + log items) each.
  std::optional<PageRef> page_at(model::UnixSeconds t) const;
  std::vector<PageRef> cycle_pages(model::UnixSeconds t) const;

  const RotationInput& input() const { return input_; }

 private:
  RotationInput input_;
  RotationIndex index_;
};

// Nothing when there is nothing to show at all. Builds the index for each
// call (O(slides + items)); a caller that asks again with the same input
// keeps a Rotation instead.
std::optional<PageRef> page_at(const RotationInput& input, model::UnixSeconds t);

// Every page of the cycle of the playlist that contains t (each slide once,
// the item slides showing that cycle's items), from the cycle's start; urgent
// pages are not included. Empty when there is nothing to show.
std::vector<PageRef> cycle_pages(const RotationInput& input, model::UnixSeconds t);

}  // namespace hb::schedule
