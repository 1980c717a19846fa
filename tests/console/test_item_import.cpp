// Planning an item import against the drafts: new, changed, unchanged by
// 事项编码; empty cells keep the drafts' values; unknown windows refused.
#include <doctest/doctest.h>

#include "console/item_import.h"

namespace hb::console {

namespace {

model::Content roster_with_windows(std::initializer_list<const char*> ids) {
  model::Content c;
  for (const char* id : ids) {
    model::Window w;
    w.id = id;
    c.roster.windows.push_back(w);
  }
  return c;
}

store::Record record_of(const model::Item& item) {
  store::Record r;
  r.kind = "item";
  r.key = item.id;
  r.body = item_element(item);
  r.position = 7;
  return r;
}

model::Item item(const char* id, const char* name) {
  model::Item i;
  i.id = id;
  i.name = name;
  i.deadline.unit = model::DeadlineUnit::workday;
  i.deadline.promised = 3;
  i.deadline.statutory = 20;
  return i;
}

const char* kHeader = "事项编码,事项名称,承诺时限,法定时限,受理窗口,申请材料\r\n";

}  // namespace

TEST_CASE("item import: new, changed, unchanged and refused, matched by code") {
  model::Item kept = item("A-1", "建筑工程施工许可");
  kept.window = "1";
  model::Material m;
  m.name = "申请表";
  kept.materials.push_back(m);
  model::Item renamed = item("A-2", "旧名称");
  const std::vector<store::Record> drafts = {record_of(kept), record_of(renamed)};
  const std::string csv = std::string(kHeader) +
                          "A-1,建筑工程施工许可,3个工作日,20个工作日,1,\r\n"  // materials empty: kept
                          "A-2,新名称,3个工作日,20个工作日,,\r\n"           // changed
                          "A-3,新事项,即办,5个工作日,2,身份证（原件1份）\r\n"  // new
                          "A-4,窗口不存在,3个工作日,20个工作日,99,\r\n";      // refused
  const auto plan = plan_item_import(csv, drafts, roster_with_windows({"1", "2"}));
  REQUIRE_FALSE(plan.error);
  CHECK(plan.unchanged == 1);
  CHECK(plan.changed == 1);
  CHECK(plan.added == 1);
  REQUIRE(plan.refused.size() == 1);
  CHECK(plan.refused[0].row == 5);
  CHECK(plan.refused[0].reasons[0].find("99") != std::string::npos);
  REQUIRE(plan.to_write.size() == 2);
  CHECK(plan.to_write[0].key == "A-2");
  CHECK(plan.to_write[0].position == 7);  // a changed item keeps its place
  const auto written = item_of_record(plan.to_write[1]);
  REQUIRE(written);
  CHECK(written->name == "新事项");
  CHECK(written->deadline.promised == 0);  // 即办 within a statutory limit
  CHECK(written->deadline.statutory == 5);
}

TEST_CASE("item import: what the file cannot give is an error, not a crash") {
  for (const std::string& bytes : {std::string(), std::string("PK\x03\x04garbage", 12),
                                  std::string("no header here\r\n1,2,3\r\n")}) {
    const auto plan = plan_item_import(bytes, {}, {});
    CHECK(plan.error.has_value());
    CHECK(plan.to_write.empty());
  }
}

TEST_CASE("an item record reads back as the item it was written from") {
  model::Item i = item("B-1", "名称<script>");
  i.online_url = "https://zwfw.example.gov.cn/b1";
  const auto back = item_of_record(record_of(i));
  REQUIRE(back);
  CHECK(back->name == "名称<script>");
  CHECK(back->online_url == i.online_url);
  CHECK(item_element(*back) == item_element(i));
}

}  // namespace hb::console

namespace hb::console {

TEST_CASE("item import: limits the sheet leaves out are kept from the drafts") {
  model::Item stored = item("C-1", "名称");  // promised 3, statutory 20 working days
  const std::vector<store::Record> drafts = {record_of(stored)};
  struct Case {
    const char* cells;  // 承诺时限,法定时限
    std::optional<long long> promised, statutory;
    model::DeadlineUnit unit;
  };
  using U = model::DeadlineUnit;
  const Case cases[] = {
      {",", 3, 20, U::workday},                      // neither: both kept
      {"2个工作日,", 2, 20, U::workday},             // promised only: statutory kept
      {",30个工作日", 3, 30, U::workday},            // statutory only: promised kept
      {"即办,", 0, 20, U::workday},                  // 即办 within the stored limit
      {"5个自然日,", 5, std::nullopt, U::day},       // another unit: not mixed
  };
  for (const Case& c : cases) {
    CAPTURE(c.cells);
    const std::string csv = std::string("事项编码,事项名称,承诺时限,法定时限\r\nC-1,名称,") + c.cells + "\r\n";
    const auto plan = plan_item_import(csv, drafts, {});
    REQUIRE(plan.refused.empty());
    const auto& written = plan.to_write.empty() ? drafts[0] : plan.to_write[0];
    const auto back = item_of_record(written);
    REQUIRE(back);
    CHECK(back->deadline.promised == c.promised);
    CHECK(back->deadline.statutory == c.statutory);
    CHECK(back->deadline.unit == c.unit);
  }
  // A new item without any limit is refused, saying so.
  const auto plan = plan_item_import("事项编码,事项名称,承诺时限,法定时限\r\nC-2,新,,\r\n", drafts, {});
  REQUIRE(plan.refused.size() == 1);
  CHECK(plan.refused[0].reasons[0].find("缺少办理时限") != std::string::npos);
}

}  // namespace hb::console
