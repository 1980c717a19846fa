// What every page has: the header with the hall's name, date, clock and
// whether the hall is open; the red banner of an urgent notice; the footer
// ticker with the info notices and the hall's phone numbers.
#include "layout/blocks.h"
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
  Moment m;
  m.content = &content;
  m.calendar = content.calendar ? *content.calendar : model::default_calendar();
  m.utc_offset_minutes = utc_offset_minutes;
  m.now = now;
  return m;
}

PageLayout::PageLayout(const TextMeasurer& measure, Theme theme, int width, int height)
    : measure_(measure),
      ts_(measure, breaker_),
      theme_(theme),
      m_(metrics_for(theme_, width, height)) {}

Area PageLayout::chrome(Page& page, const Moment& m) {
  const model::Content& c = *m.content;
  const auto local = schedule::to_local(m.now, m.utc_offset_minutes);
  const int W = m_.width, H = m_.height;

  // Right block: clock, date, open state.
  const std::string clock =
      two(local.second_of_day / 3600) + ":" + two(local.second_of_day / 60 % 60);
  const std::string date = std::to_string(local.date.month) + "月" +
                           std::to_string(local.date.day) + "日 " +
                           weekday_text(model::weekday_of(local.date));
  const bool open = schedule::is_open(m.calendar, m.now, m.utc_offset_minutes);
  const std::string state = open ? "正在办公" : "非工作时间";
  const TextStyle clock_style = style(m_.title, true), small = style(m_.small);
  // The state pill stands beside the clock and the date under both, so the
  // header stays two lines tall and leaves the room to the content.
  const int state_w = ts_.width(state, small) + m_.gap;
  const int right_w =
      std::max(ts_.width(clock, clock_style) + m_.gap + state_w, ts_.width(date, small));

  // Left block: logo, the hall's name (wrapped if it must be), subtitle.
  const bool has_logo = c.hall && !c.hall->logo.empty();
  const int logo = has_logo ? m_.header_height - 2 * m_.gap : 0;
  const int name_x = m_.margin + (has_logo ? logo + m_.gap : 0);
  // The name keeps at least half the width, whatever the clock takes.
  const int name_w = std::max(W / 2, W - name_x - right_w - 2 * m_.margin);
  const std::string name = c.hall ? c.hall->name : "政务服务大厅";
  TextStyle name_style = style(m_.title, true);
  if (ts_.lines(name, name_style, name_w).size() > 1) name_style = style(m_.heading, true);
  const auto name_lines = ts_.lines(name, name_style, name_w);
  const std::string subtitle = c.hall ? c.hall->subtitle : "";
  const int text_h = static_cast<int>(name_lines.size()) * ts_.line_height(name_style) +
                     (subtitle.empty() ? 0 : ts_.height(subtitle, small, name_w));
  const int right_h = ts_.line_height(clock_style) + ts_.line_height(small);
  const int header_h = std::max({m_.header_height, text_h + m_.gap, right_h + m_.gap});

  page.elements.push_back(FillRect{Box{0, 0, W, header_h}, theme_.header, 0});
  page.elements.push_back(FillRect{Box{0, header_h - m_.gap / 4, W, m_.gap / 4}, theme_.accent, 0});
  if (has_logo)
    page.elements.push_back(Picture{Box{m_.margin, (header_h - logo) / 2, logo, logo},
                                    model::resolve_reference(c.hall->base_url, c.hall->logo)});
  int y = (header_h - text_h) / 2;
  for (const auto& l : name_lines) {
    page.elements.push_back(ts_.line(l, name_style, theme_.header_text, name_x, y));
    y += ts_.line_height(name_style);
  }
  if (!subtitle.empty()) ts_.set(page.elements, subtitle, small, theme_.accent, name_x, y, name_w);

  int ry = (header_h - right_h) / 2;
  const int clock_x = W - m_.margin - ts_.width(clock, clock_style);
  page.elements.push_back(ts_.line(clock, clock_style, theme_.header_text, clock_x, ry));
  const int pill_y = ry + (ts_.line_height(clock_style) - ts_.line_height(small)) / 2;
  const int pill_x = clock_x - m_.gap - state_w;
  page.elements.push_back(FillRect{Box{pill_x, pill_y, state_w, ts_.line_height(small)},
                                   open ? theme_.good : theme_.closed, ts_.line_height(small) / 2});
  page.elements.push_back(ts_.line(state, small, theme_.header_text, pill_x + m_.gap / 2, pill_y));
  ry += ts_.line_height(clock_style);
  page.elements.push_back(
      ts_.line(date, small, theme_.header_text, W - m_.margin - ts_.width(date, small), ry));

  int top = header_h;
  // The urgent banner, on every page while an urgent notice is in force.
  const auto urgent =
      schedule::active_notices(c, model::NoticeLevel::urgent, m.now, m.utc_offset_minutes);
  if (!urgent.empty()) {
    std::string text = "紧急通知：";
    for (std::size_t i = 0; i < urgent.size(); ++i)
      text += (i ? "　" : "") + urgent[i]->text;
    const TextStyle s = style(m_.body, true);
    const int h = ts_.line_height(s) + m_.gap;
    page.elements.push_back(FillRect{Box{0, top, W, h}, theme_.urgent, 0});
    page.elements.push_back(
        Ticker{Box{m_.margin, top + m_.gap / 2, W - 2 * m_.margin, ts_.line_height(s)}, text, s,
               theme_.urgent_text, 100});
    top += h;
  }

  // The footer ticker: info notices, then the phone numbers.
  std::string ticker;
  for (const auto* n :
       schedule::active_notices(c, model::NoticeLevel::info, m.now, m.utc_offset_minutes))
    ticker += (ticker.empty() ? "" : "　　") + n->text;
  if (c.hall)
    for (const auto& p : c.hall->phones)
      ticker += (ticker.empty() ? "" : "　　") + std::string(phone_label(p.kind)) + " " + p.number;
  if (ticker.empty()) ticker = c.hall ? c.hall->name : "欢迎";
  for (char& ch : ticker)
    if (ch == '\n') ch = ' ';
  const TextStyle ts = style(m_.body);
  const int footer_h = std::max(m_.footer_height, ts_.line_height(ts) + m_.gap);
  page.elements.push_back(FillRect{Box{0, H - footer_h, W, footer_h}, theme_.ticker, 0});
  page.elements.push_back(
      Ticker{Box{m_.margin / 2, H - footer_h + (footer_h - ts_.line_height(ts)) / 2, W - m_.margin,
                 ts_.line_height(ts)},
             ticker, ts, theme_.ticker_text, 120});

  return Area{m_.margin, top + m_.gap, W - 2 * m_.margin, H - footer_h - top - 2 * m_.gap};
}

