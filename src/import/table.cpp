#include "import/table.h"

#include "feed/encoding.h"
#include "import/header.h"
#include "import/readers.h"

namespace hb::import {
namespace {

constexpr std::string_view kZipSignature = "PK\x03\x04";

}  // namespace

std::string_view cell(const Row& row, std::size_t column) {
  return column < row.cells.size() ? std::string_view(row.cells[column]) : std::string_view();
}

std::string column_name(int column) {
  std::string name;
  for (int c = column; c > 0; c = (c - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  return name;
}

ImportError error(ErrorKind kind, std::string message, int row, int column) {
  return ImportError{kind, std::move(message), row, column};
}

std::variant<std::monostate, ImportError> check_cell(const Limits& limits, int row, int column,
                                                     std::size_t bytes) {
  if (bytes <= limits.max_cell_bytes) return std::monostate{};
  return error(ErrorKind::over_limit,
               column_name(column) + std::to_string(row) + "单元格的内容超过" +
                   std::to_string(limits.max_cell_bytes / 1024) + " KB",
               row, column);
}

namespace {

// Only valid UTF-8 can be written to a feed; a sheet's XML can smuggle in a
// lone surrogate (&#xD800;), which pugixml writes out as bytes.
std::string valid_utf8(std::string_view text) {
  std::string out;
  while (const auto bad = feed::find_invalid_utf8(text)) {
    out.append(text.substr(0, *bad));
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

}  // namespace

std::string clean_cell(std::string_view raw) {
  const std::string valid = valid_utf8(raw);
  const std::string_view text = valid;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c < 0x20 && c != '\n' && c != '\t') {
      continue;
    } else if (c == 0xEF && text.substr(i, 3) == "\xEF\xBF\xBE") {
      i += 2;  // U+FFFE, not a character XML allows
    } else if (c == 0xEF && text.substr(i, 3) == "\xEF\xBF\xBF") {
      i += 2;  // U+FFFF
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::variant<Table, ImportError> read_table(std::string_view bytes, const Limits& limits,
                                            Expect expect) {
  if (bytes.size() > limits.max_upload_bytes)
    return error(ErrorKind::too_large, "文件超过" +
                                           std::to_string(limits.max_upload_bytes / 1024 / 1024) +
                                           " MB，请删去无关的工作表或分成几个文件导入");
  if (bytes.empty()) return error(ErrorKind::unreadable, "文件是空的");
  if (bytes.substr(0, kZipSignature.size()) != kZipSignature) return read_csv(bytes, limits);
  auto sheets = read_xlsx(bytes, limits);
  if (auto* e = std::get_if<ImportError>(&sheets)) return std::move(*e);
  auto& tables = std::get<std::vector<Table>>(sheets);
  if (tables.empty()) return error(ErrorKind::unreadable, "工作簿中没有工作表");
  for (auto& table : tables)
    if (find_header(table, expect)) return std::move(table);
  return std::move(tables.front());
}

}  // namespace hb::import
