#include "console/item_import.h"

#include <map>

#include "console/feed_records.h"
#include "feed/feed.h"
#include "feed/write_feed.h"

namespace hb::console {

namespace {

template <class T>
void keep_if_empty(T& imported, const T& existing) {
  if (imported.empty()) imported = existing;
}

// The limits the sheet gives, completed from the drafts' where it gives
// only one (or none) and the units agree.
model::Deadline merged_deadline(const import::ImportedItem& in, const model::Deadline& existing) {
  if (!in.has_promised && !in.has_statutory) return existing;
  model::Deadline d = in.item.deadline;
  if (in.has_promised && !in.has_statutory && existing.statutory) {
    if (d.unit == model::DeadlineUnit::immediate && existing.unit != model::DeadlineUnit::immediate) {
      d.unit = existing.unit;  // 即办 within the stored statutory limit
      d.promised = 0;
    }
    if (d.unit == existing.unit && d.promised && *d.promised <= *existing.statutory) d.statutory = existing.statutory;
  }
  if (in.has_statutory && !in.has_promised && existing.promised && d.unit == existing.unit &&
      d.statutory && *existing.promised <= *d.statutory) {
    d.promised = existing.promised;
  }
  return d;
}

// The sheet's values, with what it leaves empty taken from the drafts.
model::Item merged(model::Item imported, const model::Item& existing) {
  keep_if_empty(imported.category, existing.category);
  keep_if_empty(imported.window, existing.window);
  keep_if_empty(imported.department, existing.department);
  keep_if_empty(imported.kind, existing.kind);
  keep_if_empty(imported.basis, existing.basis);
  keep_if_empty(imported.materials, existing.materials);
  keep_if_empty(imported.procedure, existing.procedure);
  keep_if_empty(imported.online_url, existing.online_url);
  keep_if_empty(imported.result, existing.result);
  if (!imported.fees) imported.fees = existing.fees;
  return imported;
}

bool known_window(const model::Content& drafts, const std::string& id) {
  for (const auto& w : drafts.roster.windows) {
    if (w.id == id) return true;
  }
  return false;
}

}  // namespace

std::string item_element(const model::Item& item) {
  model::Feed feed;
  feed.has_items_section = true;
  feed.items.push_back(item);
  return element_of_kind(feed::write_feed(feed), "item").value_or("");
}

std::optional<model::Item> item_of_record(const store::Record& record) {
  for (const auto& draft : feeds_from_records({record}, "")) {
    if (draft.name != "items.xml") continue;
    model::Diagnostics ignored;
    const auto feed = feed::parse_feed(draft.bytes(""), "items.xml", ignored);
    if (feed && feed->items.size() == 1) return feed->items.front();
  }
  return std::nullopt;
}

ItemImportPlan plan_item_import(std::string_view bytes, const std::vector<store::Record>& item_records,
                                const model::Content& drafts, const import::Limits& limits) {
  ItemImportPlan plan;
  import::ItemImport read = import::import_items_from_file(bytes, limits);
  if (read.error) {
    plan.error = read.error;
    return plan;
  }
  plan.refused = std::move(read.refused);
  std::map<std::string, const store::Record*> existing;
  for (const auto& r : item_records) existing.emplace(r.key, &r);
  for (auto& imported : read.items) {
    for (const auto& note : imported.notes) plan.notes.emplace_back(imported.row, note);
    const auto found = existing.find(imported.item.id);
    const auto old = found == existing.end() ? std::nullopt : item_of_record(*found->second);
    if (!old && !imported.has_promised && !imported.has_statutory) {
      plan.refused.push_back({imported.row, {"缺少办理时限：新事项须填写承诺时限或法定时限，如“10个工作日”或“即办”"}});
      continue;
    }
    if (old) imported.item.deadline = merged_deadline(imported, old->deadline);
    model::Item item = old ? merged(std::move(imported.item), *old) : std::move(imported.item);
    if (!item.window.empty() && !known_window(drafts, item.window)) {
      plan.refused.push_back({imported.row, {"受理窗口“" + item.window + "”在窗口名单中没有；请先在“窗口”中添加，或改正窗口编号"}});
      continue;
    }
    const std::string body = item_element(item);
    if (old && item_element(*old) == body) {
      ++plan.unchanged;
      continue;
    }
    old ? ++plan.changed : ++plan.added;
    store::Record record;
    record.kind = "item";
    record.key = item.id;
    record.body = body;
    if (found != existing.end()) record.position = found->second->position;
    plan.to_write.push_back(std::move(record));
  }
  std::sort(plan.refused.begin(), plan.refused.end(),
            [](const auto& a, const auto& b) { return a.row < b.row; });
  return plan;
}

}  // namespace hb::console
