// One item's full page: where and who, the procedure drawn as a flow, the
// materials, deadlines with the speed-up, fees, basis, result, and a QR
// code of the online service.
#include <algorithm>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/wording.h"

namespace hb::layout {

std::vector<Page> PageLayout::item(const Moment& m, const model::Item& it) {
  const model::Content& c = *m.content;
  const int full = m_.width - 2 * m_.margin;
  const TextStyle body = style(m_.body), bold = style(m_.body, true), small = style(m_.small);
  const int lh = ts_.line_height(body);
  const std::string qr_caption = "扫码网上办理";

  // The height a page leaves its content, under the header and the heading.
  Page probe;
  const Area area = heading(probe, chrome(probe, m), it.name);

  // "label：value" lines; in a column too narrow for one, the value goes
  // under its label rather than breaking inside "20个工作日".
  struct Line {
    std::string label, value;
    Color colour;
    std::string text(bool split) const { return label + (split ? "\n" : "") + value; }
  };
  std::vector<Line> deadline_lines;
  deadline_lines.push_back({"承诺时限：", promised_text(it.deadline), theme_.header});
  if (const std::string statutory = statutory_text(it.deadline); !statutory.empty())
    deadline_lines.push_back({"法定时限：", statutory, theme_.text});
  if (const auto pct = speed_up_percent(it.deadline))
    deadline_lines.push_back({"提速 ", std::to_string(*pct) + "%", theme_.good});
  const Line fee_line{"收费：", fees_text(it.fees), theme_.text};
  // One fee or none reads as a line; a list of fees gets a section of its own.
  const bool fee_list = it.fees && !it.fees->free && it.fees->fees.size() > 1;

  // Landscape screens give deadlines, the fee and the QR code a column at
  // the right of every page, as far as it holds them; what it cannot hold
  // goes into the main flow: first the fee, then the deadlines (the code is
  // worth more on every page), then the code itself.
  const int side_max = m_.portrait ? 0 : full * 3 / 10;
  const int side_max_in = side_max - 2 * m_.gap;
  const int cap_h = ts_.line_height(small);
  const auto side_text = [&](const Line& l) {
    return l.text(ts_.width(l.label + l.value, bold) > side_max_in);
  };
  int dl_h = 0;
  for (const auto& l : deadline_lines)
    dl_h += ts_.height(side_text(l), bold, side_max_in);
  const int fee_h = ts_.height(side_text(fee_line), bold, side_max_in);
  const bool has_qr = !it.online_url.empty();
  const int qr_min = has_qr ? qr_side(it.online_url, 0) : 0;
  struct SideContent {
    bool deadlines = false, fee = false, qr = false;
  };
  const auto side_h = [&](const SideContent& sc, int qr) {
    return m_.gap + (sc.deadlines ? dl_h : 0) + (sc.fee ? fee_h : 0) +
           (sc.qr ? (sc.deadlines || sc.fee ? m_.gap : 0) + qr + m_.gap / 2 + cap_h : 0) + m_.gap;
  };
  SideContent sc;
  if (side_max > 0) {
    const bool qr_fits = has_qr && qr_min <= side_max_in;
    for (const SideContent& want :
         {SideContent{true, !fee_list, qr_fits}, SideContent{true, false, qr_fits},
          SideContent{false, false, qr_fits}, SideContent{true, !fee_list, false},
          SideContent{true, false, false}})
      if ((want.deadlines || want.qr) && side_h(want, qr_min) <= area.h) {
        sc = want;
        break;
      }
  }
  const bool side = sc.deadlines || sc.qr;
  const int side_w = !side          ? 0
                     : sc.deadlines ? side_max
                                    : std::max(qr_min, ts_.width(qr_caption, small)) + 2 * m_.gap;
  int side_qr = 0;
  if (sc.qr) {
    const int room =
        std::min(side_w - 2 * m_.gap, area.h - side_h({sc.deadlines, sc.fee, true}, 0));
    side_qr = qr_side(it.online_url, room);
    if (side_qr > room) side_qr = qr_min;
  }
  const int w = full - (side ? side_w + m_.gap : 0);

  std::vector<Block> blocks;
  // What the blocks so far take: once past what the slide may show, the
  // rest (10,000 materials) is never measured.
  long long flow_h = 0;
  const auto push = [&](Block b) {
    flow_h += b.height;
    blocks.push_back(std::move(b));
  };
  const auto full_flow = [&] { return past_cap(flow_h, area.h); };
  // Of a text longer than the slide shows, only what it can show is set.
  const auto showable = [&](std::string_view text, const TextStyle& s) {
    const long long lines =
        1 + static_cast<long long>(std::max(max_pages_, 1)) * area.h / std::max(lh, 1);
    return ts_.wider_than(text, s, static_cast<int>(std::min<long long>(lines * w, 1 << 30)));
  };
  // Short texts stay whole on one page; long ones (the legal basis) flow
  // line by line over pages, never leaving a first or last line alone.
  const auto lines_block = [&](const std::vector<std::string>& lines, const TextStyle& s,
                               Color colour, int indent,
                               const std::shared_ptr<const Block>& continues) {
    const bool whole = lines.size() <= 3;
    Block b;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!lines[i].empty()) b.elements.push_back(ts_.line(lines[i], s, colour, indent, b.height));
      b.height += ts_.line_height(s);
      if (!whole) {
        b.keep_with_next = i == 0 || i + 2 == lines.size();
        b.continues = continues;
        push(std::move(b));
        b = Block{};
      }
    }
    if (whole) {
      b.continues = continues;
      push(std::move(b));
    }
  };
  const auto text_block = [&](const std::string& text, const TextStyle& s, Color colour, int indent,
                              const std::shared_ptr<const Block>& continues) {
    lines_block(ts_.lines(showable(text, s), s, w - indent), s, colour, indent, continues);
  };
  // A text and a short note after it ("（原件 1份）"): the note is not
  // broken; it ends the text's last line, or has a line of its own.
  const auto noted_lines = [&](const std::string& full_text, const std::string& note,
                               const TextStyle& s) {
    const std::string text(showable(full_text, s));
    auto lines = ts_.lines(text + note, s, w);
    if (lines.back().ends_with(note) || ts_.width(note, s) > w) return lines;
    lines = ts_.lines(text, s, w);
    if (ts_.width(lines.back() + note, s) <= w)
      lines.back() += note;
    else
      lines.push_back(note);
    return lines;
  };
  const auto subheading_block = [&](const std::string& title) {
    Block b;
    b.height = lh + m_.gap / 2;
    b.elements.push_back(
        FillRect{Box{0, m_.gap / 2 + lh / 4, m_.gap / 3, lh / 2}, theme_.header, 2});
    b.elements.push_back(ts_.line(title, bold, theme_.header, m_.gap, m_.gap / 2));
    return b;
  };
  // A section's heading stays with its first entry; a page that continues
  // the section opens with "（续）".
  const auto section = [&](const std::string& title) {
    Block b = subheading_block(title);
    b.keep_with_next = true;
    push(std::move(b));
    return std::make_shared<const Block>(subheading_block(title + "（续）"));
  };

  // A name the heading cuts is given whole first.
  if (heading_cut(m, it.name)) text_block("事项名称：" + it.name, body, theme_.text, 0, nullptr);
  std::string where;
  for (const auto& win : c.roster.windows)
    if (win.id == it.window) where = win.name + (win.service.empty() ? "" : " · " + win.service);
  if (where.empty() && !it.window.empty()) where = it.window + "号窗口";
  if (!where.empty()) text_block("办理窗口：" + where, body, theme_.text, 0, nullptr);
  if (!it.department.empty())
    text_block("实施部门：" + it.department, body, theme_.text, 0, nullptr);
  if (!it.kind.empty()) text_block("事项类型：" + it.kind, body, theme_.text, 0, nullptr);
  // Deadlines and the fee not in the column read together, on one page.
  {
    std::vector<Line> group;
    if (!sc.deadlines) group = deadline_lines;
    if (!fee_list && !sc.fee) group.push_back(fee_line);
    Block b;
    for (const auto& l : group)
      b.height += ts_.set(b.elements, l.text(false), bold, l.colour, 0, b.height, w);
    if (!group.empty()) push(std::move(b));
  }

  if (!it.procedure.empty()) {
    const auto continued = section("办理流程");
    const int dot = lh * 3 / 4;
    const TextStyle num = style(m_.small, true);
    for (std::size_t i = 0; i < it.procedure.size(); ++i) {
      if (full_flow()) break;
      const auto& step = it.procedure[i];
      std::string head = step.name;
      if (step.limit) head += "（" + amount_text(*step.limit, step.unit) + "）";
      const auto desc = ts_.lines(step.description, small, w - dot - 2 * m_.gap);
      const auto heads = ts_.lines(head, bold, w - dot - 2 * m_.gap);
      const int head_h = static_cast<int>(heads.size()) * lh;
      Block b;
      b.height = head_h + static_cast<int>(desc.size()) * ts_.line_height(small) + m_.gap / 2;
      b.continues = continued;
      // The flow: numbered dots joined by a line from one dot to the next,
      // drawn only when the next step is on the same page.
      if (i + 1 < it.procedure.size())
        b.joins_next.push_back(LineSegment{dot / 2, (lh + dot) / 2, dot / 2,
                                           b.height + m_.gap / 2 + (lh - dot) / 2,
                                           theme_.card_border, std::max(2, m_.gap / 6)});
      b.elements.push_back(FillRect{Box{0, (lh - dot) / 2, dot, dot}, theme_.header, dot / 2});
      const std::string n = std::to_string(i + 1);
      // The number shares the heading's row (y 0), so it reads first.
      b.elements.push_back(TextRun{Box{(dot - ts_.width(n, num)) / 2, 0, ts_.width(n, num), lh}, n,
                                   num, theme_.header_text});
      int y = 0;
      for (const auto& l : heads) {
        b.elements.push_back(ts_.line(l, bold, theme_.text, dot + m_.gap, y));
        y += lh;
      }
      for (const auto& l : desc) {
        if (!l.empty()) b.elements.push_back(ts_.line(l, small, theme_.muted, dot + m_.gap, y));
        y += ts_.line_height(small);
      }
      push(std::move(b));
    }
  }

  if (!it.materials.empty()) {
    const auto continued = section("申请材料");
    for (std::size_t i = 0; i < it.materials.size(); ++i) {
      if (full_flow()) break;
      const auto& mat = it.materials[i];
      std::string line = std::to_string(i + 1) + ". " + mat.name;
      std::string note = form_text(mat.form);
      // A no-break space: "原件 1份" stays on one line.
      note += (note.empty() ? "" : "\u00A0") + std::to_string(mat.copies) + "份";
      if (!mat.required) note += " · 非必需";
      lines_block(noted_lines(line, "（" + note + "）", body), body,
                  mat.required ? theme_.text : theme_.muted, 0, continued);
    }
  }
  if (fee_list) {
    const auto continued = section("收费标准");
    // A fee and its basis stay together.
    for (const auto& f : it.fees->fees) {
      if (full_flow()) break;
      Block b;
      b.continues = continued;
      b.height = ts_.set(b.elements,
                         f.name + " " + money_text(f.amount) + (f.per.empty() ? "" : "/" + f.per),
                         body, theme_.text, 0, 0, w);
      if (!f.basis.empty())
        b.height += ts_.set(b.elements, f.basis, small, theme_.muted, m_.gap, b.height, w - m_.gap);
      push(std::move(b));
    }
  }
  if (!it.basis.empty()) text_block(it.basis, small, theme_.text, 0, section("设定依据"));
  if (!it.result.empty()) text_block(it.result, body, theme_.text, 0, section("办理结果"));
  if (has_qr && !sc.qr)
    push(qr_block(it.online_url, qr_caption, w, m_.portrait ? m_.width / 3 : w / 3, area.h));

  Side panel;
  if (side) {
    std::vector<std::pair<std::string, Color>> texts;
    if (sc.deadlines)
      for (const auto& l : deadline_lines)
        texts.emplace_back(side_text(l), l.colour);
    if (sc.fee) texts.emplace_back(side_text(fee_line), fee_line.colour);
    panel.width = side_w;
    panel.draw = [this, texts, side_qr, qr_caption, height = side_h(sc, side_qr),
                  url = it.online_url](Page& p, const Area& a) {
      const TextStyle b = style(m_.body, true), s = style(m_.small);
      p.elements.push_back(FillRect{Box{a.x, a.y, a.w, height}, theme_.card, m_.radius});
      p.elements.push_back(
          StrokeRect{Box{a.x, a.y, a.w, height}, theme_.card_border, 2, m_.radius});
      int y = a.y + m_.gap;
      for (const auto& [text, colour] : texts)
        y += ts_.set(p.elements, text, b, colour, a.x + m_.gap, y, a.w - 2 * m_.gap);
      if (side_qr > 0) {
        const int qx = a.x + (a.w - side_qr) / 2, qy = y + (texts.empty() ? 0 : m_.gap);
        p.elements.push_back(QrCode{Box{qx, qy, side_qr, side_qr}, url});
        p.elements.push_back(ts_.line(qr_caption, s, theme_.muted,
                                      a.x + (a.w - ts_.width(qr_caption, s)) / 2,
                                      qy + side_qr + m_.gap / 2));
      }
    };
  }
  return paged(m, "item", it.name, blocks, nullptr, it.id, panel, true);
}

}  // namespace hb::layout
