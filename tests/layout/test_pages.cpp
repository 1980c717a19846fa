// What the lobby sees of the demo hall's lists: pages of a slide evenly
// shared, and no page but a slide's last leaving much of its body empty.
#include <doctest/doctest.h>

#include <algorithm>

#include "demo_content.h"
#include "fake_measure.h"
#include "layout/blocks.h"
#include "layout/pages.h"
#include "schedule_support.h"

namespace hb::layout {
namespace {

const std::pair<int, int> kSizes[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}, {1366, 768}};

const model::SlideType kListSlides[] = {model::SlideType::items,   model::SlideType::roster,
                                        model::SlideType::pledges, model::SlideType::commitments,
                                        model::SlideType::results, model::SlideType::stats};

// The share of a page's body, from under the slide's heading to the
// footer, that nothing reaches into.
double empty_share(const Page& page, const Metrics& metrics) {
  int footer = metrics.height, heading = 0;
  for (const auto& e : page.elements)
    if (const auto* t = std::get_if<Ticker>(&e)) footer = std::min(footer, t->box.y);
  for (const auto& e : page.elements)
    if (const auto* t = std::get_if<TextRun>(&e);
        t && t->style.size == metrics.heading && t->style.weight == Weight::bold)
      heading = std::max(heading, t->box.y + t->box.h);
  int content = heading;
  for (const auto& e : page.elements)
    if (!std::holds_alternative<Ticker>(e) && bottom_of(e) < footer - metrics.gap / 2)
      content = std::max(content, bottom_of(e));
  return static_cast<double>(footer - metrics.gap - content) /
         static_cast<double>(std::max(footer - metrics.gap - heading, 1));
}

// The rows of cards on a page: their frames' distinct tops.
std::size_t card_rows_on(const Page& page) {
  std::vector<int> tops;
  for (const auto& e : page.elements)
    if (const auto* frame = std::get_if<StrokeRect>(&e)) tops.push_back(frame->box.y);
  std::sort(tops.begin(), tops.end());
  return static_cast<std::size_t>(std::unique(tops.begin(), tops.end()) - tops.begin());
}

std::size_t cards_on(const Page& page) {
  return static_cast<std::size_t>(
      std::count_if(page.elements.begin(), page.elements.end(),
                    [](const Element& e) { return std::holds_alternative<StrokeRect>(e); }));
}

}  // namespace

// A page of one row of cards is exempt: nothing on it can be spread, and
// two rows do not fit (the pledges at 1366x768 leave 40% of the body).
TEST_CASE("the demo's list pages leave at most 30% of the body empty, but the last") {
  const model::Content content = test::demo_content();
  test::FakeMeasure measure;
  const auto moment = moment_for(content, test::kZone, test::at("2026-11-27T10:00"));
  for (const auto& [width, height] : kSizes) {
    PageLayout layout(measure, Theme{}, width, height);
    for (const auto type : kListSlides) {
      model::Slide slide;
      slide.type = type;
      const auto pages = layout.slide(moment, slide, "");
      for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
        CAPTURE(width);
        CAPTURE(height);
        CAPTURE(model::slide_type_word(type));
        CAPTURE(i);
        if (card_rows_on(pages[i]) != 1) CHECK(empty_share(pages[i], layout.metrics()) <= 0.3);
      }
    }
  }
}

TEST_CASE("the demo's cards share a slide's pages evenly, give or take one") {
  const model::Content content = test::demo_content();
  test::FakeMeasure measure;
  const auto moment = moment_for(content, test::kZone, test::at("2026-11-27T10:00"));
  for (const auto& [width, height] : kSizes) {
    PageLayout layout(measure, Theme{}, width, height);
    for (const auto type : {model::SlideType::roster, model::SlideType::pledges}) {
      model::Slide slide;
      slide.type = type;
      const auto pages = layout.slide(moment, slide, "");
      std::size_t fewest = static_cast<std::size_t>(-1), most = 0;
      for (const auto& page : pages) {
        fewest = std::min(fewest, cards_on(page));
        most = std::max(most, cards_on(page));
      }
      CAPTURE(width);
      CAPTURE(height);
      CAPTURE(model::slide_type_word(type));
      CHECK(most - fewest <= 1);
    }
  }
}

}  // namespace hb::layout
