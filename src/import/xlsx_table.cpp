// XLSX (Office Open XML) worksheets as tables: the workbook's parts found
// through its relationships, cell values as Excel shows them (shared and
// inline strings, numbers, booleans, a formula's cached result), merged
// ranges filled in (see fill_merged).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <pugixml.hpp>

#include "import/readers.h"
#include "import/zip_archive.h"

namespace hb::import {
namespace {

// Element names without their namespace prefix: most writers use the
// default namespace, some (.NET libraries) write <x:row>.
std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const auto& c : node.children())
    if (local_name(c) == name) return c;
  return {};
}

// r:id, whatever the prefix of the relationships namespace is called.
std::string_view relationship_id(const pugi::xml_node& node) {
  for (const auto& a : node.attributes()) {
    const std::string_view name = a.name();
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
  }
  return {};
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// A relationship target against the part that names it: "worksheets/a.xml"
// from "xl/workbook.xml" is "xl/worksheets/a.xml"; "/xl/x.xml" is absolute.
std::string resolve(const std::string& from_dir, std::string_view target) {
  std::string path = target.substr(0, 1) == "/" ? std::string(target.substr(1))
                                                : from_dir + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string joined;
  for (const auto& p : parts)
    joined += (joined.empty() ? "" : "/") + p;
  return joined;
}

struct Relationship {
  std::string type;
  std::string target;  // resolved to a path in the archive
};

// Text of a shared or inline string: a plain <t>, or rich-text runs <r><t>.
// Phonetic guides (<rPh>) are not part of what the cell shows.
std::string string_item_text(const pugi::xml_node& si) {
  std::string text;
  for (const auto& part : si.children()) {
    if (local_name(part) == "t") text += part.text().get();
    if (local_name(part) == "r") text += child(part, "t").text().get();
  }
  return text;
}

// Excel stores numbers as the shortest round-trip decimal ("3",
// "0.30000000000000004", "1.1530100000000001E+17"); people read them as
// the cell shows them: whole numbers without ".0" or exponent, others to
// 15 significant digits, Excel's own precision.
std::string number_text(std::string_view raw) {
  double v = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || end != raw.data() + raw.size() || !std::isfinite(v))
    return std::string(raw);
  char buffer[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(v));
    return std::string(buffer, r.ptr);
  }
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 15);
  return std::string(buffer, r.ptr);
}

// "C7" -> column 3 (the row is taken from <row r>); nothing when malformed.
std::optional<int> column_of(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > 16384) return std::nullopt;  // past XFD, Excel's last column
  }
  if (i == 0) return std::nullopt;
  return column;
}

std::optional<int> row_of(std::string_view ref) {
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z')
    ++i;
  int row = 0;
  const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || end != ref.data() + ref.size() || row < 1) return std::nullopt;
  return row;
}

struct Range {
  int first_row, first_column, last_row, last_column;
};

std::optional<Range> range_of(std::string_view ref) {
  const std::size_t colon = ref.find(':');
  const std::string_view a = ref.substr(0, colon);
  const std::string_view b = colon == std::string_view::npos ? a : ref.substr(colon + 1);
  const auto c1 = column_of(a), r1 = row_of(a), c2 = column_of(b), r2 = row_of(b);
  if (!c1 || !r1 || !c2 || !r2 || *c2 < *c1 || *r2 < *r1) return std::nullopt;
  return Range{*r1, *c1, *r2, *c2};
}

using Loaded = std::variant<pugi::xml_document*, ImportError>;

class Workbook {
 public:
  Workbook(ZipArchive& zip, const Limits& limits) : zip_(zip), limits_(limits) {}

  std::variant<std::vector<Table>, ImportError> sheets() {
    std::string workbook_path = "xl/workbook.xml";
    auto package = relationships("_rels/.rels", "");
    if (auto* e = std::get_if<ImportError>(&package)) return std::move(*e);
    for (const auto& [id, rel] : std::get<std::map<std::string, Relationship>>(package))
      if (rel.type.ends_with("/officeDocument")) workbook_path = rel.target;
    pugi::xml_document workbook;
    if (auto e = load(workbook_path, workbook, true)) return std::move(*e);
    const std::string dir = directory_of(workbook_path);
    auto rels_or =
        relationships(dir + "_rels/" + workbook_path.substr(dir.size()) + ".rels", dir);
    if (auto* e = std::get_if<ImportError>(&rels_or)) return std::move(*e);
    const auto& rels = std::get<std::map<std::string, Relationship>>(rels_or);
    for (const auto& [id, rel] : rels)
      if (rel.type.ends_with("/sharedStrings"))
        if (auto e = load_shared_strings(rel.target)) return std::move(*e);

    std::vector<Table> tables;
    for (const auto& sheet : child(workbook.document_element(), "sheets").children()) {
      if (local_name(sheet) != "sheet") continue;
      const auto rel = rels.find(std::string(relationship_id(sheet)));
      if (rel == rels.end() || !rel->second.type.ends_with("/worksheet")) continue;
      auto table = read_sheet(rel->second.target, sheet.attribute("name").value());
      if (auto* e = std::get_if<ImportError>(&table)) return std::move(*e);
      tables.push_back(std::move(std::get<Table>(table)));
    }
    return tables;
  }

