// One item's full page: where and who, the procedure drawn as a flow, the
// materials, deadlines with the speed-up, fees, basis, result, and a QR
// code of the online service.
#include "layout/slide_item.h"

#include <algorithm>
#include <optional>

#include "layout/blocks.h"
#include "layout/pages.h"
#include "layout/wording.h"

namespace hb::layout {

int item_side_height(const ItemSideContent& content, const ItemSideParts& parts, int qr) {
  const bool text_above_qr = content.deadlines || content.fee;
  const int qr_part =
      content.qr ? (text_above_qr ? parts.gap : 0) + qr + parts.gap / 2 + parts.caption : 0;
  return parts.gap + (content.deadlines ? parts.deadlines : 0) + (content.fee ? parts.fee : 0) +
         qr_part + parts.gap;
}

ItemSideContent item_side_content(const ItemSideParts& parts, std::optional<int> qr, bool fee_list,
                                  int room) {
  const bool with_qr = qr.has_value();
  for (const ItemSideContent& want :
       {ItemSideContent{true, !fee_list, with_qr}, ItemSideContent{true, false, with_qr},
        ItemSideContent{false, false, with_qr}, ItemSideContent{true, !fee_list, false},
        ItemSideContent{true, false, false}})
    if (want.shown() && item_side_height(want, parts, qr.value_or(0)) <= room) return want;
  return {};
}

namespace {

using Continued = std::shared_ptr<const Block>;

// "label：value"; in a column too narrow for one, the value goes under its
// label rather than breaking inside "20个工作日".
struct Fact {
  std::string label, value;
  Color colour;
  std::string text(bool split) const { return label + (split ? "\n" : "") + value; }
};

std::vector<Fact> deadline_facts(const model::Deadline& deadline, const Theme& theme) {
  std::vector<Fact> facts;
  facts.push_back({"承诺时限：", promised_text(deadline), theme.header});
  if (const std::string statutory = statutory_text(deadline); !statutory.empty())
    facts.push_back({"法定时限：", statutory, theme.text});
  if (const auto percent = speed_up_percent(deadline))
    facts.push_back({"提速 ", std::to_string(*percent) + "%", theme.good});
  return facts;
}

// Where the item is handled: the window's name and service, or its number.
std::string window_text(const model::Content& content, const std::string& window) {
  std::string where;
  for (const auto& candidate : content.roster.windows)
    if (candidate.id == window)
      where = candidate.name + (candidate.service.empty() ? "" : " · " + candidate.service);
  if (where.empty() && !window.empty()) where = window + "号窗口";
  return where;
}

std::string material_note(const model::Material& material) {
  std::string note = form_text(material.form);
  // A no-break space: "原件 1份" stays on one line.
  note += (note.empty() ? "" : "\u00A0") + std::to_string(material.copies) + "份";
  if (!material.required) note += " · 非必需";
  return "（" + note + "）";
}

// The blocks of an item's main column, section by section. Once they hold
// more than the slide may show, the rest (10,000 materials) is never
// measured.
class ItemFlow {
 public:
  ItemFlow(Typesetter& typeset, const Metrics& metrics, const Theme& theme, int width, int room,
           int max_pages)
      : typeset_(typeset),
        metrics_(metrics),
        theme_(theme),
        width_(width),
        room_(room),
        max_pages_(max_pages) {}

  int width() const { return width_; }
  bool full() const { return past_cap(height_, room_, max_pages_); }
  std::vector<Block> take() { return std::move(blocks_); }

  void push(Block block) {
    height_ += block.height;
    blocks_.push_back(std::move(block));
  }

  void text(const std::string& text, const TextStyle& style, const Continued& continues = nullptr) {
    lines(typeset_.lines(showable(text, style), style, width_), style, theme_.text, continues);
  }

  // Deadlines and the fee not in the column read together, on one page.
  void facts(const std::vector<Fact>& facts) {
    if (facts.empty()) return;
    Block block;
    for (const auto& fact : facts)
      block.height += typeset_.set(block.elements, fact.text(false), bold(), fact.colour, 0,
                                   block.height, width_);
    push(std::move(block));
  }

