// The call page: pre-empts the page for the call's display time, and must be
// read from the back of the hall, so it is set as large as the page holds.
#include "layout/call_page.h"

#include <algorithm>

#include "layout/pages.h"
#include "layout/wording.h"
#include "model/privacy.h"

namespace hb::layout {

CallWords call_words(const model::Content& content, const model::QueueCall& call) {
  CallWords words;
  const std::string caller = model::mask_caller(call.name, call.title);
  words.please = caller.empty() ? "请" : "请 " + caller;
  words.ticket = call.ticket + " 号";
  words.to = "到 " + window_name(content, call.window) + " 办理";
  return words;
}

Page PageLayout::call(const Moment& moment, const model::QueueCall& queue_call) {
  const CallWords words = call_words(*moment.content, queue_call);
  Page p;
  p.slide_type = "call";
  p.background = theme_.page;
  Moment without_strip = moment;  // this page is the call itself
  without_strip.call = nullptr;
  const Area a = chrome(p, without_strip);
  const int gap = metrics_.gap;
  const Area inner{a.x + 2 * gap, a.y + gap, a.w - 4 * gap, a.h - 2 * gap};

  // The largest size whose lines fit: the ticket twice the other lines (or
  // as wide as the page lets it be), the window whole on at most three
  // lines; a name too long for three at the smallest size is cut with "…".
  struct Fit {
    TextStyle text, ticket;
    std::vector<std::string> please, to;
    int height = 0;
  };
  const auto fit_at = [&](int size, int max_lines) {
    Fit f{style(size, true), style(2 * size, true), {}, {}, 0};
    const int ticket_w = typeset_.width(words.ticket, f.ticket);
    if (ticket_w > inner.w)
      f.ticket.size = std::max(size, static_cast<int>(2LL * size * inner.w / ticket_w));
    f.please = typeset_.cut_lines(words.please, f.text, inner.w, max_lines);
    f.to = typeset_.cut_lines(words.to, f.text, inner.w, max_lines);
    const auto lines = static_cast<int>(f.please.size() + f.to.size());
    f.height = lines * typeset_.line_height(f.text) + typeset_.line_height(f.ticket) + 2 * gap;
    return f;
  };
  constexpr int kLines = 3;
  const int floor = metrics_.small;
  Fit fit = fit_at(floor, kLines);
  for (int size = std::max(floor, std::min(inner.h / 5, inner.w / 8)); size > floor;
       size = size * 9 / 10) {
    // Cut one line further than shown: more than kLines says it is cut.
    Fit f = fit_at(size, kLines + 1);
    const bool whole = static_cast<int>(std::max(f.please.size(), f.to.size())) <= kLines;
    if (whole && f.height <= inner.h && typeset_.width(words.ticket, f.ticket) <= inner.w) {
      fit = std::move(f);
      break;
    }
  }

  p.elements.push_back(FillRect{Box{a.x, a.y, a.w, a.h}, theme_.ticker, metrics_.radius});
  int y = inner.y + std::max(0, (inner.h - fit.height) / 2);
  const auto centred = [&](const std::string& text, const TextStyle& s, Color colour) {
    const int w = std::min(inner.w, typeset_.width(text, s));
    p.elements.push_back(typeset_.line(text, s, colour, inner.x + (inner.w - w) / 2, y));
    y += typeset_.line_height(s);
  };
  for (const auto& line : fit.please)
    centred(line, fit.text, theme_.ticker_text);
  y += gap;
  centred(words.ticket, fit.ticket, theme_.accent);
  y += gap;
  for (const auto& line : fit.to)
    centred(line, fit.text, theme_.ticker_text);
  return p;
}

}  // namespace hb::layout
