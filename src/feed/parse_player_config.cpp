#include <algorithm>
#include <filesystem>

#include "feed/player_config_reader.h"
#include "feed/value_problems.h"
#include "feed/values.h"

namespace hb::feed {
namespace {

// The PEM text of an Ed25519 public key given as the base64 of its
// SubjectPublicKeyInfo (the one line of feeds.pub between BEGIN and END:
// 44 bytes, 60 characters, starting "MCowBQYDK2VwAyEA"). Empty for anything
// else; the signature check reads the PEM as it reads a key file.
std::string public_key_pem(const std::string& base64) {
  constexpr std::string_view kEd25519Prefix = "MCowBQYDK2VwAyEA";
  if (base64.size() != 60 || base64.rfind(kEd25519Prefix, 0) != 0 || base64.back() != '=') return {};
  for (const char c : base64.substr(0, 59)) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '/';
    if (!ok) return {};
  }
  return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
}

constexpr long long kMaxClockSkewSeconds = 366LL * 86400;  // a year: beyond it, no check at all

struct Location {
  std::string url;       // as written
  std::string resolved;  // as resolve_feed_location makes it
};

// The required url of a <feed> or <queue>, resolved against the config;
// nothing (said) when it is missing or names no place a screen reads.
std::optional<Location> location_attr(ElementReader& e, const std::string& config) {
  auto url = e.text_attr("url", Need::required);
  if (!url) return std::nullopt;
  auto resolved = resolve_feed_location(*url, config);
  if (!resolved) {
    e.bad_value("url", *url, "an http://, https:// or file:/// URL, or a path");
    return std::nullopt;
  }
  return Location{std::move(*url), std::move(*resolved)};
}

const model::FeedSource* feed_at(const model::PlayerConfig& config, const std::string& location) {
  const auto it = std::find_if(config.feeds.begin(), config.feeds.end(),
                               [&](const auto& f) { return f.url == location; });
  return it == config.feeds.end() ? nullptr : &*it;
}

// <queue url="…" poll="1"/>: where the queue document comes from. Located
// as a feed is; the poll is short, since a call must reach the screen
// within a second, and bounded, since 60 s would show calls a minute late.
void read_queue_source(ElementReader& root, model::PlayerConfig& config) {
  const auto n = root.single_child("queue");
  if (!n) return;
  ElementReader e(root.findings(), *n);
  model::QueueSource queue;
  queue.where = e.where();
  const auto location = location_attr(e, config.source);
  queue.poll_seconds = static_cast<int>(e.whole_attr("poll", Need::optional, 1, 60).value_or(1));
  queue.band = e.enum_attr<bool>("band", {{"none", false}, {"bottom", true}}).value_or(false);
  e.finish();
  if (!location) return;
  if (const auto* feed = feed_at(config, location->resolved)) {
    e.findings().error(e.where_of("url"), "<queue> url=\"" + location->url +
                                              "\" is the <feed> at line " +
                                              std::to_string(feed->where.line) +
                                              "; the queue document is a file of its own");
    return;
  }
  queue.url = location->resolved;
  config.queue = std::move(queue);
}

// The clip folder, resolved as a feed's path is; a web address is refused,
// since clips are read when a call comes and must not wait on a network.
std::string clip_folder(ElementReader& e, const std::string& clips, const std::string& config) {
  const auto folder = resolve_feed_location(clips, config);
  if (folder && !is_http_url(*folder)) return *folder;
  e.bad_value("clips", clips, "a folder on this computer (a path, or file:///…)");
  return {};
}

// Both ends or none (the time types are checked by time_attr), and not the
// same time, which would say nothing.
void check_quiet_time(ElementReader& e, model::Sound& sound) {
  const bool from = !e.node().attribute("quiet-from").empty();
  const bool to = !e.node().attribute("quiet-to").empty();
  if (from != to) {
    e.findings().error(e.where_of(from ? "quiet-from" : "quiet-to"),
                       "<sound> needs both quiet-from and quiet-to, or neither");
    sound.quiet_from.reset();
    sound.quiet_to.reset();
  } else if (sound.quiet_from && sound.quiet_to && *sound.quiet_from == *sound.quiet_to) {
    e.findings().error(e.where_of("quiet-to"),
                       "<sound> quiet-to is quiet-from: a quiet time of no length (leave both out for none)");
  }
}

// <sound volume="80" quiet-from="22:00" quiet-to="07:00" clips="…"
// urgent="true" urgent-repeat="10"/>: the voice (语音播报). The quiet time
// is two attributes, as <hours open close> is, so each has its position.
void read_sound(ElementReader& root, model::PlayerConfig& config) {
  const auto n = root.single_child("sound");
  if (!n) return;
  ElementReader e(root.findings(), *n);
  model::Sound sound;
  sound.where = e.where();
  sound.volume = static_cast<int>(e.whole_attr("volume", Need::optional, 0, 100).value_or(80));
  sound.quiet_from = e.time_attr("quiet-from", false);
  sound.quiet_to = e.time_attr("quiet-to", true);
  sound.urgent = e.bool_attr("urgent").value_or(true);
  sound.urgent_repeat_minutes =
      static_cast<int>(e.whole_attr("urgent-repeat", Need::optional, 0, 1440).value_or(10));
  const auto clips = e.text_attr("clips");
  e.finish();
  if (clips) sound.clips = clip_folder(e, *clips, config.source);
  check_quiet_time(e, sound);
  config.sound = std::move(sound);
}

}  // namespace