  // A section's heading stays with its first entry; a page that continues
  // the section opens with "（续）".
  Continued section(const std::string& title) {
    Block block = subheading(title);
    block.keep_with_next = true;
    push(std::move(block));
    return std::make_shared<const Block>(subheading(title + "（续）"));
  }

  void procedure(const std::vector<model::Step>& steps) {
    const auto continued = section("办理流程");
    for (std::size_t i = 0; i < steps.size() && !full(); ++i)
      push(step(steps[i], i, i + 1 < steps.size(), continued));
  }

  void materials(const std::vector<model::Material>& materials) {
    const auto continued = section("申请材料");
    for (std::size_t i = 0; i < materials.size() && !full(); ++i) {
      const auto& material = materials[i];
      lines(noted_lines(std::to_string(i + 1) + ". " + material.name, material_note(material),
                        body()),
            body(), material.required ? theme_.text : theme_.muted, continued);
    }
  }

  void fees(const std::vector<model::Fee>& fees) {
    const auto continued = section("收费标准");
    // A fee and its basis stay together.
    for (std::size_t i = 0; i < fees.size() && !full(); ++i) {
      const auto& fee = fees[i];
      Block block;
      block.continues = continued;
      block.height = typeset_.set(
          block.elements,
          fee.name + " " + money_text(fee.amount) + (fee.per.empty() ? "" : "/" + fee.per), body(),
          theme_.text, 0, 0, width_);
      if (!fee.basis.empty())
        block.height += typeset_.set(block.elements, fee.basis, small(), theme_.muted, metrics_.gap,
                                     block.height, width_ - metrics_.gap);
      push(std::move(block));
    }
  }

 private:
  TextStyle body() const { return TextStyle{metrics_.body, Weight::regular}; }
  TextStyle bold() const { return TextStyle{metrics_.body, Weight::bold}; }
  TextStyle small() const { return TextStyle{metrics_.small, Weight::regular}; }
  int line_height() const { return typeset_.line_height(body()); }

  // Of a text longer than the slide shows, only what it can show is set.
  std::string_view showable(std::string_view text, const TextStyle& style) const {
    const long long lines =
        1 + static_cast<long long>(std::max(max_pages_, 1)) * room_ / std::max(line_height(), 1);
    return typeset_.wider_than(text, style,
                               static_cast<int>(std::min<long long>(lines * width_, 1 << 30)));
  }

  // Short texts stay whole on one page; long ones (the legal basis) flow
  // line by line over pages, never leaving a first or last line alone.
  void lines(const std::vector<std::string>& lines, const TextStyle& style, Color colour,
             const Continued& continues) {
    const bool whole = lines.size() <= 3;
    Block block;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!lines[i].empty())
        block.elements.push_back(typeset_.line(lines[i], style, colour, 0, block.height));
      block.height += typeset_.line_height(style);
      if (!whole) {
        block.keep_with_next = i == 0 || i + 2 == lines.size();
        block.continues = continues;
        push(std::move(block));
        block = Block{};
      }
    }
    if (whole) {
      block.continues = continues;
      push(std::move(block));
    }
  }

  // A text and a short note after it ("（原件 1份）"): the note is not
  // broken; it ends the text's last line, or has a line of its own.
  std::vector<std::string> noted_lines(const std::string& full_text, const std::string& note,
                                       const TextStyle& style) {
    const std::string text(showable(full_text, style));
    auto lines = typeset_.lines(text + note, style, width_);
    if (lines.back().ends_with(note) || typeset_.width(note, style) > width_) return lines;
    lines = typeset_.lines(text, style, width_);
    if (typeset_.width(lines.back() + note, style) <= width_)
      lines.back() += note;
    else
      lines.push_back(note);
    return lines;
  }

  Block subheading(const std::string& title) {
    const int line = line_height(), gap = metrics_.gap;
    Block block;
    block.height = line + gap / 2;
    block.elements.push_back(
        FillRect{Box{0, gap / 2 + line / 4, gap / 3, line / 2}, theme_.header, 2});
    block.elements.push_back(typeset_.line(title, bold(), theme_.header, gap, gap / 2));
    return block;
  }

