// Dispatch to the slide builders, and the two pages outside the rotation.
#include "layout/pages.h"

#include <algorithm>

#include "layout/blocks.h"
#include "schedule/notices.h"

namespace hb::layout {

int max_slide_pages(int seconds) {
  return std::clamp(kMaxSlideSeconds / std::max(seconds, 1), 2, 40);
}

std::vector<Page> PageLayout::slide(const Moment& moment, const model::Slide& s,
                                    const std::string& item_id) {
  max_pages_ = max_slide_pages(s.seconds);
  switch (s.type) {
    case model::SlideType::items:
      return items(moment, s);
    case model::SlideType::item:
      for (const auto& it : moment.content->items)
        if (it.id == item_id) return item(moment, it);
      return {};
    case model::SlideType::roster:
      return roster(moment);
    case model::SlideType::pledges:
      return pledges(moment);
    case model::SlideType::commitments:
      return commitments(moment);
    case model::SlideType::results:
      return results(moment, s);
    case model::SlideType::stats:
      return stats(moment);
    case model::SlideType::notices:
      return notices(moment);
    case model::SlideType::windows:
      return windows(moment);
    case model::SlideType::poster:
      return poster(moment, s);
  }
  return {};
}

schedule::SlidePages PageLayout::count(const Moment& moment, const model::Slide& s) {
  schedule::SlidePages r;
  if (schedule::is_rotating_item_slide(s)) {
    for (const auto& it : moment.content->items)
      r.per_item.push_back(static_cast<int>(slide(moment, s, it.id).size()));
    return r;
  }
  // A poster has a page per picture, whatever the pictures are: counted
  // without asking their sizes.
  if (s.type == model::SlideType::poster)
    r.pages = static_cast<int>(std::min(s.images.size(), model::kMaxPosterImages));
  else
    r.pages = static_cast<int>(slide(moment, s, s.item).size());
  return r;
}

std::vector<Page> PageLayout::urgent_pages(const Moment& moment) {
  const auto notices = schedule::active_notices(*moment.content, model::NoticeLevel::urgent,
                                                moment.now, moment.utc_offset_minutes);
  Page probe;
  // No banner here: this page is the notice itself.
  const Area a = chrome(probe, moment, false);
  const Area inner{a.x + 2 * metrics_.gap, a.y + metrics_.gap, a.w - 4 * metrics_.gap,
                   a.h - 2 * metrics_.gap};
  const Color rule{theme_.urgent_text.r, theme_.urgent_text.g, theme_.urgent_text.b, 110};

  // The word 紧急通知 larger than any text under it, dark on gold.
  const TextStyle big = style(metrics_.title * 5 / 4, true);
  const std::string title = "紧急通知";
  const int title_w = typeset_.width(title, big), title_h = typeset_.line_height(big);
  Block head;
  head.height = title_h + 3 * metrics_.gap / 2;
  head.elements.push_back(
      FillRect{Box{(inner.w - title_w) / 2 - metrics_.gap, 0, title_w + 2 * metrics_.gap, title_h},
               theme_.accent, title_h / 2});
  head.elements.push_back(typeset_.line(title, big, theme_.text, (inner.w - title_w) / 2, 0));

  // One block a line, so a long notice flows over pages; a notice's first
  // line stays with its second and its last with the one before.
  const auto blocks_at = [&](const TextStyle& s) {
    std::vector<Block> blocks;
    const int line_height = typeset_.line_height(s);
    for (std::size_t n = 0; n < notices.size(); ++n) {
      const auto lines = typeset_.lines(notices[n]->text, s, inner.w);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        Block b;
        int y = 0;
        if (i == 0 && n > 0) {  // a rule between two notices
          b.elements.push_back(LineSegment{0, metrics_.gap, inner.w, metrics_.gap, rule, 2});
          y = 2 * metrics_.gap;
        }
        if (!lines[i].empty())
          b.elements.push_back(typeset_.line(lines[i], s, theme_.urgent_text, 0, y));
        b.height = y + line_height;
        b.keep_with_next = lines.size() > 1 && (i == 0 || i + 2 == lines.size());
        blocks.push_back(std::move(b));
      }
    }
    return blocks;
  };
  // As large as fits one page; at body size over as many pages as it takes.
  std::vector<std::vector<Element>> chunks;
  int content_h = 0;
  for (const int size : {metrics_.title, metrics_.heading, metrics_.body}) {
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
    chrome(p, moment, false);
    p.elements.push_back(FillRect{Box{a.x, a.y, a.w, a.h}, theme_.urgent, metrics_.radius});
    // A notice that fits one page stands in the middle of it.
    const int top = inner.y + (chunks.size() == 1 ? std::max(0, (inner.h - content_h) / 2) : 0);
    for (auto e : chunks[i]) {
      offset(e, inner.x, top);
      p.elements.push_back(std::move(e));
    }
    if (chunks.size() > 1) {
      const std::string indicator = std::to_string(i + 1) + "/" + std::to_string(chunks.size());
      const TextStyle s = style(metrics_.small, true);
      p.elements.push_back(typeset_.line(
          indicator, s, theme_.urgent_text, inner.x + inner.w - typeset_.width(indicator, s),
          top + (typeset_.line_height(big) - typeset_.line_height(s)) / 2));
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

Page PageLayout::urgent(const Moment& moment) {
  return urgent_pages(moment).front();
}

Page PageLayout::waiting(const std::string& screen_id, const std::string& message,
                         const Moment& moment) {
  Page p;
  p.slide_type = "waiting";
  p.background = theme_.page;
  const Area a = chrome(p, moment);
  const TextStyle big = style(metrics_.heading, true), small = style(metrics_.small);
  int y = a.y + a.h / 3;
  y += typeset_.set(p.elements, message, big, theme_.text, a.x, y, a.w);
  typeset_.set(p.elements, "屏幕 " + screen_id, small, theme_.muted, a.x, y + metrics_.gap, a.w);
  return p;
}

}  // namespace hb::layout
