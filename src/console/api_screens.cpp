// Screens reporting to the console (console.md): the heartbeat they send,
// the list IT staff read, and /metrics for the monitoring they already run.
#include <algorithm>

#include "console/handlers.h"

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

bool online(const store::Screen& s, std::int64_t now) {
  return s.last_seen && now - *s.last_seen < 3LL * s.interval_seconds;
}

// The feed name at the end of a URL: ".../feeds/roster.xml" → "roster.xml".
std::string feed_name(const std::string& url) {
  const auto slash = url.rfind('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

std::string text_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool content_current(const nlohmann::json& report, const std::vector<store::FeedFile>& latest) {
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

std::vector<store::FeedFile> latest_feeds(Console& console) {
  const auto latest = console.store().latest_version();
  if (!latest || !*latest) return {};
  auto feeds = console.store().version_feeds((*latest)->number);
  return feeds ? std::move(*feeds) : std::vector<store::FeedFile>{};
}

std::int64_t integer_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// The proof-of-play lines of a heartbeat-2 (docs/feed-format.md): those
// with a usable number; the others are skipped, and so never acknowledged.
std::vector<store::PlayLine> play_lines(const nlohmann::json& report) {
  std::vector<store::PlayLine> out;
  const auto play = report.find("play");
  if (play == report.end() || !play->is_array()) return out;
  for (const auto& p : *play) {
    if (!p.is_object()) continue;
    const auto seq = p.find("seq");
    // A number past int64 reads as negative here, and is skipped too.
    if (seq == p.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1) continue;
    out.push_back({seq->get<std::int64_t>(), text_of(p, "start"), integer_of(p, "seconds"),
                   text_of(p, "slide"), text_of(p, "item"),
                   p.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  return out;
}

// The highest number stored from this report: the player forgets lines up
// to it. 0 acknowledges nothing.
std::int64_t acknowledged(const std::vector<store::PlayLine>& lines) {
  std::int64_t n = 0;
  for (const auto& l : lines) n = std::max(n, l.seq);
  return n;
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

}  // namespace

Response api_heartbeat(Console& console, const Request& request, const Caller& caller, const Params&) {
  if (request.body.size() > console.options().heartbeat_cap) return json_error(413, "心跳内容过大");
  nlohmann::json report = nlohmann::json::parse(request.body, nullptr, false);
  if (report.is_discarded() || !report.is_object() || !known_format(report)) {
    return json_error(400, "不是 hallboard 心跳（format 应为 hallboard-heartbeat-1 或 -2）");
  }
  report.erase("screenshot");  // kept out of the database: large, and only the latest matters
  const auto plays = play_lines(report);
  report.erase("play");  // kept in their own table, once each
  const std::string stored = report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (auto done = console.store().record_heartbeat(caller.screen, console.now(),
                                                   reported_interval(report), stored);
      !done) {
    return json_error(500, done.error().message);
  }
  if (report["format"] == "hallboard-heartbeat-1") return no_content();
  // Acknowledged only once stored: a failure here makes the player resend.
  if (auto done = console.store().record_plays(caller.screen, console.now(), plays); !done)
    return json_error(500, done.error().message);
  return json_response(200, nlohmann::json{{"ack", acknowledged(plays)}});
}

Response api_screens(Console& console, const Request&, const Caller&, const Params&) {
  const auto screens = console.store().screens();
  if (!screens) return json_error(500, screens.error().message);
  const auto latest = latest_feeds(console);
  const auto now = console.now();
  const int offset = console.utc_offset_minutes();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : *screens) {
    if (s.revoked) continue;
    const nlohmann::json report = nlohmann::json::parse(s.last_report, nullptr, false);
    const bool has_report = report.is_object();
    list.push_back({{"screen", s.id},
                    {"last_seen", s.last_seen ? nlohmann::json(model::to_iso_string(*s.last_seen, offset))
                                              : nlohmann::json(nullptr)},
                    {"online", online(s, now)},
                    {"page", has_report && report.contains("page") && report["page"].is_object()
                                 ? report["page"] : nlohmann::json(nullptr)},
                    {"content_current", has_report && content_current(report, latest)}});
  }
  return json_response(200, list);
}

Response get_metrics(Console& console, const Request&, const Caller&, const Params&) {
  const auto screens = console.store().screens();
  if (!screens) return json_error(500, screens.error().message);
  const auto now = console.now();
  std::string up = "# HELP hallboard_screen_up Whether the screen's last heartbeat is recent (1) or not (0).\n"
                   "# TYPE hallboard_screen_up gauge\n";
  std::string seen =
      "# HELP hallboard_screen_last_heartbeat_timestamp_seconds When the console last heard from the screen.\n"
      "# TYPE hallboard_screen_last_heartbeat_timestamp_seconds gauge\n";
  for (const auto& s : *screens) {
    if (s.revoked) continue;
    const std::string l = "{screen=\"" + label(s.id) + "\"} ";
    up += "hallboard_screen_up" + l + (online(s, now) ? "1" : "0") + "\n";
    seen += "hallboard_screen_last_heartbeat_timestamp_seconds" + l + std::to_string(s.last_seen.value_or(0)) + "\n";
  }
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = up + seen;
  return r;
}

}  // namespace hb::console
