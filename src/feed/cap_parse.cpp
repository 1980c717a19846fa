#include <algorithm>
#include <array>
#include <functional>
#include <limits>

#include "feed/cap_reader.h"
#include "feed/text.h"
#include "feed/values.h"

namespace hb::feed {
namespace {

// The name without its namespace prefix: CAP is met both as
// <alert xmlns="urn:…"> and as <cap:alert xmlns:cap="urn:…">. pugixml
// knows nothing of namespaces, so they are told by the xmlns attributes.
std::string_view local_name(pugi::xml_node n) {
  const std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view prefix_of(pugi::xml_node n) {
  const std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
}

// The namespace the node's prefix is bound to, looked up through its ancestors.
std::string namespace_of(pugi::xml_node n) {
  const std::string prefix(prefix_of(n));
  const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
  for (pugi::xml_node a = n; a && a.type() == pugi::node_element; a = a.parent())
    if (const auto ns = a.attribute(attr.c_str())) return ns.value();
  return {};
}

std::size_t cap_char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first `max` characters, never cutting one in two.
std::string cap_cut(std::string s, std::size_t max) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max) {
      s.resize(i);
      break;
    }
  }
  return s;
}

std::vector<pugi::xml_node> children_named(pugi::xml_node parent, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) out.push_back(c);
  return out;
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

std::string node_text(pugi::xml_node n) {
  std::string raw;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
  return raw;
}

// A CAP date-time (2026-12-05T10:00:00+08:00) as Unix seconds; nothing
// when not of that form. CAP forbids "Z" and writes "-00:00" for UTC; both
// are read as UTC.
std::optional<model::UnixSeconds> cap_time_value(std::string text) {
  if (!text.empty() && (text.back() == 'Z' || text.back() == 'z'))
    text = text.substr(0, text.size() - 1) + "+00:00";
  const auto t = parse_timestamp(text);
  if (!t || !t->utc_offset_minutes) return std::nullopt;
  return model::to_unix(*t, 0);
}

// The children of one CAP element, read by name, each said where it stands.
class CapElement {
 public:
  CapElement(Findings& findings, pugi::xml_node node, std::string_view name,
             std::vector<std::string_view> others)
      : findings_(findings), node_(node), name_(name), known_(std::move(others)) {}

  model::Where where() const { return where_of_node(findings_.text(), node_); }
  model::Where where(pugi::xml_node n) const { return where_of_node(findings_.text(), n); }
  Findings& findings() { return findings_; }
  pugi::xml_node node() const { return node_; }

  // The text of the one child `child` as a line; empty when absent (an
  // error when required). A second one is an error, and only the first read.
  std::string line(std::string_view child, bool required = false) {
    const auto n = one(child, required);
    return n ? normalize_line(node_text(n)) : std::string{};
  }
  std::string paragraphs(std::string_view child) {
    const auto n = one(child, false);
    return n ? normalize_text(node_text(n)) : std::string{};
  }
  pugi::xml_node one(std::string_view child, bool required) {
    known_.push_back(child);
    const auto all = children_named(node_, child);
    if (all.empty()) {
      if (required)
        findings_.error(where(), "<" + name_ + "> needs a <" + std::string(child) + ">");
      return {};
    }
    if (all.size() > 1)
      findings_.error(where(all[1]), "<" + std::string(child) + "> appears more than once in <" +
                                         name_ + ">; only the first one is used");
    if (required && normalize_line(node_text(all.front())).empty())
      findings_.error(where(all.front()), "<" + std::string(child) + "> is empty");
    return all.front();
  }
  std::vector<pugi::xml_node> many(std::string_view child) {
    known_.push_back(child);
    return children_named(node_, child);
  }
  // A CAP date-time (2026-12-05T10:00:00+08:00) as Unix seconds; nothing
  // when absent or not of that form (an error then).
  std::optional<model::UnixSeconds> time(std::string_view child, bool required = false) {
    const auto n = one(child, required);
    if (!n) return std::nullopt;
    const std::string text = normalize_line(node_text(n));
    const auto t = cap_time_value(text);
    if (!t)
      findings_.error(where(n), "<" + std::string(child) + "> \"" + cap_cut(text, 40) +
                                    "\" is not a CAP date-time; expected a form such as "
                                    "2026-12-05T10:00:00+08:00 (with its UTC offset)");
    return t;
  }
  // One of `words` (CAP's own spelling), as its index; nothing when absent
  // (an error when required) or another word (an error).
  std::optional<std::size_t> word(std::string_view child, std::initializer_list<std::string_view> words,
                                  bool required) {
    const auto n = one(child, required);
    if (!n) return std::nullopt;
    const std::string text = normalize_line(node_text(n));
    std::size_t i = 0;
    for (const auto w : words) {
      if (text == w) return i;
      ++i;
    }
    findings_.error(where(n), "<" + std::string(child) + "> \"" + cap_cut(text, 40) +
                                  "\" is not one of CAP's values: " +
                                  join_alternatives(std::vector<std::string_view>(words)));
    return std::nullopt;
  }
  // Child elements nobody asked for: a warning each (a misspelt name).
  void finish() {
    for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (std::find(known_.begin(), known_.end(), local_name(c)) != known_.end()) continue;
      findings_.warning(where(c), "unknown element <" + std::string(c.name()) + "> in <" + name_ +
                                      ">; it is not part of CAP 1.2 and is left out");
    }
  }

 private:
  Findings& findings_;
  pugi::xml_node node_;
  std::string name_;
  std::vector<std::string_view> known_;
};