std::optional<std::string> resolve_feed_location(std::string_view url, std::string_view config) {
  if (is_http_url(url)) return std::string(url);
  if (url.substr(0, 17) == "file://localhost/") return std::string(url.substr(16));
  if (url.substr(0, 7) == "file://") {
    const std::string_view path = url.substr(7);
    if (path.empty() || path[0] != '/') return std::nullopt;  // file://host/… is not local
    return std::string(path);
  }
  if (url.find("://") != std::string_view::npos || url.empty()) return std::nullopt;
  if (url[0] == '/') {
    if (!is_http_url(config)) return std::filesystem::path(url).lexically_normal().string();
    // An absolute path on the config's own server.
    const std::size_t host_end = config.find('/', config.find("://") + 3);
    return std::string(config.substr(0, host_end)) + std::string(url);
  }
  // Relative to the config, wherever the config came from (a path or a URL).
  const std::size_t slash = config.rfind('/');
  const std::size_t scheme = config.find("://");
  if (slash == std::string_view::npos || (scheme != std::string_view::npos && slash < scheme + 3))
    return is_http_url(config) ? std::string(config) + "/" + std::string(url)
                               : std::filesystem::path(url).lexically_normal().string();
  const std::string joined = std::string(config.substr(0, slash + 1)) + std::string(url);
  if (is_http_url(joined)) return joined;
  // "a/./b/../c" and "a/c" are the same file: one spelling, so duplicates show.
  return std::filesystem::path(joined).lexically_normal().string();
}

