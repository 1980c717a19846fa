#include <algorithm>
#include <set>

#include "feed/queue_reader.h"

namespace hb::feed {
namespace {

std::size_t count_chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A value longer than `max` characters is an error that does not repeat
// the value: it may be a quarter of a megabyte.
bool too_long(ElementReader& e, const char* attr, const std::string& value, std::size_t max) {
  const std::size_t n = count_chars(value);
  if (n <= max) return false;
  e.findings().error(e.where_of(attr), e.label(attr) + " " + attr + " has " + std::to_string(n) +
                                           " characters; at most " + std::to_string(max));
  return true;
}

// A required id-like attribute within `max` characters, or nothing (said).
std::optional<std::string> short_attr(ElementReader& e, const char* attr, std::size_t max) {
  auto value = e.text_attr(attr, Need::required);
  if (!value || too_long(e, attr, *value, max)) return std::nullopt;
  return value;
}

// The element's id, or nothing. An id too long to be one is said once and
// stops the reading of its element: every later message would repeat it,
// since messages name an element by its id.
struct Id {
  std::optional<std::string> value;
  bool too_long = false;
};
Id read_id(ElementReader& e) {
  Id id{e.text_attr("id", Need::required)};
  id.too_long = id.value && too_long(e, "id", *id.value, kMaxQueueIdChars);
  if (id.too_long) id.value.reset();
  return id;
}

bool given(const ElementReader& e, const char* attr) {
  return static_cast<bool>(e.node().attribute(attr));
}

std::optional<model::QueueWindow> read_window(ElementReader& e) {
  model::QueueWindow w;
  w.where = e.where();
  const Id id = read_id(e);
  if (id.too_long) return std::nullopt;
  // serving="" says nobody is being served.
  const auto serving = e.text_attr("serving");
  bool bad = serving && too_long(e, "serving", *serving, kMaxTicketChars);
  if (const auto waiting = e.whole_attr("waiting", Need::optional, 0, kMaxWaiting))
    w.waiting = static_cast<int>(*waiting);
  bad = bad || (given(e, "waiting") && !w.waiting);
  const auto state =
      e.enum_attr<model::QueueWindowState>("state", {{"open", model::QueueWindowState::open},
                                                     {"paused", model::QueueWindowState::paused},
                                                     {"closed", model::QueueWindowState::closed}});
  bad = bad || (given(e, "state") && !state);
  e.finish();
  if (!id.value || bad) return std::nullopt;
  w.id = *id.value;
  w.serving = serving.value_or("");
  w.state = state.value_or(model::QueueWindowState::open);
  return w;
}

// The caller's name and title, or neither: a name too long to be one is
// not shown, and the call still is.
void read_caller(ElementReader& e, model::QueueCall& call) {
  auto name = e.text_attr("name");
  auto title = e.text_attr("title");
  const bool long_name = name && count_chars(*name) > kMaxCallerNameChars;
  const bool long_title = title && count_chars(*title) > kMaxCallerTitleChars;
  if (long_name || long_title) {
    const char* attr = long_name ? "name" : "title";
    e.findings().warning(
        e.where_of(attr),
        e.label() + " " + attr + " is longer than " +
            std::to_string(long_name ? kMaxCallerNameChars : kMaxCallerTitleChars) +
            " characters; the call is shown without name and title");
    return;
  }
  call.name = name.value_or("");
  call.title = title.value_or("");
}

std::optional<model::QueueCall> read_call(ElementReader& e, const QueueLimits& limits) {
  model::QueueCall call;
  call.where = e.where();
  const Id id = read_id(e);
  if (id.too_long) return std::nullopt;
  const auto ticket = short_attr(e, "ticket", kMaxTicketChars);
  const auto window = short_attr(e, "window", kMaxQueueIdChars);
  const auto at = e.timestamp_attr("at", Need::required);
  read_caller(e, call);
  e.finish();
  if (!id.value || !ticket || !window || !at) return std::nullopt;
  call.id = *id.value;
  call.ticket = *ticket;
  call.window = *window;
  call.at = model::to_unix(*at, limits.utc_offset_minutes);
  return call;
}

// A second element with an id already seen is an error and left out.
bool first_with_id(Findings& findings, std::set<std::string>& seen, const std::string& id,
                   const model::Where& where, const char* element) {
  if (seen.insert(id).second) return true;
  findings.error(where, std::string("a second <") + element + " id=\"" + id +
                            "\">; each id appears once, and only the first is used");
  return false;
}

void read_windows(ElementReader& root, model::QueueDocument& doc, const QueueLimits& limits) {
  const auto nodes = root.children("window");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (i == limits.max_windows) {
      root.findings().warning(where_of_node(root.findings().text(), nodes[i]),
                              "more than " + std::to_string(limits.max_windows) +
                                  " <window> elements; the rest are left out");
      break;
    }
    ElementReader e(root.findings(), nodes[i]);
    auto w = read_window(e);
    if (w && first_with_id(root.findings(), seen, w->id, w->where, "window"))
      doc.windows.push_back(std::move(*w));
  }
}

// Oldest first; beyond the cap the oldest are dropped: a source that keeps
// its whole day in the document still gives the screen the calls it shows.
void keep_latest_calls(ElementReader& root, std::vector<model::QueueCall>& calls,
                       const QueueLimits& limits) {
  std::stable_sort(calls.begin(), calls.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });
  if (calls.size() <= limits.max_calls) return;
  root.findings().warning(root.where(), "<queue> holds " + std::to_string(calls.size()) +
                                            " calls; only the latest " +
                                            std::to_string(limits.max_calls) + " are kept");
  calls.erase(calls.begin(), calls.end() - static_cast<std::ptrdiff_t>(limits.max_calls));
}

