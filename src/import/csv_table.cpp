// CSV as Excel and WPS write it: comma-separated (tab-separated when the
// first line has tabs and no comma), fields in double quotes may hold
// commas, doubled quotes and line breaks. A stray quote inside an unquoted
// field is kept as a character, as Excel does, rather than refusing the file.
#include <cstddef>

#include "feed/encoding.h"
#include "model/diagnostic.h"
#include "import/readers.h"

namespace hb::import {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

int line_of(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') ++line;
  return line;
}

// UTF-16 with a byte-order mark is what Excel's "Unicode 文本" writes;
// UTF-8 when every byte is valid UTF-8: GBK text of any length is almost
// never valid UTF-8, while plain ASCII reads the same either way.
std::variant<std::string, ImportError> to_utf8(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    model::Diagnostics ignored;  // the file is not XML: its line and column mean little here
    auto decoded = feed::decode(bytes, "", ignored);
    if (!decoded)
      return error(ErrorKind::unreadable, "文件以 UTF-16 标记开头，但内容不是有效的 UTF-16 文本");
    return std::move(decoded->utf8);
  }
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  if (!feed::find_invalid_utf8(bytes)) return std::string(bytes);
  feed::Gb18030Conversion c = feed::gb18030_to_utf8(bytes);
  using Problem = feed::Gb18030Conversion::Problem;
  if (c.problem == Problem::none) return std::move(c.utf8);
  if (c.problem == Problem::no_converter)
    return error(ErrorKind::unreadable, "本机无法转换 GBK/GB18030 编码");
  return error(ErrorKind::unreadable,
               "文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本（第" +
                   std::to_string(line_of(bytes, c.stopped_at)) +
                   "行起无法识别），请另存为“CSV UTF-8”或 Excel 工作簿",
               line_of(bytes, c.stopped_at));
}

// Text files have no NUL bytes; a binary file (a .xls, a picture) does.
bool looks_binary(std::string_view text) {
  return text.find('\0') != std::string_view::npos;
}

char separator_of(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  return first.find(',') == std::string_view::npos && first.find('\t') != std::string_view::npos
             ? '\t'
             : ',';
}

class CsvParser {
 public:
  CsvParser(std::string_view text, const Limits& limits)
      : text_(text), limits_(limits), sep_(separator_of(text)) {}

  std::variant<Table, ImportError> run() {
    Table table;
    int number = 1;
    while (pos_ < text_.size()) {
      if (number > limits_.max_rows)
        return error(ErrorKind::over_limit,
                     "表格超过" + std::to_string(limits_.max_rows) + "行，请分成几个文件导入",
                     number);
      Row row{number, {}};
      if (auto e = read_record(row)) return std::move(*e);
      while (!row.cells.empty() && row.cells.back().empty())
        row.cells.pop_back();
      cells_ += row.cells.size();
      if (cells_ > limits_.max_cells)
        return error(ErrorKind::over_limit, "表格的单元格太多，请分成几个文件导入", number);
      if (!row.cells.empty()) table.rows.push_back(std::move(row));
      ++number;
    }
    return table;
  }

 private:
  // Reads one record up to and including its line end.
  std::optional<ImportError> read_record(Row& row) {
    while (true) {
      std::string field;
      const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      if (quoted) {
        ++pos_;
        read_quoted(field);
      }
      // After a closing quote, or in an unquoted field: up to the separator.
      while (pos_ < text_.size() && text_[pos_] != sep_ && text_[pos_] != '\n' &&
             text_[pos_] != '\r')
        field += text_[pos_++];
      const int column = static_cast<int>(row.cells.size()) + 1;
      if (column > limits_.max_columns && !field.empty())
        return error(ErrorKind::over_limit,
                     "第" + std::to_string(row.number) + "行超过" +
                         std::to_string(limits_.max_columns) + "列",
                     row.number, column);
      if (auto e = check_cell(limits_, row.number, column, field.size());
          std::holds_alternative<ImportError>(e))
        return std::get<ImportError>(e);
      if (column <= limits_.max_columns) row.cells.push_back(clean_cell(field));
      if (pos_ >= text_.size()) return std::nullopt;
      const char c = text_[pos_++];
      if (c == sep_) continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      return std::nullopt;
    }
  }

  // From after the opening quote to after the closing one; a file that ends
  // inside quotes keeps what it has, as Excel does.
  void read_quoted(std::string& field) {
    while (pos_ < text_.size()) {
      const std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        field.append(text_.substr(pos_));
        pos_ = text_.size();
        return;
      }
      field.append(text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        field += '"';
        ++pos_;
        continue;
      }
      return;
    }
  }

  std::string_view text_;
  const Limits& limits_;
  char sep_;
  std::size_t pos_ = 0;
  std::size_t cells_ = 0;
};

}  // namespace

std::variant<Table, ImportError> read_csv(std::string_view bytes, const Limits& limits) {
  auto text = to_utf8(bytes);
  if (auto* e = std::get_if<ImportError>(&text)) return std::move(*e);
  const std::string& utf8 = std::get<std::string>(text);
  if (looks_binary(utf8))
    return error(ErrorKind::unreadable,
                 "无法识别的文件：请上传 Excel 工作簿（.xlsx）或 CSV 文件；旧版 .xls "
                 "请先另存为 .xlsx");
  return CsvParser(utf8, limits).run();
}

}  // namespace hb::import
