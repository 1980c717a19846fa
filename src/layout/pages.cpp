// Dispatch to the slide builders, and the two pages outside the rotation.
#include "layout/pages.h"

#include <algorithm>

#include "layout/blocks.h"
#include "schedule/notices.h"

namespace hb::layout {

int max_slide_pages(int seconds) {
  return std::clamp(kMaxSlideSeconds / std::max(seconds, 1), 2, 40);
}

std::vector<Page> PageLayout::slide(const Moment& m, const model::Slide& s,
                                    const std::string& item_id) {
  max_pages_ = max_slide_pages(s.seconds);
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

std::vector<Page> PageLayout::urgent_pages(const Moment& m) {
  const auto notices =
      schedule::active_notices(*m.content, model::NoticeLevel::urgent, m.now, m.utc_offset_minutes);
  Page probe;
  // No banner here: this page is the notice itself.
  const Area a = chrome(probe, m, false);
  const Area inner{a.x + 2 * m_.gap, a.y + m_.gap, a.w - 4 * m_.gap, a.h - 2 * m_.gap};
  const Color rule{theme_.urgent_text.r, theme_.urgent_text.g, theme_.urgent_text.b, 110};

  // The word 紧急通知 larger than any text under it, dark on gold.
  const TextStyle big = style(m_.title * 5 / 4, true);
  const std::string title = "紧急通知";
  const int title_w = ts_.width(title, big), title_h = ts_.line_height(big);
  Block head;
  head.height = title_h + 3 * m_.gap / 2;
  head.elements.push_back(
      FillRect{Box{(inner.w - title_w) / 2 - m_.gap, 0, title_w + 2 * m_.gap, title_h},
               theme_.accent, title_h / 2});
  head.elements.push_back(ts_.line(title, big, theme_.text, (inner.w - title_w) / 2, 0));

  // One block a line, so a long notice flows over pages; a notice's first
  // line stays with its second and its last with the one before.
  const auto blocks_at = [&](const TextStyle& s) {
    std::vector<Block> blocks;
    const int lh = ts_.line_height(s);
    for (std::size_t n = 0; n < notices.size(); ++n) {
      const auto lines = ts_.lines(notices[n]->text, s, inner.w);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        Block b;
        int y = 0;
        if (i == 0 && n > 0) {  // a rule between two notices
          b.elements.push_back(LineSegment{0, m_.gap, inner.w, m_.gap, rule, 2});
          y = 2 * m_.gap;
        }
        if (!lines[i].empty())
          b.elements.push_back(ts_.line(lines[i], s, theme_.urgent_text, 0, y));
        b.height = y + lh;
        b.keep_with_next = lines.size() > 1 && (i == 0 || i + 2 == lines.size());
        blocks.push_back(std::move(b));
      }
    }
    return blocks;
  };
  // As large as fits one page; at body size over as many pages as it takes.
  std::vector<std::vector<Element>> chunks;
  int content_h = 0;
  for (const int size : {m_.title, m_.heading, m_.body}) {
    const auto blocks = blocks_at(style(size, true));
    chunks = paginate(blocks, inner.h, &head);
    if (chunks.size() == 1) {
      content_h = head.height;
      for (const auto& b : blocks)
        content_h += b.height;
      break;
    }
  }

  std::vector<Page> pages;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    Page p;
    p.slide_type = "urgent";
    p.page = static_cast<int>(i);
    p.page_count = static_cast<int>(chunks.size());
    p.background = theme_.page;
    chrome(p, m, false);
    p.elements.push_back(FillRect{Box{a.x, a.y, a.w, a.h}, theme_.urgent, m_.radius});
    // A notice that fits one page stands in the middle of it.
    const int top = inner.y + (chunks.size() == 1 ? std::max(0, (inner.h - content_h) / 2) : 0);
    for (auto e : chunks[i]) {
      offset(e, inner.x, top);
      p.elements.push_back(std::move(e));
    }
    if (chunks.size() > 1) {
      const std::string indicator = std::to_string(i + 1) + "/" + std::to_string(chunks.size());
      const TextStyle s = style(m_.small, true);
      p.elements.push_back(ts_.line(indicator, s, theme_.urgent_text,
                                    inner.x + inner.w - ts_.width(indicator, s),
                                    top + (ts_.line_height(big) - ts_.line_height(s)) / 2));
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

Page PageLayout::urgent(const Moment& m) {
  return urgent_pages(m).front();
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
