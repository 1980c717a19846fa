// Importing the office's item list (事项) into the drafts: the import
// library reads the file; this decides, item by item against the drafts,
// what is new, changed or unchanged (matched by 事项编码), and refuses rows
// that would break the drafts (a window the roster does not have). A dry
// run stops there; otherwise the records are written in one transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/items.h"
#include "import/table.h"
#include "model/content.h"
#include "store/store.h"

namespace hb::console {

struct ItemImportPlan {
  std::optional<import::ImportError> error;  // the file as a whole cannot be used
  int added = 0;
  int changed = 0;
  int unchanged = 0;
  std::vector<import::RowRefusal> refused;
  std::vector<std::pair<int, std::string>> notes;  // (row, note) worth telling the editor
  std::vector<store::Record> to_write;             // new and changed items
};

// Fields the sheet leaves empty keep the drafts' values, so a list without
// a 办理流程 column does not wipe the procedures already entered.
ItemImportPlan plan_item_import(std::string_view bytes, const std::vector<store::Record>& item_records,
                                const model::Content& drafts, const import::Limits& limits = {});

// One item as the element the feed writer makes (the drafts' canonical form).
std::string item_element(const model::Item& item);
// A stored item record read back as the model (nothing if it does not parse).
std::optional<model::Item> item_of_record(const store::Record& record);

}  // namespace hb::console