 private:
  // Nothing when loaded; an absent part is an error only when `required`.
  std::optional<ImportError> load(const std::string& path, pugi::xml_document& doc,
                                  bool required) {
    auto bytes = zip_.read(path);
    if (auto* e = std::get_if<ImportError>(&bytes)) return std::move(*e);
    if (std::holds_alternative<std::monostate>(bytes)) {
      if (!required) return std::nullopt;
      return error(ErrorKind::unreadable,
                   "这是一个压缩文件，但不是 Excel 工作簿（缺少 " + path +
                       "）；请上传 .xlsx 或 CSV 文件");
    }
    const std::string& text = std::get<std::string>(bytes);
    const auto parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
    if (!parsed)
      return error(ErrorKind::unreadable, "Excel 文件中的 " + path +
                                              " 已损坏（XML 无法解析）；请在 Excel 或 WPS "
                                              "中打开后重新保存");
    return std::nullopt;
  }

  std::variant<std::map<std::string, Relationship>, ImportError> relationships(
      const std::string& path, const std::string& from_dir) {
    pugi::xml_document doc;
    if (auto e = load(path, doc, false)) return std::move(*e);
    std::map<std::string, Relationship> rels;
    for (const auto& r : doc.document_element().children()) {
      if (local_name(r) != "Relationship") continue;
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      rels[r.attribute("Id").value()] =
          Relationship{r.attribute("Type").value(), resolve(from_dir, r.attribute("Target").value())};
    }
    return rels;
  }

  std::optional<ImportError> load_shared_strings(const std::string& path) {
    pugi::xml_document doc;
    if (auto e = load(path, doc, false)) return e;
    for (const auto& si : doc.document_element().children())
      if (local_name(si) == "si") shared_.push_back(string_item_text(si));
    return std::nullopt;
  }

  std::variant<std::string, ImportError> value_of(const pugi::xml_node& c, int row, int column) {
    const std::string_view type = c.attribute("t").value();
    const std::string_view v = child(c, "v").text().get();
    if (type == "inlineStr") return string_item_text(child(c, "is"));
    if (type == "s") {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
      if (ec != std::errc() || end != v.data() + v.size() || index >= shared_.size())
        return error(ErrorKind::unreadable,
                     "Excel 文件已损坏：" + column_name(column) + std::to_string(row) +
                         "单元格引用了不存在的共享字符串",
                     row, column);
      return shared_[index];
    }
    if (type == "b") return std::string(v == "1" ? "TRUE" : v.empty() ? "" : "FALSE");
    if (type == "e") return std::string();  // #N/A, #REF!…: no value to import
    if (type == "str") return std::string(v);  // a formula's text result
    return v.empty() ? std::string() : number_text(v);
  }

  std::variant<Table, ImportError> read_sheet(const std::string& path, std::string name) {
    pugi::xml_document doc;
    if (auto e = load(path, doc, true)) return std::move(*e);
    Table table;
    table.sheet = std::move(name);
    const pugi::xml_node root = doc.document_element();
    int row_number = 0;
    for (const auto& r : child(root, "sheetData").children()) {
      if (local_name(r) != "row") continue;
      const int given = r.attribute("r").as_int(0);
      row_number = given > 0 ? given : row_number + 1;
      Row row{row_number, {}};
      int column = 0;
      for (const auto& c : r.children()) {
        if (local_name(c) != "c") continue;
        const auto from_ref = column_of(c.attribute("r").value());
        column = from_ref ? *from_ref : column + 1;
        auto value = value_of(c, row_number, column);
        if (auto* e = std::get_if<ImportError>(&value)) return std::move(*e);
        if (auto e = store(row, column, std::move(std::get<std::string>(value)))) return *e;
      }
      if (!row.cells.empty()) table.rows.push_back(std::move(row));
    }
    std::sort(table.rows.begin(), table.rows.end(),
              [](const Row& a, const Row& b) { return a.number < b.number; });
    if (auto e = fill_merged(root, table)) return *e;
    return table;
  }

