// The monthly proof-of-play report's pure parts, as tables: reading a
// play line (skipped and still acknowledged), the month in the hall's zone,
// the part of a month a screen is watched, dark and offline seconds, a
// line's shares of the daily roll-up, where covered seconds are read, CSV
// cells and the screenshot a heartbeat carries (and how often it is kept).
#include <doctest/doctest.h>

#include <sodium.h>

#include <string>
#include <vector>

#include "console/play_lines.h"
#include "console/play_report.h"
#include "console/screenshot.h"
#include "store/play_days.h"

namespace hb::console {

namespace {

nlohmann::json good_line(std::int64_t seq) {
  return {{"seq", seq},         {"screen", "hall-1"}, {"start", "2026-11-27T10:00:00+08:00"},
          {"end", "2026-11-27T10:00:15+08:00"}, {"seconds", 15}, {"slide", "item"}, {"page", 1},
          {"pages", 3},         {"item", "530100-001"}, {"content", "3f2a9c01b7de"}};
}

nlohmann::json with(nlohmann::json line, const char* key, nlohmann::json value) {
  if (value.is_null()) {
    line.erase(key);
  } else {
    line[key] = std::move(value);
  }
  return line;
}

constexpr int kBeijing = 8 * 60;

}  // namespace

TEST_CASE("play lines: each entry judged alone; a bad one is skipped but acknowledged") {
  struct Case {
    const char* what;
    nlohmann::json entry;
    bool valid;
  };
  const Case cases[] = {
      {"a whole line", good_line(41), true},
      {"no item (a dark page)", with(with(good_line(41), "item", nullptr), "slide", "dark"), true},
      {"a day long", with(with(good_line(41), "end", "2026-11-28T10:00:00+08:00"), "seconds", 86400), true},
      {"zero seconds", with(with(good_line(41), "end", "2026-11-27T10:00:00+08:00"), "seconds", 0), true},
      {"start at UTC+0", with(good_line(41), "start", "2026-11-27T02:00:00+00:00"), true},
      // The format's timestamps (docs/feed-format.md) write the offset as ±HH:MM.
      {"start with Z", with(good_line(41), "start", "2026-11-27T02:00:00Z"), false},
      {"not an object", nlohmann::json::array({1, 2}), false},
      {"no seq", with(good_line(41), "seq", nullptr), false},
      {"seq 0", good_line(0), false},
      {"seq text", with(good_line(41), "seq", "41"), false},
      {"no start", with(good_line(41), "start", nullptr), false},
      {"start without an offset", with(good_line(41), "start", "2026-11-27T10:00:00"), false},
      {"start not a time", with(good_line(41), "start", "yesterday"), false},
      {"start a number", with(good_line(41), "start", 1795744800), false},
      {"no end", with(good_line(41), "end", nullptr), false},
      {"end before start", with(good_line(41), "end", "2026-11-27T09:00:00+08:00"), false},
      {"end two days on", with(good_line(41), "end", "2026-11-29T10:00:00+08:00"), false},
      {"no seconds", with(good_line(41), "seconds", nullptr), false},
      {"negative seconds", with(good_line(41), "seconds", -15), false},
      {"seconds over a day", with(good_line(41), "seconds", 86401), false},
      {"seconds a fraction", with(good_line(41), "seconds", 1.5), false},
      {"no slide", with(good_line(41), "slide", nullptr), false},
      {"empty slide", with(good_line(41), "slide", ""), false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(play_line_problem(c.entry).empty() == c.valid);
  }
  const nlohmann::json report = {
      {"play", {good_line(40), with(good_line(43), "seconds", -1), good_line(41), "junk",
                with(good_line(44), "seq", "44"), with(good_line(42), "start", "x")}}};
  const ReceivedPlays got = received_plays(report);
  REQUIRE(got.valid.size() == 2);
  CHECK(got.valid[0].seq == 40);
  CHECK(got.valid[0].start_unix == 1795744800);
  CHECK(got.valid[0].end_unix == 1795744815);
  CHECK(got.valid[0].item == "530100-001");
  CHECK(got.ack == 43);  // 43 was bad, and is acknowledged; "44" has no whole number
  CHECK(got.skipped == 4);
  CHECK(got.first_problem == "seconds missing, negative or over a day");
  CHECK(received_plays(nlohmann::json::object()).ack == 0);
}

TEST_CASE("months in the hall's zone: window, current month, shifts, retention") {
  const Window nov = month_window({2026, 11}, kBeijing);
  CHECK(nov.from == 1793462400);  // 2026-11-01T00:00+08:00
  CHECK(nov.to == 1796054400);    // 2026-12-01T00:00+08:00
  CHECK(month_window({2026, 12}, kBeijing).to == 1798732800);  // across the year
  CHECK(month_text(month_of(nov.from, kBeijing)) == "2026-11");
  CHECK(month_text(month_of(nov.from - 1, kBeijing)) == "2026-10");
  CHECK(month_text(month_of(nov.to - 1, kBeijing)) == "2026-11");
  CHECK(month_text(shifted({2026, 1}, -1)) == "2025-12");
  CHECK(month_text(shifted({2026, 12}, 1)) == "2027-01");
  CHECK(month_text(shifted({2026, 11}, -12)) == "2025-11");
  CHECK(plays_retention_cutoff(nov.from + 5, kBeijing) == month_window({2025, 11}, kBeijing).from);
  CHECK(parse_month_text("2026-11"));
  CHECK_FALSE(parse_month_text("2026-13"));
  CHECK_FALSE(parse_month_text("2026-1"));
  CHECK_FALSE(parse_month_text("../../etc"));
}

TEST_CASE("a screen's month: watched from registration to now; dark and offline seconds") {
  const Window m{1000, 2000};
  struct Case {
    const char* what;
    std::int64_t registered;
    std::int64_t now;
    std::int64_t covered;  // what the store says the lines cover of the watched part
    std::int64_t watched;
    std::int64_t offline;
  };
  const Case cases[] = {
      {"a whole past month, fully covered", 0, 5000, 1000, 1000, 0},
      {"a whole past month, nothing reported", 0, 5000, 0, 1000, 1000},
      {"registered mid-month", 1500, 5000, 100, 500, 400},
      {"the current month: up to now only", 0, 1300, 250, 300, 50},
      {"registered and now mid-month", 1200, 1300, 100, 100, 0},
      {"registered after the month", 2500, 5000, 0, 0, 0},
      {"a month still to come", 0, 900, 0, 0, 0},
      {"registered at the month's last second", 1999, 5000, 0, 1, 1},
      {"overlapping lines (a clock set back) never below 0", 0, 5000, 1200, 1000, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const Window w = watched_window(m, c.registered, c.now);
    CHECK(w.length() == c.watched);
    CHECK(screen_month("s", {}, w, c.covered).offline_seconds == c.offline);
  }
  const ScreenMonth s = screen_month("s",
                                     {{"dark", "", 2, 600}, {"item", "b", 1, 15}, {"waiting", "", 1, 5},
                                      {"future-type", "", 1, 7}, {"item", "a", 3, 45}, {"items", "", 4, 60}},
                                     m, 732);
  std::vector<std::string> order;
  for (const auto& r : s.rows) order.push_back(r.slide + "/" + r.item);
  CHECK(order == std::vector<std::string>{"items/", "item/a", "item/b", "future-type/", "waiting/", "dark/"});
  CHECK(s.dark_seconds == 600);
  CHECK(s.shown_seconds == 732);
  CHECK(s.offline_seconds == 268);
  CHECK(slide_type_label("item") == "事项详情");
  CHECK(slide_type_label("roster") == "窗口值班");
  CHECK(slide_type_label("dark") == "黑屏");
  CHECK(slide_type_label("urgent") == "紧急通知");
  CHECK(slide_type_label("call") == "叫号");
  CHECK(slide_type_label("future-type") == "future-type");
  CHECK(clock_text(0) == "0:00:00");
  CHECK(clock_text(3723) == "1:02:03");
  CHECK(clock_text(31 * 86400) == "744:00:00");
}

// Beijing midnights around the end of November 2026.
constexpr std::int64_t kNov30 = 1795968000, kDec1 = 1796054400;

TEST_CASE("a line's shares of the daily roll-up: split at local midnights, counted on its first day") {
  using store::DayShare;
  struct Case {
    const char* what;
    std::int64_t start, end;
    int offset;
    std::vector<DayShare> shares;
  };
  const Case cases[] = {
      {"inside a day", kNov30 + 3600, kNov30 + 3615, kBeijing, {{kNov30, 1, 15}}},
      {"zero-length: counted, no seconds", kNov30 + 10, kNov30 + 10, kBeijing, {{kNov30, 1, 0}}},
      {"a dark night across midnight and the month's end", kDec1 - 4 * 3600, kDec1 + 8 * 3600, kBeijing,
       {{kNov30, 1, 4 * 3600}, {kDec1, 0, 8 * 3600}}},
      {"ending at midnight: nothing on the next day", kDec1 - 15, kDec1, kBeijing, {{kNov30, 1, 15}}},
      {"starting at midnight", kDec1, kDec1 + 15, kBeijing, {{kDec1, 1, 15}}},
      {"a whole day from midnight (the longest line play_lines accepts)", kNov30, kDec1, kBeijing,
       {{kNov30, 1, 86400}}},
      {"a day from noon: two days", kNov30 + 43200, kDec1 + 43200, kBeijing,
       {{kNov30, 1, 43200}, {kDec1, 0, 43200}}},
      {"over a day (refused earlier) still splits, never loses seconds", kNov30 + 43200, kDec1 + 86400 + 10,
       kBeijing, {{kNov30, 1, 43200}, {kDec1, 0, 86400}, {kDec1 + 86400, 0, 10}}},
      {"end before start: zero-length", kNov30 + 20, kNov30 + 10, kBeijing, {{kNov30, 1, 0}}},
      {"UTC midnights in UTC", 86400 - 5, 86400 + 5, 0, {{0, 1, 5}, {86400, 0, 5}}},
      {"before 1970: floored, not truncated", -10, 5, 0, {{-86400, 1, 10}, {0, 0, 5}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto got = store::day_shares(c.start, c.end, c.offset);
    REQUIRE(got.size() == c.shares.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].day_start == c.shares[i].day_start);
      CHECK(got[i].shown == c.shares[i].shown);
      CHECK(got[i].seconds == c.shares[i].seconds);
    }
  }
  CHECK(store::local_day_start(kDec1 - 1, kBeijing) == kNov30);
  CHECK(store::local_day_start(kDec1, kBeijing) == kDec1);
}

TEST_CASE("covered seconds: whole days from the roll-up, part days from raw lines while kept") {
  using S = CoverSource;
  constexpr std::int64_t kDay = 86400, kNoon = 43200;
  struct Case {
    const char* what;
    Window watched;
    std::int64_t raw_kept_from;
    std::vector<CoverPart> parts;
  };
  const Case cases[] = {
      {"a whole past month: one range of days", {kNov30 - 29 * kDay, kDec1}, kDec1, {{{kNov30 - 29 * kDay, kDec1}, S::days}}},
      {"nothing watched", {kDec1, kDec1}, 0, {}},
      {"registered at noon, now mid-day later: edges raw", {kNov30 + kNoon, kDec1 + kDay + 60}, kNov30,
       {{{kNov30 + kNoon, kDec1}, S::raw}, {{kDec1, kDec1 + kDay}, S::days}, {{kDec1 + kDay, kDec1 + kDay + 60}, S::raw}}},
      {"registered long ago at noon: that day's sum, capped", {kNov30 + kNoon, kDec1 + kDay}, kDec1,
       {{{kNov30 + kNoon, kDec1}, S::day_capped}, {{kDec1, kDec1 + kDay}, S::days}}},
      {"within one day", {kDec1 + 8 * 3600, kDec1 + 9 * 3600}, kNov30, {{{kDec1 + 8 * 3600, kDec1 + 9 * 3600}, S::raw}}},
      {"adjacent edges, no whole day", {kNov30 + kNoon, kDec1 + 60}, kNov30,
       {{{kNov30 + kNoon, kDec1}, S::raw}, {{kDec1, kDec1 + 60}, S::raw}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto got = cover_parts(c.watched, kBeijing, c.raw_kept_from);
    REQUIRE(got.size() == c.parts.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].window.from == c.parts[i].window.from);
      CHECK(got[i].window.to == c.parts[i].window.to);
      CHECK(got[i].source == c.parts[i].source);
    }
  }
}

TEST_CASE("CSV cells: quoted when needed, formulas neutralised") {
  struct Case {
    const char* text;
    const char* cell;
  };
  const Case cases[] = {
      {"hall-1", "hall-1"},
      {"", ""},
      {"事项详情", "事项详情"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\r\nlines", "\"two\r\nlines\""},
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
      {"+1", "'+1"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"a=b", "a=b"},
      {"530100-001", "530100-001"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(csv_cell(c.text) == c.cell);
  }
  CHECK(csv_line({"a", "b,c", "=1"}) == "a,\"b,c\",'=1\r\n");
  const std::string csv = plays_csv({screen_month("=evil", {{"item", "530100-001", 2, 30}}, {0, 100}, 30)});
  CHECK(csv == std::string(kCsvBom) + "屏幕,页面类型,事项,次数,时长(秒),时长\r\n"
                                      "'=evil,事项详情,530100-001,2,30,0:00:30\r\n"
                                      "'=evil,离线,,,70,0:01:10\r\n");
}

namespace {

// The smallest PNG header read_image_header accepts: signature and IHDR.
std::string png_header(std::uint32_t width, std::uint32_t height) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  for (const std::uint32_t v : {width, height})
    for (int shift = 24; shift >= 0; shift -= 8) png += static_cast<char>((v >> shift) & 0xFFu);
  png += std::string("\x08\x06\0\0\0", 5);
  return png + std::string(4, '\0');
}

std::string base64_of(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("screenshot: a PNG in base64 up to 2 MB is kept; anything else is not") {
  const std::string png = png_header(960, 540);
  const nlohmann::json good = {{"type", "image/png"}, {"width", 960}, {"height", 540}, {"base64", base64_of(png)}};
  const auto kept = screenshot_of(good);
  REQUIRE(kept);
  CHECK(kept->png == png);
  CHECK(kept->width == 960);
  CHECK(kept->height == 540);
  // A portrait panel's picture, shrunk to 960 wide, is taller than wide.
  CHECK(screenshot_of({{"type", "image/png"}, {"base64", base64_of(png_header(960, 1707))}}));
  CHECK(screenshot_of({{"type", "image/png"}, {"base64", base64_of(png_header(2048, 2048))}}));
  struct Case {
    const char* what;
    nlohmann::json shot;
  };
  const Case refused[] = {
      {"not an object", "iVBOR"},
      {"a JPEG type", {{"type", "image/jpeg"}, {"base64", base64_of(png)}}},
      {"no base64", {{"type", "image/png"}}},
      {"not base64", {{"type", "image/png"}, {"base64", "%%%%"}}},
      {"text called PNG", {{"type", "image/png"}, {"base64", base64_of("<script>alert(1)</script>")}}},
      {"over 2 MB", {{"type", "image/png"}, {"base64", base64_of(png + std::string(kScreenshotCap, 'x'))}}},
      {"100 000 pixels wide", {{"type", "image/png"}, {"base64", base64_of(png_header(100000, 540))}}},
      // Within the default picture limits, but 256 MB decoded in a browser.
      {"8192 x 8192", {{"type", "image/png"}, {"base64", base64_of(png_header(8192, 8192))}}},
      {"2049 high", {{"type", "image/png"}, {"base64", base64_of(png_header(960, 2049))}}},
  };
  for (const auto& c : refused) {
    CAPTURE(c.what);
    CHECK_FALSE(screenshot_of(c.shot));
  }
}

TEST_CASE("screenshot: one kept per screen per 5 minutes") {
  struct Case {
    const char* what;
    std::optional<std::int64_t> stored_at;
    std::int64_t now;
    bool due;
  };
  const Case cases[] = {
      {"none yet", std::nullopt, 1000, true},
      {"a minute after the last", 1000, 1060, false},
      {"a second short of 5 minutes", 1000, 1299, false},
      {"5 minutes after", 1000, 1300, true},
      {"the console's clock set back", 1000, 900, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(screenshot_due(c.stored_at, c.now) == c.due);
  }
}

}  // namespace hb::console
