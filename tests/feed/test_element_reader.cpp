// Lint's warnings about dates far in the future, judged by a clock the
// command passes in (the parser reads none): a `generated` a screen would
// refuse, and any date a decade or more ahead.
#include <doctest/doctest.h>

#include "feed/feed.h"
#include "support.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("lint: generated and dates implausibly far after lint's clock") {
  constexpr std::int64_t kNov28 = 1795795200;  // 2026-11-28T00:00:00+08:00
  struct Row {
    const char* name;
    std::string marked;  // ⚑ where the warning points; none: no warning
    const char* message;
  };
  const std::vector<Row> rows = {
      {"generated in year 9999",
       "<hallboard version=\"1\" ⚑generated=\"9999-12-31T00:00\"><hall name=\"x\"/></hallboard>",
       "generated=\"9999-12-31T00:00\" is ahead of this computer's clock "
       "(2026-11-28T00:00:00+08:00) by more than the 86400 seconds a screen allows"},
      {"generated two days ahead",
       "<hallboard version=\"1\" ⚑generated=\"2026-11-30T00:01\"><hall name=\"x\"/></hallboard>",
       "screens refuse this version and keep the one they have"},
      {"generated within a day",
       "<hallboard version=\"1\" generated=\"2026-11-28T23:59\"><hall name=\"x\"/></hallboard>",
       ""},
      {"a holiday in 9999",
       "<hallboard version=\"1\"><calendar><holiday from=\"2026-01-01\" ⚑to=\"9999-01-03\" "
       "name=\"元旦\"/></calendar></hallboard>",
       "to=\"9999-01-03\" is more than 10 years after today (2026-11-28); a typing mistake?"},
      {"a workday ten years ahead, to the day",
       "<hallboard version=\"1\"><calendar><workday date=\"2036-11-28\" as=\"fri\"/></calendar>"
       "</hallboard>",
       ""},
      {"a workday ten years and a day ahead",
       "<hallboard version=\"1\"><calendar><workday ⚑date=\"2036-11-29\" as=\"fri\"/>"
       "</calendar></hallboard>",
       "is more than 10 years after today"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const Marked m = unmark(r.marked);
    feed::Limits limits;
    limits.now = kNov28;
    model::Diagnostics all;
    REQUIRE(feed::parse_feed(m.text, "f.xml", all, limits));
    INFO(dump(all));
    model::Diagnostics out;  // the warnings about time (a calendar without hours has its own)
    for (const auto& d : all)
      if (d.message.find(" after today") != std::string::npos ||
          d.message.find("ahead of this computer's clock") != std::string::npos)
        out.push_back(d);
    if (*r.message == '\0') {
      CHECK(out.empty());
      continue;
    }
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == model::Severity::warning);
    CHECK(out[0].where.line == m.line);
    CHECK(out[0].where.column == m.column);
    CHECK(out[0].message.find(r.message) != std::string::npos);
    // Without lint's clock (the player, plan, render): nothing is said.
    model::Diagnostics quiet;
    REQUIRE(feed::parse_feed(m.text, "f.xml", quiet));
    CHECK(quiet.size() == all.size() - 1);
  }
}

TEST_CASE("feeds name the hall they are for") {
  model::Diagnostics out;
  const auto f = feed::parse_feed(
      "<hallboard version=\"1\" hall=\"530103-zwfw\"><hall name=\"x\"/></hallboard>", "f.xml", out);
  INFO(dump(out));
  CHECK(out.empty());
  REQUIRE(f);
  CHECK(f->hall_id == "530103-zwfw");
}

TEST_SUITE_END();

}  // namespace hb::test