  std::optional<ImportError> store(Row& row, int column, std::string value) {
    if (value.empty()) return std::nullopt;
    if (row.number > limits_.max_rows)
      return error(ErrorKind::over_limit,
                   "表格超过" + std::to_string(limits_.max_rows) + "行，请分成几个文件导入",
                   row.number, column);
    if (column > limits_.max_columns)
      return error(ErrorKind::over_limit,
                   "表格超过" + std::to_string(limits_.max_columns) + "列（" +
                       column_name(column) + std::to_string(row.number) + "单元格有内容）",
                   row.number, column);
    if (auto e = check_cell(limits_, row.number, column, value.size());
        std::holds_alternative<ImportError>(e))
      return std::get<ImportError>(e);
    if (++cells_ > limits_.max_cells)
      return error(ErrorKind::over_limit, "表格的单元格太多，请分成几个文件导入", row.number,
                   column);
    if ((text_bytes_ += value.size()) > limits_.max_text_bytes)
      return error(ErrorKind::over_limit, "表格的文字太多（合并单元格或重复内容过多），请分成几个文件导入",
                   row.number, column);
    const auto index = static_cast<std::size_t>(column - 1);
    if (row.cells.size() <= index) row.cells.resize(index + 1);
    row.cells[index] = clean_cell(value);
    return std::nullopt;
  }

  // A merged range shows its top-left value across the whole range, and
  // that is what the editor means: a 所属分类 or 实施部门 merged down ten
  // rows belongs to each of the ten items, a header merged over two rows
  // names the column in both. So the value is copied into every empty cell
  // of the range; a title merged across the sheet's width becomes the same
  // text in every column of its row, which no header name matches. Ranges
  // are clipped to the rows and columns that hold content.
  std::optional<ImportError> fill_merged(const pugi::xml_node& root, Table& table) {
    if (table.rows.empty()) return std::nullopt;
    const int last_row = table.rows.back().number;
    int last_column = 0;
    for (const auto& row : table.rows)
      last_column = std::max(last_column, static_cast<int>(row.cells.size()));
    std::map<int, std::size_t> index_of_row;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
      index_of_row[table.rows[i].number] = i;
    std::size_t visited = 0;  // covered cells looked at, filled or not: bounds the work
    for (const auto& m : child(root, "mergeCells").children()) {
      if (local_name(m) != "mergeCell") continue;
      const auto range = range_of(m.attribute("ref").value());
      if (!range) continue;
      const auto top = index_of_row.find(range->first_row);
      if (top == index_of_row.end()) continue;
      const std::string value(
          cell(table.rows[top->second], static_cast<std::size_t>(range->first_column - 1)));
      if (value.empty()) continue;
      for (int r = range->first_row; r <= std::min(range->last_row, last_row); ++r) {
        auto at = index_of_row.find(r);
        if (at == index_of_row.end()) {
          table.rows.push_back(Row{r, {}});
          at = index_of_row.emplace(r, table.rows.size() - 1).first;
        }
        for (int c = range->first_column; c <= std::min(range->last_column, last_column); ++c) {
          if (++visited > limits_.max_cells)
            return error(ErrorKind::over_limit, "合并单元格太多，请取消合并后再导入");
          Row& row = table.rows[at->second];
          if (!cell(row, static_cast<std::size_t>(c - 1)).empty()) continue;
          if (auto e = store(row, c, value)) return e;
        }
      }
    }
    std::erase_if(table.rows, [](const Row& row) { return row.cells.empty(); });
    std::sort(table.rows.begin(), table.rows.end(),
              [](const Row& a, const Row& b) { return a.number < b.number; });
    return std::nullopt;
  }

  ZipArchive& zip_;
  const Limits& limits_;
  std::vector<std::string> shared_;
  std::size_t cells_ = 0;
  std::size_t text_bytes_ = 0;  // all cell text stored, copies included
};

}  // namespace

std::variant<std::vector<Table>, ImportError> read_xlsx(std::string_view bytes,
                                                        const Limits& limits) {
  auto zip = ZipArchive::open(bytes, limits);
  if (auto* e = std::get_if<ImportError>(&zip)) return std::move(*e);
  return Workbook(std::get<ZipArchive>(zip), limits).sheets();
}

}  // namespace hb::import
