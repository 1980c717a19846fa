#include <map>

#include "feed/element_reader.h"
#include "feed/feed.h"
#include "feed/player_config_reader.h"
#include "feed/cap_reader.h"
#include "feed/queue_reader.h"
#include "feed/sections.h"
#include "feed/text.h"
#include "feed/values.h"
#include "feed/xml_document.h"
#include "model/privacy.h"

namespace hb::feed {
namespace {

// "1", "1.2", "1.2.3": any version whose major number is 1.
bool version_is_1(std::string_view v) {
  if (v.substr(0, 1) != "1") return false;
  std::string_view rest = v.substr(1);
  while (!rest.empty()) {
    if (rest[0] != '.') return false;
    const std::size_t next = rest.find('.', 1);
    if (!parse_whole_number(rest.substr(1, next == std::string_view::npos ? next : next - 1)))
      return false;
    rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next);
  }
  return true;
}

void warn_resident_ids(const SourceText& text, Findings& findings) {
  const std::string_view s = text.text();
  std::size_t from = 0;
  while (const auto at = model::find_resident_id(s.substr(from))) {
    const std::size_t offset = from + *at;
    findings.warning(text.where(offset),
                     "a resident ID number (身份证号) stands here; feeds are public, so remove it "
                     "(on screen only its first and last 4 characters would show)");
    from = offset + 18;
  }
}

void check_playlist_screens(Findings& findings, const std::vector<model::Playlist>& playlists) {
  std::map<std::string, model::Where> seen;
  for (const auto& p : playlists)
    for (const auto& screen : p.screens) {
      const auto [it, fresh] = seen.emplace(screen, p.where);
      if (!fresh)
        findings.error(p.where, "a second <playlist> for screen \"" + screen +
                                    "\" (the first is at line " + std::to_string(it->second.line) +
                                    "); each screen value has one playlist");
    }
}

model::Feed read_feed(const XmlDocument& doc, ElementReader& root, Findings& findings) {
  model::Feed feed;
  feed.source = doc.text->file();
  feed.where = root.where();
  feed.version = root.text_attr("version").value_or("");
  feed.generated = root.timestamp_attr("generated");
  if (feed.generated)
    findings.check_generated(root.where_of("generated"), root.node().attribute("generated").value(),
                             *feed.generated);
  feed.hall_id = root.text_attr("hall").value_or("");
  const std::string& base = feed.source;
  if (const auto n = root.single_child("hall")) {
    ElementReader e(findings, *n);
    feed.hall = read_hall(e, base);
  }
  if (const auto n = root.single_child("calendar")) {
    ElementReader e(findings, *n);
    feed.calendar = read_calendar(e);
  }
  if (const auto n = root.single_child("items")) {
    ElementReader e(findings, *n);
    feed.has_items_section = true;
    feed.items = read_items(e);
  }
  if (const auto n = root.single_child("results")) {
    ElementReader e(findings, *n);
    feed.results = read_results(e);
  }
  if (const auto n = root.single_child("roster")) {
    ElementReader e(findings, *n);
    feed.roster = read_roster(e, base);
  }
  if (const auto n = root.single_child("pledges")) {
    ElementReader e(findings, *n);
    feed.pledges = read_pledges(e);
  }
  if (const auto n = root.single_child("notices")) {
    ElementReader e(findings, *n);
    feed.notices = read_notices(e);
  }
  if (const auto n = root.single_child("stats")) {
    ElementReader e(findings, *n);
    feed.stats = read_stats(e);
  }
  for (const auto& n : root.children("playlist")) {
    ElementReader e(findings, n);
    feed.playlists.push_back(read_playlist(e, base));
  }
  check_playlist_screens(findings, feed.playlists);
  root.finish();
  warn_resident_ids(*doc.text, findings);
  return feed;
}

// Checks the version before anything else is read: another major version
// may mean anything, so nothing of it is interpreted.
bool accept_version(ElementReader& root, Findings& findings) {
  const pugi::xml_attribute v = root.node().attribute("version");
  if (!v) {
    findings.error(root.where(), "<hallboard> needs the attribute version=\"1\"");
    return false;
  }
  const std::string version = trim(v.value());
  if (version_is_1(version)) return true;
  findings.error(root.where_of("version"),
                 "<hallboard> version=\"" + version +
                     "\" is not supported: this player reads feed format version 1");
  return false;
}

}  // namespace

Document parse_document(std::string_view bytes, const std::string& source, model::Diagnostics& out,
                        const Limits& limits) {
  Document result;
  const auto doc = load_xml(bytes, source, limits, out);
  if (!doc) return result;
  Findings findings(*doc->text, out, limits.max_findings);
  if (limits.now) findings.set_clock(*limits.now, limits.generated_skew_seconds);
  const pugi::xml_node root = doc->doc.document_element();
  const std::string_view name = root.name();
  if (name == "player") {
    result.config = read_player_config(*doc, findings);
    return result;
  }
  if (name == "queue") {
    if (queue_size_ok(bytes, source, QueueLimits{}, out))
      result.queue = read_queue(*doc, findings, QueueLimits{});
    return result;
  }
  // A CAP alert, in its namespace or none, or a feed carrying them.
  const std::string_view local = name.substr(name.find(':') == std::string_view::npos
                                                 ? 0
                                                 : name.find(':') + 1);
  if (is_alert_root(local)) {
    if (alerts_size_ok(bytes, source, CapLimits{}, out))
      result.alerts = read_alerts(*doc, findings, CapLimits{});
    return result;
  }
  if (name != "hallboard") {
    findings.error(where_of_node(*doc->text, root),
                   "the root element is <" + std::string(name) +
                       ">; expected <hallboard version=\"1\"> (a feed), <player> (a config) or "
                       "<queue> (a queue document); or a CAP <alert>, Atom <feed> or RSS <rss> of alerts");
    return result;
  }
  ElementReader reader(findings, root);
  if (!accept_version(reader, findings)) return result;
  result.feed = read_feed(*doc, reader, findings);
  return result;
}

std::optional<model::Feed> parse_feed(std::string_view bytes, const std::string& source,
                                      model::Diagnostics& out, const Limits& limits) {
  Document d = parse_document(bytes, source, out, limits);
  if (d.config || d.queue || d.alerts) {
    out.push_back({model::Where{source, 1, 1}, model::Severity::error,
                   d.config  ? "this is a player config (<player>), not a feed (<hallboard>)"
                   : d.queue ? "this is a queue document (<queue>), not a feed (<hallboard>)"
                             : "this is an alerts source (CAP), not a feed (<hallboard>)"});
    return std::nullopt;
  }
  return std::move(d.feed);
}

std::optional<model::PlayerConfig> parse_player_config(std::string_view bytes,
                                                       const std::string& source,
                                                       model::Diagnostics& out,
                                                       const Limits& limits) {
  Document d = parse_document(bytes, source, out, limits);
  if (d.feed || d.queue || d.alerts) {
    out.push_back({model::Where{source, 1, 1}, model::Severity::error,
                   d.feed    ? "this is a feed (<hallboard>), not a player config (<player>)"
                   : d.queue ? "this is a queue document (<queue>), not a player config (<player>)"
                             : "this is an alerts source (CAP), not a player config (<player>)"});
    return std::nullopt;
  }
  return std::move(d.config);
}

}  // namespace hb::feed
