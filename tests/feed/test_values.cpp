#include <doctest/doctest.h>

#include "feed/values.h"

namespace hb::feed {

TEST_CASE("whole numbers, booleans, money") {
  struct Row {
    const char* text;
    std::optional<long long> whole;
    std::optional<bool> boolean;
    std::optional<long long> fen;
  };
  const Row rows[] = {
      {"0", 0, false, 0},
      {"1", 1, true, 100},
      {"10", 10, std::nullopt, 1000},
      {"10.5", std::nullopt, std::nullopt, 1050},
      {"10.50", std::nullopt, std::nullopt, 1050},
      {"10.05", std::nullopt, std::nullopt, 1005},
      {"10.005", std::nullopt, std::nullopt, std::nullopt},
      {"10.", std::nullopt, std::nullopt, std::nullopt},
      {".5", std::nullopt, std::nullopt, std::nullopt},
      {"-1", std::nullopt, std::nullopt, std::nullopt},
      {"+1", std::nullopt, std::nullopt, std::nullopt},
      {"", std::nullopt, std::nullopt, std::nullopt},
      {"１０", std::nullopt, std::nullopt, std::nullopt},
      {"true", std::nullopt, true, std::nullopt},
      {"false", std::nullopt, false, std::nullopt},
      {"TRUE", std::nullopt, std::nullopt, std::nullopt},
      {"yes", std::nullopt, std::nullopt, std::nullopt},
      {"9999999999999", std::nullopt, std::nullopt, std::nullopt},
      {"¥10", std::nullopt, std::nullopt, std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.text));
    CHECK(parse_whole_number(r.text) == r.whole);
    CHECK(parse_boolean(r.text) == r.boolean);
    const auto money = parse_money(r.text);
    CHECK(money.has_value() == r.fen.has_value());
    if (money && r.fen) CHECK(money->fen == *r.fen);
  }
  CHECK(format_money(model::Money{1050}) == "10.50");
  CHECK(format_money(model::Money{1000}) == "10");
  CHECK(format_money(model::Money{5}) == "0.05");
}

TEST_CASE("dates, times, months and timestamps") {
  CHECK(parse_date("2026-11-27") == model::Date{2026, 11, 27});
  CHECK(parse_date("2028-02-29") == model::Date{2028, 2, 29});
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-11-27",
                          "2026/11/27", "2026-11-27T00:00", "2100-02-29", "0000-01-01"}) {
    CAPTURE(std::string(bad));
    CHECK_FALSE(parse_date(bad));
  }
  CHECK(parse_date("2000-02-29").has_value());

  CHECK(parse_time_of_day("00:00", false)->minutes == 0);
  CHECK(parse_time_of_day("23:59", false)->minutes == 23 * 60 + 59);
  CHECK_FALSE(parse_time_of_day("24:00", false));
  CHECK(parse_time_of_day("24:00", true)->minutes == 1440);
  for (const char* bad : {"9:00", "09:60", "25:00", "24:01", "09-00", "0900", " 09:00"}) {
    CAPTURE(std::string(bad));
    CHECK_FALSE(parse_time_of_day(bad, true));
  }

  CHECK(parse_month("2026-10") == std::pair{2026, 10});
  CHECK_FALSE(parse_month("2026-13"));
  CHECK_FALSE(parse_month("2026-1"));

  struct Row {
    const char* text;
    bool ok;
    int seconds_of_day;
    std::optional<int> offset;
  };
  const Row rows[] = {
      {"2026-11-27T08:00", true, 8 * 3600, std::nullopt},
      {"2026-11-27T08:00:30", true, 8 * 3600 + 30, std::nullopt},
      {"2026-11-27T08:00:00+08:00", true, 8 * 3600, 480},
      {"2026-11-27T08:00-05:30", true, 8 * 3600, -330},
      {"2026-11-27T23:59:59+00:00", true, 86399, 0},
      {"2026-11-27T08:00Z", false, 0, std::nullopt},  // lint suggests +00:00
      {"2026-11-27T08:00+8", false, 0, std::nullopt},
      {"2026-11-27 08:00", false, 0, std::nullopt},
      {"2026-11-27T24:00", false, 0, std::nullopt},
      {"2026-11-27T08:00:60", false, 0, std::nullopt},
      {"2026-11-27", false, 0, std::nullopt},
      {"2026-11-27T08:00+08:00x", false, 0, std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.text));
    const auto t = parse_timestamp(r.text);
    REQUIRE(t.has_value() == r.ok);
    if (!t) continue;
    CHECK(t->seconds_of_day == r.seconds_of_day);
    CHECK(t->utc_offset_minutes == r.offset);
  }
  // 2026-11-27T08:00+08:00 is 00:00Z.
  CHECK(model::to_unix(*parse_timestamp("2026-11-27T08:00+08:00"), 0) ==
        model::days_from_civil({2026, 11, 27}) * 86400);
  CHECK(model::to_unix(*parse_timestamp("2026-11-27T08:00"), 480) ==
        model::days_from_civil({2026, 11, 27}) * 86400);
}

TEST_CASE("weekday lists and offsets") {
  using A = std::array<bool, 7>;
  CHECK(parse_days("mon-fri") == A{true, true, true, true, true, false, false});
  CHECK(parse_days("sat") == A{false, false, false, false, false, true, false});
  CHECK(parse_days("mon,wed,fri") == A{true, false, true, false, true, false, false});
  CHECK(parse_days("mon-wed, fri") == A{true, true, true, false, true, false, false});
  CHECK(parse_days("sat-mon") == A{true, false, false, false, false, true, true});
  for (const char* bad : {"", "weekdays", "Mon-Fri", "mon-", "mon,,fri", "mon-fri-sat", "周一"}) {
    CAPTURE(std::string(bad));
    CHECK_FALSE(parse_days(bad));
  }
  CHECK(parse_utc_offset("+08:00") == 480);
  CHECK(parse_utc_offset("-03:30") == -210);
  CHECK(parse_utc_offset("UTC") == 0);
  CHECK(parse_utc_offset("Asia/Shanghai") == 480);
  CHECK_FALSE(parse_utc_offset("CST"));
  CHECK_FALSE(parse_utc_offset("+8"));
  CHECK(model::weekday_of({2026, 11, 27}) == model::Weekday::fri);
  CHECK(model::weekday_of({1970, 1, 1}) == model::Weekday::thu);
  CHECK(model::weekday_of({2028, 2, 29}) == model::Weekday::tue);
  CHECK(model::civil_from_days(model::days_from_civil({2028, 2, 29}) + 1) ==
        model::Date{2028, 3, 1});
}

TEST_CASE("URLs") {
  CHECK(is_http_url("https://zwfw.example.gov.cn/x"));
  CHECK(is_http_url("http://127.0.0.1:8080/a.xml"));
  CHECK_FALSE(is_http_url("https://"));
  CHECK_FALSE(is_http_url("ftp://a.example/x"));
  CHECK_FALSE(is_http_url("https://a.example/a b"));
  CHECK_FALSE(is_http_url("javascript:alert(1)"));
}

}  // namespace hb::feed
