// 窗口状态 (issue 19): every roster window with the ticket being served, how
// many wait and its duty state, from schedule::band_rows. Without live
// numbers (no queue, or a silent source) the duty states only: a stale
// number would send a citizen to the wrong window.
#include <algorithm>
#include <span>

#include "layout/pages.h"
#include "layout/table.h"
#include "layout/window_band.h"
#include "schedule/queue_calls.h"

namespace hb::layout {

std::vector<Page> PageLayout::windows(const Moment& moment) {
  const model::Content& c = *moment.content;
  if (c.roster.windows.empty()) return {};
  const auto board = schedule::duty_board(c, moment.calendar, moment.now, moment.utc_offset_minutes);
  if (!board.open) return closed_roster(moment, board, model::SlideType::windows);
  const auto rows = schedule::band_rows(board, moment.queue);
  // Heading-size cells, read from across the hall; body size when that
  // keeps a hall's windows on fewer pages (7 windows on one 1080p page).
  auto pages = window_table(moment, rows, metrics_.heading);
  if (pages.size() > 1) {
    auto smaller = window_table(moment, rows, metrics_.body);
    if (smaller.size() < pages.size()) pages = std::move(smaller);
  }
  return pages;
}

std::vector<Page> PageLayout::window_table(const Moment& moment,
                                           const std::vector<schedule::BandRow>& rows, int size) {
  const bool live = moment.queue != nullptr;
  const std::string title = live ? "窗口状态" : "窗口状态 · 叫号信息暂不可用";
  const TableStyle table_style{style(metrics_.small, true), style(size, true),
                               theme_.table_head,           theme_.text,
                               theme_.text,                 theme_.zebra,
                               theme_.card_border,          metrics_.gap / 2};
  // No fitted columns: the table gives fitted ones at most half its width,
  // which wraps 暂停服务 on a portrait screen. Shares keep a long window name
  // from squeezing the numbers out.
  std::vector<Column> cols{{"窗口", 1.0}};
  if (live) cols.insert(cols.end(), {{"正在办理", 0.5}, {"等候", 0.4}});
  cols.push_back({"状态", 0.6});
  Table table(typeset_, cols, metrics_.width - 2 * metrics_.margin, table_style);
  const std::size_t most =
      max_rows(moment, title, typeset_.line_height(table_style.cell) + 2 * table_style.padding);
  for (const auto& row : std::span(rows).first(std::min(rows.size(), most))) {
    const StateCell state = state_cell(row.state, theme_);
    std::vector<std::string> cells{row.window->name};
    if (live) {
      cells.push_back(row.serving.empty() ? "—" : row.serving);
      cells.push_back(row.waiting ? std::to_string(*row.waiting) + "人" : "—");
    }
    cells.push_back(state.text);
    std::vector<Color> colours(cells.size(), theme_.text);
    colours.back() = state.colour;
    table.add_row(cells, colours);
  }
  const Block head = table.head();
  return paged(moment, model::SlideType::windows, title, table.rows(), &head);
}

}  // namespace hb::layout
