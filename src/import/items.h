// A hall's list of service items (事项清单), as a table, into model items,
// with a reason in Chinese for every row that cannot become one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/table.h"
#include "model/content.h"

namespace hb::import {

struct ImportedItem {
  int row = 0;  // as the spreadsheet numbers it
  model::Item item;
  // What was read differently from how it was written, for the editor to
  // check (a fee without an amount left out, …); never a refusal.
  std::vector<std::string> notes;
  // Whether the row gave each limit. A row that gives neither is not
  // refused here: for an item the drafts already hold, the console keeps
  // the stored limits; a new item without one is refused there.
  bool has_promised = false;
  bool has_statutory = false;
};

struct RowRefusal {
  int row = 0;
  std::vector<std::string> reasons;  // Chinese, each naming its column
};

struct ItemImport {
  std::vector<ImportedItem> items;
  std::vector<RowRefusal> refused;
  // The whole table refused: no header row with 事项编码 and 事项名称.
  std::optional<ImportError> error;
};

// A row is refused only for what cannot be read or would break the feed:
// no 事项编码, no 事项名称, a code an earlier row has (the first is kept), a
// time limit that cannot be read or a promise longer than the law allows,
// an online address that is not one. Blank rows are skipped silently.
ItemImport import_items(const Table& table);

// The upload as it came: read_table, then import_items. A file that cannot
// be read is ItemImport::error (ErrorKind::too_large is HTTP 413, the other
// kinds 422).
ItemImport import_items_from_file(std::string_view bytes, const Limits& limits = {});

}  // namespace hb::import