// Elements of CAP 1.2 that a screen has no use for: known, not read.
const std::vector<std::string_view> kAlertOthers = {
    "source", "restriction", "addresses", "code", "note", "incidents"};
const std::vector<std::string_view> kInfoOthers = {
    "category", "responseType", "audience", "eventCode", "web", "contact", "parameter",
    "resource"};
const std::vector<std::string_view> kAreaOthers = {"polygon", "circle", "altitude",
                                                                 "ceiling"};

void cut_long(CapElement& e, std::string& text, std::string_view child, std::size_t max) {
  const std::size_t n = cap_char_count(text);
  if (n <= max) return;
  e.findings().warning(e.where(child_named(e.node(), child)),
                       "<" + std::string(child) + "> has " + std::to_string(n) +
                           " characters; only the first " + std::to_string(max) + " are shown");
  text = cap_cut(std::move(text), max);
}

model::CapArea read_area(Findings& findings, pugi::xml_node node, const CapLimits& limits) {
  CapElement e(findings, node, "area", kAreaOthers);
  model::CapArea area;
  area.description = e.line("areaDesc", true);
  const auto geocodes = e.many("geocode");
  for (std::size_t i = 0; i < geocodes.size(); ++i) {
    if (i == limits.max_geocodes) {
      findings.warning(e.where(geocodes[i]), "more than " + std::to_string(limits.max_geocodes) +
                                                 " <geocode> in one <area>; the rest are left out");
      break;
    }
    CapElement g(findings, geocodes[i], "geocode", {});
    model::CapGeocode code{g.line("valueName", true), g.line("value", true)};
    g.finish();
    if (!code.value.empty()) area.geocodes.push_back(std::move(code));
  }
  e.finish();
  return area;
}

void read_areas(CapElement& e, model::CapInfo& info, const CapLimits& limits) {
  const auto areas = e.many("area");
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (i == limits.max_areas) {
      e.findings().warning(e.where(areas[i]), "more than " + std::to_string(limits.max_areas) +
                                                  " <area> in one <info>; the rest are left out");
      break;
    }
    info.areas.push_back(read_area(e.findings(), areas[i], limits));
  }
}

std::optional<model::CapInfo> read_info(Findings& findings, pugi::xml_node node,
                                        const CapLimits& limits) {
  CapElement e(findings, node, "info", kInfoOthers);
  model::CapInfo info;
  info.where = e.where();
  const std::string language = e.line("language");
  if (!language.empty()) info.language = language;
  info.event = e.line("event", true);
  const auto urgency =
      e.word("urgency", {"Immediate", "Expected", "Future", "Past", "Unknown"}, true);
  if (urgency) info.urgency = static_cast<model::CapUrgency>(*urgency);
  if (e.word("severity", {"Extreme", "Severe", "Moderate", "Minor", "Unknown"}, true))
    info.severity = normalize_line(node_text(child_named(node, "severity")));
  if (e.word("certainty", {"Observed", "Likely", "Possible", "Unlikely", "Unknown"}, true))
    info.certainty = normalize_line(node_text(child_named(node, "certainty")));
  const bool bad_effective = child_named(node, "effective") && !(info.effective = e.time("effective"));
  info.onset = e.time("onset");
  const bool bad_expires = child_named(node, "expires") && !(info.expires = e.time("expires"));
  info.sender_name = e.line("senderName");
  info.headline = e.line("headline");
  info.description = e.paragraphs("description");
  info.instruction = e.paragraphs("instruction");
  cut_long(e, info.headline, "headline", kMaxCapHeadlineChars);
  cut_long(e, info.description, "description", kMaxCapDescriptionChars);
  cut_long(e, info.instruction, "instruction", kMaxCapDescriptionChars);
  read_areas(e, info, limits);
  e.finish();
  if (info.headline.empty() && info.description.empty())
    findings.warning(info.where, "<info> has neither <headline> nor <description>; the screen "
                                 "shows its <event> only");
  if (info.effective && info.expires && *info.expires <= *info.effective)
    findings.error(e.where(child_named(node, "expires")),
                   "<expires> is not after <effective>: the alert is never in force");
  // An alert whose time of force or urgency cannot be read is never shown:
  // guessing either could keep a warning up that should be gone.
  if (!urgency || bad_effective || bad_expires) return std::nullopt;
  return info;
}

