// 月度统计 as a form: both ways of giving ratings read back the same; the
// editor picks one way per window; bad counts are refused on their cell.
#include <doctest/doctest.h>

#include "console/stats_form.h"
#include "form_test_support.h"

namespace hb::console {

using test_forms::body;
using test_forms::fields;

namespace {

const char* const kStats =
    R"(<stats month="2026-10"><window id="1" handled="412" ontime="409" rated="405" satisfied="398"/>)"
    R"(<window id="2" handled="30" ontime="30"><ratings very-satisfied="20" satisfied="5" basic="3")"
    R"( dissatisfied="1" very-dissatisfied="0"/></window><window id="3" handled="0" ontime="0" x-note="kept"/></stats>)";

}  // namespace

TEST_CASE("stats form: element → form values → element is the same element") {
  for (const char* xml : {kStats, R"(<stats month="2026-01"/>)"}) {
    CAPTURE(xml);
    const auto back = stats_from_form(body(xml), stats_form_values(body(xml)));
    REQUIRE(back.ok());
    CHECK(*back == body(xml));
  }
}

TEST_CASE("stats form: each window row says which way its ratings are given") {
  const auto v = stats_form_values(body(kStats));
  CHECK(v.at("month") == "2026-10");
  CHECK(v.at("window_way_1") == "rated");
  CHECK(v.at("window_rated_1") == "405");
  CHECK(v.at("window_way_2") == "levels");
  CHECK(v.at("window_vs_2") == "20");
  CHECK(v.at("window_vdis_2") == "0");
  CHECK(v.at("window_rated_2").empty());
}

TEST_CASE("stats form: switching a window to the five levels writes <ratings>; a row without counts goes") {
  auto v = stats_form_values(body(kStats));
  v["window_way_1"] = "levels";
  v["window_rated_1"] = v["window_satisfied_1"] = "";
  for (const char* f : {"vs", "s", "basic", "dis", "vdis"}) v[std::string("window_") + f + "_1"] = "1";
  v["window_handled_3"] = v["window_ontime_3"] = "";  // window 3 still chosen, no counts: left out
  const auto back = stats_from_form(body(kStats), v);
  REQUIRE(back.ok());
  CHECK(back->find(R"(<window id="1" handled="412" ontime="409"><ratings very-satisfied="1" satisfied="1" basic="1" dissatisfied="1" very-dissatisfied="1"/></window>)") != std::string::npos);
  CHECK(back->find(R"(id="3")") == std::string::npos);
}

struct BadStats {
  const char* field;
  const char* value;
  const char* problem_field;
};

TEST_CASE("stats form: a bad value is a problem on its own cell") {
  const BadStats cases[] = {
      {"month", "2026-13", "month"},
      {"month", "", "month"},
      {"window_handled_1", "四百", "window_handled_1"},
      {"window_handled_1", "", "window_handled_1"},
      {"window_ontime_1", "413", "window_ontime_1"},      // more than handled
      {"window_satisfied_1", "406", "window_satisfied_1"},  // more than rated
      {"window_rated_1", "", "window_rated_1"},           // satisfied without rated
      {"window_id_2", "1", "window_id_2"},                // window 1 twice
      {"window_id_2", "", "window_id_2"},                 // counts without a window
      {"window_basic_2", "", "window_basic_2"},           // a level left out
      {"window_rated_2", "30", "window_rated_2"},         // the other way's cell filled
      {"window_vs_1", "3", "window_vs_1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.field);
    CAPTURE(c.value);
    auto v = stats_form_values(body(kStats));
    v[c.field] = c.value;
    const auto refused = stats_from_form(body(kStats), v);
    REQUIRE_FALSE(refused.ok());
    CHECK(fields(refused.error()) == std::vector<std::string>{c.problem_field});
  }
}

TEST_CASE("stats form: the month after") {
  CHECK(next_month("2026-10") == "2026-11");
  CHECK(next_month("2026-12") == "2027-01");
  CHECK(next_month("2026-09") == "2026-10");
  CHECK(next_month("").empty());
}

}  // namespace hb::console
