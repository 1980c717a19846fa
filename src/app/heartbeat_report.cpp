#include "app/heartbeat_report.h"

#include <cmath>
#include <cstdio>

#include "app/feed_fetcher.h"
#include "app/json.h"
#include "net/cache.h"

namespace hb::app {
namespace {

std::string number(std::int64_t n) {
  return std::to_string(n);
}

std::string feed_json(const HeartbeatFeed& f, int offset) {
  return "{\"url\": " + json_string(f.url) + ", \"generated\": " + json_string(f.generated) +
         ", \"sha256\": " + json_string(f.sha256) +
         ", \"last_result\": " + json_string(f.last_result) + ", \"last_fetch\": " +
         (f.last_fetch ? json_string(iso_local_time(*f.last_fetch, offset)) : "null") + "}";
}

std::string page_json(const HeartbeatPage& p) {
  std::string r = "{\"state\": " + json_string(p.state);
  if (p.state == "showing" || p.state == "urgent")
    r += ", \"slide_type\": " + json_string(p.slide_type) + ", \"page\": " + number(p.page) +
         ", \"page_count\": " + number(p.page_count) + ", \"item\": " + json_string(p.item);
  return r + "}";
}

// The lines as written to play.jsonl: already JSON objects (sendable_line()
// checked them), one to a line so the body stays readable.
std::string play_json(const std::vector<std::string>& lines) {
  std::string r;
  for (std::size_t i = 0; i < lines.size(); ++i)
    r += (i == 0 ? "\n    " : ",\n    ") + lines[i];
  return lines.empty() ? r : r + "\n  ";
}

// The fields -2 added to -1.
std::string version_2_json(const HeartbeatReport& r) {
  return ",\n  \"play\": [" + play_json(r.play) +
         "],\n  \"play_more\": " + (r.play_more ? "true" : "false");
}

bool refuses_format(long status) {
  return status == 400 || status == 415 || status == 422;
}

}  // namespace

HeartbeatPage heartbeat_page(const layout::Page& page, bool dark) {
  HeartbeatPage r;
  if (dark) {
    r.state = "dark";
  } else if (page.slide_type == "waiting" || page.slide_type.empty()) {
    r.state = "waiting";
  } else {
    r.state = page.slide_type == "urgent" ? "urgent" : "showing";
    r.slide_type = page.slide_type;
    r.page = page.page + 1;
    r.page_count = page.page_count;
    r.item = page.item;
  }
  return r;
}

std::vector<HeartbeatFeed> heartbeat_feeds(const std::vector<FeedState>& states) {
  std::vector<HeartbeatFeed> r;
  for (const auto& s : states) {
    HeartbeatFeed f{s.url, s.generated, s.sha256, s.last_result, std::nullopt};
    if (s.last_fetch > 0) f.last_fetch = static_cast<model::UnixSeconds>(std::floor(s.last_fetch));
    r.push_back(std::move(f));
  }
  return r;
}

int heartbeat_version(const HeartbeatFormat& format, double now) {
  return format.version == 1 && now < format.retry_at ? 1 : 2;
}

HeartbeatFormat heartbeat_format_after(HeartbeatFormat format, int sent, long status, double now) {
  if (sent != 2) return format;
  if (refuses_format(status)) return {1, now + kHeartbeatFormatRetrySeconds};
  if (status >= 200 && status < 300) return {};
  return format;  // a 500 or no answer says nothing of the layout
}

std::string heartbeat_json(const HeartbeatReport& r) {
  const bool v2 = r.format != 1;
  std::string j = "{\n";
  j += "  \"format\": \"hallboard-heartbeat-" + std::string(v2 ? "2" : "1") + "\",\n";
  j += "  \"screen\": " + json_string(r.screen) + ",\n";
  j += "  \"version\": " + json_string(r.version) + ",\n";
  j += "  \"time\": " + json_string(iso_local_time(r.time, r.utc_offset_minutes)) + ",\n";
  j += "  \"uptime_seconds\": " + number(r.uptime_seconds) + ",\n";
  if (v2) j += "  \"interval_seconds\": " + number(r.interval_seconds) + ",\n";
  j += "  \"renderer\": " + json_string(r.renderer) + ",\n";
  j += "  \"page\": " + page_json(r.page) + ",\n";
  j += "  \"memory\": {\"rss_bytes\": " + std::to_string(r.memory.rss_bytes) +
       ", \"pss_bytes\": " + std::to_string(r.memory.pss_bytes) + "},\n";
  j += "  \"feeds\": [";
  for (std::size_t i = 0; i < r.feeds.size(); ++i)
    j += (i == 0 ? "\n    " : ",\n    ") + feed_json(r.feeds[i], r.utc_offset_minutes);
  j += r.feeds.empty() ? "]" : "\n  ]";
  if (r.queue)
    j += ",\n  \"queue\": {\"url\": " + json_string(r.queue->url) +
         ", \"last_result\": " + json_string(r.queue->last_result) +
         ", \"live\": " + (r.queue->live ? "true" : "false") + "}";
  if (r.alerts)
    j += ",\n  \"alerts\": {\"url\": " + json_string(r.alerts->url) +
         ", \"last_result\": " + json_string(r.alerts->last_result) + "}";
  if (!r.panel.empty()) j += ",\n  \"panel\": " + json_string(r.panel);
  if (v2) j += version_2_json(r);
  if (r.screenshot) {
    const auto& s = *r.screenshot;
    j += ",\n  \"screenshot\": {\"type\": \"image/png\", \"width\": " + number(s.width) +
         ", \"height\": " + number(s.height) + ", \"base64\": \"" + net::base64_encode(s.png) +
         "\"}";
  }
  return j + "\n}\n";
}

}  // namespace hb::app
