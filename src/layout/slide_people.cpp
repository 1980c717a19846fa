// The people slides: who is at each window now (A角/B角/补岗, 党员 marked,
// 暂停服务 with the window's note, or 非工作时间 and the next opening), and
// the party members' public pledges. Absences and their reasons never
// appear here.
#include "layout/slide_people.h"

#include <algorithm>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/wording.h"
#include "model/url.h"
#include "schedule/duty.h"
#include "schedule/local_time.h"

namespace hb::layout {

std::vector<CardArrangement> card_arrangements(int columns) {
  return {
      {columns, 36, false}, {columns, 30, true}, {columns - 1, 30, true}, {columns - 1, 25, true}};
}

std::vector<int> larger_photos(const CardArrangement& arrangement) {
  std::vector<int> larger;
  if (arrangement.compact) return larger;
  for (const int percent : {46, 42})
    if (percent > arrangement.photo_percent) larger.push_back(percent);
  return larger;
}

std::vector<int> row_heights(const std::vector<int>& heights, int columns) {
  const auto per_row = static_cast<std::size_t>(std::max(columns, 1));
  std::vector<int> rows((heights.size() + per_row - 1) / per_row, 0);
  for (std::size_t k = 0; k < heights.size(); ++k)
    rows[k / per_row] = std::max(rows[k / per_row], heights[k]);
  return rows;
}

std::vector<Spot> label_spots(const std::vector<int>& widths, int left, int width, int spacing) {
  std::vector<Spot> spots;
  Spot next{left, 0};
  for (const int w : widths) {
    if (next.x > left && next.x + w > left + width) next = Spot{left, next.line + 1};
    spots.push_back(next);
    next.x += w + spacing;
  }
  return spots;
}

std::vector<Page> PageLayout::roster(const Moment& moment) {
  const model::Content& content = *moment.content;
  if (content.roster.windows.empty()) return {};
  const auto board =
      schedule::duty_board(content, moment.calendar, moment.now, moment.utc_offset_minutes);
  if (!board.open) return closed_roster(moment, board);
  const std::string title = "窗口人员 · A、B角在岗";
  const int room = this->room(moment, title), gap = metrics_.gap;
  // (Half the padding under a card's last line may be lost to the page's end.)
  const auto fit = [&](const std::vector<Block>& cards) {
    return std::all_of(cards.begin(), cards.end(),
                       [&](const Block& card) { return card.height - gap / 2 <= room; });
  };
  const auto arrangements = card_arrangements(metrics_.portrait ? 2 : 4);
  CardArrangement chosen = arrangements.back();
  std::vector<Block> cards;
  for (const auto& arrangement : arrangements) {
    chosen = arrangement;
    cards = duty_cards(board, arrangement);
    if (fit(cards)) break;
  }
  const auto paginated = [&](const std::vector<Block>& some, int columns) {
    return paginate_cards(some, columns, card_width(columns), gap, room, gap / 2, true);
  };
  auto pages = paginated(cards, chosen.columns);
  // Larger photos where the pages have room for them (and need no more
  // pages): the lobby sees faces, not the foot of an empty screen.
  for (const int percent : larger_photos(chosen)) {
    const CardArrangement larger{chosen.columns, percent, chosen.compact};
    auto larger_cards = duty_cards(board, larger);
    if (!fit(larger_cards)) continue;
    auto larger_pages = paginated(larger_cards, larger.columns);
    if (larger_pages.size() != pages.size()) continue;
    pages = std::move(larger_pages);
    break;
  }
  return pages_of(moment, model::SlideType::roster, title, std::move(pages), "", Side());
}

// Outside opening hours: 非工作时间, the next opening, and the windows
// with their services (two columns on landscape screens).
std::vector<Page> PageLayout::closed_roster(const Moment& moment, const schedule::DutyBoard& board,
                                            model::SlideType type) {
  const auto& windows = moment.content->roster.windows;
  const int full = metrics_.width - 2 * metrics_.margin, gap = metrics_.gap;
  const TextStyle body = style(metrics_.body), bold = style(metrics_.body, true),
                  big = style(metrics_.title, true);
  std::string next = "暂无开放安排";
  if (board.next_opening) {
    const auto local = schedule::to_local(*board.next_opening, moment.utc_offset_minutes);
    next = "下次开放：" + when_text(local.date, local.second_of_day);
  }
  std::vector<Block> blocks(1);
  Block& notice = blocks.front();
  notice.height = typeset_.line_height(big) + typeset_.line_height(bold) + 3 * gap;
  notice.elements.push_back(FillRect{Box{0, 0, full, notice.height}, theme_.card, metrics_.radius});
  notice.elements.push_back(typeset_.line("非工作时间", big, theme_.closed, gap, gap));
  notice.elements.push_back(
      typeset_.line(next, bold, theme_.header, gap, gap + typeset_.line_height(big) + gap));
  const int columns = metrics_.portrait ? 1 : 2;
  const int column_w = (full - (columns - 1) * gap) / columns;
  // The services line up after the longest window name (up to a third of
  // the column); a service that wraps keeps to its own column.
  int name_w = 0;
  for (const auto& window : windows)
    name_w = std::max(name_w, typeset_.width(window.name, body));
  name_w = std::min(name_w + gap, column_w / 3);
  std::vector<Block> rows;
  for (const auto& window : windows) {
    Block row;
    const bool beside = typeset_.width(window.name, body) + gap <= name_w;
    row.height = typeset_.set(row.elements, window.name, body, theme_.muted, 0, 0, column_w);
    if (!window.service.empty()) {
      const int top = beside ? 0 : row.height;
      row.height =
          std::max(row.height, top + typeset_.set(row.elements, window.service, body, theme_.muted,
                                                  name_w, top, column_w - name_w));
    }
    rows.push_back(std::move(row));
  }
  for (auto& row : card_rows(std::move(rows), columns, column_w, gap))
    blocks.push_back(std::move(row));
  return paged(moment, type, type == model::SlideType::windows ? "窗口状态" : "窗口人员", blocks,
               nullptr);
}

std::vector<Block> PageLayout::duty_cards(const schedule::DutyBoard& board,
                                          const CardArrangement& arrangement) {
  const int gap = metrics_.gap, card_w = card_width(arrangement.columns);
  const TextStyle bold = style(metrics_.body, true), small = style(metrics_.small);
  // The cards of a row share their band's height, so their photos line up.
  std::vector<int> bands;
  for (const auto& duty : board.windows) {
    int h = typeset_.height(duty.window->name, bold, card_w - 2 * gap);
    if (!duty.window->service.empty())
      h += typeset_.height(duty.window->service, small, card_w - 2 * gap);
    bands.push_back(h + gap);
  }
  bands = row_heights(bands, arrangement.columns);
  std::vector<Block> cards;
  const auto per_row = static_cast<std::size_t>(arrangement.columns);
  for (std::size_t k = 0; k < board.windows.size(); ++k)
    cards.push_back(duty_card(board.windows[k], arrangement, card_w, bands[k / per_row]));
  return cards;
}

// A window's card: its name and service on a coloured band, then who is on
// duty (photo, name, role, 党员, rank and badge), or 暂停服务 and the note.
Block PageLayout::duty_card(const schedule::WindowDuty& duty, const CardArrangement& arrangement,
                            int card_w, int band_h) {
  const int gap = metrics_.gap, inner_w = card_w - 2 * gap;
  const TextStyle body = style(metrics_.body), bold = style(metrics_.body, true),
                  small = style(metrics_.small), name_style = style(metrics_.heading, true);
  const auto& window = *duty.window;
  std::vector<Element> band;
  const int name_h =
      typeset_.set(band, window.name, bold, theme_.header_text, gap, gap / 2, inner_w);
  if (!window.service.empty())
    typeset_.set(band, window.service, small, theme_.header_text, gap, gap / 2 + name_h, inner_w);
  const int top = band_h + gap;
  std::vector<Element> inner;
  int content_h = 0;
  if (!duty.staff) {
    content_h = typeset_.set(inner, "暂停服务", name_style, theme_.urgent, gap, top, inner_w);
    if (!window.closed_note.empty())
      content_h +=
          typeset_.set(inner, window.closed_note, body, theme_.text, gap, top + content_h, inner_w);
  } else {
    content_h = staff_on_card(inner, duty, arrangement, card_w, top) - top;
  }
  Block card;
  card.height = top + content_h + gap;
  const Color band_colour = duty.staff ? theme_.header : theme_.closed;
  auto& elements = card.elements;
  elements.push_back(FillRect{Box{0, 0, card_w, card.height}, theme_.card, metrics_.radius});
  elements.push_back(FillRect{Box{0, 0, card_w, band_h}, band_colour, metrics_.radius});
  elements.push_back(
      FillRect{Box{0, band_h - metrics_.radius, card_w, metrics_.radius}, band_colour, 0});
  for (auto& element : band)
    elements.push_back(std::move(element));
  for (auto& element : inner)
    elements.push_back(std::move(element));
  elements.push_back(
      StrokeRect{Box{0, 0, card_w, card.height}, theme_.card_border, 2, metrics_.radius});
  return card;
}

// Who is on duty, from `top` on a card: the photo, and beside it the name,
// the role and 党员 as labels, the rank and the badge (below the photo
// unless compact). Returns the bottom of what it set.
int PageLayout::staff_on_card(std::vector<Element>& out, const schedule::WindowDuty& duty,
                              const CardArrangement& arrangement, int card_w, int top) {
  const int gap = metrics_.gap, inner_w = card_w - 2 * gap;
  const TextStyle small = style(metrics_.small), label = style(metrics_.small, true),
                  name_style = style(metrics_.heading, true);
  const int photo_w = card_w * arrangement.photo_percent / 100, photo_h = photo_w * 4 / 3;
  const int right_x = gap + photo_w + gap, right_w = card_w - right_x - gap;
  const auto& staff = *duty.staff;
  out.push_back(
      Picture{Box{gap, top, photo_w, photo_h},
              staff.photo.empty() ? "" : model::resolve_reference(staff.base_url, staff.photo),
              0});
  int y = top + typeset_.set(out, staff.name, name_style, theme_.text, right_x, top, right_w);
  // The role and 党员 side by side, the second under the first when the
  // column is too narrow for both.
  std::vector<std::pair<std::string, Color>> labels{
      {schedule::role_label(duty.role),
       duty.role == schedule::DutyRole::substitute ? theme_.accent : theme_.bar}};
  if (staff.party) labels.emplace_back("党员", theme_.party);
  std::vector<int> widths;
  for (const auto& [text, colour] : labels)
    widths.push_back(typeset_.width(text, label) + gap);
  const int label_h = typeset_.line_height(label), line_step = label_h + gap / 3;
  const auto spots = label_spots(widths, right_x, right_w, gap / 3);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const int label_y = y + spots[i].line * line_step;
    out.push_back(
        FillRect{Box{spots[i].x, label_y, widths[i], label_h}, labels[i].second, label_h / 2});
    // Dark on the gold 补岗 badge, as on 紧急通知: white on gold is unreadable.
    const Color ink = labels[i].second == theme_.accent ? theme_.text : theme_.header_text;
    out.push_back(typeset_.line(labels[i].first, label, ink, spots[i].x + gap / 2, label_y));
  }
  y += (spots.back().line + 1) * line_step;
  const auto detail = [&](const std::string& text, int x, int at, int width) {
    return typeset_.set(out, text, small, theme_.muted, x, at, width);
  };
  if (arrangement.compact) {
    if (!staff.title.empty()) y += detail(staff.title, right_x, y, right_w);
    if (!staff.badge.empty()) y += detail("工号 " + staff.badge, right_x, y, right_w);
    return std::max(top + photo_h, y);
  }
  int bottom = std::max(top + photo_h, y) + gap / 2;
  if (!staff.title.empty()) bottom += detail(staff.title, gap, bottom, inner_w);
  if (!staff.badge.empty()) bottom += detail("工号 " + staff.badge, gap, bottom, inner_w);
  return bottom;
}

