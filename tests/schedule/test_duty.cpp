// Who is at the window, by the spec's order of fallbacks, at the minute an
// absence starts and ends.
#include <doctest/doctest.h>

#include "schedule/duty.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

model::Content roster_with(const std::string& absences) {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  feeds.push_back(*feed::parse_feed(
      feed_doc("<roster><staff id=\"a\" name=\"李娜\"/><staff id=\"b\" name=\"王强\"/>"
               "<staff id=\"s\" name=\"赵敏\"/><staff id=\"t\" name=\"钱多\"/>"
               "<window id=\"3\" closed-note=\"请到5号窗口\"><post role=\"A\" staff=\"a\"/>"
               "<post role=\"B\" staff=\"b\"/></window>" +
               absences + "</roster>"),
      "r.xml", out));
  auto c = feed::merge(std::move(feeds), out);
  REQUIRE_MESSAGE(out.empty(), dump(out));
  return c;
}

std::string who(const model::Content& c, const char* when) {
  const auto d = schedule::duty_at(c.roster, c.roster.windows.at(0), at(when), kZone);
  if (!d.staff) return "暂停服务";
  return d.staff->id + " " + schedule::role_label(d.role);
}

}  // namespace

TEST_CASE("the order of fallbacks") {
  struct Row {
    const char* case_name;
    std::string absences;
    const char* at;
    const char* expected;
  };
  const std::string a_off =
      "<absence staff=\"a\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\"";
  const std::string b_off =
      "<absence staff=\"b\" from=\"2026-11-27T09:00\" to=\"2026-11-27T12:00\"";
  const std::vector<Row> rows = {
      {"nobody away", "", "2026-11-27T10:00", "a A角"},
      {"A away: B", a_off + "/>", "2026-11-27T10:00", "b B角"},
      {"the minute before A's absence", a_off + "/>", "2026-11-27T08:59:59", "a A角"},
      {"the minute A's absence starts", a_off + "/>", "2026-11-27T09:00", "b B角"},
      {"the last second of A's absence", a_off + "/>", "2026-11-27T11:59:59", "b B角"},
      {"the minute A's absence ends", a_off + "/>", "2026-11-27T12:00", "a A角"},
      {"A away with a substitute, B present: still B", a_off + " substitute=\"s\"/>",
       "2026-11-27T10:00", "b B角"},
      {"A and B away, A names a substitute", a_off + " substitute=\"s\"/>" + b_off + "/>",
       "2026-11-27T10:00", "s 补岗"},
      {"A and B away, only B names one", a_off + "/>" + b_off + " substitute=\"t\"/>",
       "2026-11-27T10:00", "t 补岗"},
      {"A's substitute is away too: B's substitute",
       a_off + " substitute=\"s\"/>" + b_off + " substitute=\"t\"/>" +
           "<absence staff=\"s\" from=\"2026-11-27T08:00\" to=\"2026-11-27T18:00\"/>",
       "2026-11-27T10:00", "t 补岗"},
      {"both substitutes away: nobody",
       a_off + " substitute=\"s\"/>" + b_off + " substitute=\"t\"/>" +
           "<absence staff=\"s\" from=\"2026-11-27T08:00\" to=\"2026-11-27T18:00\"/>"
           "<absence staff=\"t\" from=\"2026-11-27T08:00\" to=\"2026-11-27T18:00\"/>",
       "2026-11-27T10:00", "暂停服务"},
      {"A and B away, no substitutes", a_off + "/>" + b_off + "/>", "2026-11-27T10:00", "暂停服务"},
      {"an absence across midnight",
       "<absence staff=\"a\" from=\"2026-11-27T17:00\" to=\"2026-11-30T09:00\" substitute=\"s\"/>",
       "2026-11-28T10:00", "b B角"},
      {"an absence given in UTC",
       "<absence staff=\"a\" from=\"2026-11-27T01:00+00:00\" to=\"2026-11-27T02:00+00:00\"/>",
       "2026-11-27T09:30", "b B角"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.case_name));
    CHECK(who(roster_with(r.absences), r.at) == std::string(r.expected));
  }
}

TEST_CASE("the duty board outside opening hours says when the hall opens") {
  const auto c = roster_with("");
  const auto cal = test_calendar();
  const auto closed = schedule::duty_board(c, cal, at("2026-11-27T12:30"), kZone);
  CHECK_FALSE(closed.open);
  CHECK(closed.windows.empty());
  REQUIRE(closed.next_opening);
  CHECK(*closed.next_opening == at("2026-11-27T13:00"));
  const auto open = schedule::duty_board(c, cal, at("2026-11-27T13:00"), kZone);
  CHECK(open.open);
  REQUIRE(open.windows.size() == 1);
  CHECK(open.windows[0].window->closed_note == "请到5号窗口");
}

}  // namespace hb::test
