// Slides on a schedule (dayparting): in_force at the edges, the rotation
// leaving a slide out and bringing it back, and lint's warnings.
#include <doctest/doctest.h>

#include "schedule/screen.h"
#include "schedule/slide_schedule.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

model::SlideSchedule schedule_of(const char* on, const char* between, const char* from,
                                 const char* to) {
  model::SlideSchedule s;
  if (*on) s.on = *feed::parse_days(on);
  if (*between) {
    const auto r = *feed::parse_time_range(between);
    s.between_from = r.first;
    s.between_to = r.second;
  }
  if (*from) s.from = feed::parse_date(from);
  if (*to) s.to = feed::parse_date(to);
  return s;
}

TEST_CASE("in_force: weekdays, between [from, to), dates with both ends included") {
  struct Row {
    const char* on;
    const char* between;
    const char* from;
    const char* to;
    const char* at;  // +08:00; 2026-12-05 is a Saturday
    bool in;
  };
  const Row rows[] = {
      {"sat", "", "", "", "2026-12-05T00:00:00", true},
      {"sat", "", "", "", "2026-12-04T23:59:59", false},
      {"sat", "", "", "", "2026-12-05T23:59:59", true},
      {"sat", "", "", "", "2026-12-06T00:00:00", false},
      {"fri-mon", "", "", "", "2026-12-06T10:00", true},  // a range that wraps the week
      {"fri-mon", "", "", "", "2026-12-08T10:00", false},
      {"", "12:00-13:30", "", "", "2026-12-03T11:59:59", false},
      {"", "12:00-13:30", "", "", "2026-12-03T12:00:00", true},
      {"", "12:00-13:30", "", "", "2026-12-03T13:29:59", true},
      {"", "12:00-13:30", "", "", "2026-12-03T13:30:00", false},
      {"", "17:00-24:00", "", "", "2026-12-03T23:59:59", true},
      {"", "", "2026-12-01", "2026-12-14", "2026-11-30T23:59:59", false},
      {"", "", "2026-12-01", "2026-12-14", "2026-12-01T00:00:00", true},
      {"", "", "2026-12-01", "2026-12-14", "2026-12-14T23:59:59", true},
      {"", "", "2026-12-01", "2026-12-14", "2026-12-15T00:00:00", false},
      {"mon-fri", "12:00-13:30", "2026-12-01", "", "2026-12-05T12:30", false},
      {"mon-fri", "12:00-13:30", "2026-12-01", "", "2026-12-04T12:30", true},
  };
  for (const auto& r : rows) {
    CAPTURE(r.on);
    CAPTURE(r.between);
    CAPTURE(r.at);
    CHECK(schedule::in_force(schedule_of(r.on, r.between, r.from, r.to), at(r.at), kZone) == r.in);
  }
}

TEST_CASE("in_force: the time of day is the screen's, at its UTC offset") {
  const auto lunch = schedule_of("", "12:00-13:30", "", "");
  const model::UnixSeconds t = at("2026-12-03T04:00+00:00");  // 12:00 in Beijing
  CHECK(schedule::in_force(lunch, t, 480));
  CHECK_FALSE(schedule::in_force(lunch, t, 0));
  CHECK(schedule::in_force(lunch, t, 0 + 8 * 60 + 60));  // 13:00 at +09:00
  // Saturday 00:30 in Beijing is still Friday in UTC.
  const auto sat = schedule_of("sat", "", "", "");
  CHECK(schedule::in_force(sat, at("2026-12-05T00:30"), 480));
  CHECK_FALSE(schedule::in_force(sat, at("2026-12-05T00:30"), 0));
}

TEST_CASE("a slide's own values narrow its playlist's") {
  model::Slide s;
  s.inherited = schedule_of("sat", "", "", "");
  s.schedule = schedule_of("", "09:00-10:00", "", "");
  CHECK(schedule::in_force(s, at("2026-12-05T09:30"), kZone));
  CHECK_FALSE(schedule::in_force(s, at("2026-12-05T10:30"), kZone));
  CHECK_FALSE(schedule::in_force(s, at("2026-12-04T09:30"), kZone));  // a Friday
  CHECK(schedule::next_schedule_change(s, at("2026-12-05T09:30"), kZone) == at("2026-12-05T10:00"));
  CHECK(schedule::next_schedule_change(s, at("2026-12-05T10:30"), kZone) == at("2026-12-12T09:00"));
  model::Slide plain;
  CHECK_FALSE(schedule::next_schedule_change(plain, at("2026-12-05T10:30"), kZone));
}

