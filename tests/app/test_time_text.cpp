// Instants as the commands take them (--at, the clock) and write them: a
// year outside 0000-9999 is refused where it comes in and never written as
// something that reads like another date.
#include <doctest/doctest.h>

#include "app/time_text.h"
#include "model/time.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

namespace {

constexpr int kChina = 8 * 60;
constexpr model::UnixSeconds kFriday = 1795744800;             // 2026-11-27T10:00:00+08:00
constexpr model::UnixSeconds kYear10000 = 253402300800;        // 10000-01-01T00:00:00Z
constexpr model::UnixSeconds kBeforeYear0 = -62167219200 - 1;  // -0001-12-31T23:59:59Z

}  // namespace

TEST_CASE("time text: --at and the clock, refused when empty or outside 0000-9999") {
  struct Row {
    const char* name;
    std::optional<std::string> at;
    model::UnixSeconds now;
    std::optional<model::UnixSeconds> want;
  };
  const Row rows[] = {
      {"no --at: now", std::nullopt, kFriday, kFriday},
      {"--at given", std::string("2026-11-27T10:00"), 0, kFriday},
      {"--at with its own offset", std::string("2026-11-27T02:00+00:00"), 0, kFriday},
      {"an empty --at is not now", std::string(""), kFriday, std::nullopt},
      {"--at that is not a time", std::string("tomorrow"), kFriday, std::nullopt},
      {"--at that is year 10000 in the player's zone", std::string("9999-12-31T23:59-12:00"),
       kFriday, std::nullopt},
      {"a clock past 9999", std::nullopt, kYear10000, std::nullopt},
      {"a clock before year 0 in the player's zone", std::nullopt, kBeforeYear0 - kChina * 60,
       std::nullopt},
      {"the last second of 9999", std::nullopt, kYear10000 - 1 - kChina * 60,
       kYear10000 - 1 - kChina * 60},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.name));
    CHECK(app::instant_for("plan", r.at, kChina, r.now) == r.want);
  }
}

TEST_CASE("time text: instants are written whole, whatever the year") {
  struct Row {
    model::UnixSeconds t;
    int offset;
    const char* iso;
  };
  const Row rows[] = {
      {kFriday, kChina, "2026-11-27T10:00:00+08:00"},
      {kFriday, -90, "2026-11-27T00:30:00-01:30"},
      {0, 0, "1970-01-01T00:00:00+00:00"},
      {-1, 0, "1969-12-31T23:59:59+00:00"},
      {kYear10000 - 1, 0, "9999-12-31T23:59:59+00:00"},
      {kYear10000, 0, "+10000-01-01T00:00:00+00:00"},
      {kYear10000, kChina, "+10000-01-01T08:00:00+08:00"},
      {kBeforeYear0, 0, "-0001-12-31T23:59:59+00:00"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.iso);
    CHECK(model::to_iso_string(r.t, r.offset) == r.iso);
    CHECK(app::iso_local_time(r.t, r.offset) == r.iso);
  }
  CHECK(app::local_text(kYear10000, 0) == "+10000-01-01 00:00:00");
  CHECK(app::clock_text(kFriday, kChina) == "10:00:00");
  CHECK(app::clock_text(kFriday, kChina, false) == "10:00");
}

TEST_SUITE_END();

}  // namespace hb::test