// "sender,identifier,sent" triples separated by white space.
std::vector<model::CapReference> read_references(CapElement& e, const CapLimits& limits) {
  std::vector<model::CapReference> out;
  const auto n = e.one("references", false);
  if (!n) return out;
  const std::string text = normalize_line(node_text(n));
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = std::min(text.find(' ', at), text.size());
    const std::string_view triple = std::string_view(text).substr(at, end - at);
    at = end + 1;
    if (triple.empty()) continue;
    const auto parts = split_list(triple);
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty()) {
      e.findings().error(e.where(n), "<references> \"" + cap_cut(std::string(triple), 60) +
                                         "\" is not sender,identifier,sent");
      continue;
    }
    if (out.size() == limits.max_references) {
      e.findings().warning(e.where(n), "more than " + std::to_string(limits.max_references) +
                                           " references; the rest are left out");
      break;
    }
    out.push_back({std::string(parts[0]), std::string(parts[1]), std::string(parts[2])});
  }
  return out;
}

void check_namespace(Findings& findings, pugi::xml_node node) {
  const std::string ns = namespace_of(node);
  if (ns == kCapNamespace) return;
  findings.warning(where_of_node(findings.text(), node),
                   ns.empty() ? "<alert> names no namespace; read as CAP 1.2 (xmlns=\"" +
                                    std::string(kCapNamespace) + "\")"
                              : "<alert> is in namespace \"" + cap_cut(ns, 80) +
                                    "\", not CAP 1.2's; read as CAP 1.2");
}

void read_infos(CapElement& e, model::CapAlert& alert, const CapLimits& limits) {
  const auto infos = e.many("info");
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (i == limits.max_infos) {
      e.findings().warning(e.where(infos[i]), "more than " + std::to_string(limits.max_infos) +
                                                  " <info> in one <alert>; the rest are left out");
      break;
    }
    if (auto info = read_info(e.findings(), infos[i], limits)) alert.infos.push_back(std::move(*info));
  }
}

bool id_ok(CapElement& e, const std::string& value, std::string_view child) {
  if (value.empty()) return false;
  if (cap_char_count(value) <= kMaxCapIdChars) return true;
  e.findings().error(e.where(child_named(e.node(), child)),
                     "<" + std::string(child) + "> has more than " +
                         std::to_string(kMaxCapIdChars) + " characters");
  return false;
}

std::optional<model::CapAlert> read_alert(Findings& findings, pugi::xml_node node,
                                          const CapLimits& limits) {
  check_namespace(findings, node);
  CapElement e(findings, node, "alert", kAlertOthers);
  model::CapAlert alert;
  alert.where = e.where();
  alert.identifier = e.line("identifier", true);
  alert.sender = e.line("sender", true);
  const auto sent = e.time("sent", true);
  const auto status = e.word("status", {"Actual", "Exercise", "System", "Test", "Draft"}, true);
  const auto type = e.word("msgType", {"Alert", "Update", "Cancel", "Ack", "Error"}, true);
  const auto scope = e.word("scope", {"Public", "Restricted", "Private"}, true);
  alert.references = read_references(e, limits);
  read_infos(e, alert, limits);
  e.finish();
  const bool identifier_ok = id_ok(e, alert.identifier, "identifier");
  const bool sender_ok = id_ok(e, alert.sender, "sender");
  if (!identifier_ok || !sender_ok || !sent || !status || !type || !scope) return std::nullopt;
  alert.sent = *sent;
  alert.status = static_cast<model::CapStatus>(*status);
  alert.msg_type = static_cast<model::CapMsgType>(*type);
  alert.scope = static_cast<model::CapScope>(*scope);
  const bool refers = alert.msg_type == model::CapMsgType::update ||
                      alert.msg_type == model::CapMsgType::cancel;
  if (refers && alert.references.empty())
    findings.warning(alert.where, std::string("an ") +
                                      (alert.msg_type == model::CapMsgType::cancel ? "Cancel" : "Update") +
                                      " with no <references>: it names no alert to replace");
  return alert;
}

// The CAP alert an Atom entry or RSS item carries inline: a child, or a
// grandchild (inside <content>, or <content:encoded>).
pugi::xml_node carried_alert(pugi::xml_node entry) {
  if (const auto a = child_named(entry, "alert")) return a;
  for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element)
      if (const auto a = child_named(c, "alert")) return a;
  return {};
}