  // A step of the procedure: a numbered dot, its name (and time limit) and
  // description; the dots are joined by a line to the next step, drawn
  // only when that step is on the same page.
  Block step(const model::Step& step, std::size_t index, bool more, const Continued& continued) {
    const int line = line_height(), gap = metrics_.gap, dot = line * 3 / 4;
    const int text_x = dot + gap, text_w = width_ - dot - 2 * gap;
    const TextStyle number_style{metrics_.small, Weight::bold};
    std::string head = step.name;
    if (step.limit) head += "（" + amount_text(*step.limit, step.unit) + "）";
    const auto description = typeset_.lines(step.description, small(), text_w);
    const auto heads = typeset_.lines(head, bold(), text_w);
    Block block;
    block.height = static_cast<int>(heads.size()) * line +
                   static_cast<int>(description.size()) * typeset_.line_height(small()) + gap / 2;
    block.continues = continued;
    if (more)
      block.joins_next.push_back(LineSegment{dot / 2, (line + dot) / 2, dot / 2,
                                             block.height + gap / 2 + (line - dot) / 2,
                                             theme_.card_border, std::max(2, gap / 6)});
    block.elements.push_back(FillRect{Box{0, (line - dot) / 2, dot, dot}, theme_.header, dot / 2});
    const std::string number = std::to_string(index + 1);
    const int number_w = typeset_.width(number, number_style);
    // The number shares the heading's row (y 0), so it reads first.
    block.elements.push_back(TextRun{Box{(dot - number_w) / 2, 0, number_w, line}, number,
                                     number_style, theme_.header_text});
    int y = 0;
    for (const auto& text : heads) {
      block.elements.push_back(typeset_.line(text, bold(), theme_.text, text_x, y));
      y += line;
    }
    for (const auto& text : description) {
      if (!text.empty())
        block.elements.push_back(typeset_.line(text, small(), theme_.muted, text_x, y));
      y += typeset_.line_height(small());
    }
    return block;
  }

  Typesetter& typeset_;
  const Metrics& metrics_;
  const Theme& theme_;
  int width_, room_, max_pages_;
  long long height_ = 0;
  std::vector<Block> blocks_;
};

}  // namespace

// Landscape screens give deadlines, the fee and the QR code a column at
// the right of every page, as far as it holds them (item_side_content);
// what it cannot hold goes into the main flow.
PageLayout::ItemSide PageLayout::item_side(const model::Item& item, int room) {
  const int full = metrics_.width - 2 * metrics_.margin;
  const int widest = metrics_.portrait ? 0 : full * 3 / 10;
  const int inner = widest - 2 * metrics_.gap;
  const TextStyle bold = style(metrics_.body, true), small = style(metrics_.small);
  ItemSide side;
  side.caption = "扫码网上办理";
  const auto fact_text = [&](const Fact& fact) {
    return fact.text(typeset_.width(fact.label + fact.value, bold) > inner);
  };
  const auto deadlines = deadline_facts(item.deadline, theme_);
  const Fact fee{"收费：", fees_text(item.fees), theme_.text};
  ItemSideParts parts{0, typeset_.height(fact_text(fee), bold, inner), typeset_.line_height(small),
                      metrics_.gap};
  for (const auto& fact : deadlines)
    parts.deadlines += typeset_.height(fact_text(fact), bold, inner);
  const bool has_qr = !item.online_url.empty();
  const int qr_min = has_qr ? qr_side(item.online_url, 0) : 0;
  const bool fee_list = item.fees && !item.fees->free && item.fees->fees.size() > 1;
  if (widest > 0)
    side.content = item_side_content(
        parts, has_qr && qr_min <= inner ? std::optional<int>(qr_min) : std::nullopt, fee_list,
        room);
  if (!side.content.shown()) return side;
  side.width = side.content.deadlines
                   ? widest
                   : std::max(qr_min, typeset_.width(side.caption, small)) + 2 * metrics_.gap;
  if (side.content.qr) {
    const int fits = std::min(
        side.width - 2 * metrics_.gap,
        room - item_side_height({side.content.deadlines, side.content.fee, true}, parts, 0));
    side.qr = qr_side(item.online_url, fits);
    if (side.qr > fits) side.qr = qr_min;
  }
  side.height = item_side_height(side.content, parts, side.qr);
  if (side.content.deadlines)
    for (const auto& fact : deadlines)
      side.texts.emplace_back(fact_text(fact), fact.colour);
  if (side.content.fee) side.texts.emplace_back(fact_text(fee), fee.colour);
  return side;
}

