#include "layout/display_list.h"

#include <algorithm>

namespace hb::layout {

int qr_modules(std::size_t bytes) {
  // Data bytes each version holds in 8-bit mode at error correction M
  // (ISO/IEC 18004, table 7).
  static constexpr int kCapacity[] = {14,   26,   42,   62,   84,   106,  122,  152,  180,  213,
                                      251,  287,  331,  362,  412,  450,  504,  560,  624,  666,
                                      711,  779,  857,  911,  997,  1059, 1125, 1190, 1264, 1370,
                                      1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331};
  for (int v = 1; v <= 40; ++v)
    if (bytes <= static_cast<std::size_t>(kCapacity[v - 1])) return 17 + 4 * v + 2 * 4;
  return 0;
}

std::vector<std::string> text_in_reading_order(const Page& page,
                                               const std::function<bool(const Picture&)>& drawn) {
  struct Placed {
    int y, x;
    const std::string* text;
  };
  std::vector<Placed> placed;
  std::size_t skip_until = 0;  // the elements standing in for a picture drawn
  for (std::size_t i = 0; i < page.elements.size(); ++i) {
    const auto& e = page.elements[i];
    if (i < skip_until) continue;
    if (const auto* p = std::get_if<Picture>(&e); p && p->stand_in > 0 && drawn && drawn(*p))
      skip_until = i + 1 + static_cast<std::size_t>(p->stand_in);
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
