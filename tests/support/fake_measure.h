// A measurer with widths that are easy to reason about: CJK and full-width
// characters 1 em, everything else 1/2 em; lines 1.5 em apart.
#pragma once

#include "layout/text_style.h"
#include "model/unicode.h"

namespace hb::test {

class FakeMeasure : public layout::TextMeasurer {
 public:
  int width(std::string_view s, const layout::TextStyle& style) const override {
    int w = 0;
    std::size_t i = 0;
    while (i < s.size()) {
      const auto c = model::next_code_point(s, i);
      w += c == 0x2005                                        ? style.size / 4
           : (model::is_cjk(c) || c == 0x201C || c == 0x201D) ? style.size
                                                              : style.size / 2;
    }
    return w;
  }
  int line_height(const layout::TextStyle& style) const override { return style.size * 3 / 2; }
};

// The same, counting what it is asked: for the bounds on measuring work.
class CountingMeasure : public FakeMeasure {
 public:
  int width(std::string_view s, const layout::TextStyle& style) const override {
    ++calls;
    chars += static_cast<long long>(s.size());
    return FakeMeasure::width(s, style);
  }
  mutable long long calls = 0, chars = 0;
};

}  // namespace hb::test
