#include <random>

#include "import/readers.h"
#include "import/table.h"
#include "import_support.h"

using namespace hb::import;
using hb::import::test::fixture;
using hb::import::test::table_of;

namespace {

ImportError error_of(std::string_view bytes, const Limits& limits = {}) {
  auto t = read_table(bytes, limits);
  REQUIRE(std::holds_alternative<ImportError>(t));
  return std::get<ImportError>(t);
}

}  // namespace

TEST_CASE("import table: CSV with quotes, doubled quotes, commas and line breaks inside") {
  const Table t = table_of("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n\nlast");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].number == 1);
  CHECK(t.rows[0].cells == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK(t.rows[1].cells == std::vector<std::string>{"two\nlines", "x"});
  // The empty line is row 3, as a spreadsheet numbers it; it has no cells.
  CHECK(t.rows[2].number == 4);
  CHECK(t.rows[2].cells == std::vector<std::string>{"last"});
}

TEST_CASE("import table: CSV with a UTF-8 BOM, CR line ends inside cells become LF") {
  const Table t = table_of("\xEF\xBB\xBF事项编码,事项名称\r\nA,\"x\r\ny\"\r\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].cells[0] == "事项编码");
  CHECK(t.rows[1].cells[1] == "x\ny");
}

TEST_CASE("import table: a quote left open keeps the rest, as Excel does") {
  const Table t = table_of("a,\"b\nc");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].cells[1] == "b\nc");
}

TEST_CASE("import table: control characters pasted into cells are dropped") {
  const Table t = table_of("a\x01" "b,c\x0B");
  CHECK(t.rows[0].cells == std::vector<std::string>{"ab", "c"});
}

TEST_CASE("import table: cells hold only what a feed can: valid UTF-8, no U+FFFE") {
  CHECK(clean_cell("a\xED\xA0\x80" "b") == "ab");  // a lone surrogate, as pugixml writes &#xD800;
  CHECK(clean_cell("a\xEF\xBF\xBE" "b\r\nc\rd") == "ab\nc\nd");
}

TEST_CASE("import table: tab-separated text") {
  const Table t = table_of("事项编码\t事项名称\nA\tB\n");
  CHECK(t.rows[1].cells == std::vector<std::string>{"A", "B"});
}

TEST_CASE("import table: GBK CSV is told from UTF-8 by its bytes") {
  const Table t = table_of(fixture("small_gbk.csv"));
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].cells[0] == "事项编码");
  CHECK(t.rows[1].cells[1] == "婚姻登记，补领");
  CHECK(t.rows[1].cells[2] == "三个工作日");
}

TEST_CASE("import table: UTF-16 text with a byte-order mark, as Excel's Unicode text") {
  // "A<tab>事<LF>B" in UTF-16LE.
  const std::string bytes("\xFF\xFE" "A\0\t\0\x8B\x4E\n\0B\0", 12);
  const Table t = table_of(bytes);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].cells == std::vector<std::string>{"A", "事"});
  CHECK(t.rows[1].cells == std::vector<std::string>{"B"});
}

TEST_CASE("import table: bytes that are neither UTF-8 nor GB18030") {
  const ImportError e = error_of("a,b\n\x81\x20,c\n");
  CHECK(e.kind == ErrorKind::unreadable);
  CHECK(e.row == 2);
  CHECK(e.message.find("GBK") != std::string::npos);
}

TEST_CASE("import table: XLSX as halls export it") {
  auto r = read_table(fixture("hall_list.xlsx"));
  REQUIRE(std::holds_alternative<Table>(r));
  const Table& t = std::get<Table>(r);
  // The notes sheet comes first in the workbook but has no item header.
  CHECK(t.sheet == "事项清单");
  REQUIRE(t.rows.size() == 8);
  // The title merged over A1:K1 is in every column of its row.
  CHECK(t.rows[0].cells.size() == 11);
  CHECK(t.rows[0].cells[10] == "昆明市住房和城乡建设局政务服务事项清单");
  CHECK(t.rows[2].number == 3);
  CHECK(t.rows[2].cells[1] == "事项编码");
  const Row& js1 = t.rows[3];
  CHECK(js1.cells[2] == "建筑工程施工许可证核发");  // rich text runs, not the phonetic guide
  CHECK(js1.cells[10] == "TRUE");                   // a boolean
  const Row& js2 = t.rows[4];
  CHECK(js2.cells[0] == "2");                           // a formula's cached number
  CHECK(js2.cells[2] == "建设工程质量安全监督登记");  // an inline string
  CHECK(js2.cells[3] == "建设工程");                   // merged D4:D6, filled down
  CHECK(js2.cells[10] == "FALSE");
  const Row& js3 = t.rows[5];
  CHECK(js3.cells[0].empty());  // a formula without a cached value
  CHECK(js3.cells[3] == "建设工程");
  CHECK(t.rows[6].cells[1] == "JS-0004");  // a formula's cached text
  CHECK(t.rows[6].cells[3] == "房屋交易");
  // Row 8 is absent; row 9 has B, C and E only.
  CHECK(t.rows[7].number == 9);
  CHECK(t.rows[7].cells[0].empty());
  CHECK(t.rows[7].cells[1] == "12345");
  CHECK(t.rows[7].cells[4] == "1");
}

