// What a screen tells the admin office every few minutes (the heartbeat),
// and its JSON body. Pure: the caller gathers the values, this only
// formats them. docs/feed-format.md ("Heartbeat") describes the body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/process_memory.h"
#include "app/time_text.h"
#include "layout/display_list.h"
#include "model/time.h"

namespace hb::app {

struct HeartbeatFeed {
  std::string url;
  std::string generated;    // of the accepted version, as the acceptor wrote it; empty: none
  std::string sha256;       // hex, of the accepted bytes; empty: none accepted
  std::string last_result;  // "ok", "not modified" or the problem; empty: not tried yet
  std::optional<model::UnixSeconds> last_fetch;  // of the last attempt
};

// The queue-calling system's source (<queue>, issue 19), a hallboard
// extension of the body.
struct HeartbeatQueue {
  std::string url;
  std::string last_result;  // "ok", "not modified" or the problem; empty: not tried yet
  bool live = false;        // its numbers are on screen (answered within 30 s)
};

// The alerting authority's source (<alerts>, issue 20), a hallboard
// extension of the body like the queue's.
struct HeartbeatAlerts {
  std::string url;
  std::string last_result;  // "ok", "not modified" or the problem; empty: not tried yet
};

struct HeartbeatPage {
  // "showing" (a page of the playlist), "urgent" (the urgent notice),
  // "dark" (outside opening hours) or "waiting" (no content yet).
  std::string state = "waiting";
  std::string slide_type;  // showing: the slide's type ("items", "roster", …)
  int page = 1;            // showing: 1-based, as people count
  int page_count = 1;
  std::string item;  // the item an item slide shows; empty otherwise
};

struct HeartbeatScreenshot {
  std::string png;  // the bytes of a PNG file
  int width = 0;
  int height = 0;
};

struct HeartbeatReport {
  std::string screen;  // the config's screen id; may be empty
  std::string version;
  model::UnixSeconds time = 0;
  int utc_offset_minutes = model::kDefaultUtcOffsetMinutes;  // the player's zone
  std::int64_t uptime_seconds = 0;
  std::string renderer;  // the presenter's name
  HeartbeatPage page;
  ProcessMemory memory;
  std::vector<HeartbeatFeed> feeds;
  std::optional<HeartbeatScreenshot> screenshot;
  std::optional<HeartbeatQueue> queue;  // with a <queue> in the config
  std::optional<HeartbeatAlerts> alerts;  // with an <alerts> in the config
  // With <display power> (issue 20), a hallboard extension: "on" or "off",
  // the panel's power as last switched; empty (left out) without, or
  // before the first command worked.
  std::string panel;
  // Since hallboard-heartbeat-2: how often the player reports (the console
  // calls a screen offline after three intervals without one), and the
  // proof-of-play lines after the last acknowledged number (play_backlog.h),
  // each a whole JSON object as in play.jsonl.
  std::int64_t interval_seconds = 0;
  std::vector<std::string> play;
  bool play_more = false;  // the cap left lines for the next report
  // 1: hallboard-heartbeat-1, without the three fields above, for a
  // console that does not know -2 yet (HeartbeatFormat).
  int format = 2;
};

// One JSON object (UTF-8), "format": "hallboard-heartbeat-2" (or -1).
std::string heartbeat_json(const HeartbeatReport& report);

// Which layout the reports go in. A console not yet upgraded knows only
// hallboard-heartbeat-1 and refuses -2 with 400, 415 or 422: rather than
// be shown offline, the player sends -1 (without proof of play, which
// waits on disk) and tries -2 again an hour later. Times are the steady
// clock's seconds.
struct HeartbeatFormat {
  int version = 2;
  double retry_at = 0;  // with version 1: when -2 is tried again
};
inline constexpr double kHeartbeatFormatRetrySeconds = 3600;

// The version of the next report, made at `now`.
int heartbeat_version(const HeartbeatFormat& format, double now);
// The layout after a report of version `sent` got `status` at `now`.
HeartbeatFormat heartbeat_format_after(HeartbeatFormat format, int sent, long status, double now);

// The page on screen as reported; `dark`: outside opening hours.
HeartbeatPage heartbeat_page(const layout::Page& page, bool dark);

// The fetcher's view of its feeds (FeedFetcher::feed_states()), as reported.
struct FeedState;
std::vector<HeartbeatFeed> heartbeat_feeds(const std::vector<FeedState>& states);

}  // namespace hb::app
