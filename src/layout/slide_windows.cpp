// 窗口状态 (issue 19): every roster window with the ticket being served, how
// many wait and its duty state, from schedule::band_rows. Without live
// numbers (no queue, or a silent source) the duty states only: a stale
// number would send a citizen to the wrong window.
//
// The rows' heights come from the roster alone (the numbers are one line,
// shrunk or cut to fit), so the slide's page count does not change with the
// numbers, which the queue source changes every second.
#include <algorithm>
#include <numeric>
#include <span>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/window_band.h"
#include "schedule/queue_calls.h"

namespace hb::layout {

namespace {

// A window's name is the row's label: cut beyond three lines.
constexpr int kNameLines = 3;

}  // namespace

std::vector<Page> PageLayout::windows(const Moment& moment) {
  const model::Content& c = *moment.content;
  if (c.roster.windows.empty()) return {};
  const auto board = schedule::duty_board(c, moment.calendar, moment.now, moment.utc_offset_minutes);
  if (!board.open) return closed_roster(moment, board, model::SlideType::windows);
  const auto rows = schedule::band_rows(board, moment.queue);
  const std::string title = moment.queue ? "窗口状态" : "窗口状态 · 叫号信息暂不可用";
  // Heading-size cells, read from across the hall, in one column; a
  // landscape screen's second column, then body size, only when they save
  // pages (seven to fourteen windows on one 1080p page).
  std::vector<std::vector<Element>> best;
  for (const int size : {metrics_.heading, metrics_.body})
    for (int columns = 1; columns <= (metrics_.portrait ? 1 : 2); ++columns) {
      if (best.size() == 1) break;
      auto chunks = window_chunks(moment, title, rows, size, columns);
      if (best.empty() || chunks.size() < best.size()) best = std::move(chunks);
    }
  return pages_of(moment, model::SlideType::windows, title, std::move(best), "", Side());
}

std::vector<std::vector<Element>> PageLayout::window_chunks(
    const Moment& moment, const std::string& title, const std::vector<schedule::BandRow>& rows,
    int size, int columns) {
  const bool live = moment.queue != nullptr;
  const TextStyle cell = style(size, true);
  // Rows close together, told apart by their stripes: seven rows of
  // heading-size text on a 1080p page.
  const int padding = metrics_.gap / 4;
  const int table_w = (metrics_.width - 2 * metrics_.margin - (columns - 1) * metrics_.gap) / columns;
  const auto widths = window_columns(table_w, cell, padding, live);
  const std::size_t most =
      max_rows(moment, title, typeset_.line_height(cell) + 2 * padding) * columns;
  std::vector<Block> blocks;
  for (const auto& row : std::span(rows).first(std::min(rows.size(), most)))
    blocks.push_back(window_row(&row, widths, cell, padding, live,
                                blocks.size() % 2 ? theme_.zebra : theme_.card));
  const Block head = window_row(nullptr, widths, cell, padding, live, theme_.table_head);
  auto chunks = paginate_evenly(blocks, room(moment, title), &head, 0, true);
  if (columns == 1) return chunks;
  // Side by side: read down the left column, then the right.
  std::vector<std::vector<Element>> pages;
  for (std::size_t i = 0; i < chunks.size(); i += 2) {
    pages.push_back(std::move(chunks[i]));
    if (i + 1 == chunks.size()) break;
    for (auto e : chunks[i + 1]) {
      offset(e, table_w + metrics_.gap, 0);
      pages.back().push_back(std::move(e));
    }
  }
  return pages;
}

std::vector<int> PageLayout::window_columns(int width, const TextStyle& cell, int padding,
                                            bool live) {
  const TextStyle head = style(metrics_.small, true);
  const auto need = [&](const char* title, const char* longest) {
    return std::max(typeset_.width(title, head), typeset_.width(longest, cell)) + 2 * padding;
  };
  const int state = need("状态", "暂停服务");
  if (!live) return {width - state, state};
  const int waiting = need("等候", "9999人");  // the most a queue document may say
  // A ticket of five characters whole at this size, a third of the rest
  // when there is more; a longer ticket shrinks, and is cut only past that.
  const int rest = width - state - waiting;
  const int serving = std::max(need("正在办理", "A0000"), rest / 3);
  return {rest - serving, serving, waiting, state};
}

Block PageLayout::window_row(const schedule::BandRow* row, const std::vector<int>& widths,
                             const TextStyle& cell, int padding, bool live, Color fill) {
  const TextStyle s = row ? cell : style(metrics_.small, true);
  std::vector<std::string> cells{"窗口", "正在办理", "等候", "状态"};
  std::vector<Color> colours(cells.size(), theme_.text);
  if (row) {
    const StateCell state = state_cell(row->state, theme_);
    cells = {row->window->name, row->serving.empty() ? "—" : row->serving,
             row->waiting ? std::to_string(*row->waiting) + "人" : "—", state.text};
    colours.back() = state.colour;
  }
  if (!live) {  // no numbers: the name and the state
    cells.erase(cells.begin() + 1, cells.begin() + 3);
    colours.erase(colours.begin() + 1, colours.begin() + 3);
  }
  const auto name = typeset_.cut_lines(cells.front(), s, widths.front() - 2 * padding, kNameLines);
  const int line_h = typeset_.line_height(s);
  Block b;
  b.height = std::max<int>(1, static_cast<int>(name.size())) * line_h + 2 * padding;
  const int table_w = std::accumulate(widths.begin(), widths.end(), 0);
  b.elements.push_back(FillRect{Box{0, 0, table_w, b.height}, fill, 0});
  int y = (b.height - static_cast<int>(name.size()) * line_h) / 2;
  for (const auto& line : name) {
    b.elements.push_back(typeset_.line(line, s, colours.front(), padding, y));
    y += line_h;
  }
  int x = 0;
  for (std::size_t i = 1; i < cells.size(); ++i) {
    x += widths[i - 1];
    const FittedLine fit = fit_line(cells[i], s, widths[i] - 2 * padding);
    const int fit_y = (b.height - typeset_.line_height(fit.style)) / 2;
    b.elements.push_back(typeset_.line(fit.text, fit.style, colours[i], x + padding, fit_y));
  }
  b.elements.push_back(LineSegment{0, b.height, table_w, b.height, theme_.card_border, 1});
  return b;
}

}  // namespace hb::layout
