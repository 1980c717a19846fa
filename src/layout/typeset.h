// Turns text into positioned lines with the real measurer and the Chinese
// line breaker: the one place layout sets text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/line_break.h"
#include "layout/text_memo.h"
#include "layout/theme.h"

namespace hb::layout {

// Layout asks the same questions again and again: each page of a slide,
// each column width a table tries and each recount of the pages (a notice
// or the day changes) breaks the same paragraphs and measures the same
// lines. The answers are remembered here, apart from the measurer's own
// memo, which line breaking floods with the widths of every way a line
// could end. The measurer and breaker never change, so a remembered answer
// is exactly what asking again would give.
class Typesetter {
 public:
  // Room for the paragraphs and lines of a thousand-item feed at the
  // column widths its tables try.
  static constexpr std::size_t kDefaultMemoBytes = 16u << 20;

  // memo_bytes bounds the memo of broken paragraphs, and half of it the memo
  // of widths (0: nothing is remembered).
  Typesetter(const TextMeasurer& measure, LineBreaker& breaker,
             std::size_t memo_bytes = kDefaultMemoBytes)
      : measure_(measure), breaker_(breaker), lines_(memo_bytes), widths_(memo_bytes / 2) {}

  // Lines of `text` no wider than `width`, each a TextRun stacked from
  // (x, y). Returns the height they take.
  int set(std::vector<Element>& out, std::string_view text, const TextStyle& style, Color color,
          int x, int y, int width);
  // One line, not broken; the caller has checked it fits (or accepts the measure).
  TextRun line(std::string_view text, const TextStyle& style, Color color, int x, int y);
  int height(std::string_view text, const TextStyle& style, int width);
  int width(std::string_view text, const TextStyle& style) const;
  int line_height(const TextStyle& style) const { return measure_.line_height(style); }
  std::vector<std::string> lines(std::string_view text, const TextStyle& style, int width);
  // At most `max_lines` lines of `text`, the last cut with "…" when the text
  // goes on: for places whose design has room for so many (the hall's name,
  // a heading). Measures about as much text as the lines hold, however long
  // the text is.
  std::vector<std::string> cut_lines(std::string_view text, const TextStyle& style, int width,
                                     int max_lines);
  // The shortest start of `text` (whole code points) wider than `width`, or
  // the whole text when none is: what could possibly show in that width,
  // found by doubling, so it measures O(what fits) and never the rest.
  std::string_view wider_than(std::string_view text, const TextStyle& style, int width) const;

  MemoStats lines_memo_stats() const { return lines_.stats(); }
  MemoStats widths_memo_stats() const { return widths_.stats(); }

 private:
  // Valid until the next call.
  const std::vector<std::string>& broken(std::string_view text, const TextStyle& style, int width);

  const TextMeasurer& measure_;
  LineBreaker& breaker_;
  TextMemo<std::vector<std::string>> lines_;
  mutable TextMemo<int> widths_;           // width() is const to callers
  mutable std::string key_;                // reused, so a lookup allocates nothing
  std::vector<std::string> not_memoized_;  // lines too many to remember
};

}  // namespace hb::layout
