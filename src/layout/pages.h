// Layout's public face: (content, schedule state at t, screen size) ->
// pages of positioned elements. Pure: time comes in as a parameter and text
// is measured through the renderer's TextMeasurer.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/line_break.h"
#include "layout/poster_fit.h"
#include "layout/slide_item.h"
#include "layout/slide_people.h"
#include "layout/theme.h"
#include "layout/typeset.h"
#include "model/content.h"
#include "model/queue.h"
#include "schedule/duty.h"
#include "schedule/queue_calls.h"
#include "schedule/rotation.h"

namespace hb::layout {

// The state of the world a page is drawn for.
struct Moment {
  const model::Content* content = nullptr;
  model::Calendar calendar;  // the content's, or the format's default
  int utc_offset_minutes = model::kDefaultUtcOffsetMinutes;
  model::UnixSeconds now = 0;
  // The queue-calling system's live document (叫号联动); nothing when the
  // screen has no <queue> or the source is silent (schedule::queue_is_live),
  // so that no stale number is ever drawn.
  const model::QueueDocument* queue = nullptr;
  // A call on screen now: a strip under the header says it on every page,
  // as the urgent banner does (`hallboard render --queue` draws a whole
  // round at one instant; the live screen shows the call page instead).
  const model::QueueCall* call = nullptr;
  // The window band above the ticker of every page (<queue band="bottom">).
  bool band = false;
  // The pixel sizes of poster pictures (layout/poster_fit.h); null: none
  // known, so posters show their alt text.
  const PictureSizes* picture_sizes = nullptr;
};

Moment moment_for(const model::Content& content, int utc_offset_minutes, model::UnixSeconds now);

// A rectangle of the page that content may fill.
struct Area {
  int x, y, w, h;
};

// A column at the right of every page of a slide (a QR code, deadlines).
// Its content must fit the height of a page: what does not goes into the
// slide's main flow instead.
struct Side {
  int width = 0;
  std::function<void(Page&, const Area&)> draw;
};

// A slide runs at most about this long: a citizen waits for the next slide
// no longer, and one slide of a huge feed (10,000 materials: 10,003 pages,
// 55 hours) cannot hold the screen for days.
inline constexpr int kMaxSlideSeconds = 600;
// The pages a slide with pages of `seconds` shows at most: ten minutes of
// them, at least two (the content and the page that says where the rest
// is) and at most 40, so that a slide of 1-second pages still costs the
// layout and the screen's memory no more than 40 pages.
int max_slide_pages(int seconds);

// Blocks of `height` in total fill more pages of `room` px than a slide of
// at most `max_pages` may show (0: no cap).
inline bool past_cap(long long height, int room, int max_pages) {
  return max_pages > 0 && height > static_cast<long long>(max_pages) * room;
}

class PageLayout {
 public:
  PageLayout(const TextMeasurer& measure, Theme theme, int width, int height);

  // Every page of one slide; for an item slide, of `item` (an item id).
  // Empty when the slide has nothing to show. At most max_slide_pages: the
  // last of those then says, in Chinese, where the full text is.
  std::vector<Page> slide(const Moment& moment, const model::Slide& slide, const std::string& item);
  // How many pages the slide has at this moment, for the rotation; a
  // rotating item slide counts the pages of every item.
  schedule::SlidePages count(const Moment& moment, const model::Slide& slide);

  // The pages of the urgent notices in force (they pre-empt the rotation):
  // set as large as fits one page, paginated at body size when even that
  // does not. At least one page.
  std::vector<Page> urgent_pages(const Moment& moment);
  // The first of them.
  Page urgent(const Moment& moment);
  // A call (叫号) pre-empting the page: 请 A024 号 到 1号综合窗口 办理, as
  // large as the page holds, the caller's name masked (layout/call_page.h).
  Page call(const Moment& moment, const model::QueueCall& call);
  // Shown while there is no content yet.
  Page waiting(const std::string& screen_id, const std::string& message, const Moment& moment);

  const Metrics& metrics() const { return metrics_; }

