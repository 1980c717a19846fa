#include "import/items.h"

#include <map>

#include "feed/text.h"
#include "feed/values.h"
#include "import/cell_values.h"
#include "import/header.h"

namespace hb::import {
namespace {

using model::DeadlineUnit;

// Everything one row is read into, and why it may be refused.
struct RowReading {
  const Header& header;
  const Row& row;
  std::vector<std::string> reasons;
  std::vector<std::string> notes;

  FieldValue get(Field f) const { return value_of(header, row, f); }
  std::string name_of(Field f, const FieldValue& v) const {
    return field_name(header, f, v.column);
  }
};

// Both limits as the feed has them: one unit, promised <= statutory.
std::optional<model::Deadline> read_deadline(RowReading& r) {
  const FieldValue p = r.get(Field::promised), s = r.get(Field::statutory);
  if (p.text.empty() && s.text.empty()) return std::nullopt;  // the console decides
  const auto note = [&](const FieldValue& v) -> std::string_view {
    return v.column < r.header.notes.size() ? std::string_view(r.header.notes[v.column]) : "";
  };
  std::optional<Duration> promised, statutory;
  if (!p.text.empty() && !(promised = read_duration(p.text, note(p))))
    r.reasons.push_back(r.name_of(Field::promised, p) + quoted(trim_text(p.text)) +
                        "无法识别，应写成“10个工作日”或“即办”");
  if (!s.text.empty() && !(statutory = read_duration(s.text, note(s))))
    r.reasons.push_back(r.name_of(Field::statutory, s) + quoted(trim_text(s.text)) +
                        "无法识别，应写成“20个工作日”");
  if ((!p.text.empty() && !promised) || (!s.text.empty() && !statutory)) return std::nullopt;

  model::Deadline d;
  if (statutory && statutory->immediate) {
    if (promised && !promised->immediate && promised->amount > 0) {
      r.reasons.push_back(r.name_of(Field::promised, p) + quoted(trim_text(p.text)) + "长于" +
                          r.name_of(Field::statutory, s) + "“即办”");
      return std::nullopt;
    }
    d.unit = DeadlineUnit::immediate;
    return d;
  }
  if (promised && promised->immediate) {
    // 即办 under a statutory limit: promised 0 of the law's unit (提速 100%).
    if (!statutory) {
      d.unit = DeadlineUnit::immediate;
      return d;
    }
    d.unit = statutory->unit;
    d.promised = 0;
    d.statutory = statutory->amount;
    return d;
  }
  if (promised && statutory && promised->unit != statutory->unit) {
    r.notes.push_back(r.name_of(Field::statutory, s) + quoted(trim_text(s.text)) + "与" +
                      r.name_of(Field::promised, p) + quoted(trim_text(p.text)) +
                      "单位不同，无法比较，只导入了承诺时限");
    statutory.reset();
  }
  d.unit = promised ? promised->unit : statutory->unit;
  if (promised) d.promised = promised->amount;
  if (statutory) d.statutory = statutory->amount;
  if (d.promised && d.statutory && *d.promised > *d.statutory) {
    r.reasons.push_back(r.name_of(Field::promised, p) + quoted(trim_text(p.text)) + "长于" +
                        r.name_of(Field::statutory, s) + quoted(trim_text(s.text)) +
                        "，承诺时限不能超过法定时限");
    return std::nullopt;
  }
  return d;
}

// 是否收费 and 收费标准 side by side: "是" says nothing the standard does
// not, so the first column whose text can be read wins.
void read_fees_into(RowReading& r, model::Item& item) {
  FieldValue unreadable;
  for (const std::size_t c : r.header.of(Field::fees)) {
    const std::string_view text = cell(r.row, c);
    if (trim_text(text).empty()) continue;
    FeeReading fees = read_fees(text);
    if (!fees.readable()) {
      if (unreadable.text.empty()) unreadable = {text, c};
      continue;
    }
    model::Fees f;
    f.free = fees.free;
    f.fees = std::move(fees.fees);
    item.fees = std::move(f);
    return;
  }
  // The feed cannot hold a fee without an amount; the item is still
  // published, without a fee line, and the editor is told.
  if (!unreadable.text.empty())
    r.notes.push_back(r.name_of(Field::fees, unreadable) + quoted(trim_text(unreadable.text)) +
                      "中没有找到金额（如“每件80元”），收费信息未导入");
}

// Words halls put where there is no address.
bool says_none(std::string_view s) {
  for (const std::string_view w : {"无", "暂无", "-", "—", "/", "／", "否", "不适用"})
    if (s == w) return true;
  return false;
}

void read_online(RowReading& r, model::Item& item) {
  const FieldValue v = r.get(Field::online);
  const std::string url = feed::normalize_line(v.text);
  if (url.empty() || says_none(url)) return;
  if (!feed::is_http_url(url)) {
    r.reasons.push_back(r.name_of(Field::online, v) + quoted(url) +
                        "不是完整的网址，应以 http:// 或 https:// 开头；没有网上办理请留空");
    return;
  }
  item.online_url = url;
}

model::Item read_item(RowReading& r) {
  model::Item item;
  item.id = feed::normalize_line(r.get(Field::code).text);
  item.name = feed::normalize_line(r.get(Field::name).text);
  if (item.id.empty()) r.reasons.push_back("缺少" + field_name(r.header, Field::code, r.header.of(Field::code).front()));
  if (item.name.empty()) r.reasons.push_back("缺少" + field_name(r.header, Field::name, r.header.of(Field::name).front()));
  item.kind = feed::normalize_line(r.get(Field::kind).text);
  item.department = feed::normalize_line(r.get(Field::department).text);
  item.category = feed::normalize_line(r.get(Field::category).text);
  item.window = read_window(r.get(Field::window).text);
  item.basis = feed::normalize_text(r.get(Field::basis).text);
  item.result = feed::normalize_text(r.get(Field::result).text);
  if (const auto d = read_deadline(r)) item.deadline = *d;
  read_fees_into(r, item);
  item.materials = read_materials(r.get(Field::materials).text);
  item.procedure = read_steps(r.get(Field::procedure).text, item.deadline.unit);
  read_online(r, item);
  return item;
}

// Blank, as far as the import is concerned: nothing in any known column.
// A title or note merged across the sheet (filled into every column, see
// xlsx_table.cpp), or the header repeated on a printed page's top.
bool is_title_or_header(const Header& header, const Table& table, const Row& row) {
  const std::string_view code = value_of(header, row, Field::code).text;
  const std::string_view name = value_of(header, row, Field::name).text;
  if (!code.empty() && code == name) return true;
  const Row& head = table.rows[header.row_index];
  return !code.empty() && code == cell(head, header.of(Field::code).front());
}

}  // namespace

ItemImport import_items(const Table& table) {
  ItemImport result;
  const auto header = find_header(table, Expect::items);
  if (!header) {
    result.error = ImportError{ErrorKind::no_header,
                               "表格中找不到表头行：需要“事项编码”和“事项名称”两列（也可写作"
                               "“事项代码”“编码”“名称”），请检查表头",
                               0, 0};
    return result;
  }
  std::map<std::string, int> first_row_of;
  for (std::size_t i = header->row_index + 1; i < table.rows.size(); ++i) {
    const Row& row = table.rows[i];
    if (is_blank(*header, row) || is_title_or_header(*header, table, row)) continue;
    RowReading r{*header, row, {}, {}};
    model::Item item = read_item(r);
    if (!item.id.empty()) {
      const auto [at, fresh] = first_row_of.emplace(item.id, row.number);
      if (!fresh)
        r.reasons.insert(r.reasons.begin(),
                         field_name(*header, Field::code, header->of(Field::code).front()) +
                             quoted(item.id) + "与第" + std::to_string(at->second) +
                             "行重复，保留第" + std::to_string(at->second) + "行");
    }
    if (!r.reasons.empty()) {
      result.refused.push_back(RowRefusal{row.number, std::move(r.reasons)});
      continue;
    }
    const bool has_promised = !r.get(Field::promised).text.empty();
    const bool has_statutory = !r.get(Field::statutory).text.empty();
    result.items.push_back(
        ImportedItem{row.number, std::move(item), std::move(r.notes), has_promised, has_statutory});
  }
  return result;
}

ItemImport import_items_from_file(std::string_view bytes, const Limits& limits) {
  auto table = read_table(bytes, limits, Expect::items);
  if (auto* e = std::get_if<ImportError>(&table)) {
    ItemImport result;
    result.error = std::move(*e);
    return result;
  }
  return import_items(std::get<Table>(table));
}

}  // namespace hb::import
