// The console's absence rules (console.md, 第九条) as a table: each row an
// absence recorded on top of a small hall, and the form fields that must
// be named (none when it may be recorded).
//
// The hall's December 2026: open Monday to Friday; Wednesday 12-09 is a
// holiday; Saturday 12-12 is a 调休 working day (as Monday); 12-05/06 and
// 12-13 are an ordinary weekend. s03 is already absent on Tuesday 12-08,
// 09:00-17:00.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "console/absence_rules.h"
#include "feed/feed.h"
#include "feed/values.h"

namespace hb::console {

namespace {

constexpr const char* kHall = R"(<?xml version="1.0" encoding="UTF-8"?>
<hallboard version="1">
  <calendar>
    <hours days="mon-fri" open="09:00" close="17:00"/>
    <holiday from="2026-12-09" to="2026-12-09" name="测试节"/>
    <workday date="2026-12-12" as="mon" name="调休上班"/>
  </calendar>
  <roster>
    <staff id="s01" name="张三"/>
    <staff id="s02" name="李四"/>
    <staff id="s03" name="王五"/>
    <absence staff="s03" from="2026-12-08T09:00" to="2026-12-08T17:00" reason="病假" substitute="s02"/>
  </roster>
</hallboard>
)";

model::Content hall() {
  model::Diagnostics findings;
  std::vector<model::Feed> feeds;
  auto feed = feed::parse_feed(kHall, "hall.xml", findings);
  REQUIRE(feed);
  feeds.push_back(std::move(*feed));
  model::Content content = feed::merge(std::move(feeds), findings);
  for (const auto& d : findings) CHECK_MESSAGE(d.severity != model::Severity::error, d.message);
  REQUIRE(content.calendar);
  REQUIRE(content.roster.absences.size() == 1);
  return content;
}

std::vector<std::string> fields(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const FieldProblem& p : problems) {
    CHECK_FALSE(p.message.empty());
    out.push_back(p.field);
  }
  return out;
}

struct Row {
  const char* what;
  AbsenceInput input;
  std::vector<std::string> fields;  // expected, in order; empty: allowed
};

}  // namespace

