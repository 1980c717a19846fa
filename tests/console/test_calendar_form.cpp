// 日历 as a form: the demo calendar reads back the same; bad lines are
// refused with their field and line number.
#include <doctest/doctest.h>

#include "console/calendar_form.h"
#include "demo_content.h"

namespace hb::console {

TEST_CASE("calendar form: the demo calendar survives a round trip") {
  const model::Calendar demo = *test::demo_content().calendar;
  const auto back = calendar_from_form(calendar_form_values(demo));
  REQUIRE(back.ok());
  REQUIRE(back->hours.size() == demo.hours.size());
  for (std::size_t i = 0; i < demo.hours.size(); ++i) {
    CHECK(back->hours[i].days == demo.hours[i].days);
    CHECK(back->hours[i].open == demo.hours[i].open);
    CHECK(back->hours[i].close == demo.hours[i].close);
  }
  REQUIRE(back->holidays.size() == demo.holidays.size());
  for (std::size_t i = 0; i < demo.holidays.size(); ++i) {
    CHECK(back->holidays[i].from == demo.holidays[i].from);
    CHECK(back->holidays[i].to == demo.holidays[i].to);
    CHECK(back->holidays[i].name == demo.holidays[i].name);
  }
  REQUIRE(back->workdays.size() == demo.workdays.size());
  for (std::size_t i = 0; i < demo.workdays.size(); ++i) {
    CHECK(back->workdays[i].date == demo.workdays[i].date);
    CHECK(back->workdays[i].as == demo.workdays[i].as);
  }
}

TEST_CASE("calendar form: lines that cannot be read are refused, naming the line") {
  const std::map<std::string, std::string> form{
      {"hours", "mon-fri 09:00-12:00\nsomeday 9-5\n"},
      {"holidays", "2026-10-08 2026-10-01 倒过来\n"},
      {"workdays", "2026-09-28 fri 调休\n2026-13-01 fri 不存在\n"}};
  const auto refused = calendar_from_form(form);
  REQUIRE_FALSE(refused.ok());
  REQUIRE(refused.error().size() == 3);
  CHECK(refused.error()[0].field == "hours");
  CHECK(refused.error()[0].message.find("第 2 行") != std::string::npos);
  CHECK(refused.error()[1].field == "holidays");
  CHECK(refused.error()[2].field == "workdays");
  CHECK_FALSE(calendar_from_form({{"hours", ""}}).ok());  // a calendar needs opening hours
}

}  // namespace hb::console
