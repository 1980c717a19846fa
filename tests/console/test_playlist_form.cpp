// 播放列表 as a form: every attribute the reader takes has a field and
// reads back the same; others are kept; bad values are refused on their
// row's field.
#include <doctest/doctest.h>

#include <algorithm>

#include "console/playlist_form.h"
#include "console/schedule_fields.h"
#include "form_test_support.h"

namespace hb::console {

using test_forms::body;
using test_forms::fields;

namespace {

const char* const kPlaylist =
    R"(<playlist screen="totem-1,totem-2" transition="slide" x-owner="kept" on="mon-fri" from="2026-12-01">)"
    R"(<slide type="items" seconds="15" category="建设工程"/><slide type="item" item="530100-001"/>)"
    R"(<slide type="results" seconds="20" days="30" on="sat" from="2026-12-01" to="2026-12-31"/>)"
    R"(<slide type="poster" seconds="10" between="12:00-13:30"/><slide type="notices" on="mon,wed"/></playlist>)";

}  // namespace

TEST_CASE("playlist form: element → form values → element is the same element") {
  for (const char* xml : {kPlaylist, R"(<playlist screen="*" transition="none"><slide type="stats"/></playlist>)"}) {
    CAPTURE(xml);
    const auto back = playlist_from_form(body(xml), playlist_form_values(body(xml)));
    REQUIRE(back.ok());
    CHECK(*back == body(xml));
  }
}

TEST_CASE("playlist form: the values, and the reader's defaults for what is not given") {
  const auto v = playlist_form_values(body(kPlaylist));
  CHECK(v.at("screen") == "totem-1,totem-2");
  CHECK(v.at("slide_type_4") == "poster");
  CHECK(v.at("slide_item_2") == "530100-001");
  CHECK(v.at("slide_days_3") == "30");
  // 播放时间: the playlist's and each slide's.
  CHECK(v.at("on") == "mon-fri");
  CHECK(v.at("from") == "2026-12-01");
  CHECK(v.at("to").empty());
  CHECK(v.at("slide_on_3") == "sat");
  CHECK(v.at("slide_to_3") == "2026-12-31");
  CHECK(v.at("slide_between_4") == "12:00-13:30");
  CHECK(v.at("slide_on_5") == "mon,wed");
  const auto fresh = playlist_form_values("");
  CHECK(fresh.at("screen") == "*");
  CHECK(fresh.at("transition") == "fade");
  CHECK(row_count(fresh, "slide") == 0);
}

TEST_CASE("playlist form: rows in the order given, an emptied one removed, the rest keep their attributes") {
  auto v = playlist_form_values(body(kPlaylist));
  // Row 1 emptied; a new slide added last; the screens written tidily.
  v["slide_type_1"] = v["slide_seconds_1"] = v["slide_category_1"] = "";
  v["slide_src_6"] = "";
  v["slide_type_6"] = "roster";
  v["slide_seconds_6"] = "12";
  v["screen"] = " totem-1 , totem-2 ";
  const auto back = playlist_from_form(body(kPlaylist), v);
  REQUIRE(back.ok());
  CHECK(*back == body(R"(<playlist screen="totem-1,totem-2" transition="slide" x-owner="kept" on="mon-fri" from="2026-12-01">)"
                      R"(<slide type="item" item="530100-001"/>)"
                      R"(<slide type="results" seconds="20" days="30" on="sat" from="2026-12-01" to="2026-12-31"/>)"
                      R"(<slide type="poster" seconds="10" between="12:00-13:30"/><slide type="notices" on="mon,wed"/>)"
                      R"(<slide type="roster" seconds="12"/></playlist>)"));
}

TEST_CASE("playlist form: editing keeps a poster slide's frame and its <image> pictures") {
  const char* const xml =
      R"(<playlist screen="*" transition="fade"><slide type="stats"/>)"
      R"(<slide type="poster" seconds="10" frame="full"><image src="p/a.png" alt="办事指南" seconds="20"/>)"
      R"(<image src="https://hall.example.cn/b.jpg"/></slide></playlist>)";
  auto v = playlist_form_values(body(xml));
  CHECK(v.at("slide_type_2") == "poster");
  // Another row's and the poster's own seconds changed; the pictures stay.
  v["slide_seconds_1"] = "30";
  v["slide_seconds_2"] = "12";
  const auto back = playlist_from_form(body(xml), v);
  REQUIRE(back.ok());
  CHECK(*back == body(R"(<playlist screen="*" transition="fade"><slide type="stats" seconds="30"/>)"
                      R"(<slide type="poster" seconds="12" frame="full"><image src="p/a.png" alt="办事指南" seconds="20"/>)"
                      R"(<image src="https://hall.example.cn/b.jpg"/></slide></playlist>)"));
}

struct BadPlaylist {
  const char* field;
  const char* value;
  const char* problem_field;
};

TEST_CASE("playlist form: a bad value is a problem on its own field") {
  const BadPlaylist cases[] = {
      {"screen", " , ", "screen"},
      {"transition", "zoom", "transition"},
      {"slide_seconds_1", "0", "slide_seconds_1"},
      {"slide_seconds_2", "十五", "slide_seconds_2"},
      {"slide_days_3", "9999", "slide_days_3"},
      {"slide_type_2", "", "slide_type_2"},      // the row still has an item
      {"slide_type_5", "banner", "slide_type_5"},  // not a type, and not the one it had
      {"on", "weekdays", "on"},
      {"between", "12:00", "between"},
      {"between", "13:30-12:00", "between"},  // ends before it starts
      {"between", "22:00-02:00", "between"},  // across midnight
      {"from", "2026/12/01", "from"},
      {"to", "2026-11-30", "to"},  // before the playlist's from
      {"slide_on_1", "everyday", "slide_on_1"},
      {"slide_between_2", "午休", "slide_between_2"},
      {"slide_from_3", "2027-01-01", "slide_to_3"},  // after its to: said on the end date
      {"slide_to_4", "2026-02-30", "slide_to_4"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.field);
    auto v = playlist_form_values(body(kPlaylist));
    v[c.field] = c.value;
    const auto refused = playlist_from_form(body(kPlaylist), v);
    REQUIRE_FALSE(refused.ok());
    CHECK(fields(refused.error()) == std::vector<std::string>{c.problem_field});
  }
  // A row that only says when is still a row: it needs its content.
  auto timed = playlist_form_values(body(kPlaylist));
  timed["slide_src_6"] = "";
  timed["slide_between_6"] = "12:00-13:00";
  const auto no_type = playlist_from_form(body(kPlaylist), timed);
  REQUIRE_FALSE(no_type.ok());
  CHECK(fields(no_type.error()) == std::vector<std::string>{"slide_type_6"});
  const FormValues nothing{{"screen", "*"}, {"transition", "fade"}, {"slide_src_1", ""}, {"slide_type_1", ""}};
  const auto empty = playlist_from_form("", nothing);
  REQUIRE_FALSE(empty.ok());
  CHECK(fields(empty.error()) == std::vector<std::string>{"slide_type_1"});
}

TEST_CASE("playlist form: a time range is written as the feed writes it, whatever dash was typed") {
  for (const char* typed : {"12:00-13:30", " 12:00 - 13:30 ", "12:00—13:30", "12:00～13:30", "12:00至13:30", "12:00~13:30"}) {
    CAPTURE(typed);
    auto v = playlist_form_values(body(kPlaylist));
    v["slide_between_1"] = typed;
    const auto back = playlist_from_form(body(kPlaylist), v);
    REQUIRE(back.ok());
    CHECK(back->find(R"(category="建设工程" between="12:00-13:30")") != std::string::npos);
  }
}

TEST_CASE("playlist form: the 星期 choices keep a value the list does not have") {
  const auto choices = weekday_choices({"", "mon-fri", "mon,wed"});
  CHECK(choices.front() == std::pair<std::string, std::string>{"", "每天"});
  CHECK(std::count_if(choices.begin(), choices.end(), [](const auto& c) { return c.first == "mon-fri"; }) == 1);
  CHECK(choices.back() == std::pair<std::string, std::string>{"mon,wed", "mon,wed"});
}

}  // namespace hb::console