TEST_CASE("import table: XLSX parts with a namespace prefix (<x:row>)") {
  auto r = read_table(fixture("prefixed.xlsx"));
  REQUIRE(std::holds_alternative<Table>(r));
  const Table& t = std::get<Table>(r);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].cells == std::vector<std::string>{"P-1", "带前缀的事项", "3个工作日"});
}

TEST_CASE("import table: limits on rows, columns and cells") {
  Limits limits;
  limits.max_rows = 3;
  CHECK(error_of("a\nb\nc\nd\n", limits).kind == ErrorKind::over_limit);
  limits = {};
  limits.max_columns = 2;
  const ImportError wide = error_of("a,b,c\n", limits);
  CHECK(wide.kind == ErrorKind::over_limit);
  CHECK(wide.column == 3);
  limits = {};
  limits.max_cell_bytes = 4;
  const ImportError long_cell = error_of("a\nb,12345\n", limits);
  CHECK(long_cell.kind == ErrorKind::over_limit);
  CHECK(long_cell.row == 2);
  CHECK(long_cell.column == 2);
  CHECK(long_cell.message.find("B2") != std::string::npos);
  limits = {};
  limits.max_upload_bytes = 10;
  CHECK(error_of("0123456789a", limits).kind == ErrorKind::too_large);
  CHECK(Limits{}.max_upload_bytes == 10u * 1024u * 1024u);
}

TEST_CASE("import table: XLSX limits apply to its sheets too") {
  Limits limits;
  limits.max_rows = 5;
  CHECK(error_of(fixture("hall_list.xlsx"), limits).kind == ErrorKind::over_limit);
}

TEST_CASE("import table: the zip's entry count and total size are bounded") {
  const std::string xlsx = fixture("hall_list.xlsx");  // six entries, about 9 KB unpacked
  Limits limits;
  limits.max_zip_entries = 5;
  CHECK(error_of(xlsx, limits).kind == ErrorKind::over_limit);
  limits = {};
  limits.max_uncompressed_bytes = 2000;
  CHECK(error_of(xlsx, limits).kind == ErrorKind::over_limit);
  limits = {};
  limits.max_cells = 20;  // merged ranges filled in count too
  CHECK(error_of(xlsx, limits).kind == ErrorKind::over_limit);
}

TEST_CASE("import table: a zip bomb is refused by the sizes its directory declares") {
  Limits limits;
  limits.max_entry_bytes = 1024 * 1024;
  const ImportError e = error_of(fixture("bomb.xlsx"), limits);
  CHECK(e.kind == ErrorKind::over_limit);
  CHECK(e.message.find("解压后过大") != std::string::npos);
}

TEST_CASE("import table: a zip bomb whose directory lies is stopped while it inflates") {
  Limits limits;
  limits.max_entry_bytes = 1024 * 1024;
  const ImportError e = error_of(fixture("lying_bomb.xlsx"), limits);
  // The directory says 100 bytes: only counting while inflating catches it.
  CHECK(e.kind == ErrorKind::over_limit);
}

TEST_CASE("import table: a truncated XLSX is unreadable, with a Chinese message") {
  const std::string whole = fixture("hall_list.xlsx");
  for (const std::size_t keep : {std::size_t{4}, std::size_t{100}, whole.size() / 2, whole.size() - 10}) {
    CAPTURE(keep);
    const ImportError e = error_of(whole.substr(0, keep));
    CHECK(e.kind == ErrorKind::unreadable);
    CHECK(e.message.find("Excel") != std::string::npos);
  }
}

TEST_CASE("import table: a zip that is not a workbook, and broken sheet XML") {
  const ImportError other = error_of(fixture("not_a_workbook.zip"));
  CHECK(other.kind == ErrorKind::unreadable);
  CHECK(other.message.find("不是 Excel 工作簿") != std::string::npos);
  const ImportError broken = error_of(fixture("bomb.xlsx"));  // xl/workbook.xml of NUL bytes
  CHECK(broken.kind == ErrorKind::unreadable);
  CHECK(broken.message.find("XML 无法解析") != std::string::npos);
}

TEST_CASE("import table: the sheet with the expected header is chosen") {
  auto r = read_table(fixture("stats.xlsx"), {}, Expect::stats);
  REQUIRE(std::holds_alternative<Table>(r));
  CHECK(std::get<Table>(r).sheet == "2026年10月");
  auto items = read_table(fixture("stats.xlsx"), {}, Expect::items);
  REQUIRE(std::holds_alternative<Table>(items));
  CHECK(std::get<Table>(items).sheet == "事项");
}

TEST_CASE("import table: random bytes and binary files are unreadable, never a crash") {
  std::mt19937 rng(17);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(static_cast<std::size_t>(rng() % 2000 + 1), '\0');
    for (char& c : bytes)
      c = static_cast<char>(rng());
    if (round % 2) bytes.replace(0, 4, "PK\x03\x04");
    auto r = read_table(bytes);
    if (auto* e = std::get_if<ImportError>(&r)) {
      CHECK(e->kind == ErrorKind::unreadable);
      CHECK(!e->message.empty());
    }
  }
  CHECK(error_of(std::string("\xD0\xCF\x11\xE0\0\0\0\0", 8)).kind == ErrorKind::unreadable);
  CHECK(error_of("").kind == ErrorKind::unreadable);
}

TEST_CASE("import table: column names") {
  CHECK(column_name(1) == "A");
  CHECK(column_name(26) == "Z");
  CHECK(column_name(28) == "AB");
}