void read_calls(ElementReader& root, model::QueueDocument& doc, const QueueLimits& limits) {
  std::set<std::string> seen;
  for (const auto& node : root.children("call")) {
    ElementReader e(root.findings(), node);
    auto call = read_call(e, limits);
    if (call && first_with_id(root.findings(), seen, call->id, call->where, "call"))
      doc.calls.push_back(std::move(*call));
  }
  keep_latest_calls(root, doc.calls, limits);
}

std::string human_kib(std::size_t bytes) {
  return std::to_string(bytes / 1024) + " KiB";
}

}  // namespace

bool queue_size_ok(std::string_view bytes, const std::string& source, const QueueLimits& limits,
                   model::Diagnostics& out) {
  if (bytes.size() <= limits.max_bytes) return true;
  out.push_back({model::Where{source, 1, 1}, model::Severity::error,
                 "the queue document is larger than " + human_kib(limits.max_bytes) +
                     ", the limit for one; a queue source lists the windows and its last few "
                     "calls only"});
  return false;
}

model::QueueDocument read_queue(const XmlDocument& xml, Findings& findings,
                                const QueueLimits& limits) {
  model::QueueDocument doc;
  doc.source = xml.text->file();
  ElementReader root(findings, xml.doc.document_element());
  if (const auto generated = root.timestamp_attr("generated"))
    doc.generated = model::to_unix(*generated, limits.utc_offset_minutes);
  read_windows(root, doc, limits);
  read_calls(root, doc, limits);
  root.finish();
  return doc;
}

std::optional<model::QueueDocument> parse_queue(std::string_view bytes, const std::string& source,
                                                model::Diagnostics& out,
                                                const QueueLimits& limits) {
  if (!queue_size_ok(bytes, source, limits, out)) return std::nullopt;
  const auto xml = load_small_xml(bytes, source, limits.max_bytes, limits.max_findings, out);
  if (!xml) return std::nullopt;
  Findings findings(*xml->text, out, limits.max_findings);
  const pugi::xml_node root = xml->doc.document_element();
  if (std::string_view(root.name()) != "queue") {
    findings.error(
        where_of_node(*xml->text, root),
        "the root element is <" + std::string(root.name()) + ">; a queue document is <queue>");
    return std::nullopt;
  }
  return read_queue(*xml, findings, limits);
}

}  // namespace hb::feed