Side PageLayout::item_side_panel(const ItemSide& side, const std::string& url) {
  Side panel;
  panel.width = side.width;
  panel.draw = [this, side, url](Page& page, const Area& area) {
    const TextStyle bold = style(metrics_.body, true), small = style(metrics_.small);
    const int gap = metrics_.gap;
    const Box card{area.x, area.y, area.w, side.height};
    page.elements.push_back(FillRect{card, theme_.card, metrics_.radius});
    page.elements.push_back(StrokeRect{card, theme_.card_border, 2, metrics_.radius});
    int y = area.y + gap;
    for (const auto& [text, colour] : side.texts)
      y += typeset_.set(page.elements, text, bold, colour, area.x + gap, y, area.w - 2 * gap);
    if (side.qr <= 0) return;
    const int qr_x = area.x + (area.w - side.qr) / 2, qr_y = y + (side.texts.empty() ? 0 : gap);
    page.elements.push_back(QrCode{Box{qr_x, qr_y, side.qr, side.qr}, url});
    page.elements.push_back(typeset_.line(
        side.caption, small, theme_.muted,
        area.x + (area.w - typeset_.width(side.caption, small)) / 2, qr_y + side.qr + gap / 2));
  };
  return panel;
}

std::vector<Page> PageLayout::item(const Moment& moment, const model::Item& item) {
  const TextStyle body = style(metrics_.body), small = style(metrics_.small);
  // The height a page leaves its content, under the header and the heading.
  Page probe;
  const Area area = heading(probe, chrome(probe, moment), item.name);
  const ItemSide side = item_side(item, area.h);
  const int full = metrics_.width - 2 * metrics_.margin;
  ItemFlow flow(typeset_, metrics_, theme_,
                full - (side.content.shown() ? side.width + metrics_.gap : 0), area.h, max_pages_);

  // A name the heading cuts is given whole first.
  if (heading_cut(moment, item.name)) flow.text("事项名称：" + item.name, body);
  if (const auto where = window_text(*moment.content, item.window); !where.empty())
    flow.text("办理窗口：" + where, body);
  if (!item.department.empty()) flow.text("实施部门：" + item.department, body);
  if (!item.kind.empty()) flow.text("事项类型：" + item.kind, body);
  const bool fee_list = item.fees && !item.fees->free && item.fees->fees.size() > 1;
  std::vector<Fact> facts;
  if (!side.content.deadlines) facts = deadline_facts(item.deadline, theme_);
  if (!fee_list && !side.content.fee)
    facts.push_back({"收费：", fees_text(item.fees), theme_.text});
  flow.facts(facts);
  if (!item.procedure.empty()) flow.procedure(item.procedure);
  if (!item.materials.empty()) flow.materials(item.materials);
  if (fee_list) flow.fees(item.fees->fees);
  if (!item.basis.empty()) flow.text(item.basis, small, flow.section("设定依据"));
  if (!item.result.empty()) flow.text(item.result, body, flow.section("办理结果"));
  if (!item.online_url.empty() && !side.content.qr)
    flow.push(qr_block(item.online_url, side.caption, flow.width(),
                       metrics_.portrait ? metrics_.width / 3 : flow.width() / 3, area.h));

  const Side panel = side.content.shown() ? item_side_panel(side, item.online_url) : Side();
  return paged(moment, model::SlideType::item, item.name, flow.take(), nullptr, item.id, panel,
               true);
}

}  // namespace hb::layout
