#include "console/screen_state.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "feed/values.h"
#include "model/time.h"

namespace hb::console {

namespace {

constexpr int kDefaultInterval = 60;

// The feed name at the end of a URL: ".../feeds/roster.xml" → "roster.xml".
std::string feed_name(const std::string& url) {
  const auto slash = url.rfind('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

std::string text_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> number_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

nlohmann::json parsed(const std::string& report_json) {
  auto report = nlohmann::json::parse(report_json, nullptr, false);
  return report.is_object() ? report : nlohmann::json::object();
}

bool content_current(const nlohmann::json& report, const std::vector<PublishedFeed>& latest) {
  const auto feeds = report.find("feeds");
  if (feeds == report.end() || !feeds->is_array() || feeds->empty() || latest.empty()) return false;
  for (const auto& f : *feeds) {
    if (!f.is_object()) return false;
    const std::string name = feed_name(text_of(f, "url"));
    const std::string sha = text_of(f, "sha256");
    bool matched = false;
    for (const auto& l : latest) matched = matched || (l.name == name && l.sha256 == sha);
    if (!matched) return false;
  }
  return true;
}

}  // namespace

ScreenState screen_state(const ScreenFacts& facts, std::int64_t now,
                         const std::vector<PublishedFeed>& latest) {
  ScreenState out;
  // A stored interval that makes no sense (0, negative) must not keep a
  // silent screen "online" or call a live one offline: the default then.
  const std::int64_t interval = facts.interval_seconds > 0 ? facts.interval_seconds : kDefaultInterval;
  if (facts.last_seen) {
    // The console's clock set back (NTP, a restored VM) must not read as
    // "contact in the future": a negative age counts as just now.
    out.seconds_since_contact = std::max<std::int64_t>(0, now - *facts.last_seen);
    out.online = *out.seconds_since_contact < 3 * interval;
    out.clock_skew_seconds = clock_skew(facts.last_report, *facts.last_seen);
  }
  out.content_current = content_current(parsed(facts.last_report), latest);
  return out;
}

ScreenReport read_report(const std::string& report_json) {
  const nlohmann::json report = parsed(report_json);
  ScreenReport out;
  out.uptime_seconds = number_of(report, "uptime_seconds");
  out.renderer = text_of(report, "renderer");
  if (const auto page = report.find("page"); page != report.end() && page->is_object()) {
    out.page_state = text_of(*page, "state");
    out.slide_type = text_of(*page, "slide_type");
    out.page = number_of(*page, "page");
    out.page_count = number_of(*page, "page_count");
    out.item = text_of(*page, "item");
  }
  if (const auto memory = report.find("memory"); memory != report.end() && memory->is_object()) {
    out.rss_bytes = number_of(*memory, "rss_bytes");
  }
  if (const auto feeds = report.find("feeds"); feeds != report.end() && feeds->is_array()) {
    for (const auto& f : *feeds) {
      if (f.is_object()) out.feeds.push_back(feed_name(text_of(f, "url")));
    }
  }
  if (const auto queue = report.find("queue"); queue != report.end() && queue->is_object()) {
    const auto live = queue->find("live");
    out.queue_live = live != queue->end() && live->is_boolean() && live->get<bool>();
    out.queue_result = text_of(*queue, "last_result");
  }
  return out;
}

std::optional<std::int64_t> clock_skew(const std::string& report_json, std::int64_t received_at) {
  const auto time = feed::parse_timestamp(text_of(parsed(report_json), "time"));
  if (!time || !time->utc_offset_minutes) return std::nullopt;
  return model::to_unix(*time, 0) - received_at;
}

std::string skew_text(const std::optional<std::int64_t>& skew_seconds) {
  if (!skew_seconds || (*skew_seconds <= kSkewShownFrom && *skew_seconds >= -kSkewShownFrom)) return "";
  const std::int64_t off = *skew_seconds < 0 ? -*skew_seconds : *skew_seconds;
  const std::int64_t hours = off / 3600, minutes = off % 3600 / 60;
  std::string amount = hours > 0 ? std::to_string(hours) + "小时" : "";
  if (minutes > 0 || hours == 0) amount += std::to_string(minutes) + "分钟";
  return std::string("时钟偏差 ") + (*skew_seconds < 0 ? "-" : "+") + amount;
}

bool listed_before(const ScreenFacts& a, const ScreenState& as, const ScreenFacts& b,
                   const ScreenState& bs) {
  return std::make_tuple(as.online, as.content_current, !as.clock_wrong(), a.id) <
         std::make_tuple(bs.online, bs.content_current, !bs.clock_wrong(), b.id);
}

bool ScreenState::clock_wrong() const {
  return clock_skew_seconds && (*clock_skew_seconds > kSkewShownFrom || *clock_skew_seconds < -kSkewShownFrom);
}

}  // namespace hb::console
