// The window band as a strip above the ticker: one line of windows, the
// ticket served and how many wait; a hall with more windows than the line
// holds shows them a group at a time, by the clock, so that screens side by
// side agree and nothing is ever clipped.
#include "layout/window_band.h"

#include <algorithm>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "schedule/duty.h"

namespace hb::layout {

StateCell state_cell(schedule::BandState state, const Theme& theme) {
  switch (state) {
    case schedule::BandState::open:
      return {"正常办理", theme.good};
    case schedule::BandState::paused:
      return {"暂停叫号", theme.header};
    case schedule::BandState::closed:
      return {"已关闭", theme.closed};
    case schedule::BandState::suspended:
      return {"暂停服务", theme.urgent};
    case schedule::BandState::unknown:
      break;
  }
  return {"在岗", theme.good};  // staffed by the roster; the queue says nothing
}

namespace {

// What follows the window's name: " A023 · 5人"; without a ticket, the state.
std::string band_numbers(const schedule::BandRow& row, const Theme& theme) {
  std::string text = " ";
  text += row.serving.empty() ? state_cell(row.state, theme).text : row.serving;
  if (row.waiting) text += " · " + std::to_string(*row.waiting) + "人";
  return text;
}

}  // namespace

int PageLayout::window_band(Page& page, const Moment& moment, int bottom) {
  const auto board = schedule::duty_board(*moment.content, moment.calendar, moment.now,
                                          moment.utc_offset_minutes);
  const auto rows = schedule::band_rows(board, moment.queue);
  if (rows.empty()) return 0;  // the hall is closed: no band
  // Small bold: the theme's size for reading at 5 m, and two windows a
  // line on a portrait screen with a name, a state and a count each.
  const TextStyle s = style(metrics_.small, true);
  const int full = metrics_.width - 2 * metrics_.margin, gap = metrics_.gap;
  int cell_w = 0;
  for (const auto& row : rows)
    cell_w = std::max(cell_w, typeset_.width(row.window->name + band_numbers(row, theme_), s) + 2 * gap);
  // One long window name must not leave the others a line each: at least
  // two windows a line (three on a landscape screen), a longer name cut
  // with "…" (the windows slide has it whole).
  if (rows.size() > 1) cell_w = std::min(cell_w, full / (metrics_.portrait ? 2 : 3));
  cell_w = std::min(cell_w, full);
  const auto per_line = static_cast<std::size_t>(std::max(1, full / cell_w));
  const std::size_t groups = (rows.size() + per_line - 1) / per_line;
  // Floored, so a time before 1970 (render --at accepts years 0-9999) still
  // picks a group in range: C++'s % is negative for a negative dividend.
  const auto n = static_cast<model::UnixSeconds>(groups);
  const auto group = static_cast<std::size_t>(((moment.now / kBandGroupSeconds) % n + n) % n);
  const int h = typeset_.line_height(s) + gap, top = bottom - h;
  page.elements.push_back(FillRect{Box{0, top, metrics_.width, h}, theme_.table_head, 0});
  // Groups as even as can be (7 windows, 3 a line: 3, 2, 2, not 3, 3, 1).
  const auto counts = balanced_counts(rows.size(), groups);
  std::size_t first = 0;
  for (std::size_t g = 0; g < group; ++g)
    first += counts[g];
  const std::size_t last = first + counts[group];
  for (std::size_t i = first; i < last; ++i) {
    const auto& row = rows[i];
    const bool has_numbers = !row.serving.empty() || row.waiting;
    // A name too long for the cell is cut, never the numbers after it.
    const std::string numbers = band_numbers(row, theme_);
    const int name_w = std::max(0, cell_w - 2 * gap - typeset_.width(numbers, s));
    const std::string text = one_line(row.window->name, s, name_w) + numbers;
    const int x = metrics_.margin + static_cast<int>(i - first) * cell_w + gap;
    page.elements.push_back(typeset_.line(
        text, s, has_numbers ? theme_.text : state_cell(row.state, theme_).colour, x, top + gap / 2));
  }
  return h;
}

}  // namespace hb::layout
