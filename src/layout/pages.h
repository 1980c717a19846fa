// Layout's public face: (content, schedule state at t, screen size) ->
// pages of positioned elements. Pure: time comes in as a parameter and text
// is measured through the renderer's TextMeasurer.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/line_break.h"
#include "layout/theme.h"
#include "layout/typeset.h"
#include "model/content.h"
#include "schedule/rotation.h"

namespace hb::layout {

// The state of the world a page is drawn for.
struct Moment {
  const model::Content* content = nullptr;
  model::Calendar calendar;  // the content's, or the format's default
  int utc_offset_minutes = model::kDefaultUtcOffsetMinutes;
  model::UnixSeconds now = 0;
};

Moment moment_for(const model::Content& content, int utc_offset_minutes, model::UnixSeconds now);

// A rectangle of the page that content may fill.
struct Area {
  int x, y, w, h;
};

// A column at the right of every page of a slide (a QR code, deadlines).
struct Side {
  int width = 0;
  std::function<void(Page&, const Area&)> draw;
};

class PageLayout {
 public:
  PageLayout(const TextMeasurer& measure, Theme theme, int width, int height);

  // Every page of one slide; for an item slide, of `item` (an item id).
  // Empty when the slide has nothing to show.
  std::vector<Page> slide(const Moment& m, const model::Slide& slide, const std::string& item);
  // How many pages the slide has at this moment, for the rotation; a
  // rotating item slide counts the pages of every item.
  schedule::SlidePages count(const Moment& m, const model::Slide& slide);

  // The page of the urgent notices in force (pre-empts the rotation).
  Page urgent(const Moment& m);
  // Shown while there is no content yet.
  Page waiting(const std::string& screen_id, const std::string& message, const Moment& m);

  const Metrics& metrics() const { return m_; }

 private:
  // Header, urgent banner and footer ticker; returns the area left for content.
  Area chrome(Page& page, const Moment& m);
  // Heading of a slide and the page indicator; returns the area below it.
  Area heading(Page& page, const Area& area, const std::string& title);
  std::vector<Page> paged(const Moment& m, const std::string& type, const std::string& title,
                          const std::vector<struct Block>& blocks, const struct Block* header,
                          const std::string& item = "", const Side& side = Side());

  std::vector<Page> items(const Moment& m, const model::Slide& s);
  std::vector<Page> item(const Moment& m, const model::Item& item);
  std::vector<Page> roster(const Moment& m);
  std::vector<Page> pledges(const Moment& m);
  std::vector<Page> commitments(const Moment& m);
  std::vector<Page> results(const Moment& m, const model::Slide& s);
  std::vector<Page> stats(const Moment& m);
  std::vector<Page> notices(const Moment& m);

  TextStyle style(int size, bool bold = false) const {
    return TextStyle{size, bold ? Weight::bold : Weight::regular};
  }

  const TextMeasurer& measure_;
  LineBreaker breaker_;
  Typesetter ts_;
  Theme theme_;
  Metrics m_;
};

}  // namespace hb::layout
