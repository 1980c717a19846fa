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
  // Small bold: the theme's size for reading at 5 m. The band's height
  // comes from it alone, so the numbers never change how much a page holds.
  const TextStyle s = style(metrics_.small, true);
  const int full = metrics_.width - 2 * metrics_.margin, gap = metrics_.gap;
  const auto per_line = static_cast<std::size_t>(std::max(1, full / band_cell_width(rows, s)));
  // The line shared out evenly: what is left over goes to the names.
  const int cell_w = full / static_cast<int>(per_line);
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
  for (std::size_t i = first; i < first + counts[group]; ++i) {
    const int x = metrics_.margin + static_cast<int>(i - first) * cell_w + gap;
    band_cell(page, rows[i], s, x, top, cell_w - 2 * gap, h);
  }
  return h;
}

int PageLayout::band_cell_width(const std::vector<schedule::BandRow>& rows, const TextStyle& s) {
  const int full = metrics_.width - 2 * metrics_.margin, gap = metrics_.gap;
  int natural = 0, least = 0;
  for (const auto& row : rows) {
    const int numbers = typeset_.width(band_numbers(row, theme_), s);
    natural = std::max(natural, typeset_.width(row.window->name, s) + numbers + 2 * gap);
    least = std::max(least, name_least(row.window->name, s) + numbers + 2 * gap);
  }
  // One long window name must not leave the others a line each: at least
  // two windows a line (three on a landscape screen), a longer name cut
  // with "…" (the windows slide has it whole); but never so narrow that
  // the numbers (a 16-character ticket, 9999 waiting) do not fit beside
  // the start of the name: then fewer windows a line, more groups.
  if (rows.size() > 1) natural = std::min(natural, full / (metrics_.portrait ? 2 : 3));
  return std::min(std::max(natural, least), full);
}

int PageLayout::name_least(const std::string& name, const TextStyle& s) {
  // About four characters: 1号窗口, or enough of a long name to tell it.
  return std::min(typeset_.width(name, s), 4 * s.size);
}

void PageLayout::band_cell(Page& page, const schedule::BandRow& row, const TextStyle& s, int x,
                           int top, int width, int height) {
  const bool has_numbers = !row.serving.empty() || row.waiting;
  // The numbers whole beside the start of the name, smaller if they must
  // be; a name too long for the rest is cut, the numbers only as a last
  // resort (a one-window line narrower than a 16-character ticket).
  const FittedLine numbers = fit_line(band_numbers(row, theme_), s,
                                      std::max(0, width - name_least(row.window->name, s)));
  const int name_w = std::max(0, width - typeset_.width(numbers.text, numbers.style));
  const std::string text = one_line(row.window->name, numbers.style, name_w) + numbers.text;
  const int y = top + (height - typeset_.line_height(numbers.style)) / 2;
  page.elements.push_back(typeset_.line(
      text, numbers.style, has_numbers ? theme_.text : state_cell(row.state, theme_).colour, x, y));
}

}  // namespace hb::layout
