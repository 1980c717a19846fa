// Chinese line breaking: UAX #14 opportunities from ICU (locale zh, strict),
// the clreq prohibitions on top, then a greedy fill measured with the real
// font. Latin words and numbers stay whole unless one alone is wider than
// the line: only then is a line broken inside a word (between characters),
// so nothing is ever clipped.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/text_style.h"

namespace hb::layout {

class LineBreaker {
 public:
  LineBreaker();
  ~LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  // One paragraph (no '\n') into lines no wider than max_width.
  std::vector<std::string> break_lines(std::string_view paragraph, const TextStyle& style,
                                       int max_width, const TextMeasurer& measure);

  // Paragraphs separated by '\n', each broken; an empty paragraph is one empty line.
  std::vector<std::string> break_text(std::string_view text, const TextStyle& style, int max_width,
                                      const TextMeasurer& measure);

  // Byte offsets where a line may end (after the offset), clreq applied;
  // the last is the paragraph's end.
  std::vector<std::size_t> opportunities(std::string_view paragraph);
  // Byte offsets between words, by ICU's dictionary for Chinese (昆明市|住房|
  // 和|城乡|建设|局): a hint for where a name reads best broken, not a rule.
  std::vector<std::size_t> words(std::string_view text);

 private:
  // Byte offsets between user-perceived characters, for words wider than a line.
  std::vector<std::size_t> characters(std::string_view text);
  void avoid_orphan(std::vector<std::string>& lines, const TextStyle& style, int max_width,
                    const TextMeasurer& measure);

  struct Iterators;  // ICU's break iterators, kept out of this header
  std::unique_ptr<Iterators> icu_;
};

// clreq: characters that may not start a line (closing punctuation, pause
// and stop marks, closing brackets and quotes) ...
bool may_not_start_line(char32_t c);
// ... and opening brackets and quotes, which may not end one.
bool may_not_end_line(char32_t c);

// Puts a four-per-em space between Han characters and Latin letters that
// touch, as clreq recommends for mixed text (digits stay tight).
std::string space_mixed_scripts(std::string_view text);

}  // namespace hb::layout
