#include "import/header.h"

#include <algorithm>
#include <utility>

namespace hb::import {
namespace {

struct Names {
  Field field;
  std::vector<std::string_view> names;  // the first is the usual one
};

// The one place that says which header names mean what. Matching is on the
// whole name after tidy_name, so 结果名称 never counts as 名称.
std::vector<Names> item_names() {
  return {
      {Field::code, {"事项编码", "事项代码", "编码", "事项编号", "基本编码", "实施编码", "编号"}},
      {Field::name, {"事项名称", "名称", "服务事项名称", "事项", "服务事项"}},
      {Field::kind, {"事项类型", "类型", "事项类别", "类别"}},
      {Field::department, {"实施部门", "办理部门", "实施机关", "实施主体", "责任部门", "部门"}},
      {Field::category, {"所属分类", "分类", "主题分类", "事项分类"}},
      {Field::window, {"受理窗口", "窗口", "办理窗口", "窗口号", "窗口编号"}},
      {Field::basis, {"设定依据", "办理依据", "法律依据", "依据"}},
      {Field::promised, {"承诺时限", "承诺办结时限", "承诺期限", "承诺办理时限", "办理时限",
                         "办结时限"}},
      {Field::statutory, {"法定时限", "法定办结时限", "法定期限", "法定办理时限"}},
      {Field::fees, {"收费标准", "是否收费", "收费", "收费情况", "收费依据及标准", "收费项目"}},
      {Field::materials, {"申请材料", "所需材料", "材料", "申报材料", "提交材料", "材料清单"}},
      {Field::procedure, {"办理流程", "办理步骤", "流程", "办事流程"}},
      {Field::online, {"网上办理地址", "在线办理", "网上办理", "在线办理地址", "网办地址",
                       "办理地址"}},
      {Field::result, {"办理结果", "结果名称", "审批结果", "结果"}},
  };
}

std::vector<Names> stats_names() {
  return {
      {Field::stats_window, {"窗口", "窗口号", "窗口编号", "受理窗口", "窗口名称"}},
      {Field::handled, {"办件量", "受理量", "办件数", "受理件数", "办件数量", "受理数"}},
      {Field::ontime, {"按时办结", "按时办结量", "按时办结数", "按时办结件数"}},
      {Field::rated, {"评价数", "评价量", "评价件数", "参评数"}},
      {Field::satisfied_total, {"满意数", "满意量", "满意件数"}},
      {Field::very_satisfied, {"非常满意"}},
      {Field::satisfied, {"满意"}},
      {Field::basic, {"基本满意"}},
      {Field::dissatisfied, {"不满意"}},
      {Field::very_dissatisfied, {"非常不满意"}},
  };
}

// Header rows are looked for this far down: titles, a date line, a blank.
constexpr std::size_t kHeaderSearchRows = 30;

// "* 事项名称：" -> "事项名称"; brackets after the name are split off as
// the note ("承诺时限（工作日）").
std::pair<std::string, std::string> tidy_name(std::string_view raw) {
  std::string name;
  std::string note;
  bool in_note = false;
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    std::size_t len = 1;
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0xF0) len = 4;
    else if (u >= 0xE0) len = 3;
    else if (u >= 0xC0) len = 2;
    const std::string_view ch = raw.substr(i, len);
    i += len;
    if (ch == "（" || ch == "(") {
      in_note = true;
      continue;
    }
    if (ch == "）" || ch == ")") {
      in_note = false;
      continue;
    }
    if (ch == " " || ch == "\t" || ch == "\n" || ch == "*" || ch == "＊" || ch == "：" ||
        ch == ":" || ch == "\u3000")
      continue;
    (in_note ? note : name) += ch;
  }
  return {name, note};
}

std::optional<Field> field_of(const std::vector<Names>& table, std::string_view name) {
  for (const auto& entry : table)
    for (const auto& n : entry.names)
      if (n == name) return entry.field;
  return std::nullopt;
}

Header header_of(const Row& row, std::size_t index, const std::vector<Names>& names) {
  Header h;
  h.row_index = index;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    auto [name, note] = tidy_name(row.cells[c]);
    if (const auto f = field_of(names, name)) h.columns[static_cast<std::size_t>(*f)].push_back(c);
    h.names.push_back(std::move(name));
    h.notes.push_back(std::move(note));
  }
  return h;
}

int distinct_fields(const Header& h) {
  int n = 0;
  for (const auto& cols : h.columns)
    n += !cols.empty();
  return n;
}

bool enough(const Header& h, Expect expect) {
  const bool needed = expect == Expect::items
                          ? h.has(Field::name) && h.has(Field::code)
                          : h.has(Field::stats_window) && h.has(Field::handled);
  return needed && distinct_fields(h) >= 2;
}

// A header over two rows: 办理时限 merged over two columns above 承诺时限
// and 法定时限, with 事项名称 merged down both rows (so filled into both).
// The lower row's names win where they mean something.
Header combined(const Header& upper, Header lower) {
  for (std::size_t f = 0; f < kFieldCount; ++f)
    for (const std::size_t c : upper.columns[f]) {
      const bool lower_knows = std::any_of(lower.columns.begin(), lower.columns.end(),
                                           [&](const auto& cols) {
                                             return std::find(cols.begin(), cols.end(), c) !=
                                                    cols.end();
                                           });
      if (!lower_knows) lower.columns[f].push_back(c);
    }
  for (auto& cols : lower.columns)
    std::sort(cols.begin(), cols.end());
  return lower;
}

}  // namespace

std::optional<Header> find_header(const Table& table, Expect expect) {
  const auto names = expect == Expect::items ? item_names() : stats_names();
  for (std::size_t i = 0; i < table.rows.size() && i < kHeaderSearchRows; ++i) {
    Header h = header_of(table.rows[i], i, names);
    if (!enough(h, expect)) continue;
    if (i + 1 < table.rows.size()) {
      Header below = header_of(table.rows[i + 1], i + 1, names);
      if (enough(below, expect)) return combined(h, std::move(below));
    }
    return h;
  }
  return std::nullopt;
}

FieldValue value_of(const Header& header, const Row& row, Field field) {
  for (const std::size_t c : header.of(field)) {
    const std::string_view text = cell(row, c);
    if (text.find_first_not_of(" \t\n") != std::string_view::npos) return {text, c};
  }
  return {};
}

std::string field_name(const Header& header, Field field, std::size_t column) {
  if (column < header.names.size() && !header.names[column].empty() &&
      !header.of(field).empty())
    return header.names[column];
  for (const auto& names : {item_names(), stats_names()})
    for (const auto& entry : names)
      if (entry.field == field) return std::string(entry.names.front());
  return "";
}

bool is_blank(const Header& header, const Row& row) {
  for (std::size_t f = 0; f < kFieldCount; ++f)
    if (!value_of(header, row, static_cast<Field>(f)).text.empty()) return false;
  return true;
}

std::string quoted(std::string_view text) {
  return "“" + std::string(text) + "”";
}

}  // namespace hb::import
