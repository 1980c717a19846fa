// What every page has: the header with the hall's name, date, clock and
// whether the hall is open; the red banner of an urgent notice; the footer
// ticker with the info notices and the hall's phone numbers.
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

#include "layout/blocks.h"
#include "layout/call_page.h"
#include "layout/pages.h"
#include "layout/wording.h"
#include "model/url.h"
#include "schedule/calendar.h"
#include "schedule/local_time.h"
#include "schedule/notices.h"

namespace hb::layout {
namespace {

std::string two(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

const char* phone_label(model::PhoneKind k) {
  switch (k) {
    case model::PhoneKind::consult:
      return "咨询电话";
    case model::PhoneKind::supervise:
      return "监督电话";
    case model::PhoneKind::complaint:
      return "投诉电话";
  }
  return "";
}

}  // namespace

Moment moment_for(const model::Content& content, int utc_offset_minutes, model::UnixSeconds now) {
  Moment moment;
  moment.content = &content;
  moment.calendar = content.calendar ? *content.calendar : model::default_calendar();
  moment.utc_offset_minutes = utc_offset_minutes;
  moment.now = now;
  return moment;
}

PageLayout::PageLayout(const TextMeasurer& measure, Theme theme, int width, int height)
    : measure_(measure),
      typeset_(measure, breaker_),
      theme_(theme),
      metrics_(metrics_for(theme_, width, height)) {}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// How well a hall's name reads broken at `at`: 0 after an institution
// (…建设局 / 政务服务窗口), 1 after a place (XX市 / 政务服务中心), 2 between
// words, 3 anywhere else a line may break.
int name_break_rank(std::string_view name, std::size_t at, bool word_boundary) {
  const std::string_view before = name.substr(0, at);
  for (const char* s : {"中心", "大厅", "委员会", "管委会"})
    if (ends_with(before, s)) return 0;
  if (word_boundary) {
    for (const char* s : {"局", "厅", "委", "院", "办", "署", "府", "处", "所", "站"})
      if (ends_with(before, s)) return 0;
    for (const char* s : {"省", "市", "区", "县", "州", "旗", "盟", "镇", "街道"})
      if (ends_with(before, s)) return 1;
    return 2;
  }
  return 3;
}

}  // namespace

PageLayout::HallName PageLayout::hall_name(const std::string& name, int width) {
  // The header's sizes, largest first; none is below min_text (Metrics).
  std::vector<TextStyle> sizes;
  for (const int s : {metrics_.title, metrics_.heading, metrics_.body})
    if (sizes.empty() || sizes.back().size != s) sizes.push_back(style(s, true));
  // A name wider than two lines at the smallest size can only be cut: trying
  // every break of it (below) would measure it over and over, quadratic in
  // its length (a 1,200-character name took over a minute), to find nothing.
  constexpr int kCut = 9;  // the rungs of the ladder below: worse than any
  const TextStyle& smallest = sizes.back();
  if (typeset_.wider_than(name, smallest, 2 * width + smallest.size).size() < name.size())
    return HallName{smallest, typeset_.cut_lines(name, smallest, width, 2), kCut};
  const auto one = [&](const TextStyle& s) { return typeset_.width(name, s) <= width; };
  // The best place to break into two lines that both fit, by rank, then
  // the most even.
  const auto words = breaker_.words(name);
  const auto split_in_two = [&](const TextStyle& s, int worst_rank) -> std::optional<HallName> {
    std::optional<HallName> best;
    int best_rank = worst_rank + 1, best_width = 0;
    for (const std::size_t at : breaker_.opportunities(name)) {
      if (at == 0 || at >= name.size()) continue;
      const std::string first = name.substr(0, at), second = name.substr(at);
      const int w = std::max(typeset_.width(first, s), typeset_.width(second, s));
      if (w > width) continue;
      const bool word = std::find(words.begin(), words.end(), at) != words.end();
      const int rank = name_break_rank(name, at, word);
      if (rank < best_rank || (rank == best_rank && w < best_width)) {
        best = HallName{s, {first, second}, 0};
        best_rank = rank;
        best_width = w;
      }
    }
    return best;
  };
  // One line a size smaller reads better than two; two lines broken after
  // an institution or a place read better than one line smaller still.
  std::vector<std::function<std::optional<HallName>()>> ladder;
  const auto one_line_at = [&](std::size_t k) {
    ladder.emplace_back([&, k]() -> std::optional<HallName> {
      if (k >= sizes.size() || !one(sizes[k])) return std::nullopt;
      return HallName{sizes[k], {name}, 0};
    });
  };
  const auto two_lines_at = [&](std::size_t k, int worst_rank) {
    ladder.emplace_back([&, k, worst_rank]() -> std::optional<HallName> {
      if (k >= sizes.size()) return std::nullopt;
      return split_in_two(sizes[k], worst_rank);
    });
  };
  one_line_at(0);
  one_line_at(1);
  two_lines_at(0, 1);
  two_lines_at(1, 1);
  one_line_at(2);
  two_lines_at(2, 1);
  for (std::size_t k = 0; k < 3; ++k)
    two_lines_at(k, 2);
  for (std::size_t q = 0; q < ladder.size(); ++q)
    if (auto r = ladder[q]()) {
      r->quality = static_cast<int>(q);
      return *r;
    }
  // A name that fits two lines only where no word may break is cut.
  return HallName{smallest, typeset_.cut_lines(name, smallest, width, 2), kCut};
}

std::string PageLayout::one_line(const std::string& text, const TextStyle& s, int width) {
  const auto lines = typeset_.cut_lines(text, s, width, 1);
  return lines.empty() ? "" : lines.front();
}

PageLayout::FittedLine PageLayout::fit_line(const std::string& text, TextStyle s, int width) {
  const TextStyle floor{std::min(s.size, theme_.min_text), s.weight};
  // Only what could show at the floor is measured: a long text costs no more.
  if (typeset_.wider_than(text, floor, width).size() < text.size())
    return {one_line(text, floor, width), floor};
  // Widths grow about in proportion to the size: a step or two at most.
  for (int w = typeset_.width(text, s); w > width && s.size > floor.size;
       w = typeset_.width(text, s))
    s.size = std::max(floor.size, std::min(s.size - 1, s.size * width / std::max(w, 1)));
  if (typeset_.width(text, s) <= width) return {text, s};
  return {one_line(text, s, width), s};
}

int PageLayout::qr_side(const std::string& data, int wanted) const {
  const int modules = qr_modules(data.size());
  if (modules == 0) return wanted;  // render reports the code it cannot draw
  // A phone reads a code from a metre when it is some 10 cm across with
  // modules of 2.5 mm or more: 160 px and 4 px on a 1366x768 panel.
  const int min_module = std::max(4, static_cast<int>(std::lround(4 * metrics_.scale)));
  const int min_side = static_cast<int>(std::lround(225 * metrics_.scale));
  const int module = std::max({min_module, (min_side + modules - 1) / modules, wanted / modules});
  return module * modules;
}

Block PageLayout::qr_block(const std::string& data, const std::string& full_caption, int width,
                           int wanted, int room) {
  const TextStyle s = style(metrics_.small);
  // A caption is a line under the code (or beside it): cut if it must be.
  const std::string caption = one_line(full_caption, s, width / 2);
  const int cap_h = typeset_.line_height(s), cap_w = typeset_.width(caption, s);
  const int around = metrics_.gap + metrics_.gap / 2 + cap_h;  // above the code and for the caption
  int size = qr_side(data, wanted);
  if (size + around > room) size = std::max(qr_side(data, 0), qr_side(data, room - around));
  Block b;
  if (size + around <= room) {
    b.height = size + around;
    b.elements.push_back(QrCode{Box{(width - size) / 2, metrics_.gap, size, size}, data});
    b.elements.push_back(typeset_.line(caption, s, theme_.muted, (width - cap_w) / 2,
                                       metrics_.gap + size + metrics_.gap / 2));
  } else {  // a short page: the caption beside the code
    size = std::min(size, room);
    b.height = size;
    const int x = std::max(0, (width - size - metrics_.gap - cap_w) / 2);
    b.elements.push_back(QrCode{Box{x, 0, size, size}, data});
    b.elements.push_back(
        typeset_.line(caption, s, theme_.muted, x + size + metrics_.gap, (size - cap_h) / 2));
  }
  return b;
}

int PageLayout::call_strip(Page& page, const model::QueueCall& call, const model::Content& content,
                           int top) {
  const CallWords words = call_words(content, call);
  const TextStyle s = style(metrics_.body, true);
  const int h = typeset_.line_height(s) + metrics_.gap;
  page.elements.push_back(FillRect{Box{0, top, metrics_.width, h}, theme_.ticker, 0});
  const std::string text = words.please + " " + words.ticket + " " + words.to;
  page.elements.push_back(typeset_.line(one_line(text, s, metrics_.width - 2 * metrics_.margin), s,
                                        theme_.accent, metrics_.margin, top + metrics_.gap / 2));
  return h;
}

Area PageLayout::chrome(Page& page, const Moment& moment, bool banner) {
  const model::Content& c = *moment.content;
  const auto local = schedule::to_local(moment.now, moment.utc_offset_minutes);
  const int W = metrics_.width, H = metrics_.height;

  // Right block: clock, date, open state.
  const std::string clock =
      two(local.second_of_day / 3600) + ":" + two(local.second_of_day / 60 % 60);
  const std::string date = std::to_string(local.date.month) + "月" +
                           std::to_string(local.date.day) + "日 " +
                           weekday_text(model::weekday_of(local.date));
  const bool open = schedule::is_open(moment.calendar, moment.now, moment.utc_offset_minutes);
  const std::string state = open ? "正在办公" : "非工作时间";
  const TextStyle clock_style = style(metrics_.title, true), small = style(metrics_.small);
  const int state_w = typeset_.width(state, small) + metrics_.gap;
  const int clock_w = typeset_.width(clock, clock_style), date_w = typeset_.width(date, small);

  // Left block: logo, the hall's name (in two lines if it must be), subtitle.
  const bool has_logo = c.hall && !c.hall->logo.empty();
  const int logo = has_logo ? metrics_.header_height - 2 * metrics_.gap : 0;
  const int name_x = metrics_.margin + (has_logo ? logo + metrics_.gap : 0);
  const std::string name = c.hall ? c.hall->name : "政务服务大厅";
  // The state pill stands beside the clock and the date under both, so the
  // header stays two lines tall; when that leaves the name too little room
  // (a portrait screen), the three stack and the name gets the width.
  const int wide_w = std::max(clock_w + metrics_.gap + state_w, date_w);
  const int stacked_w = std::max({clock_w, date_w, state_w});
  const auto name_room = [&](int right_w) {
    return W - name_x - right_w - metrics_.margin - metrics_.gap;
  };
  HallName hall = hall_name(name, name_room(wide_w));
  bool stacked = false;
  if (hall.quality > 0) {
    HallName narrow = hall_name(name, name_room(stacked_w));
    if (narrow.quality < hall.quality ||
        (narrow.quality == hall.quality && narrow.lines.size() < hall.lines.size())) {
      hall = std::move(narrow);
      stacked = true;
    }
  }
  const int name_w = name_room(stacked ? stacked_w : wide_w);
  // The subtitle is one line under the name, cut if it must be: the header
  // does not grow with the text.
  const std::string subtitle =
      c.hall && !c.hall->subtitle.empty() ? one_line(c.hall->subtitle, small, name_w) : "";
  const int text_h = static_cast<int>(hall.lines.size()) * typeset_.line_height(hall.style) +
                     (subtitle.empty() ? 0 : typeset_.line_height(small));
  const int right_h =
      typeset_.line_height(clock_style) + (stacked ? 2 : 1) * typeset_.line_height(small);
  const int header_h =
      std::max({metrics_.header_height, text_h + metrics_.gap, right_h + metrics_.gap});

  page.elements.push_back(FillRect{Box{0, 0, W, header_h}, theme_.header, 0});
  page.elements.push_back(
      FillRect{Box{0, header_h - metrics_.gap / 4, W, metrics_.gap / 4}, theme_.accent, 0});
  if (has_logo)
    page.elements.push_back(Picture{Box{metrics_.margin, (header_h - logo) / 2, logo, logo},
                                    model::resolve_reference(c.hall->base_url, c.hall->logo), 0});
  int y = (header_h - text_h) / 2;
  for (const auto& l : hall.lines) {
    page.elements.push_back(typeset_.line(l, hall.style, theme_.header_text, name_x, y));
    y += typeset_.line_height(hall.style);
  }
  if (!subtitle.empty())
    page.elements.push_back(typeset_.line(subtitle, small, theme_.accent, name_x, y));

  int ry = (header_h - right_h) / 2;
  const int right = W - metrics_.margin;
  const int clock_x = right - clock_w;
  page.elements.push_back(typeset_.line(clock, clock_style, theme_.header_text, clock_x, ry));
  const int pill_h = typeset_.line_height(small);
  const auto pill = [&](int x, int py) {
    page.elements.push_back(
        FillRect{Box{x, py, state_w, pill_h}, open ? theme_.good : theme_.closed, pill_h / 2});
    page.elements.push_back(
        typeset_.line(state, small, theme_.header_text, x + metrics_.gap / 2, py));
  };
  if (!stacked)
    pill(clock_x - metrics_.gap - state_w, ry + (typeset_.line_height(clock_style) - pill_h) / 2);
  ry += typeset_.line_height(clock_style);
  page.elements.push_back(typeset_.line(date, small, theme_.header_text, right - date_w, ry));
  if (stacked) pill(right - state_w, ry + typeset_.line_height(small));

  int top = header_h;
  // The urgent banner, on every page while an urgent notice is in force:
  // one still line, cut with "…" (the urgent page has the full text).
  const auto urgent = schedule::active_notices(c, model::NoticeLevel::urgent, moment.now,
                                               moment.utc_offset_minutes);
  if (banner && !urgent.empty()) {
    std::string text = "紧急通知：";
    for (std::size_t i = 0; i < urgent.size(); ++i)
      text += (i ? "　" : "") + urgent[i]->text;
    for (char& ch : text)
      if (ch == '\n') ch = ' ';
    const TextStyle s = style(metrics_.body, true);
    const int h = typeset_.line_height(s) + metrics_.gap;
    page.elements.push_back(FillRect{Box{0, top, W, h}, theme_.urgent, 0});
    page.elements.push_back(typeset_.line(one_line(text, s, W - 2 * metrics_.margin), s,
                                          theme_.urgent_text, metrics_.margin,
                                          top + metrics_.gap / 2));
    top += h;
  }
  if (banner && moment.call) top += call_strip(page, *moment.call, *moment.content, top);

  // The footer ticker: info notices, then the phone numbers.
  std::string ticker;
  for (const auto* n :
       schedule::active_notices(c, model::NoticeLevel::info, moment.now, moment.utc_offset_minutes))
    ticker += (ticker.empty() ? "" : "　　") + n->text;
  if (c.hall)
    for (const auto& p : c.hall->phones)
      ticker += (ticker.empty() ? "" : "　　") + std::string(phone_label(p.kind)) + " " + p.number;
  if (ticker.empty()) ticker = c.hall ? c.hall->name : "欢迎";
  for (char& ch : ticker)
    if (ch == '\n') ch = ' ';
  const TextStyle ticker_style = style(metrics_.body);
  const int footer_h =
      std::max(metrics_.footer_height, typeset_.line_height(ticker_style) + metrics_.gap);
  page.elements.push_back(FillRect{Box{0, H - footer_h, W, footer_h}, theme_.ticker, 0});
  page.elements.push_back(Ticker{
      Box{metrics_.margin / 2, H - footer_h + (footer_h - typeset_.line_height(ticker_style)) / 2,
          W - metrics_.margin, typeset_.line_height(ticker_style)},
      ticker, ticker_style, theme_.ticker_text, 120});

  const int band_h = banner && moment.band ? window_band(page, moment, H - footer_h) : 0;
  return Area{metrics_.margin, top + metrics_.gap, W - 2 * metrics_.margin,
              H - footer_h - band_h - top - 2 * metrics_.gap};
}

int PageLayout::room(const Moment& moment, const std::string& title) {
  Page probe;
  return heading(probe, chrome(probe, moment), title).h;
}

std::size_t PageLayout::max_rows(const Moment& moment, const std::string& title, int row_h) {
  if (max_pages_ <= 0) return static_cast<std::size_t>(-1);
  const long long rows =
      static_cast<long long>(max_pages_) * std::max(room(moment, title), 0) / std::max(row_h, 1) +
      max_pages_;
  return static_cast<std::size_t>(rows);
}

bool PageLayout::heading_cut(const Moment& moment, const std::string& title) {
  Page probe;
  heading(probe, chrome(probe, moment), title);
  for (const auto& e : probe.elements)
    if (const auto* t = std::get_if<TextRun>(&e);
        t && t->style.size == metrics_.heading && t->text.ends_with("…") && !title.ends_with("…"))
      return true;
  return false;
}

void PageLayout::pointer_page(Page& page, const Area& a, const Moment& moment,
                              const std::string& item) {
  // Where the full text is: the item's online guide, else the hall's online
  // service, else the windows; as a QR code where there is a link.
  std::string url;
  for (const auto& it : moment.content->items)
    if (it.id == item) url = it.online_url;
  if (url.empty() && moment.content->hall)
    for (const auto& l : moment.content->hall->links)
      if (l.kind == model::LinkKind::online) url = l.url;
  const std::string where = !url.empty() ? "完整内容请扫描下方二维码，在网上办事大厅查看。"
                                         : "完整内容请到服务窗口咨询，或登录网上办事大厅查看。";
  const TextStyle big = style(metrics_.heading, true), body = style(metrics_.body);
  int y = a.y + metrics_.gap;
  y += typeset_.set(page.elements,
                    "内容较多，本屏仅显示前" + std::to_string(max_pages_ - 1) + "页。", big,
                    theme_.header, a.x, y, a.w);
  y += typeset_.set(page.elements, where, body, theme_.text, a.x, y + metrics_.gap / 2, a.w) +
       metrics_.gap / 2;
  if (url.empty() || qr_modules(url.size()) == 0) return;
  Block qr = qr_block(url, "扫码查看完整内容", a.w, std::min(a.w, a.h) / 2, a.y + a.h - y);
  for (auto e : qr.elements) {
    offset(e, a.x, y);
    page.elements.push_back(std::move(e));
  }
}

Area PageLayout::heading(Page& page, const Area& a, const std::string& title) {
  const TextStyle s = style(metrics_.heading, true);
  const int line_height = typeset_.line_height(s);
  // Room at the right for the page indicator ("12/12").
  const int reserve = typeset_.width("00/00", style(metrics_.small, true)) + metrics_.gap;
  // At most two lines (an item's full name is on its page's first lines
  // anyway): a heading never pushes the content off the page.
  int h = 0;
  for (const auto& l : typeset_.cut_lines(title, s, a.w - metrics_.gap - reserve, 2)) {
    page.elements.push_back(typeset_.line(l, s, theme_.text, a.x + metrics_.gap, a.y + h));
    h += line_height;
  }
  page.elements.push_back(FillRect{
      Box{a.x, a.y + line_height / 6, metrics_.gap / 3, h - line_height / 3}, theme_.header, 2});
  return Area{a.x, a.y + h + metrics_.gap / 2, a.w, a.h - h - metrics_.gap / 2};
}

std::vector<Page> PageLayout::paged(const Moment& moment, model::SlideType type,
                                    const std::string& title, const std::vector<Block>& blocks,
                                    const Block* header, const std::string& item, const Side& side,
                                    bool fill) {
  const int room = this->room(moment, title), spacing = metrics_.gap / 2;
  return pages_of(moment, type, title,
                  fill ? paginate(blocks, room, header, spacing)
                       : paginate_evenly(blocks, room, header, spacing, true),
                  item, side);
}

std::vector<Page> PageLayout::paged_cards(const Moment& moment, model::SlideType type,
                                          const std::string& title, const std::vector<Block>& cards,
                                          int columns, int card_width) {
  return pages_of(moment, type, title,
                  paginate_cards(cards, columns, card_width, metrics_.gap, room(moment, title),
                                 metrics_.gap / 2, true),
                  "", Side());
}

std::vector<Page> PageLayout::pages_of(const Moment& moment, model::SlideType type,
                                       const std::string& title,
                                       std::vector<std::vector<Element>> chunks,
                                       const std::string& item, const Side& side) {
  // Past the cap the last page shown says where the rest is.
  const bool cut = max_pages_ > 0 && chunks.size() > static_cast<std::size_t>(max_pages_);
  if (cut) chunks.resize(static_cast<std::size_t>(max_pages_ - 1));
  const std::size_t count = chunks.size() + (cut ? 1 : 0);
  std::vector<Page> pages;
  for (std::size_t i = 0; i < count; ++i) {
    Page p;
    p.slide_type = model::slide_type_word(type);
    p.page = static_cast<int>(i);
    p.page_count = static_cast<int>(count);
    p.item = item;
    p.background = theme_.page;
    const Area frame = chrome(p, moment);
    const int first_heading_y = frame.y;
    const Area a = heading(p, frame, title);
    if (count > 1) {
      const std::string indicator = std::to_string(i + 1) + "/" + std::to_string(count);
      const TextStyle s = style(metrics_.small, true);
      p.elements.push_back(typeset_.line(
          indicator, s, theme_.muted, a.x + a.w - typeset_.width(indicator, s),
          first_heading_y +
              (typeset_.line_height(style(metrics_.heading, true)) - typeset_.line_height(s)) / 2));
    }
    if (i == chunks.size()) {
      pointer_page(p, a, moment, item);
      pages.push_back(std::move(p));
      break;
    }
    if (side.draw) side.draw(p, Area{a.x + a.w - side.width, a.y, side.width, a.h});
    for (auto e : chunks[i]) {
      offset(e, a.x, a.y);
      p.elements.push_back(std::move(e));
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

}  // namespace hb::layout
