#include "import/items.h"
#include "import_support.h"

using namespace hb::import;
using hb::import::test::fixture;
using hb::import::test::table_of;
using hb::model::DeadlineUnit;

namespace {

const RowRefusal* refusal_of(const ItemImport& r, int row) {
  for (const auto& f : r.refused)
    if (f.row == row) return &f;
  return nullptr;
}

bool has_reason(const RowRefusal* f, std::string_view text) {
  if (!f) return false;
  for (const auto& reason : f->reasons)
    if (reason.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("import items: the header row below a title, synonyms, 序号 ignored") {
  const ItemImport r = import_items(table_of(
      "事项清单,,,\n"
      ",,,\n"
      "序号,事项代码,名称,承诺办结时限,法定办结时限,办理部门,分类,窗口,办理依据,是否收费,所需材料,办理步骤,在线办理,结果名称,事项类型\n"
      "1,A-1,建筑许可,三个工作日,7个工作日,建管处,建设工程,2号窗口,《建筑法》,免费,申请表（原件1份）,受理→决定,https://x.gov.cn/a,许可证,行政许可\n"));
  REQUIRE_FALSE(r.error);
  REQUIRE(r.items.size() == 1);
  CHECK(r.refused.empty());
  const auto& it = r.items[0];
  CHECK(it.row == 4);
  CHECK(it.item.id == "A-1");
  CHECK(it.item.name == "建筑许可");
  CHECK(it.item.deadline.promised == 3);
  CHECK(it.item.deadline.statutory == 7);
  CHECK(it.item.deadline.unit == DeadlineUnit::workday);
  CHECK(it.item.department == "建管处");
  CHECK(it.item.category == "建设工程");
  CHECK(it.item.window == "2");
  CHECK(it.item.basis == "《建筑法》");
  REQUIRE(it.item.fees);
  CHECK(it.item.fees->free);
  REQUIRE(it.item.materials.size() == 1);
  CHECK(it.item.procedure.size() == 2);
  CHECK(it.item.online_url == "https://x.gov.cn/a");
  CHECK(it.item.result == "许可证");
  CHECK(it.item.kind == "行政许可");
}

TEST_CASE("import items: 即办 with and without a statutory limit") {
  const ItemImport r = import_items(table_of(
      "事项编码,事项名称,承诺时限,法定时限\n"
      "A,甲,即办,20个工作日\n"
      "B,乙,当场办结,\n"
      "C,丙,,15天\n"
      "D,丁,2小时,\n"));
  REQUIRE(r.items.size() == 4);
  CHECK(r.items[0].item.deadline.promised == 0);
  CHECK(r.items[0].item.deadline.statutory == 20);
  CHECK(r.items[0].item.deadline.unit == DeadlineUnit::workday);
  CHECK(r.items[1].item.deadline.unit == DeadlineUnit::immediate);
  CHECK_FALSE(r.items[1].item.deadline.promised);
  CHECK(r.items[2].item.deadline.statutory == 15);
  CHECK(r.items[2].item.deadline.unit == DeadlineUnit::day);
  CHECK(r.items[3].item.deadline.unit == DeadlineUnit::hour);
}

TEST_CASE("import items: refusals name the column, in Chinese") {
  const ItemImport r = import_items(table_of(
      "事项编码,事项名称,承诺时限,法定时限,网上办理地址\n"
      "A,甲,3个工作日,,\n"
      ",没有编码,3个工作日,,\n"
      "B,,3个工作日,,\n"
      "A,重复,3个工作日,,\n"
      "C,看不懂,十来天,,\n"
      "D,太长,10个工作日,5个工作日,\n"
      "E,没有时限,,,\n"
      "F,网址,3个工作日,,www.example.gov.cn\n"
      "G,网址无,3个工作日,,暂无\n"
      ",,,,\n"));
  CHECK(r.items.size() == 3);  // A (row 2), E (no limits: the console decides) and G
  CHECK_FALSE(r.items[1].has_promised);
  CHECK_FALSE(r.items[1].has_statutory);
  CHECK(r.items[2].item.online_url.empty());
  CHECK(has_reason(refusal_of(r, 3), "缺少事项编码"));
  CHECK(has_reason(refusal_of(r, 4), "缺少事项名称"));
  CHECK(has_reason(refusal_of(r, 5), "事项编码“A”与第2行重复"));
  CHECK(has_reason(refusal_of(r, 6), "承诺时限“十来天”无法识别，应写成“10个工作日”或“即办”"));
  CHECK(has_reason(refusal_of(r, 7), "承诺时限“10个工作日”长于法定时限“5个工作日”"));
  CHECK(has_reason(refusal_of(r, 9), "网上办理地址“www.example.gov.cn”不是完整的网址"));
  CHECK(r.refused.size() == 6);  // the blank row 11 is skipped silently
}

TEST_CASE("import items: every reason of a row is given") {
  const ItemImport r = import_items(table_of("事项编码,事项名称,承诺时限\n,,十来天\n"));
  REQUIRE(r.refused.size() == 1);
  CHECK(r.refused[0].reasons.size() == 3);
}

TEST_CASE("import items: a fee without an amount is a note, not a refusal") {
  const ItemImport r = import_items(table_of(
      "事项编码,事项名称,承诺时限,收费标准\nA,甲,3个工作日,按国家规定收取\n"
      "B,乙,3个工作日,\"按件收取，每件80元\"\n"));
  REQUIRE(r.items.size() == 2);
  CHECK_FALSE(r.items[0].item.fees);
  REQUIRE(r.items[0].notes.size() == 1);
  CHECK(r.items[0].notes[0].find("收费标准“按国家规定收取”中没有找到金额") != std::string::npos);
  REQUIRE(r.items[1].item.fees);
  CHECK(r.items[1].item.fees->fees[0].amount.fen == 8000);
}

TEST_CASE("import items: units that differ keep the promise, with a note") {
  const ItemImport r =
      import_items(table_of("事项编码,事项名称,承诺时限,法定时限\nA,甲,5个工作日,30天\n"));
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].item.deadline.promised == 5);
  CHECK_FALSE(r.items[0].item.deadline.statutory);
  CHECK(r.items[0].notes.size() == 1);
}

TEST_CASE("import items: a unit in the header's bracket applies to bare numbers") {
  const ItemImport r =
      import_items(table_of("事项编码,事项名称,承诺时限（自然日）\nA,甲,5\n"));
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].item.deadline.unit == DeadlineUnit::day);
}

