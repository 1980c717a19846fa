// 宣传海报: one page for each picture of a poster slide, the picture scaled
// to fit its area whole and centred (layout/poster_fit.h).
#include <algorithm>
#include <string>

#include "layout/pages.h"
#include "model/url.h"
#include "schedule/notices.h"

namespace hb::layout {

std::vector<Page> PageLayout::poster(const Moment& moment, const model::Slide& s) {
  // A full-screen poster still gives way to what every page must carry:
  // the urgent banner and a call's strip come with the hall's frame.
  const bool urgent = !schedule::active_notices(*moment.content, model::NoticeLevel::urgent,
                                                moment.now, moment.utc_offset_minutes)
                           .empty();
  const bool full = s.frame == model::PosterFrame::full && !urgent && !moment.call;
  std::vector<Page> pages;
  const std::size_t n = std::min(s.images.size(), model::kMaxPosterImages);
  for (std::size_t i = 0; i < n; ++i) {
    const model::PosterImage& image = s.images[i];
    Page p;
    p.slide_type = std::string(model::slide_type_word(model::SlideType::poster));
    p.page = static_cast<int>(i);
    p.page_count = static_cast<int>(n);
    p.background = theme_.page;
    const Area area = full ? Area{0, 0, metrics_.width, metrics_.height} : chrome(p, moment);
    const std::string source = model::resolve_reference(s.base_url, image.src);
    const std::optional<PictureSize> size = moment.picture_sizes && *moment.picture_sizes
                                                ? (*moment.picture_sizes)(source)
                                                : std::nullopt;
    const Box box = size ? contain(Box{area.x, area.y, area.w, area.h}, *size) : Box{};
    // The alt text stands in for a picture of a known size that still
    // cannot be drawn (a truncated file): the renderer skips it otherwise.
    const std::size_t at = p.elements.size();
    if (box.w > 0 && box.h > 0) p.elements.push_back(Picture{box, source, 0});
    poster_stand_in(p, area, image);
    if (auto* picture = std::get_if<Picture>(&p.elements[at]))
      picture->stand_in = static_cast<int>(p.elements.size() - at - 1);
    pages.push_back(std::move(p));
  }
  return pages;
}

void PageLayout::poster_stand_in(Page& page, const Area& area, const model::PosterImage& image) {
  const Box frame{area.x + metrics_.gap, area.y + metrics_.gap, area.w - 2 * metrics_.gap,
                  area.h - 2 * metrics_.gap};
  page.elements.push_back(FillRect{frame, theme_.card, metrics_.radius});
  page.elements.push_back(StrokeRect{frame, theme_.card_border, 2, metrics_.radius});
  const std::string text = model::poster_image_label(image);
  const TextStyle big = style(metrics_.title, true), small = style(metrics_.small);
  const int width = frame.w - 4 * metrics_.gap;
  // At most three lines, whatever the alt text's length: the work stays bounded.
  const auto lines = typeset_.cut_lines(text, big, width, 3);
  const std::string note = "宣传海报图片暂未载入";
  const int line_h = typeset_.line_height(big), note_h = typeset_.line_height(small);
  const int total = static_cast<int>(lines.size()) * line_h + metrics_.gap + note_h;
  int y = frame.y + std::max(0, (frame.h - total) / 2);
  for (const auto& l : lines) {
    page.elements.push_back(
        typeset_.line(l, big, theme_.text, frame.x + (frame.w - typeset_.width(l, big)) / 2, y));
    y += line_h;
  }
  page.elements.push_back(typeset_.line(note, small, theme_.muted,
                                        frame.x + (frame.w - typeset_.width(note, small)) / 2,
                                        y + metrics_.gap));
}

}  // namespace hb::layout