// The alerts the entries carry, or the `max` newest of them by <sent> (in
// document order) when they are more: an archive written oldest first
// must not lose its newest alerts and Cancels to the cap. Only <sent> is
// read of each, so the work stays linear in the (2 MiB) document.
std::vector<pugi::xml_node> newest_alerts(Findings& findings,
                                          const std::vector<pugi::xml_node>& entries,
                                          std::string_view kind, std::size_t max) {
  std::vector<pugi::xml_node> alerts;
  for (const auto entry : entries) {
    if (const auto alert = carried_alert(entry)) {
      alerts.push_back(alert);
      continue;
    }
    findings.warning(where_of_node(findings.text(), entry),
                     "<" + std::string(kind) +
                         "> carries no CAP <alert> inline (in <content>); it is left out (a "
                         "screen does not follow links)");
  }
  if (alerts.size() <= max) return alerts;
  findings.warning(where_of_node(findings.text(), alerts[max]),
                   std::to_string(alerts.size()) + " alerts, more than " + std::to_string(max) +
                       "; only the " + std::to_string(max) + " newest by <sent> are read");
  std::vector<std::pair<model::UnixSeconds, std::size_t>> by_sent;  // sent, document index
  by_sent.reserve(alerts.size());
  for (std::size_t i = 0; i < alerts.size(); ++i) {
    const auto sent = cap_time_value(normalize_line(node_text(child_named(alerts[i], "sent"))));
    by_sent.emplace_back(sent.value_or(std::numeric_limits<model::UnixSeconds>::min()), i);
  }
  // Newest first; of equal times the later in the document first.
  std::nth_element(by_sent.begin(), by_sent.begin() + static_cast<std::ptrdiff_t>(max),
                   by_sent.end(), std::greater<>{});
  by_sent.resize(max);
  std::sort(by_sent.begin(), by_sent.end(),
            [](const auto& x, const auto& y) { return x.second < y.second; });
  std::vector<pugi::xml_node> kept;
  kept.reserve(max);
  for (const auto& [sent, i] : by_sent)
    kept.push_back(alerts[i]);
  return kept;
}

void read_entries(Findings& findings, const std::vector<pugi::xml_node>& entries,
                  std::string_view kind, model::AlertDocument& doc, const CapLimits& limits) {
  for (const auto alert : newest_alerts(findings, entries, kind, limits.max_alerts))
    if (auto a = read_alert(findings, alert, limits)) doc.alerts.push_back(std::move(*a));
}

}  // namespace

bool is_alert_root(std::string_view local) {
  return local == "alert" || local == "feed" || local == "rss";
}

bool alerts_size_ok(std::string_view bytes, const std::string& source, const CapLimits& limits,
                    model::Diagnostics& out) {
  if (bytes.size() <= limits.max_bytes) return true;
  out.push_back({model::Where{source, 1, 1}, model::Severity::error,
                 "the alerts document is larger than " + std::to_string(limits.max_bytes / 1024) +
                     " KiB, the limit for one"});
  return false;
}

std::optional<model::AlertDocument> read_alerts(const XmlDocument& xml, Findings& findings,
                                                const CapLimits& limits) {
  model::AlertDocument doc;
  doc.source = xml.text->file();
  const pugi::xml_node root = xml.doc.document_element();
  const std::string_view name = local_name(root);
  if (name == "alert") {
    if (auto a = read_alert(findings, root, limits)) doc.alerts.push_back(std::move(*a));
  } else if (name == "feed") {
    read_entries(findings, children_named(root, "entry"), "entry", doc, limits);
  } else if (name == "rss") {
    const auto channel = child_named(root, "channel");
    if (!channel) {
      findings.error(where_of_node(findings.text(), root), "<rss> has no <channel>");
      return std::nullopt;
    }
    read_entries(findings, children_named(channel, "item"), "item", doc, limits);
  } else {
    findings.error(where_of_node(findings.text(), root),
                   "the root element is <" + std::string(root.name()) +
                       ">; an alerts source is a CAP <alert>, an Atom <feed> or an RSS <rss>");
    return std::nullopt;
  }
  // Errors and not one alert readable: a broken document, not an authority
  // with nothing to say. It must not withdraw the alerts last read.
  if (doc.alerts.empty() && findings.any_error()) return std::nullopt;
  return doc;
}

std::optional<model::AlertDocument> parse_alerts(std::string_view bytes, const std::string& source,
                                                 model::Diagnostics& out,
                                                 const CapLimits& limits) {
  if (!alerts_size_ok(bytes, source, limits, out)) return std::nullopt;
  const auto xml = load_small_xml(bytes, source, limits.max_bytes, limits.max_findings, out);
  if (!xml) return std::nullopt;
  Findings findings(*xml->text, out, limits.max_findings);
  return read_alerts(*xml, findings, limits);
}

}  // namespace hb::feed