TEST_CASE("import items: a table without the header is refused as a whole") {
  const ItemImport r = import_items(table_of("名称,时限\n甲,3天\n"));
  REQUIRE(r.error);
  CHECK(r.error->kind == ErrorKind::no_header);
  CHECK(r.items.empty());
}

TEST_CASE("import items: the hall's XLSX") {
  auto t = read_table(fixture("hall_list.xlsx"));
  REQUIRE(std::holds_alternative<Table>(t));
  const ItemImport r = import_items(std::get<Table>(t));
  REQUIRE_FALSE(r.error);
  CHECK(r.refused.empty());
  REQUIRE(r.items.size() == 5);
  CHECK(r.items[0].row == 4);
  CHECK(r.items[0].item.name == "建筑工程施工许可证核发");
  CHECK(r.items[0].item.deadline.statutory == 7);
  CHECK(r.items[0].item.procedure[1].limit == 2);
  CHECK(r.items[1].item.category == "建设工程");
  CHECK(r.items[1].item.deadline.unit == DeadlineUnit::immediate);
  CHECK(r.items[2].item.fees->fees[0].per == "件");
  CHECK(r.items[2].item.materials[0].form == hb::model::MaterialForm::both);
  CHECK(r.items[3].item.id == "JS-0004");
  CHECK(r.items[4].row == 9);
  CHECK(r.items[4].item.id == "12345");
  CHECK(r.items[4].item.deadline.promised == 1);
}

TEST_CASE("import items: a header over two rows, merged cells filled into both") {
  const ItemImport r = import_items(table_of(
      "序号,事项编码,事项名称,办理时限,办理时限\n"
      "序号,事项编码,事项名称,承诺时限,法定时限\n"
      "1,A,甲,3个工作日,5个工作日\n"));
  REQUIRE_FALSE(r.error);
  REQUIRE(r.items.size() == 1);
  CHECK(r.items[0].row == 3);
  CHECK(r.items[0].item.deadline.promised == 3);
  CHECK(r.items[0].item.deadline.statutory == 5);
}

TEST_CASE("import items: 是否收费 beside 收费标准, the readable one wins") {
  const ItemImport r = import_items(table_of(
      "事项编码,事项名称,承诺时限,是否收费,收费标准\n"
      "A,甲,3个工作日,是,\"按件收取，每件80元\"\n"
      "B,乙,3个工作日,否,\n"));
  REQUIRE(r.items.size() == 2);
  REQUIRE(r.items[0].item.fees);
  CHECK(r.items[0].item.fees->fees[0].amount.fen == 8000);
  CHECK(r.items[0].notes.empty());
  CHECK(r.items[1].item.fees->free);
}

TEST_CASE("import items: from the uploaded bytes, errors included") {
  const ItemImport ok = import_items_from_file(fixture("hall_list.xlsx"));
  CHECK_FALSE(ok.error);
  CHECK(ok.items.size() == 5);
  Limits small;
  small.max_upload_bytes = 100;
  const ItemImport big = import_items_from_file(fixture("hall_list.xlsx"), small);
  REQUIRE(big.error);
  CHECK(big.error->kind == ErrorKind::too_large);
  const ItemImport junk = import_items_from_file(std::string("\x89PNG\r\n\x1A\n\0\0", 10));
  REQUIRE(junk.error);
  CHECK(junk.error->kind == ErrorKind::unreadable);
}
