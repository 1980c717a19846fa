// Every page the demo hall can show at one moment on one screen: each slide
// type (each item's own pages too), the urgent pages and the waiting page.
// For tests that must hold on whatever is on screen.
#pragma once

#include <string>
#include <vector>

#include "fake_measure.h"
#include "layout/pages.h"
#include "schedule_support.h"

namespace hb::test {

// The screen sizes the layout tests use: landscape and portrait 1080p, 4K,
// and the small 1366x768 of older screens.
inline constexpr std::pair<int, int> kScreenSizes[] = {
    {1920, 1080}, {1080, 1920}, {3840, 2160}, {1366, 768}};

// Moments of the demo hall that show the roster's every state: A角 at
// work with absences (11-27), 补岗 (12-01, 12-03 with an urgent notice),
// a window with nobody (12-02), the hall closed (Saturday 11-28).
inline constexpr const char* kDemoMoments[] = {"2026-11-27T10:00", "2026-11-27T14:00",
                                               "2026-12-01T10:00", "2026-12-02T10:00",
                                               "2026-12-03T10:30", "2026-11-28T10:00"};

// The slide types that show the whole hall (all but one item's pages).
inline constexpr model::SlideType kWholeHallSlides[] = {
    model::SlideType::items,       model::SlideType::roster,  model::SlideType::pledges,
    model::SlideType::commitments, model::SlideType::results, model::SlideType::stats,
    model::SlideType::notices,     model::SlideType::windows};

// Every text of the pages in reading order, a line each (the text dump of
// `render`, pages one after the other).
inline std::string pages_text(const std::vector<layout::Page>& pages) {
  std::string r;
  for (const auto& p : pages)
    for (const auto& t : layout::text_in_reading_order(p))
      r += t + "\n";
  return r;
}

inline std::vector<layout::Page> every_page(const model::Content& content, int width, int height,
                                            model::UnixSeconds now) {
  static const FakeMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, width, height);
  const auto moment = layout::moment_for(content, kZone, now);
  std::vector<layout::Page> pages;
  const auto add = [&](std::vector<layout::Page> more) {
    for (auto& p : more)
      pages.push_back(std::move(p));
  };
  for (const auto type : kWholeHallSlides) {
    model::Slide s;
    s.type = type;
    add(layout.slide(moment, s, ""));
  }
  // The hall's posters, as stand-ins: no picture sizes are known here.
  for (const auto& playlist : content.playlists)
    for (const auto& s : playlist.slides)
      if (s.type == model::SlideType::poster) add(layout.slide(moment, s, ""));
  for (const auto& it : content.items) {
    model::Slide s;
    s.type = model::SlideType::item;
    add(layout.slide(moment, s, it.id));
  }
  add(layout.urgent_pages(moment));
  pages.push_back(layout.waiting("lobby-1", "正在载入", moment));
  return pages;
}

}  // namespace hb::test