Area PageLayout::heading(Page& page, const Area& a, const std::string& title) {
  const TextStyle s = style(m_.heading, true);
  const int lh = ts_.line_height(s);
  // Room at the right for the page indicator ("12/12").
  const int reserve = ts_.width("00/00", style(m_.small, true)) + m_.gap;
  const int h =
      ts_.set(page.elements, title, s, theme_.text, a.x + m_.gap, a.y, a.w - m_.gap - reserve);
  page.elements.push_back(
      FillRect{Box{a.x, a.y + lh / 6, m_.gap / 3, h - lh / 3}, theme_.header, 2});
  return Area{a.x, a.y + h + m_.gap / 2, a.w, a.h - h - m_.gap / 2};
}

std::vector<Page> PageLayout::paged(const Moment& m, const std::string& type,
                                    const std::string& title, const std::vector<Block>& blocks,
                                    const Block* header, const std::string& item,
                                    const Side& side) {
  Page probe;
  const Area body = heading(probe, chrome(probe, m), title);
  const auto chunks = paginate(blocks, body.h, header, m_.gap / 2);
  std::vector<Page> pages;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    Page p;
    p.slide_type = type;
    p.page = static_cast<int>(i);
    p.page_count = static_cast<int>(chunks.size());
    p.item = item;
    p.background = theme_.page;
    const Area frame = chrome(p, m);
    const int first_heading_y = frame.y;
    const Area a = heading(p, frame, title);
    if (chunks.size() > 1) {
      const std::string indicator = std::to_string(i + 1) + "/" + std::to_string(chunks.size());
      const TextStyle s = style(m_.small, true);
      p.elements.push_back(ts_.line(
          indicator, s, theme_.muted, a.x + a.w - ts_.width(indicator, s),
          first_heading_y + (ts_.line_height(style(m_.heading, true)) - ts_.line_height(s)) / 2));
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
