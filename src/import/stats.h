// A month's statistics per window (月度统计), as a table, into model stats.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "import/items.h"
#include "import/table.h"
#include "model/content.h"

namespace hb::import {

struct ImportedWindow {
  int row = 0;
  model::WindowStats stats;
};

struct StatsImport {
  int year = 0;
  int month = 0;
  std::vector<ImportedWindow> windows;
  std::vector<RowRefusal> refused;
  std::optional<ImportError> error;  // no header row, or no month to be found

  model::Stats stats() const;
};

// Columns 窗口, 办件量, 按时办结 and either 评价数 with 满意数 or the five
// 好差评 levels. Rows 合计/总计 are skipped.
StatsImport import_stats(const Table& table, int year, int month);

// The month from the sheet: "2026年10月" or "2026-10" in a title row above
// the header, or in the sheet's name.
StatsImport import_stats(const Table& table);

// The upload as it came: read_table (choosing the sheet with the stats
// header), then import_stats with the month from the sheet.
StatsImport import_stats_from_file(std::string_view bytes, const Limits& limits = {});

}  // namespace hb::import