std::optional<model::PlayerConfig> read_player_config(const XmlDocument& doc, Findings& findings) {
  model::PlayerConfig config;
  config.source = doc.text->file();
  ElementReader root(findings, doc.doc.document_element());
  config.where = root.where();
  config.screen = root.text_attr("screen").value_or("");
  if (const auto tz = root.value_attr("timezone")) {
    if (const auto offset = parse_utc_offset(*tz))
      config.utc_offset_minutes = *offset;
    else
      root.bad_value("timezone", *tz, offset_problem(*tz),
                     "a fixed offset such as +08:00 (or UTC, Asia/Shanghai)");
  }
  config.clock_skew_seconds = static_cast<int>(
      root.whole_attr("clock-skew", Need::optional, 60, kMaxClockSkewSeconds).value_or(86400));
  for (const auto& node : root.children("feed")) {
    ElementReader e(findings, node);
    model::FeedSource feed;
    feed.where = e.where();
    const auto location = location_attr(e, config.source);
    feed.poll_seconds =
        static_cast<int>(e.whole_attr("poll", Need::optional, 1, 86400).value_or(60));
    e.finish();
    if (!location) continue;
    if (feed.poll_seconds < 10 && is_http_url(location->resolved))
      findings.warning(e.where_of("poll"), "<feed> poll=\"" + std::to_string(feed.poll_seconds) +
                                               "\" asks the server every few seconds; 60 is usual");
    if (const auto* same = feed_at(config, location->resolved)) {
      e.findings().error(e.where_of("url"),
                         "<feed> url=\"" + location->url + "\" is already listed at line " +
                             std::to_string(same->where.line) + "; each feed is read once");
      continue;
    }
    feed.url = location->resolved;
    config.feeds.push_back(std::move(feed));
  }
  if (root.children("feed").empty())
    findings.error(root.where(), "<player> needs at least one <feed url=\"…\">");
  if (const auto n = root.single_child("cache")) {
    ElementReader e(findings, *n);
    config.cache_dir = e.text_attr("dir", Need::required).value_or("");
    e.finish();
  }
  if (const auto n = root.single_child("trust")) {
    ElementReader e(findings, *n);
    const auto path = e.text_attr("key");
    const auto inline_key = e.text_attr("public-key");
    if (path && inline_key) {
      e.findings().error(e.where_of("public-key"),
                         "<trust> has both key and public-key; give one: the key file's path, or the key itself");
    } else if (inline_key) {
      config.trust_key_pem = public_key_pem(*inline_key);
      if (config.trust_key_pem.empty()) {
        e.findings().error(e.where_of("public-key"),
                           "<trust public-key=\"…\"> must be the base64 text of an Ed25519 public key "
                           "(the line between BEGIN and END in feeds.pub)");
      } else {
        config.trust_key = "the public-key of <trust> in " + config.source;
      }
    } else if (path) {
      config.trust_key = *path;
    } else {
      e.findings().error(e.where(), "<trust> needs key=\"PATH\" (an Ed25519 public key in PEM) or public-key=\"BASE64\"");
    }
    config.trust_hall = e.text_attr("hall").value_or("");
    e.finish();
  }
  if (const auto n = root.single_child("tls")) {
    ElementReader e(findings, *n);
    config.tls_ca_file = e.text_attr("ca-file", Need::required).value_or("");
    e.finish();
  }
  if (const auto n = root.single_child("display")) {
    ElementReader e(findings, *n);
    config.display.given = true;
    config.display.width =
        static_cast<int>(e.whole_attr("width", Need::optional, 320, 16384).value_or(1920));
    config.display.height =
        static_cast<int>(e.whole_attr("height", Need::optional, 240, 16384).value_or(1080));
    config.display.rotate =
        e.enum_attr<int>("rotate", {{"0", 0}, {"90", 90}, {"180", 180}, {"270", 270}}).value_or(0);
    if (const auto blank = e.whole_attr("blank-outside-hours", Need::optional, 0, 1440))
      config.display.blank_outside_hours_minutes = static_cast<int>(*blank);
    config.display.renderer =
        e.enum_attr<std::string>("renderer", {{"auto", "auto"}, {"gpu", "gpu"}, {"cpu", "cpu"}})
            .value_or("auto");
    config.display.power =
        e.enum_attr<std::string>("power", {{"none", "none"}, {"dpms", "dpms"}, {"cec", "cec"}})
            .value_or("none");
    config.display.power_where = e.where_of("power");
    // answers.md, issue 20: the panel is off only while the page is dark.
    if (config.display.power != "none" && !config.display.blank_outside_hours_minutes)
      e.findings().error(config.display.power_where,
                         "<display> power=\"" + config.display.power +
                             "\" needs blank-outside-hours: the panel is switched off only while "
                             "the screen is dark outside opening hours");
    e.finish();
  }
  if (const auto n = root.single_child("heartbeat")) {
    ElementReader e(findings, *n);
    model::Heartbeat hb;
    const auto url = e.http_url_attr("url", Need::required);
    hb.interval_seconds =
        static_cast<int>(e.whole_attr("interval", Need::optional, 10, 86400).value_or(300));
    hb.screenshot = e.bool_attr("screenshot").value_or(false);
    hb.token = e.text_attr("token").value_or("");
    e.finish();
    if (url) {
      hb.url = *url;
      config.heartbeat = hb;
    }
  }
  read_queue_source(root, config);
  read_sound(root, config);
  root.finish();
  return config;
}

}  // namespace hb::feed