TEST_CASE("absence rules: the substitute rule over a calendar with a weekend, a holiday and 调休") {
  const model::Content content = hall();
  const std::vector<Row> rows = {
      // Within one working day: no substitute needed.
      {"one whole day", {"s01", "2026-12-07T09:00", "2026-12-07T17:00", "年休假", ""}, {}},
      {"half a day", {"s01", "2026-12-07T09:00", "2026-12-07T12:00", "调休", ""}, {}},
      {"two hours", {"s01", "2026-12-07T14:00", "2026-12-07T16:00", "就医", ""}, {}},
      {"midnight to midnight is one day",
       {"s01", "2026-12-07T00:00", "2026-12-08T00:00", "事假", ""}, {}},
      // Two or more working days: needed.
      {"two working days", {"s01", "2026-12-07T09:00", "2026-12-08T17:00", "年休假", ""},
       {"substitute"}},
      {"two working days with a substitute",
       {"s01", "2026-12-07T09:00", "2026-12-08T17:00", "年休假", "s02"}, {}},
      {"Friday to Monday", {"s01", "2026-12-04T09:00", "2026-12-07T17:00", "年休假", ""},
       {"substitute"}},
      {"Friday to Monday with a substitute",
       {"s01", "2026-12-04T09:00", "2026-12-07T17:00", "年休假", "s02"}, {}},
      // Closed days do not count.
      {"Saturday and Sunday only", {"s01", "2026-12-05T09:00", "2026-12-06T17:00", "加班调休", ""},
       {}},
      {"the whole weekend, midnight to midnight",
       {"s01", "2026-12-05T00:00", "2026-12-07T00:00", "外出", ""}, {}},
      {"a holiday and one working day",
       {"s01", "2026-12-09T00:00", "2026-12-10T17:00", "年休假", ""}, {}},
      {"one working day and a holiday",
       {"s01", "2026-12-08T09:00", "2026-12-09T17:00", "年休假", ""}, {}},
      {"Tuesday over the holiday to Thursday: two working days",
       {"s01", "2026-12-08T09:00", "2026-12-10T17:00", "年休假", ""}, {"substitute"}},
      // A 调休 Saturday is a working day.
      {"Friday and the 调休 Saturday", {"s01", "2026-12-11T09:00", "2026-12-12T17:00", "年休假", ""},
       {"substitute"}},
      {"the 调休 Saturday and Sunday", {"s01", "2026-12-12T09:00", "2026-12-13T17:00", "年休假", ""},
       {}},
      // People.
      {"unknown staff", {"s99", "2026-12-07T09:00", "2026-12-07T17:00", "年休假", ""}, {"staff"}},
      {"no staff", {"", "2026-12-07T09:00", "2026-12-07T17:00", "年休假", ""}, {"staff"}},
      {"unknown substitute", {"s01", "2026-12-07T09:00", "2026-12-08T17:00", "年休假", "s99"},
       {"substitute"}},
      {"unknown substitute, one day", {"s01", "2026-12-07T09:00", "2026-12-07T17:00", "年休假", "s99"},
       {"substitute"}},
      {"substitute is the absent person",
       {"s01", "2026-12-07T09:00", "2026-12-07T17:00", "年休假", "s01"}, {"substitute"}},
      {"substitute absent at the same time",
       {"s01", "2026-12-07T09:00", "2026-12-08T17:00", "年休假", "s03"}, {"substitute"}},
      {"substitute absent for one hour of it",
       {"s01", "2026-12-08T16:00", "2026-12-08T18:00", "年休假", "s03"}, {"substitute"}},
      {"substitute absent right after (touching, not overlapping)",
       {"s01", "2026-12-07T09:00", "2026-12-08T09:00", "年休假", "s03"}, {}},
      {"substitute absent right before (touching, not overlapping)",
       {"s01", "2026-12-08T17:00", "2026-12-10T17:00", "年休假", "s03"}, {}},
      // Times.
      {"to equal to from", {"s01", "2026-12-07T09:00", "2026-12-07T09:00", "年休假", ""}, {"to"}},
      {"to before from", {"s01", "2026-12-07T17:00", "2026-12-07T09:00", "年休假", ""}, {"to"}},
      {"to before from across zones",
       {"s01", "2026-12-07T09:00+08:00", "2026-12-07T00:30+00:00", "年休假", ""}, {"to"}},
      {"from unreadable", {"s01", "明天", "2026-12-07T17:00", "年休假", ""}, {"from"}},
      {"to unreadable", {"s01", "2026-12-07T09:00", "2026-12-32T17:00", "年休假", ""}, {"to"}},
      {"both unreadable", {"s01", "", "2026-12-07 17", "年休假", ""}, {"from", "to"}},
      {"everything wrong", {"s99", "x", "y", "", "s99"}, {"staff", "substitute", "from", "to"}},
      // Without an offset, times are the hall's (+08:00): 01:00-23:00 is Monday only;
      // read as UTC it would run into Tuesday.
      {"no offset is +08:00", {"s01", "2026-12-07T01:00", "2026-12-07T23:00", "事假", ""}, {}},
      {"with an offset: UTC Monday evening is Tuesday in the hall",
       {"s01", "2026-12-07T16:00+00:00", "2026-12-07T20:00+00:00", "事假", ""}, {}},
      {"with an offset: two hall dates",
       {"s01", "2026-12-07T09:00+08:00", "2026-12-07T17:00+00:00", "事假", ""}, {"substitute"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    CHECK(fields(absence_problems(content, row.input, model::kDefaultUtcOffsetMinutes)) ==
          row.fields);
  }
}

TEST_CASE("absence rules: the absence being edited is left out of the substitute's absences") {
  const model::Content content = hall();
  // s03's own absence, edited to be covered by s03's colleague: ignoring it,
  // nothing else makes s03 busy.
  const AbsenceInput in{"s01", "2026-12-07T09:00", "2026-12-08T17:00", "年休假", "s03"};
  CHECK(fields(absence_problems(content, in, model::kDefaultUtcOffsetMinutes, 0)).empty());
  CHECK(fields(absence_problems(content, in, model::kDefaultUtcOffsetMinutes, -1)) ==
        std::vector<std::string>{"substitute"});
}

TEST_CASE("absence rules: without a calendar, the format's Monday to Friday applies") {
  model::Content content = hall();
  content.calendar.reset();
  // The holiday is gone: Tuesday and Wednesday are two working days.
  const AbsenceInput in{"s01", "2026-12-08T09:00", "2026-12-09T17:00", "年休假", ""};
  CHECK(fields(absence_problems(content, in, model::kDefaultUtcOffsetMinutes)) ==
        std::vector<std::string>{"substitute"});
  // Saturday is closed again.
  const AbsenceInput sat{"s01", "2026-12-12T09:00", "2026-12-13T17:00", "年休假", ""};
  CHECK(fields(absence_problems(content, sat, model::kDefaultUtcOffsetMinutes)).empty());
}

TEST_CASE("working_days_touched counts dates in the hall's zone, [from, to)") {
  const model::Content content = hall();
  const auto at = [](const char* text) {
    return model::to_unix(*feed::parse_timestamp(text), model::kDefaultUtcOffsetMinutes);
  };
  struct Case {
    const char* from;
    const char* to;
    int cap;
    int expected;
  };
  const std::vector<Case> cases = {
      {"2026-12-07T09:00", "2026-12-07T17:00", 2, 1},
      {"2026-12-07T00:00", "2026-12-08T00:00", 2, 1},  // `to` itself is not touched
      {"2026-12-07T00:00", "2026-12-08T00:00:01", 2, 2},
      {"2026-12-05T00:00", "2026-12-07T00:00", 2, 0},
      {"2026-12-07T00:00", "2026-12-14T00:00", 10, 5},  // Mon, Tue, Thu, Fri, 调休 Sat
      {"2026-12-07T00:00", "2026-12-14T00:00", 2, 2},   // counted up to the cap
      {"2026-12-09T00:00", "2026-12-10T00:00", 2, 0},   // the holiday
      {"2026-12-12T00:00", "2026-12-13T00:00", 2, 1},   // the 调休 Saturday
  };
  for (const Case& c : cases) {
    CAPTURE(c.from);
    CAPTURE(c.to);
    CHECK(working_days_touched(*content.calendar, at(c.from), at(c.to),
                               model::kDefaultUtcOffsetMinutes, c.cap) == c.expected);
  }
}

}  // namespace hb::console
