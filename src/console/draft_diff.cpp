#include "console/draft_diff.h"

#include <pugixml.hpp>

#include <map>

#include "console/feed_records.h"

namespace hb::console {

namespace {

std::vector<const store::Record*> of_kind(const std::vector<store::Record>& records,
                                          const std::string& kind) {
  std::vector<const store::Record*> out;
  for (const auto& r : records) {
    if (r.kind == kind) out.push_back(&r);
  }
  return out;
}

// Keyed kinds: by key. Keyless kinds: an element present on one side only.
void compare(const RecordKind& k, const std::vector<const store::Record*>& before,
             const std::vector<const store::Record*>& after, KindChanges& out) {
  const bool keyed = *k.key_attribute || !*k.section;
  std::multimap<std::string, const store::Record*> old;
  for (const auto* r : before) old.emplace(keyed ? r->key : r->body, r);
  for (const auto* r : after) {
    const auto found = old.find(keyed ? r->key : r->body);
    if (found == old.end()) {
      out.added.push_back({record_label(*r), "", r->body});
      continue;
    }
    if (found->second->body != r->body) {
      out.changed.push_back({record_label(*r), found->second->body, r->body});
    }
    old.erase(found);
  }
  for (const auto& [key, r] : old) out.removed.push_back({record_label(*r), r->body, ""});
}

}  // namespace

const char* kind_label(const std::string& kind) {
  static const std::map<std::string, const char*> labels = {
      {"hall", "大厅信息与服务承诺"}, {"calendar", "办公时间与节假日"}, {"pledge", "党员承诺"},
      {"playlist", "播放列表"},       {"staff", "工作人员"},             {"window", "窗口"},
      {"absence", "请假与补岗"},      {"notice", "公告"},                {"item", "事项"},
      {"result", "办理结果"},         {"stats", "月度统计"}};
  const auto it = labels.find(kind);
  return it == labels.end() ? "其他" : it->second;
}

std::string record_label(const store::Record& r) {
  // Parsed once: lists call this for every one of 2,000 items.
  pugi::xml_document doc;
  if (!doc.load_buffer(r.body.data(), r.body.size(), pugi::parse_default, pugi::encoding_utf8)) return r.key;
  const pugi::xml_node e = doc.document_element();
  for (const char* attribute : {"name", "number", "staff", "screen", "title"}) {
    const std::string value = e.attribute(attribute).as_string();
    if (value.empty()) continue;
    return r.kind == "absence" ? value + " " + std::string(e.attribute("from").as_string()).substr(0, 10) : value;
  }
  // An item's name is a child element.
  if (const std::string name = e.child("name").text().as_string(); !name.empty()) return name;
  std::string text = e.text().as_string();
  if (text.size() > 90) {
    std::size_t cut = 90;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    text = text.substr(0, cut) + "…";
  }
  return text.empty() ? r.key : text;
}

std::vector<KindChanges> diff_records(const std::vector<store::Record>& published,
                                      const std::vector<store::Record>& drafts) {
  std::vector<KindChanges> out;
  for (const RecordKind& k : record_kinds()) {
    KindChanges changes;
    changes.kind = k.kind;
    changes.kind_label = kind_label(k.kind);
    compare(k, of_kind(published, k.kind), of_kind(drafts, k.kind), changes);
    out.push_back(std::move(changes));
  }
  return out;
}

}  // namespace hb::console
