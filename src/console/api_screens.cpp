// Screens reporting to the console (console.md): the heartbeat they send,
// the list IT staff read, and /metrics for the monitoring they already run.
#include <algorithm>

#include "console/handlers.h"
#include "console/play_lines.h"
#include "console/screen_state.h"
#include "console/screenshot.h"

namespace hb::console {

namespace {

bool known_format(const nlohmann::json& report) {
  const auto format = report.find("format");
  return format != report.end() && format->is_string() &&
         (*format == "hallboard-heartbeat-1" || *format == "hallboard-heartbeat-2");
}

int reported_interval(const nlohmann::json& report) {
  const auto it = report.find("interval_seconds");
  if (it == report.end() || !it->is_number_integer()) return 60;
  const auto v = it->get<long long>();
  return v >= 10 && v <= 86400 ? static_cast<int>(v) : 60;
}

// Prometheus label values escape backslash, quote and newline.
std::string label(const std::string& v) {
  std::string out;
  for (const char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out;
}

// The latest screenshot replaces the one before, at most once per
// kScreenshotEvery; one that cannot be kept is logged every time (checking
// is cheap, the write is what costs) and the rest of the report stored as usual.
void keep_screenshot(Console& console, const std::string& screen, const nlohmann::json& report) {
  const auto it = report.find("screenshot");
  if (it == report.end()) return;
  auto shot = screenshot_of(*it);
  if (!shot) return console.log("heartbeat of " + screen + ": screenshot not kept: " + shot.error());
  const auto stored_at = console.store().screenshot_taken_at(screen);
  if (stored_at && !screenshot_due(*stored_at, console.now())) return;
  shot->taken_at = console.now();
  if (auto done = console.store().put_screenshot(screen, *shot); !done)
    console.log("heartbeat of " + screen + ": screenshot not kept: " + done.error().message);
}

}  // namespace

Response api_heartbeat(Console& console, const Request& request, const Caller& caller, const Params&) {
  if (request.body.size() > console.options().heartbeat_cap) return json_error(413, "心跳内容过大");
  nlohmann::json report = parse_bounded_json(request.body);
  if (report.is_discarded() || !report.is_object() || !known_format(report)) {
    return json_error(400, "不是 hallboard 心跳（format 应为 hallboard-heartbeat-1 或 -2）");
  }
  keep_screenshot(console, caller.screen, report);
  report.erase("screenshot");  // in its own table: large, and only the latest matters
  const ReceivedPlays plays = received_plays(report);
  report.erase("play");  // kept in their own table, once each
  const std::string stored = report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (auto done = console.store().record_heartbeat(caller.screen, console.now(),
                                                   reported_interval(report), stored);
      !done) {
    return json_error(500, done.error().message);
  }
  if (report["format"] == "hallboard-heartbeat-1") return no_content();
  // Acknowledged only once stored: a failure here makes the player resend.
  // Skipped lines are acknowledged too, or one bad line would come back for ever.
  if (auto done = console.store().record_plays(caller.screen, console.now(),
                                                   console.utc_offset_minutes(), plays.valid); !done)
    return json_error(500, done.error().message);
  if (plays.skipped > 0) {
    console.log("heartbeat of " + caller.screen + ": " + std::to_string(plays.skipped) +
                " proof-of-play lines skipped (the first: " + plays.first_problem + ")");
  }
  console.sweep_plays_if_due();
  return json_response(200, nlohmann::json{{"ack", plays.ack}});
}

base::Result<std::vector<ScreenView>, std::string> screen_views(Console& console) {
  auto screens = console.store().screens();
  if (!screens) return screens.error().message;
  const auto latest = latest_published(console);
  const auto now = console.now();
  std::vector<ScreenView> out;
  for (auto& s : *screens) {
    if (s.revoked) continue;
    ScreenFacts facts{s.id, s.last_seen, s.interval_seconds, std::move(s.last_report)};
    ScreenState state = screen_state(facts, now, latest);
    out.push_back({std::move(facts), state, s.screenshot_at});
  }
  std::stable_sort(out.begin(), out.end(), [](const ScreenView& a, const ScreenView& b) {
    return listed_before(a.facts, a.state, b.facts, b.state);
  });
  return out;
}

std::vector<PublishedFeed> latest_published(Console& console) {
  const auto latest = console.store().latest_version();
  if (!latest || !*latest) return {};
  const auto feeds = console.store().version_feeds((*latest)->number);
  std::vector<PublishedFeed> out;
  if (feeds) {
    for (const auto& f : *feeds) out.push_back({f.name, f.sha256});
  }
  return out;
}

Response api_screens(Console& console, const Request&, const Caller&, const Params&) {
  const auto views = screen_views(console);
  if (!views) return json_error(500, views.error());
  const int offset = console.utc_offset_minutes();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [facts, state, shot] : *views) {
    const nlohmann::json report = nlohmann::json::parse(facts.last_report, nullptr, false);
    const bool has_report = report.is_object();
    list.push_back({{"screen", facts.id},
                    {"last_seen", facts.last_seen ? nlohmann::json(model::to_iso_string(*facts.last_seen, offset))
                                                  : nlohmann::json(nullptr)},
                    {"online", state.online},
                    {"page", has_report && report.contains("page") && report["page"].is_object()
                                 ? report["page"] : nlohmann::json(nullptr)},
                    {"content_current", state.content_current}});
  }
  return json_response(200, list);
}

namespace {

struct Gauge {
  const char* name;
  const char* help;
  std::string lines;
};

void sample(Gauge& g, const std::string& labels, const std::string& value) {
  g.lines += std::string(g.name) + labels + value + "\n";
}

}  // namespace

// console.md names the first two gauges; the others are extensions, for
// alerts on content ("behind the published version") and on silence.
Response get_metrics(Console& console, const Request&, const Caller&, const Params&) {
  const auto views = screen_views(console);
  if (!views) return json_error(500, views.error());
  std::vector<Gauge> gauges = {
      {"hallboard_screen_up", "Whether the screen's last heartbeat is recent (1) or not (0).", ""},
      {"hallboard_screen_last_heartbeat_timestamp_seconds", "When the console last heard from the screen.", ""},
      {"hallboard_screen_seconds_since_heartbeat",
       "Seconds since the console last heard from the screen (absent before the first heartbeat).", ""},
      {"hallboard_screen_content_current",
       "Whether every feed the screen reports is the latest published version (1) or not (0).", ""},
      {"hallboard_screen_heartbeat_interval_seconds", "The heartbeat interval the screen reported.", ""},
      {"hallboard_screen_clock_skew_seconds",
       "The screen's clock minus the console's at its last heartbeat (absent without a readable time).", ""},
  };
  for (const auto& [facts, state, shot] : *views) {
    const std::string l = "{screen=\"" + label(facts.id) + "\"} ";
    sample(gauges[0], l, state.online ? "1" : "0");
    sample(gauges[1], l, std::to_string(facts.last_seen.value_or(0)));
    if (state.seconds_since_contact) sample(gauges[2], l, std::to_string(*state.seconds_since_contact));
    sample(gauges[3], l, state.content_current ? "1" : "0");
    sample(gauges[4], l, std::to_string(facts.interval_seconds));
    if (state.clock_skew_seconds) sample(gauges[5], l, std::to_string(*state.clock_skew_seconds));
  }
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  for (const auto& g : gauges) {
    r.body += std::string("# HELP ") + g.name + " " + g.help + "\n# TYPE " + g.name + " gauge\n" + g.lines;
  }
  return r;
}

}  // namespace hb::console
