// The month's statistics as bar charts: cases handled, on-time rate and
// satisfaction rate per window, and the 好差评 distribution where given.
#include <algorithm>
#include <cmath>
#include <memory>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/wording.h"

namespace hb::layout {
namespace {

std::string percent(long long part, long long whole) {
  if (whole <= 0) return "—";
  const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", p);
  return buf;
}

}  // namespace

std::vector<Page> PageLayout::stats(const Moment& moment) {
  const model::Content& c = *moment.content;
  if (!c.stats || c.stats->windows.empty()) return {};
  const auto& st = *c.stats;
  const int full = metrics_.width - 2 * metrics_.margin;
  const TextStyle body = style(metrics_.body), bold = style(metrics_.body, true),
                  small = style(metrics_.small), head = style(metrics_.small, true);
  const int line_height = typeset_.line_height(body);

  int name_w = typeset_.width("窗口", bold);
  for (const auto& w : st.windows)
    name_w = std::max(name_w, typeset_.width(window_name(c, w.window), bold));
  // A very long window name wraps rather than squeezing the charts.
  name_w = std::min(name_w + metrics_.gap, full / 4);
  // The name in its column, as many lines as it takes; the row grows with it.
  const auto name_cell = [&](Block& b, const std::string& name) {
    const int h = typeset_.set(b.elements, name, bold, theme_.text, 0, 0, name_w - metrics_.gap);
    b.height = std::max(b.height, h + metrics_.gap / 3);
  };
  const int chart_w = (full - name_w - 2 * metrics_.gap) / 3;
  long long max_handled = 1;
  for (const auto& w : st.windows)
    max_handled = std::max(max_handled, w.handled);

  // Head row: the three charts' titles, over the bars again on a page
  // that continues them.
  Block header;
  header.height = typeset_.line_height(head) + metrics_.gap / 2;
  const char* titles[] = {"办件量", "按时办结率", "满意率"};
  for (int k = 0; k < 3; ++k)
    header.elements.push_back(
        typeset_.line(titles[k], head, theme_.muted, name_w + k * (chart_w + metrics_.gap), 0));

  header.keep_with_next = true;
  const auto bars_head = std::make_shared<const Block>(header);
  std::vector<Block> blocks;
  const int bar_h = line_height * 3 / 5;
  for (const auto& w : st.windows) {
    Block b;
    b.height = line_height + metrics_.gap / 3;
    b.continues = bars_head;
    name_cell(b, window_name(c, w.window));
    struct Cell {
      double fraction;
      std::string label;
      Color colour;
    };
    const Cell cells[] = {
        {static_cast<double>(w.handled) / static_cast<double>(max_handled),
         std::to_string(w.handled) + "件", theme_.bar},
        {w.handled ? static_cast<double>(w.ontime) / static_cast<double>(w.handled) : 0.0,
         percent(w.ontime, w.handled), theme_.good},
        {w.rated && *w.rated
             ? static_cast<double>(w.satisfied.value_or(0)) / static_cast<double>(*w.rated)
             : 0.0,
         w.rated ? percent(w.satisfied.value_or(0), *w.rated) : "—", theme_.accent},
    };
    for (int k = 0; k < 3; ++k) {
      const int x = name_w + k * (chart_w + metrics_.gap);
      const int label_w = typeset_.width("100.0%", small) + metrics_.gap / 2;
      const int track = chart_w - label_w;
      b.elements.push_back(
          FillRect{Box{x, (line_height - bar_h) / 2, track, bar_h}, theme_.zebra, bar_h / 4});
      const int filled =
          static_cast<int>(std::lround(track * std::clamp(cells[k].fraction, 0.0, 1.0)));
      if (filled > 0)
        b.elements.push_back(
            FillRect{Box{x, (line_height - bar_h) / 2, filled, bar_h}, cells[k].colour, bar_h / 4});
      b.elements.push_back(typeset_.line(cells[k].label, small, theme_.text,
                                         x + track + metrics_.gap / 2,
                                         (line_height - typeset_.line_height(small)) / 2));
    }
    blocks.push_back(std::move(b));
  }

  // 好差评: a stacked bar per window that gives the five levels.
  bool any_ratings = std::any_of(st.windows.begin(), st.windows.end(),
                                 [](const auto& w) { return w.ratings.has_value(); });
  if (any_ratings) {
    const Color level_colours[] = {
        {46, 125, 50}, {129, 180, 76}, {242, 193, 78}, {230, 120, 50}, {192, 0, 0}};
    const char* level_names[] = {"非常满意", "满意", "基本满意", "不满意", "非常不满意"};
    // The legend wraps onto as many rows as the screen's width needs.
    Block legend;
    const int row_h = typeset_.line_height(head);
    legend.elements.push_back(typeset_.line("好差评分布", head, theme_.muted, 0, metrics_.gap));
    const int legend_x = std::max(name_w, typeset_.width("好差评分布", head) + metrics_.gap);
    int x = legend_x, y = metrics_.gap;
    for (int k = 0; k < 5; ++k) {
      const int sw = typeset_.line_height(small) / 2;
      const int item_w =
          sw + metrics_.gap / 3 + typeset_.width(level_names[k], small) + metrics_.gap;
      if (x + item_w > full && x > legend_x) {
        x = legend_x;
        y += row_h;
      }
      legend.elements.push_back(
          FillRect{Box{x, y + (row_h - sw) / 2, sw, sw}, level_colours[k], 2});
      legend.elements.push_back(
          typeset_.line(level_names[k], small, theme_.text, x + sw + metrics_.gap / 3, y));
      x += item_w;
    }
    legend.height = y + row_h;
    legend.keep_with_next = true;
    const auto legend_head = std::make_shared<const Block>(legend);
    blocks.push_back(std::move(legend));
    for (const auto& w : st.windows) {
      if (!w.ratings) continue;
      const auto& r = *w.ratings;
      const long long counts[] = {r.very_satisfied, r.satisfied, r.basic, r.dissatisfied,
                                  r.very_dissatisfied};
      const long long total =
          std::max<long long>(1, counts[0] + counts[1] + counts[2] + counts[3] + counts[4]);
      Block b;
      b.height = line_height + metrics_.gap / 3;
      b.continues = legend_head;
      name_cell(b, window_name(c, w.window));
      const int track = full - name_w - typeset_.width("共 00000 条", small) - metrics_.gap;
      int bx = name_w;
      for (int k = 0; k < 5; ++k) {
        const int seg = static_cast<int>(
            std::lround(static_cast<double>(track) * static_cast<double>(counts[k]) /
                        static_cast<double>(total)));
        if (seg > 0)
          b.elements.push_back(
              FillRect{Box{bx, (line_height - bar_h) / 2, seg, bar_h}, level_colours[k], 0});
        bx += seg;
      }
      b.elements.push_back(typeset_.line("共 " + std::to_string(total) + " 条", small, theme_.text,
                                         name_w + track + metrics_.gap,
                                         (line_height - typeset_.line_height(small)) / 2));
      blocks.push_back(std::move(b));
    }
  }
  const std::string title =
      std::to_string(st.year) + "年" + std::to_string(st.month) + "月 办件统计";
  // The chart titles head the bars only, so they lead the blocks instead of
  // repeating on a page of 好差评 rows.
  blocks.insert(blocks.begin(), std::move(header));
  return paged(moment, model::SlideType::stats, title, blocks, nullptr);
}

}  // namespace hb::layout
