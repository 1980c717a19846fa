// Dispatch to the slide builders, and the two pages outside the rotation.
#include "layout/pages.h"

#include "layout/blocks.h"
#include "schedule/notices.h"

namespace hb::layout {

std::vector<Page> PageLayout::slide(const Moment& m, const model::Slide& s,
                                    const std::string& item_id) {
  switch (s.type) {
    case model::SlideType::items:
      return items(m, s);
    case model::SlideType::item:
      for (const auto& it : m.content->items)
        if (it.id == item_id) return item(m, it);
      return {};
    case model::SlideType::roster:
      return roster(m);
    case model::SlideType::pledges:
      return pledges(m);
    case model::SlideType::commitments:
      return commitments(m);
    case model::SlideType::results:
      return results(m, s);
    case model::SlideType::stats:
      return stats(m);
    case model::SlideType::notices:
      return notices(m);
  }
  return {};
}

schedule::SlidePages PageLayout::count(const Moment& m, const model::Slide& s) {
  schedule::SlidePages r;
  if (schedule::is_rotating_item_slide(s)) {
    for (const auto& it : m.content->items)
      r.per_item.push_back(static_cast<int>(slide(m, s, it.id).size()));
    return r;
  }
  r.pages = static_cast<int>(slide(m, s, s.item).size());
  return r;
}

Page PageLayout::urgent(const Moment& m) {
  Page p;
  p.slide_type = "urgent";
  p.background = theme_.page;
  const Area a = chrome(p, m);
  p.elements.push_back(FillRect{Box{a.x, a.y, a.w, a.h}, theme_.urgent, m_.radius});
  const TextStyle big = style(m_.title, true), body = style(m_.heading, true);
  int y = a.y + 2 * m_.gap;
  p.elements.push_back(ts_.line("紧急通知", big, theme_.urgent_text,
                                a.x + (a.w - ts_.width("紧急通知", big)) / 2, y));
  y += ts_.line_height(big) + 2 * m_.gap;
  for (const auto* n : schedule::active_notices(*m.content, model::NoticeLevel::urgent, m.now,
                                                m.utc_offset_minutes))
    y += ts_.set(p.elements, n->text, body, theme_.urgent_text, a.x + 2 * m_.gap, y,
                 a.w - 4 * m_.gap) +
         m_.gap;
  return p;
}

Page PageLayout::waiting(const std::string& screen_id, const std::string& message,
                         const Moment& m) {
  Page p;
  p.slide_type = "waiting";
  p.background = theme_.page;
  const Area a = chrome(p, m);
  const TextStyle big = style(m_.heading, true), small = style(m_.small);
  int y = a.y + a.h / 3;
  y += ts_.set(p.elements, message, big, theme_.text, a.x, y, a.w);
  ts_.set(p.elements, "屏幕 " + screen_id, small, theme_.muted, a.x, y + m_.gap, a.w);
  return p;
}

}  // namespace hb::layout