 private:
  // Header, urgent banner (unless `banner` is false: the urgent page itself)
  // and footer ticker; returns the area left for content.
  Area chrome(Page& page, const Moment& moment, bool banner = true);
  // The strip of the call on screen under the header; returns its height.
  int call_strip(Page& page, const model::QueueCall& call, const model::Content& content, int top);
  // The window band ending at `bottom` (layout/window_band.cpp); returns
  // its height, 0 while the hall is closed.
  int window_band(Page& page, const Moment& moment, int bottom);
  // The width of each window's cell in the band: room for its numbers whole.
  int band_cell_width(const std::vector<schedule::BandRow>& rows, const TextStyle& s);
  // What of a window's name the band keeps beside the numbers at least.
  int name_least(const std::string& name, const TextStyle& s);
  // One window in the band: its name and numbers in `width` from (x, top).
  void band_cell(Page& page, const schedule::BandRow& row, const TextStyle& s, int x, int top,
                 int width, int height);
  // Room under the header and the heading `title` on a page.
  int room(const Moment& moment, const std::string& title);
  // Whether the heading cuts `title` (then the page shows it in full).
  bool heading_cut(const Moment& moment, const std::string& title);
  bool past_cap(long long height, int room) const {
    return layout::past_cap(height, room, max_pages_);
  }
  // How many rows at least `row_h` tall the slide's pages can show under
  // the heading `title`: more are never laid out.
  std::size_t max_rows(const Moment& moment, const std::string& title, int row_h);
  // The page that ends a slide cut at max_pages_: where the full text is.
  void pointer_page(Page& page, const Area& area, const Moment& moment, const std::string& item);
  // The hall's name in the header: one line, or two broken where a name
  // reads naturally, at the largest of the header's sizes that allows it.
  struct HallName {
    TextStyle style;
    std::vector<std::string> lines;
    int quality = 0;  // lower is better
  };
  HallName hall_name(const std::string& name, int width);
  // One line of `text` no wider than `width`, cut with "…" if it must be.
  std::string one_line(const std::string& text, const TextStyle& style, int width);
  // `text` on one line in `width`: at `style` when it fits, else at the
  // largest size down to min_text that holds it, else cut at min_text.
  struct FittedLine {
    std::string text;
    TextStyle style;
  };
  FittedLine fit_line(const std::string& text, TextStyle style, int width);
  // The side of a QR code of `data` in px: whole modules, about `wanted`,
  // never smaller than a phone scans from a metre away.
  int qr_side(const std::string& data, int wanted) const;
  // A QR code of about `wanted` px centred in `width`, its caption under it,
  // or beside it when a page of `room` px has no room for that.
  struct Block qr_block(const std::string& data, const std::string& caption, int width, int wanted,
                        int room);
  // Heading of a slide and the page indicator; returns the area below it.
  Area heading(Page& page, const Area& area, const std::string& title);
  // A list (rows, cards) is spread evenly over its pages, and down them;
  // running text (`fill`) fills each page before the next.
  std::vector<Page> paged(const Moment& moment, model::SlideType type, const std::string& title,
                          const std::vector<struct Block>& blocks, const struct Block* header,
                          const std::string& item = "", const Side& side = Side(),
                          bool fill = false);
  // Cards `card_width` wide, `columns` to a row, as many on each page as on
  // any other, give or take one.
  std::vector<Page> paged_cards(const Moment& moment, model::SlideType type,
                                const std::string& title, const std::vector<struct Block>& cards,
                                int columns, int card_width);
  // The pages of a slide whose content is cut into `chunks`, one a page.
  std::vector<Page> pages_of(const Moment& moment, model::SlideType type, const std::string& title,
                             std::vector<std::vector<Element>> chunks, const std::string& item,
                             const Side& side);

  std::vector<Page> items(const Moment& moment, const model::Slide& s);
  std::vector<Page> item(const Moment& moment, const model::Item& item);
  // The column at the right of an item's pages on `room` px under the
  // heading: what it holds, its size and its texts.
  struct ItemSide {
    ItemSideContent content;
    int width = 0, height = 0, qr = 0;
    std::string caption;
    std::vector<std::pair<std::string, Color>> texts;
  };
  ItemSide item_side(const model::Item& item, int room);
  Side item_side_panel(const ItemSide& side, const std::string& url);
  std::vector<Page> roster(const Moment& moment);
  // Outside opening hours, for the roster and the windows slides (`type`).
  std::vector<Page> closed_roster(const Moment& moment, const schedule::DutyBoard& board,
                                  model::SlideType type = model::SlideType::roster);
  // The duty cards, in order.
  std::vector<Block> duty_cards(const schedule::DutyBoard& board,
                                const CardArrangement& arrangement);
  // A card `card_w` wide under a band `band_h` high.
  Block duty_card(const schedule::WindowDuty& duty, const CardArrangement& arrangement, int card_w,
                  int band_h);
  int staff_on_card(std::vector<Element>& out, const schedule::WindowDuty& duty,
                    const CardArrangement& arrangement, int card_w, int top);
  std::vector<Page> pledges(const Moment& moment);
  int pledge_head(std::vector<Element>& out, const std::string& head, const std::string& sub, int x,
                  int y, int width);
  std::vector<Page> commitments(const Moment& moment);
  std::vector<Page> results(const Moment& moment, const model::Slide& s);
  std::vector<Page> stats(const Moment& moment);
  std::vector<Page> notices(const Moment& moment);
  // 宣传海报 (layout/slide_poster.cpp): a page for each picture.
  std::vector<Page> poster(const Moment& moment, const model::Slide& s);
  // What stands in for a picture whose size is not known (not fetched yet,
  // or not a picture the screen can draw): its alt text, large, in `area`.
  void poster_stand_in(Page& page, const Area& area, const model::PosterImage& image);
  // 窗口状态 (layout/slide_windows.cpp): the window band as a table.
  std::vector<Page> windows(const Moment& moment);
  // The windows table at text `size` in `columns` side by side: a page's
  // elements each.
  std::vector<std::vector<Element>> window_chunks(const Moment& moment, const std::string& title,
                                                  const std::vector<schedule::BandRow>& rows,
                                                  int size, int columns);
  // Its column widths in a table `width` wide, from the size alone.
  std::vector<int> window_columns(int width, const TextStyle& cell, int padding, bool live);
  // One row: the window's name (wrapped), then one line a cell. Null `row`: the head.
  Block window_row(const schedule::BandRow* row, const std::vector<int>& widths,
                   const TextStyle& cell, int padding, bool live, Color fill);

  // The width of each of `columns` columns of cards across the page.
  int card_width(int columns) const {
    return (metrics_.width - 2 * metrics_.margin - (columns - 1) * metrics_.gap) / columns;
  }
  TextStyle style(int size, bool bold = false) const {
    return TextStyle{size, bold ? Weight::bold : Weight::regular};
  }

  const TextMeasurer& measure_;
  LineBreaker breaker_;
  Typesetter typeset_;
  Theme theme_;
  Metrics metrics_;
  int max_pages_ = 0;  // of the slide being laid out; 0: no cap
};

}  // namespace hb::layout
