#include "layout/display_list.h"

#include <algorithm>

namespace hb::layout {

std::vector<std::string> text_in_reading_order(const Page& page) {
  struct Placed {
    int y, x;
    const std::string* text;
  };
  std::vector<Placed> placed;
  for (const auto& e : page.elements) {
    if (const auto* t = std::get_if<TextRun>(&e)) placed.push_back({t->box.y, t->box.x, &t->text});
    if (const auto* t = std::get_if<Ticker>(&e)) placed.push_back({t->box.y, t->box.x, &t->text});
  }
  // Layout gives the runs of one visual row the same y.
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    if (a.y != b.y) return a.y < b.y;
    return a.x < b.x;
  });
  std::vector<std::string> r;
  for (const auto& p : placed)
    r.push_back(*p.text);
  return r;
}

}  // namespace hb::layout