// The name, and the window and post beside it when both fit on one line
// (else under it): a line less a card, so that a slide's cards share its
// pages evenly more often (3/3/3 rather than 2/4/3 under an urgent banner).
int PageLayout::pledge_head(std::vector<Element>& out, const std::string& head,
                            const std::string& sub, int x, int y, int width) {
  const TextStyle bold = style(metrics_.body, true), small = style(metrics_.small);
  const int head_w = typeset_.width(head, bold);
  if (!sub.empty() && head_w + metrics_.gap + typeset_.width(sub, small) <= width) {
    const int head_h = typeset_.line_height(bold);
    out.push_back(typeset_.line(head, bold, theme_.header, x, y));
    out.push_back(typeset_.line(sub, small, theme_.muted, x + head_w + metrics_.gap,
                                y + head_h - typeset_.line_height(small)));
    return head_h;
  }
  int h = typeset_.set(out, head, bold, theme_.header, x, y, width);
  if (!sub.empty()) h += typeset_.set(out, sub, small, theme_.muted, x, y + h, width);
  return h;
}

std::vector<Page> PageLayout::pledges(const Moment& moment) {
  const model::Content& c = *moment.content;
  if (c.pledges.empty()) return {};
  // Two columns of cards on landscape screens, one on portrait ones.
  const int columns = metrics_.portrait ? 1 : 2;
  const int full = card_width(columns);
  const TextStyle body = style(metrics_.body), small = style(metrics_.small);
  const int photo_w = std::min(full / 5, metrics_.height / 7), photo_h = photo_w * 4 / 3;
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
    const int text_x = s ? photo_w + 2 * metrics_.gap : metrics_.gap;
    const int text_w = full - text_x - metrics_.gap;
    std::string head = s ? s->name : (p.title.empty() ? "集体承诺" : p.title);
    std::string sub;
    for (const auto& part : {window, p.post})
      if (!part.empty()) sub += (sub.empty() ? "" : " · ") + part;
    int y = metrics_.gap;
    std::vector<Element> text;
    y += pledge_head(text, head, sub, text_x, y, text_w);
    y += typeset_.set(text, p.text, body, theme_.text, text_x, y, text_w);
    b.height = std::max(y, s ? photo_h + 2 * metrics_.gap : 0) + metrics_.gap;
    b.elements.push_back(FillRect{Box{0, 0, full, b.height}, theme_.card, metrics_.radius});
    b.elements.push_back(
        StrokeRect{Box{0, 0, full, b.height}, theme_.card_border, 2, metrics_.radius});
    if (s) {
      b.elements.push_back(
          Picture{Box{metrics_.gap, metrics_.gap, photo_w, photo_h},
                  s->photo.empty() ? "" : model::resolve_reference(s->base_url, s->photo), 0});
      if (s->party) {
        const int pill_h = typeset_.line_height(small);
        b.elements.push_back(FillRect{
            Box{metrics_.gap, metrics_.gap + photo_h - pill_h, photo_w, pill_h}, theme_.party, 0});
        const int tw = typeset_.width("党员", style(metrics_.small, true));
        b.elements.push_back(typeset_.line("党员", style(metrics_.small, true), theme_.header_text,
                                           metrics_.gap + (photo_w - tw) / 2,
                                           metrics_.gap + photo_h - pill_h));
      }
    }
    for (auto& e : text)
      b.elements.push_back(std::move(e));
    blocks.push_back(std::move(b));
  }
  return paged_cards(moment, model::SlideType::pledges, "党员公开承诺", blocks, columns, full);
}

}  // namespace hb::layout
