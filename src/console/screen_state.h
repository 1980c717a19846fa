// What the console makes of a screen's heartbeats (console.md "Screens",
// answers.md issue 18): online or offline, whether it shows the latest
// published content, and the order the 屏幕 page lists screens in. Pure:
// the store's facts and the clock go in, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hb::console {

// A feed of the latest published version, as the screens should have it.
struct PublishedFeed {
  std::string name;    // "roster.xml"
  std::string sha256;  // hex
};

// What the store knows about one screen.
struct ScreenFacts {
  std::string id;
  std::optional<std::int64_t> last_seen;  // when the last heartbeat came
  int interval_seconds = 60;              // from its last report (60 when it never said)
  std::string last_report;                // the heartbeat's JSON, "" before the first
};

// The parts of a report the 屏幕 page shows; absent when not reported.
struct ScreenReport {
  std::optional<std::int64_t> uptime_seconds;
  std::string renderer;
  std::string page_state;  // "showing", "urgent", "waiting", "dark"
  std::string slide_type;
  std::optional<std::int64_t> page;
  std::optional<std::int64_t> page_count;
  std::string item;
  std::optional<std::int64_t> rss_bytes;
  std::vector<std::string> feeds;  // the feed names it runs
  // The queue-calling system's source (叫号, issue 19), if the screen has one.
  std::optional<bool> queue_live;  // its numbers are on screen
  std::string queue_result;        // the last fetch's result or problem
};

struct ScreenState {
  bool online = false;
  bool content_current = false;
  std::optional<std::int64_t> seconds_since_contact;  // none before the first heartbeat; never negative
  // The player's clock minus the console's when the last report came (its
  // `time` against the receive time); none without a readable `time`.
  std::optional<std::int64_t> clock_skew_seconds;
  // A clock off by more than kSkewShownFrom: the screen shows the duty and
  // opening hours of another time, as wrong as old content.
  bool clock_wrong() const;
  bool needs_attention() const { return !online || !content_current || clock_wrong(); }
};

// Offline after three intervals without a heartbeat; current when every
// feed the screen reports has the latest published SHA-256.
ScreenState screen_state(const ScreenFacts& facts, std::int64_t now,
                         const std::vector<PublishedFeed>& latest);

ScreenReport read_report(const std::string& report_json);

// A skew beyond this is shown: a player's wrong clock shows the wrong
// duty and the wrong opening hours. Below it, network delay and NTP's slack.
inline constexpr std::int64_t kSkewShownFrom = 120;
std::optional<std::int64_t> clock_skew(const std::string& report_json, std::int64_t received_at);
// "时钟偏差 +3小时", "时钟偏差 -5分钟"; "" within kSkewShownFrom.
std::string skew_text(const std::optional<std::int64_t>& skew_seconds);

// The 屏幕 page's order: offline first, then out of date, then a wrong
// clock, then by id.
bool listed_before(const ScreenFacts& a, const ScreenState& as, const ScreenFacts& b,
                   const ScreenState& bs);

}  // namespace hb::console