struct LunchPlaylist {
  model::Content content;
  model::Playlist playlist;
  LunchPlaylist() {
    model::Item item;
    item.id = "A1";
    content.items.push_back(item);
    model::Slide list;
    list.type = model::SlideType::items;
    model::Slide poster;
    poster.type = model::SlideType::item;
    poster.item = "A1";
    poster.schedule = schedule_of("", "12:00-13:30", "", "");
    playlist.slides = {list, poster};
  }
  schedule::ScreenPlan plan() const {
    schedule::ScreenPlan p;
    p.content = &content;
    p.playlist = &playlist;
    p.utc_offset_minutes = kZone;
    p.pages = schedule::one_page_each(content, kZone);
    return p;
  }
};

TEST_CASE("the rotation leaves out a slide out of force and brings it back at the boundary") {
  const LunchPlaylist l;
  const auto plan = l.plan();
  const auto pages =
      schedule::screen_timeline(plan, at("2026-12-03T11:58"), at("2026-12-03T13:32"));
  bool poster_seen = false;
  for (const auto& p : pages) {
    const bool lunch = at("2026-12-03T12:00") <= p.start && p.start < at("2026-12-03T13:30");
    CAPTURE(p.start);
    if (!lunch) CHECK(p.slide == 0);
    if (p.slide == 1) poster_seen = true;
    // A page never runs across the edge of lunch.
    CHECK_FALSE((p.start < at("2026-12-03T12:00") && at("2026-12-03T12:00") < p.end));
    CHECK_FALSE((p.start < at("2026-12-03T13:30") && at("2026-12-03T13:30") < p.end));
  }
  CHECK(poster_seen);
  // The same instant gives the same page, whenever it is asked.
  const auto a = schedule::page_on_screen(plan, at("2026-12-03T12:10:07"));
  const auto b = schedule::page_on_screen(plan, at("2026-12-03T12:10:07"));
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->slide == b->slide);
  CHECK(a->start == b->start);
}

TEST_CASE("nothing in force: nothing to show until the next slide comes into force") {
  LunchPlaylist l;
  l.playlist.slides.erase(l.playlist.slides.begin());
  const auto plan = l.plan();
  CHECK_FALSE(schedule::page_on_screen(plan, at("2026-12-03T11:00")));
  const auto pages =
      schedule::screen_timeline(plan, at("2026-12-03T11:00"), at("2026-12-03T12:01"));
  REQUIRE_FALSE(pages.empty());
  CHECK(pages.front().start == at("2026-12-03T12:00"));
}

std::string playlist_lint(const std::string& attrs, const std::string& slides) {
  return dump(
      lint_one(feed_doc("<items><item id=\"A1\"><name>事项</name>"
                        "<deadline promised=\"1\" statutory=\"5\"/></item></items>\n"
                        "<playlist" +
                        attrs + ">\n" + slides + "</playlist>")));
}

TEST_CASE("lint: a slide never in force, and opening hours with no slide in force") {
  struct Row {
    const char* what;
    std::string attrs;
    std::string slides;
    std::string expected;  // the findings, as lint prints them
  };
  const Row rows[] = {
      {"a schedule within the hours", "",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" between=\"12:00-13:30\"/>\n",
       "(none)"},
      {"on a day the hall is closed (default hours: mon-fri)", "",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" on=\"sat\"/>\n",
       "t.xml:5:22: warning: <slide type=\"item\"> is never in force while the hall is open: its "
       "on/between (with its playlist's) miss every opening hour\n"},
      {"between outside the hours", "",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" between=\"18:00-20:00\"/>\n",
       "t.xml:5:22: warning: <slide type=\"item\"> is never in force while the hall is open: its "
       "on/between (with its playlist's) miss every opening hour\n"},
      {"a slide's on and its playlist's do not meet", " on=\"mon-wed\"",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" on=\"thu\"/>\n",
       "t.xml:4:1: warning: <playlist> has no slide in force at thu 09:00 while the hall is "
       "open; the screen shows the waiting page then\n"
       "t.xml:5:22: warning: <slide type=\"item\"> is never in force while the hall is open: its "
       "on/between (with its playlist's) miss every opening hour\n"},
      {"a slide's dates and its playlist's do not meet", " from=\"2026-12-01\" to=\"2026-12-14\"",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" from=\"2026-12-15\"/>\n",
       "t.xml:5:22: warning: <slide type=\"item\"> is never in force: its from/to and its "
       "playlist's have no day in common\n"},
      {"dates in the past are not never", "",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" to=\"2020-01-01\"/>\n", "(none)"},
      {"a gap at lunch", "",
       "<slide type=\"items\" between=\"09:00-12:00\"/>"
       "<slide type=\"item\" item=\"A1\" between=\"13:00-17:00\"/>\n",
       "t.xml:4:1: warning: <playlist> has no slide in force at mon 12:00 while the hall is "
       "open; the screen shows the waiting page then\n"},
      {"a short between between the 15-minute steps", "",
       "<slide type=\"items\"/><slide type=\"item\" item=\"A1\" between=\"12:05-12:10\"/>\n",
       "(none)"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.what));
    CHECK(playlist_lint(r.attrs, r.slides) == r.expected);
  }
}

}  // namespace
}  // namespace hb::test
