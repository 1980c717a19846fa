// The people slides: who is at each window now (A角/B角/补岗, 党员 marked,
// 暂停服务 with the window's note, or 非工作时间 and the next opening), and
// the party members' public pledges. Absences and their reasons never
// appear here.
#include <algorithm>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/wording.h"
#include "model/url.h"
#include "schedule/duty.h"
#include "schedule/local_time.h"

namespace hb::layout {

std::vector<Page> PageLayout::roster(const Moment& m) {
  const model::Content& c = *m.content;
  if (c.roster.windows.empty()) return {};
  const auto board = schedule::duty_board(c, m.calendar, m.now, m.utc_offset_minutes);
  const int full = m_.width - 2 * m_.margin;
  const TextStyle body = style(m_.body), bold = style(m_.body, true), small = style(m_.small),
                  name_style = style(m_.heading, true), pill = style(m_.small, true);
  std::vector<Block> blocks;

  if (!board.open) {
    Block b;
    std::string next = "暂无开放安排";
    if (board.next_opening) {
      const auto l = schedule::to_local(*board.next_opening, m.utc_offset_minutes);
      next = "下次开放：" + when_text(l.date, l.second_of_day);
    }
    const TextStyle big = style(m_.title, true);
    b.height = ts_.line_height(big) + ts_.line_height(bold) + 3 * m_.gap;
    b.elements.push_back(FillRect{Box{0, 0, full, b.height}, theme_.card, m_.radius});
    b.elements.push_back(ts_.line("非工作时间", big, theme_.closed, m_.gap, m_.gap));
    b.elements.push_back(
        ts_.line(next, bold, theme_.header, m_.gap, m_.gap + ts_.line_height(big) + m_.gap));
    blocks.push_back(std::move(b));
    // The windows in two columns on landscape screens.
    const int columns = m_.portrait ? 1 : 2;
    const int col_w = (full - (columns - 1) * m_.gap) / columns;
    // The services line up after the longest window name (up to a third of
    // the column); a service that wraps keeps to its own column.
    int name_w = 0;
    for (const auto& w : c.roster.windows)
      name_w = std::max(name_w, ts_.width(w.name, body));
    name_w = std::min(name_w + m_.gap, col_w / 3);
    std::vector<Block> rows;
    for (const auto& w : c.roster.windows) {
      Block row;
      const bool beside = ts_.width(w.name, body) + m_.gap <= name_w;
      row.height = ts_.set(row.elements, w.name, body, theme_.muted, 0, 0, col_w);
      if (!w.service.empty()) {
        const int top = beside ? 0 : row.height;
        row.height = std::max(row.height, top + ts_.set(row.elements, w.service, body, theme_.muted,
                                                        name_w, top, col_w - name_w));
      }
      rows.push_back(std::move(row));
    }
    for (auto& row : card_rows(std::move(rows), columns, col_w, m_.gap))
      blocks.push_back(std::move(row));
    return paged(m, "roster", "窗口人员", blocks, nullptr);
  }

  const std::string title = "窗口人员 · A、B角在岗";
  Page probe;
  const int room = heading(probe, chrome(probe, m), title).h;

  // The cards in rows of `columns`, with photos `photo_pct` % of a card's
  // width; `compact` sets the rank and the badge beside the photo, under
  // the name, instead of below it.
  const auto cards = [&](int columns, int photo_pct, bool compact) {
    const int card_w = (full - (columns - 1) * m_.gap) / columns;
    const int inner_w = card_w - 2 * m_.gap;
    const int photo_w = card_w * photo_pct / 100, photo_h = photo_w * 4 / 3;
    const int right_x = m_.gap + photo_w + m_.gap, right_w = card_w - right_x - m_.gap;

    // The cards of a row share their band's height, so their photos line up.
    std::vector<int> row_band;
    for (std::size_t k = 0; k < board.windows.size(); ++k) {
      const auto& w = *board.windows[k].window;
      int h = ts_.height(w.name, bold, inner_w);
      if (!w.service.empty()) h += ts_.height(w.service, small, inner_w);
      const std::size_t row = k / static_cast<std::size_t>(columns);
      if (row >= row_band.size()) row_band.push_back(0);
      row_band[row] = std::max(row_band[row], h + m_.gap);
    }
    std::vector<Block> list;
    for (std::size_t k = 0; k < board.windows.size(); ++k) {
      const auto& duty = board.windows[k];
      const auto& w = *duty.window;
      const int band_h = row_band[k / static_cast<std::size_t>(columns)];
      Block card;
      auto& e = card.elements;
      int y = m_.gap / 2;
      std::vector<Element> band;
      const int name_h = ts_.set(band, w.name, bold, theme_.header_text, m_.gap, y, inner_w);
      if (!w.service.empty())
        ts_.set(band, w.service, small, theme_.header_text, m_.gap, y + name_h, inner_w);
      y = band_h + m_.gap;
      std::vector<Element> inner;
      int content_h = 0;
      if (!duty.staff) {
        content_h = ts_.set(inner, "暂停服务", name_style, theme_.urgent, m_.gap, y, inner_w);
        if (!w.closed_note.empty())
          content_h +=
              ts_.set(inner, w.closed_note, body, theme_.text, m_.gap, y + content_h, inner_w);
      } else {
        const auto& s = *duty.staff;
        inner.push_back(
            Picture{Box{m_.gap, y, photo_w, photo_h},
                    s.photo.empty() ? "" : model::resolve_reference(s.base_url, s.photo)});
        int ry = y;
        ry += ts_.set(inner, s.name, name_style, theme_.text, right_x, ry, right_w);
        // The role and 党员 side by side, the second under the first when
        // the column is too narrow for both.
        const int pill_h = ts_.line_height(pill);
        int px = right_x;
        const auto add_pill = [&](const std::string& text, Color fill) {
          const int pw = ts_.width(text, pill) + m_.gap;
          if (px > right_x && px + pw > right_x + right_w) {
            px = right_x;
            ry += pill_h + m_.gap / 3;
          }
          inner.push_back(FillRect{Box{px, ry, pw, pill_h}, fill, pill_h / 2});
          // Dark on the gold 补岗 badge, as on 紧急通知: white on gold is unreadable.
          inner.push_back(ts_.line(text, pill,
                                   fill == theme_.accent ? theme_.text : theme_.header_text,
                                   px + m_.gap / 2, ry));
          px += pw + m_.gap / 3;
        };
        add_pill(schedule::role_label(duty.role),
                 duty.role == schedule::DutyRole::substitute ? theme_.accent : theme_.bar);
        if (s.party) add_pill("党员", theme_.party);
        ry += pill_h + m_.gap / 3;
        const auto detail = [&](const std::string& text, int x, int at, int width) {
          return ts_.set(inner, text, small, theme_.muted, x, at, width);
        };
        int bottom = 0;
        if (compact) {
          if (!s.title.empty()) ry += detail(s.title, right_x, ry, right_w);
          if (!s.badge.empty()) ry += detail("工号 " + s.badge, right_x, ry, right_w);
          bottom = std::max(y + photo_h, ry);
        } else {
          bottom = std::max(y + photo_h, ry) + m_.gap / 2;
          if (!s.title.empty()) bottom += detail(s.title, m_.gap, bottom, inner_w);
          if (!s.badge.empty()) bottom += detail("工号 " + s.badge, m_.gap, bottom, inner_w);
        }
        content_h = bottom - y;
      }
      card.height = y + content_h + m_.gap;
      e.push_back(FillRect{Box{0, 0, card_w, card.height}, theme_.card, m_.radius});
      e.push_back(FillRect{Box{0, 0, card_w, band_h}, duty.staff ? theme_.header : theme_.closed,
                           m_.radius});
      e.push_back(FillRect{Box{0, band_h - m_.radius, card_w, m_.radius},
                           duty.staff ? theme_.header : theme_.closed, 0});
      for (auto& el : band)
        e.push_back(std::move(el));
      for (auto& el : inner)
        e.push_back(std::move(el));
      e.push_back(StrokeRect{Box{0, 0, card_w, card.height}, theme_.card_border, 2, m_.radius});
      list.push_back(std::move(card));
    }
    return card_rows(std::move(list), columns, card_w, m_.gap);
  };
  // A card never spans two pages: on a short screen (or under an urgent
  // banner) the cards get compact, then fewer to a row, until a row fits.
  const int columns = m_.portrait ? 2 : 4;
  struct Try {
    int columns, photo_pct;
    bool compact;
  };
  std::vector<Block> rows;
  for (const Try& t : {Try{columns, 36, false}, Try{columns, 30, true}, Try{columns - 1, 30, true},
                       Try{columns - 1, 25, true}}) {
    rows = cards(t.columns, t.photo_pct, t.compact);
    // (Half the padding under a card's last line may be lost to the page's end.)
    if (std::all_of(rows.begin(), rows.end(),
                    [&](const Block& r) { return r.height - m_.gap / 2 <= room; }))
      break;
  }
  for (auto& row : rows)
    blocks.push_back(std::move(row));
  return paged(m, "roster", title, blocks, nullptr);
}

std::vector<Page> PageLayout::pledges(const Moment& m) {
  const model::Content& c = *m.content;
  if (c.pledges.empty()) return {};
  // Two columns of cards on landscape screens, one on portrait ones.
  const int columns = m_.portrait ? 1 : 2;
  const int full = (m_.width - 2 * m_.margin - (columns - 1) * m_.gap) / columns;
  const TextStyle body = style(m_.body), bold = style(m_.body, true), small = style(m_.small);
  const int photo_w = std::min(full / 5, m_.height / 7), photo_h = photo_w * 4 / 3;
  std::vector<Block> blocks;
  for (const auto& p : c.pledges) {
    const model::Staff* s = nullptr;
    for (const auto& st : c.roster.staff)
      if (st.id == p.staff) s = &st;
    std::string window;
    if (s)
      for (const auto& w : c.roster.windows)
        if (w.a_staff == s->id || w.b_staff == s->id) window = w.name;
    Block b;
    const int text_x = s ? photo_w + 2 * m_.gap : m_.gap;
    const int text_w = full - text_x - m_.gap;
    std::string head = s ? s->name : (p.title.empty() ? "集体承诺" : p.title);
    std::string sub;
    for (const auto& part : {window, p.post})
      if (!part.empty()) sub += (sub.empty() ? "" : " · ") + part;
    int y = m_.gap;
    std::vector<Element> text;
    y += ts_.set(text, head, bold, theme_.header, text_x, y, text_w);
    if (!sub.empty()) y += ts_.set(text, sub, small, theme_.muted, text_x, y, text_w);
    y += ts_.set(text, p.text, body, theme_.text, text_x, y, text_w);
    b.height = std::max(y, s ? photo_h + 2 * m_.gap : 0) + m_.gap;
    b.elements.push_back(FillRect{Box{0, 0, full, b.height}, theme_.card, m_.radius});
    b.elements.push_back(StrokeRect{Box{0, 0, full, b.height}, theme_.card_border, 2, m_.radius});
    if (s) {
      b.elements.push_back(
          Picture{Box{m_.gap, m_.gap, photo_w, photo_h},
                  s->photo.empty() ? "" : model::resolve_reference(s->base_url, s->photo)});
      if (s->party) {
        const int pill_h = ts_.line_height(small);
        b.elements.push_back(
            FillRect{Box{m_.gap, m_.gap + photo_h - pill_h, photo_w, pill_h}, theme_.party, 0});
        const int tw = ts_.width("党员", style(m_.small, true));
        b.elements.push_back(ts_.line("党员", style(m_.small, true), theme_.header_text,
                                      m_.gap + (photo_w - tw) / 2, m_.gap + photo_h - pill_h));
      }
    }
    for (auto& e : text)
      b.elements.push_back(std::move(e));
    blocks.push_back(std::move(b));
  }
  return paged(m, "pledges", "党员公开承诺", card_rows(std::move(blocks), columns, full, m_.gap),
               nullptr);
}

}  // namespace hb::layout
