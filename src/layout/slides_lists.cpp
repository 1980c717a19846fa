// Slides that are lists: the items table, results, notices, commitments.
#include <algorithm>
#include <span>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/table.h"
#include "layout/wording.h"
#include "model/privacy.h"
#include "schedule/notices.h"
#include "schedule/playlist.h"

namespace hb::layout {
namespace {

std::string item_name(const model::Content& c, const std::string& id) {
  for (const auto& i : c.items)
    if (i.id == id) return i.name;
  return id;
}

// The items' and the results' tables: small bold heads over body text.
TableStyle list_table_style(const Metrics& metrics, const Theme& theme) {
  return TableStyle{TextStyle{metrics.small, Weight::bold},
                    TextStyle{metrics.body, Weight::regular},
                    theme.table_head,
                    theme.text,
                    theme.text,
                    theme.zebra,
                    theme.card_border,
                    metrics.gap / 2};
}

}  // namespace

std::vector<Page> PageLayout::items(const Moment& moment, const model::Slide& s) {
  const model::Content& c = *moment.content;
  const auto list = schedule::items_for(c, s);
  if (list.empty()) return {};
  const TableStyle table_style = list_table_style(metrics_, theme_);
  const int w = metrics_.width - 2 * metrics_.margin;
  std::vector<Column> cols =
      metrics_.portrait
          ? std::vector<Column>{{"事项名称", 1.0}, {"窗口", 0, true}, {"承诺时限", 0, true}}
          : std::vector<Column>{
                {"事项名称", 3.0}, {"办理窗口", 0, true}, {"承诺时限", 0, true}, {"收费", 1.2}};
  Table table(typeset_, cols, w, table_style);
  // A row is a line and its padding at least: rows past what the slide's
  // pages can show are never measured (100,000 items).
  const std::size_t rows = max_rows(
      moment, "办事指南", typeset_.line_height(table_style.cell) + 2 * table_style.padding);
  for (const auto* item : std::span(list).first(std::min(list.size(), rows))) {
    std::vector<std::string> cells{item->name, window_name(c, item->window),
                                   promised_text(item->deadline)};
    if (!metrics_.portrait) cells.push_back(fees_text(item->fees));
    table.add_row(cells);
  }
  const Block head = table.head();
  const std::string title = s.category.empty() ? "办事指南" : "办事指南 · " + s.category;
  return paged(moment, model::SlideType::items, title, table.rows(), &head);
}

std::vector<Page> PageLayout::results(const Moment& moment, const model::Slide& s) {
  const model::Content& c = *moment.content;
  const auto list = schedule::results_for(c, s, moment.now, moment.utc_offset_minutes);
  if (list.empty()) return {};
  const TableStyle table_style = list_table_style(metrics_, theme_);
  const int w = metrics_.width - 2 * metrics_.margin;
  // Narrow screens leave out the case number; the date and the decision
  // columns are as wide as their text, never wrapped.
  const bool narrow = metrics_.portrait || metrics_.width < 1600;
  std::vector<Column> cols = narrow ? std::vector<Column>{{"日期", 0, true},
                                                          {"事项", 3.0},
                                                          {"申请人", 2.0},
                                                          {"结果", 0, true}}
                                    : std::vector<Column>{{"日期", 0, true},
                                                          {"办件编号", 0, true},
                                                          {"事项", 3.0},
                                                          {"申请人", 2.0},
                                                          {"结果", 0, true}};
  Table table(typeset_, cols, w, table_style);
  const std::size_t rows = max_rows(
      moment, "办理结果公示", typeset_.line_height(table_style.cell) + 2 * table_style.padding);
  for (const auto* r : std::span(list).first(std::min(list.size(), rows))) {
    const std::string applicant = r->applicant_kind == model::ApplicantKind::person
                                      ? model::mask_person_name(r->applicant)
                                      : r->applicant;
    const bool ok = r->decision == model::Decision::approve;
    std::vector<std::string> cells{date_text(r->date)};
    if (!narrow) cells.push_back(r->number.empty() ? "—" : model::mask_resident_ids(r->number));
    cells.push_back(item_name(c, r->item));
    cells.push_back(applicant.empty() ? "—" : model::mask_resident_ids(applicant));
    cells.push_back(ok ? "准予" : "不予");
    std::vector<Color> colours(cells.size(), theme_.text);
    colours.back() = ok ? theme_.good : theme_.urgent;
    table.add_row(cells, colours);
  }
  const Block head = table.head();
  return paged(moment, model::SlideType::results,
               "办理结果公示（近" + std::to_string(s.days) + "日）", table.rows(), &head);
}

std::vector<Page> PageLayout::notices(const Moment& moment) {
  const model::Content& c = *moment.content;
  const auto list =
      schedule::active_notices(c, model::NoticeLevel::info, moment.now, moment.utc_offset_minutes);
  if (list.empty()) return {};
  const int w = metrics_.width - 2 * metrics_.margin;
  std::vector<Block> blocks;
  const TextStyle body = style(metrics_.body);
  const int page_h = room(moment, "通知公告");
  long long height = 0;
  for (const auto* n : list) {
    if (past_cap(height, page_h)) break;
    // One block per line, so a long notice flows over pages instead of being
    // cut; of a notice longer than the slide shows, only what it can show is
    // set (a 100 KB notice).
    const long long lines_max = 1 + static_cast<long long>(std::max(max_pages_, 1)) * page_h /
                                        std::max(typeset_.line_height(body), 1);
    const auto lines = typeset_.lines(
        typeset_.wider_than(n->text, body,
                            static_cast<int>(std::min<long long>(lines_max * w, 1 << 30))),
        body, w - 3 * metrics_.gap);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Block b;
      b.height = typeset_.line_height(body);
      if (i == 0)
        b.elements.push_back(FillRect{Box{0, b.height / 3, metrics_.gap / 2, metrics_.gap / 2},
                                      theme_.header, metrics_.gap / 4});
      if (!lines[i].empty())
        b.elements.push_back(typeset_.line(lines[i], body, theme_.text, 3 * metrics_.gap / 2, 0));
      // No first or last line of a notice alone on a page.
      b.keep_with_next = lines.size() > 1 && (i == 0 || i + 2 == lines.size());
      height += b.height;
      blocks.push_back(std::move(b));
    }
    Block spacer;  // between notices
    spacer.height = metrics_.gap;
    height += spacer.height;
    blocks.push_back(std::move(spacer));
  }
  return paged(moment, model::SlideType::notices, "通知公告", blocks, nullptr, "", Side(), true);
}

