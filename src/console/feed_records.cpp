#include "console/feed_records.h"

#include <pugixml.hpp>

#include <sstream>

namespace hb::console {

namespace {

// Singletons are keyed by their kind: there is one hall, one calendar, one
// month of statistics. A playlist is keyed by the screens it is for.
std::string singleton_key(const RecordKind& k, const pugi::xml_node& e) {
  if (std::string_view(k.kind) == "playlist") {
    const std::string screens = e.attribute("screen").as_string();
    return screens.empty() ? "*" : screens;
  }
  return k.kind;
}

bool load_utf8(pugi::xml_document& doc, std::string_view utf8) {
  return doc.load_buffer(utf8.data(), utf8.size(), pugi::parse_default, pugi::encoding_utf8);
}

store::Record make_record(const RecordKind& k, const pugi::xml_node& e, const KeyMaker& make_key) {
  store::Record r;
  r.kind = k.kind;
  if (*k.section == '\0') {
    r.key = singleton_key(k, e);
  } else {
    r.key = *k.key_attribute ? e.attribute(k.key_attribute).as_string() : "";
    if (r.key.empty()) r.key = make_key(k.kind);
  }
  r.body = record_body(e);
  return r;
}

void append_record(pugi::xml_node root, const RecordKind& k, const std::string& body) {
  pugi::xml_document part;
  if (!load_utf8(part, body) || !part.document_element()) return;  // the store holds only valid ones
  pugi::xml_node parent = root;
  if (*k.section) {
    parent = root.child(k.section);
    if (!parent) parent = root.append_child(k.section);
  }
  parent.append_copy(part.document_element());
}

}  // namespace

std::string record_body(const pugi::xml_node& element) {
  std::ostringstream out;
  element.print(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

const std::vector<RecordKind>& record_kinds() {
  static const std::vector<RecordKind> kinds = {
      {"hall", "", "hall.xml", ""},           {"calendar", "", "hall.xml", ""},
      {"pledge", "pledges", "hall.xml", ""},  {"playlist", "", "hall.xml", ""},
      {"staff", "roster", "roster.xml", "id"}, {"window", "roster", "roster.xml", "id"},
      {"absence", "roster", "roster.xml", ""}, {"notice", "notices", "notices.xml", "id"},
      {"item", "items", "items.xml", "id"},    {"result", "results", "results.xml", ""},
      {"stats", "", "stats.xml", ""},
  };
  return kinds;
}

const RecordKind* find_record_kind(std::string_view kind) {
  for (const RecordKind& k : record_kinds()) {
    if (kind == k.kind) return &k;
  }
  return nullptr;
}

std::vector<std::string> feed_names() {
  return {"hall.xml", "roster.xml", "notices.xml", "items.xml", "results.xml", "stats.xml"};
}

std::vector<store::Record> records_from_feed(std::string_view utf8_xml, const KeyMaker& make_key,
                                             std::string* hall_id) {
  std::vector<store::Record> out;
  pugi::xml_document doc;
  if (!load_utf8(doc, utf8_xml)) return out;
  const pugi::xml_node root = doc.document_element();
  if (hall_id && root.attribute("hall")) *hall_id = root.attribute("hall").as_string();
  for (const pugi::xml_node& section : root.children()) {
    if (section.type() != pugi::node_element) continue;
    for (const RecordKind& k : record_kinds()) {
      if (*k.section == '\0' && section.name() == std::string_view(k.kind)) {
        out.push_back(make_record(k, section, make_key));
        continue;
      }
      if (section.name() != std::string_view(k.section)) continue;
      for (const pugi::xml_node& e : section.children(k.kind)) {
        out.push_back(make_record(k, e, make_key));
      }
    }
  }
  return out;
}

std::optional<std::string> element_of_kind(std::string_view utf8_xml, std::string_view kind) {
  pugi::xml_document doc;
  if (!load_utf8(doc, utf8_xml)) return std::nullopt;
  const std::string name(kind);
  const pugi::xml_node found = doc.find_node(
      [&](const pugi::xml_node& n) { return n.type() == pugi::node_element && name == n.name(); });
  if (!found) return std::nullopt;
  return record_body(found);
}

std::string child_text_of(const store::Record& record, const char* child) {
  pugi::xml_document doc;
  if (!load_utf8(doc, record.body)) return "";
  return doc.document_element().child(child).text().as_string();
}

std::string element_text_of(const store::Record& record) {
  pugi::xml_document doc;
  if (!load_utf8(doc, record.body)) return "";
  return doc.document_element().text().as_string();
}

std::string record_attribute(const store::Record& record, const char* name) {
  pugi::xml_document doc;
  if (!load_utf8(doc, record.body)) return "";
  return doc.document_element().attribute(name).as_string();
}

std::vector<FeedDraft> feeds_from_records(const std::vector<store::Record>& records,
                                          const std::string& hall_id) {
  std::vector<FeedDraft> out;
  for (const std::string& name : feed_names()) {
    // (kind, body) in the order they are written: kinds as listed, then position.
    std::vector<std::pair<const RecordKind*, std::string>> parts;
    for (const RecordKind& k : record_kinds()) {
      if (name != k.feed) continue;
      std::vector<const store::Record*> of_kind;
      for (const store::Record& r : records) {
        if (r.kind == k.kind) of_kind.push_back(&r);
      }
      std::stable_sort(of_kind.begin(), of_kind.end(), [](const auto* a, const auto* b) {
        return a->position < b->position;
      });
      for (const store::Record* r : of_kind) parts.emplace_back(&k, r->body);
    }
    out.push_back(FeedDraft{name, [parts, hall_id](const std::string& generated) {
                              pugi::xml_document doc;
                              auto decl = doc.append_child(pugi::node_declaration);
                              decl.append_attribute("version") = "1.0";
                              decl.append_attribute("encoding") = "UTF-8";
                              pugi::xml_node root = doc.append_child("hallboard");
                              root.append_attribute("version") = "1";
                              if (!generated.empty()) root.append_attribute("generated") = generated.c_str();
                              if (!hall_id.empty()) root.append_attribute("hall") = hall_id.c_str();
                              for (const auto& [k, body] : parts) append_record(root, *k, body);
                              std::ostringstream bytes;
                              doc.save(bytes, "  ", pugi::format_indent, pugi::encoding_utf8);
                              return bytes.str();
                            }});
  }
  return out;
}

}  // namespace hb::console
