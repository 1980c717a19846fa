// One item's full page: where and who, the procedure drawn as a flow, the
// materials, deadlines with the speed-up, fees, basis, result, and a QR
// code of the online service.
#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/wording.h"

namespace hb::layout {

std::vector<Page> PageLayout::item(const Moment& m, const model::Item& it) {
  const model::Content& c = *m.content;
  const bool side_panel = !m_.portrait;
  const int full = m_.width - 2 * m_.margin;
  const int side_w = side_panel ? full * 3 / 10 : 0;
  const int w = full - (side_panel ? side_w + m_.gap : 0);
  const TextStyle body = style(m_.body), bold = style(m_.body, true), small = style(m_.small);
  const int lh = ts_.line_height(body);
  std::vector<Block> blocks;

  // Short texts stay whole on one page; long ones (the legal basis) flow
  // line by line over pages.
  const auto text_block = [&](const std::string& text, const TextStyle& s, Color colour,
                              int indent) {
    const auto lines = ts_.lines(text, s, w - indent);
    const bool whole = lines.size() <= 3;
    Block b;
    for (const auto& l : lines) {
      if (!l.empty()) b.elements.push_back(ts_.line(l, s, colour, indent, b.height));
      b.height += ts_.line_height(s);
      if (!whole) {
        blocks.push_back(std::move(b));
        b = Block{};
      }
    }
    if (whole) blocks.push_back(std::move(b));
  };
  const auto subheading = [&](const std::string& title) {
    Block b;
    b.height = lh + m_.gap / 2;
    b.elements.push_back(
        FillRect{Box{0, m_.gap / 2 + lh / 4, m_.gap / 3, lh / 2}, theme_.header, 2});
    b.elements.push_back(ts_.line(title, bold, theme_.header, m_.gap, m_.gap / 2));
    blocks.push_back(std::move(b));
  };

  std::string where;
  for (const auto& win : c.roster.windows)
    if (win.id == it.window) where = win.name + (win.service.empty() ? "" : " · " + win.service);
  if (where.empty() && !it.window.empty()) where = it.window + "号窗口";
  if (!where.empty()) text_block("办理窗口：" + where, body, theme_.text, 0);
  if (!it.department.empty()) text_block("实施部门：" + it.department, body, theme_.text, 0);
  if (!it.kind.empty()) text_block("事项类型：" + it.kind, body, theme_.text, 0);

  const auto deadline_lines = [&]() {
    std::vector<std::pair<std::string, Color>> r;
    r.emplace_back("承诺时限：" + promised_text(it.deadline), theme_.header);
    const std::string statutory = statutory_text(it.deadline);
    if (!statutory.empty()) r.emplace_back("法定时限：" + statutory, theme_.text);
    if (const auto pct = speed_up_percent(it.deadline))
      r.emplace_back("提速 " + std::to_string(*pct) + "%", theme_.good);
    r.emplace_back("收费：" + fees_text(it.fees), theme_.text);
    return r;
  }();
  if (!side_panel)
    for (const auto& [text, colour] : deadline_lines)
      text_block(text, bold, colour, 0);

  if (!it.procedure.empty()) {
    subheading("办理流程");
    const int dot = lh * 3 / 4;
    for (std::size_t i = 0; i < it.procedure.size(); ++i) {
      const auto& step = it.procedure[i];
      std::string head = step.name;
      if (step.limit) head += "（" + amount_text(*step.limit, step.unit) + "）";
      const auto desc = ts_.lines(step.description, small, w - dot - 2 * m_.gap);
      const auto heads = ts_.lines(head, bold, w - dot - 2 * m_.gap);
      const int head_h = static_cast<int>(heads.size()) * lh;
      Block b;
      b.height = head_h + static_cast<int>(desc.size()) * ts_.line_height(small) + m_.gap / 2;
      // The flow: numbered dots joined by a line down to the next step.
      if (i + 1 < it.procedure.size())
        b.elements.push_back(LineSegment{dot / 2, lh / 2, dot / 2, b.height + m_.gap / 2 + lh / 2,
                                         theme_.card_border, std::max(2, m_.gap / 6)});
      b.elements.push_back(FillRect{Box{0, (lh - dot) / 2, dot, dot}, theme_.header, dot / 2});
      const std::string n = std::to_string(i + 1);
      const TextStyle num = style(m_.small, true);
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
      blocks.push_back(std::move(b));
    }
  }

  if (!it.materials.empty()) {
    subheading("申请材料");
    for (std::size_t i = 0; i < it.materials.size(); ++i) {
      const auto& mat = it.materials[i];
      std::string line = std::to_string(i + 1) + ". " + mat.name;
      std::string note = form_text(mat.form);
      note += (note.empty() ? "" : " ") + std::to_string(mat.copies) + "份";
      if (!mat.required) note += " · 非必需";
      text_block(line + "（" + note + "）", body, mat.required ? theme_.text : theme_.muted, 0);
    }
  }
  if (!it.basis.empty()) {
    subheading("设定依据");
    text_block(it.basis, small, theme_.text, 0);
  }
  if (!it.result.empty()) {
    subheading("办理结果");
    text_block(it.result, body, theme_.text, 0);
  }
  if (!side_panel && !it.online_url.empty()) {
    Block b;
    const int size = m_.width / 3;
    b.height = size + ts_.line_height(small) + m_.gap;
    b.elements.push_back(QrCode{Box{(full - size) / 2, m_.gap, size, size}, it.online_url});
    const std::string cap = "扫码网上办理";
    b.elements.push_back(
        ts_.line(cap, small, theme_.muted, (full - ts_.width(cap, small)) / 2, size + m_.gap));
    blocks.push_back(std::move(b));
  }

  Side side;
  if (side_panel) {
    side.width = side_w;
    side.draw = [this, deadline_lines, url = it.online_url](Page& p, const Area& a) {
      const TextStyle b = style(m_.body, true), s = style(m_.small);
      int y = a.y + m_.gap;
      std::vector<Element> lines;
      for (const auto& [text, colour] : deadline_lines)
        y += ts_.set(lines, text, b, colour, a.x + m_.gap, y, a.w - 2 * m_.gap);
      int qr = 0;
      if (!url.empty()) {
        qr = std::min(a.w - 2 * m_.gap, a.h - (y - a.y) - 2 * ts_.line_height(s) - 3 * m_.gap);
        qr = std::max(qr, 0);
      }
      const int box_h = (y - a.y) + m_.gap + (qr > 0 ? qr + ts_.line_height(s) + 2 * m_.gap : 0);
      p.elements.push_back(FillRect{Box{a.x, a.y, a.w, box_h}, theme_.card, m_.radius});
      p.elements.push_back(StrokeRect{Box{a.x, a.y, a.w, box_h}, theme_.card_border, 2, m_.radius});
      for (auto& e : lines)
        p.elements.push_back(std::move(e));
      if (qr > 0) {
        const int qx = a.x + (a.w - qr) / 2, qy = y + m_.gap;
        p.elements.push_back(QrCode{Box{qx, qy, qr, qr}, url});
        const std::string cap = "扫码网上办理";
        p.elements.push_back(ts_.line(cap, s, theme_.muted, a.x + (a.w - ts_.width(cap, s)) / 2,
                                      qy + qr + m_.gap / 2));
      }
    };
  }
  return paged(m, "item", it.name, blocks, nullptr, it.id, side);
}

}  // namespace hb::layout