std::vector<Page> PageLayout::commitments(const Moment& moment) {
  const model::Content& c = *moment.content;
  if (!c.hall || c.hall->commitments.empty()) return {};
  const model::Link* feedback = nullptr;
  for (const auto& l : c.hall->links)
    if (l.kind == model::LinkKind::feedback) feedback = &l;
  // The feedback QR code stands in a column of its own on landscape screens.
  // Its caption: at most two lines.
  const std::string full_caption =
      feedback ? (feedback->caption.empty() ? std::string("扫码评价") : feedback->caption) : "";
  std::string caption;
  for (const auto& l :
       typeset_.cut_lines(full_caption, style(metrics_.small), metrics_.width / 4, 2))
    caption += l;
  // The column holds the code and its caption whole, on every page; on a
  // page too short for that the code follows the commitments instead.
  Page probe;
  const int room = heading(probe, chrome(probe, moment), "服务承诺").h;
  // The column is as wide as the code, or as its caption when that is wider.
  const int cap_w = typeset_.width(caption, style(metrics_.small));
  const auto column_w = [&](int code) {
    return std::max(code, std::min(cap_w, metrics_.width / 4));
  };
  const auto side_h = [&](int code) {
    const int cap_lines =
        static_cast<int>(typeset_.lines(caption, style(metrics_.small), column_w(code)).size());
    return metrics_.gap + code + metrics_.gap / 2 +
           cap_lines * typeset_.line_height(style(metrics_.small)) + metrics_.gap;
  };
  int qr = 0;
  if (feedback && !metrics_.portrait) {
    qr = qr_side(feedback->url, metrics_.height / 4);
    if (side_h(qr) > room) qr = qr_side(feedback->url, 0);
    if (side_h(qr) > room) qr = 0;
  }
  const int w = metrics_.width - 2 * metrics_.margin - (qr ? column_w(qr) + 3 * metrics_.gap : 0);
  const TextStyle title = style(metrics_.body, true), body = style(metrics_.body);
  std::vector<Block> blocks;
  for (const auto& cm : c.hall->commitments) {
    const auto lines = typeset_.lines(cm.text, body, w - 2 * metrics_.gap);
    const int title_h =
        cm.title.empty() ? 0 : typeset_.height(cm.title, title, w - 2 * metrics_.gap);
    Block b;
    b.height = title_h + static_cast<int>(lines.size()) * typeset_.line_height(body) + metrics_.gap;
    b.elements.push_back(FillRect{Box{0, 0, w, b.height}, theme_.card, metrics_.radius});
    b.elements.push_back(FillRect{Box{0, 0, metrics_.gap / 3, b.height}, theme_.header, 0});
    if (title_h)
      typeset_.set(b.elements, cm.title, title, theme_.header, metrics_.gap, metrics_.gap / 2,
                   w - 2 * metrics_.gap);
    int y = title_h + metrics_.gap / 2;
    for (const auto& l : lines) {
      if (!l.empty()) b.elements.push_back(typeset_.line(l, body, theme_.text, metrics_.gap, y));
      y += typeset_.line_height(body);
    }
    blocks.push_back(std::move(b));
  }
  if (feedback && !qr)  // portrait, or too short a page: the code after the commitments
    blocks.push_back(qr_block(feedback->url, caption, metrics_.width - 2 * metrics_.margin,
                              metrics_.width / 3, room));
  Side side;
  if (qr) {
    const int col = column_w(qr);
    side.width = col + 2 * metrics_.gap;
    side.draw = [this, feedback, qr, col, cap = caption, card_h = side_h(qr)](Page& p,
                                                                              const Area& a) {
      const int x = a.x + metrics_.gap;
      p.elements.push_back(FillRect{Box{a.x, a.y, a.w, card_h}, theme_.card, metrics_.radius});
      p.elements.push_back(
          QrCode{Box{x + (col - qr) / 2, a.y + metrics_.gap, qr, qr}, feedback->url});
      const auto lines = typeset_.lines(cap, style(metrics_.small), col);
      int y = a.y + metrics_.gap + qr + metrics_.gap / 2;
      for (const auto& l : lines) {  // centred under the code
        p.elements.push_back(typeset_.line(l, style(metrics_.small), theme_.muted,
                                           x + (col - typeset_.width(l, style(metrics_.small))) / 2,
                                           y));
        y += typeset_.line_height(style(metrics_.small));
      }
    };
  }
  auto pages = paged(moment, model::SlideType::commitments, "服务承诺", blocks, nullptr, "", side);
  return pages;
}

}  // namespace hb::layout
