// 播放列表 as a form: every attribute the reader takes has a field and
// reads back the same; others are kept; bad values are refused on their
// row's field.
#include <doctest/doctest.h>

#include "console/playlist_form.h"
#include "form_test_support.h"

namespace hb::console {

using test_forms::body;
using test_forms::fields;

namespace {

const char* const kPlaylist =
    R"(<playlist screen="totem-1,totem-2" transition="slide" x-owner="kept">)"
    R"(<slide type="items" seconds="15" category="建设工程"/><slide type="item" item="530100-001"/>)"
    R"(<slide type="results" seconds="20" days="30" on="sat" from="2026-12-01" to="2026-12-31"/>)"
    R"(<slide type="poster" seconds="10"/><slide type="notices"/></playlist>)";

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
  CHECK(v.at("slide_type_4") == "poster");  // a newer tool's type, kept
  CHECK(v.at("slide_item_2") == "530100-001");
  CHECK(v.at("slide_days_3") == "30");
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
  CHECK(*back == body(R"(<playlist screen="totem-1,totem-2" transition="slide" x-owner="kept">)"
                      R"(<slide type="item" item="530100-001"/>)"
                      R"(<slide type="results" seconds="20" days="30" on="sat" from="2026-12-01" to="2026-12-31"/>)"
                      R"(<slide type="poster" seconds="10"/><slide type="notices"/>)"
                      R"(<slide type="roster" seconds="12"/></playlist>)"));
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
  };
  for (const auto& c : cases) {
    CAPTURE(c.field);
    auto v = playlist_form_values(body(kPlaylist));
    v[c.field] = c.value;
    const auto refused = playlist_from_form(body(kPlaylist), v);
    REQUIRE_FALSE(refused.ok());
    CHECK(fields(refused.error()) == std::vector<std::string>{c.problem_field});
  }
  const FormValues nothing{{"screen", "*"}, {"transition", "fade"}, {"slide_src_1", ""}, {"slide_type_1", ""}};
  const auto empty = playlist_from_form("", nothing);
  REQUIRE_FALSE(empty.ok());
  CHECK(fields(empty.error()) == std::vector<std::string>{"slide_type_1"});
}

}  // namespace hb::console
