#include <doctest/doctest.h>

#include <chrono>

#include "import/cell_values.h"

using namespace hb::import;
using hb::model::DeadlineUnit;
using hb::model::MaterialForm;

TEST_CASE("import values: numbers in digits and in words") {
  CHECK(read_number("10") == 10);
  CHECK(read_number("１５") == 15);
  CHECK(read_number("三") == 3);
  CHECK(read_number("十") == 10);
  CHECK(read_number("十五") == 15);
  CHECK(read_number("二十") == 20);
  CHECK(read_number("两") == 2);
  CHECK(read_number("一百二十") == 120);
  CHECK_FALSE(read_number("十来"));
  CHECK_FALSE(read_number("3.5"));
  CHECK_FALSE(read_number(""));
  CHECK_FALSE(read_number("1234567890123"));  // more than the feed's 12 digits
}

TEST_CASE("import values: time limits as halls write them") {
  const auto d = [](std::string_view s, std::string_view note = {}) {
    const auto r = read_duration(s, note);
    REQUIRE(r);
    return *r;
  };
  CHECK(d("10个工作日").amount == 10);
  CHECK(d("10个工作日").unit == DeadlineUnit::workday);
  CHECK(d("三个工作日").amount == 3);
  CHECK(d("15个自然日").unit == DeadlineUnit::day);
  CHECK(d("15天").unit == DeadlineUnit::day);
  CHECK(d("20日").unit == DeadlineUnit::workday);  // 行政许可法第八十二条
  CHECK(d("2小时").unit == DeadlineUnit::hour);
  CHECK(d("2小时").amount == 2);
  CHECK(d("即办").immediate);
  CHECK(d("当场办结").immediate);
  CHECK(d("立即办结").immediate);
  CHECK(d("即办件").immediate);
  CHECK(d("自受理之日起10个工作日内").amount == 10);
  CHECK(d("10个工作日（不含公示时间）").amount == 10);
  CHECK(d(" 5 个工作日。").amount == 5);
  CHECK(d("7").unit == DeadlineUnit::workday);  // a bare number: the format's default unit
  CHECK(d("7", "自然日").unit == DeadlineUnit::day);
  CHECK_FALSE(read_duration("十来天"));
  CHECK_FALSE(read_duration("一般3个工作日，复杂10个工作日"));
  CHECK_FALSE(read_duration("1个月"));
  CHECK_FALSE(read_duration("尽快"));
}

TEST_CASE("import values: fees") {
  for (const char* free : {"不收费", "免费", "无", "否", "0", "不收取任何费用"}) {
    CAPTURE(free);
    CHECK(read_fees(free).free);
  }
  const FeeReading by_piece = read_fees("按件收取，每件80元");
  REQUIRE(by_piece.fees.size() == 1);
  CHECK(by_piece.fees[0].amount.fen == 8000);
  CHECK(by_piece.fees[0].per == "件");
  CHECK(by_piece.fees[0].name == "收费");
  CHECK(by_piece.fees[0].basis == "按件收取，每件80元");
  const FeeReading named = read_fees("工本费：10元/本；档案查询费2.5元/页");
  REQUIRE(named.fees.size() == 2);
  CHECK(named.fees[0].name == "工本费");
  CHECK(named.fees[0].per == "本");
  CHECK(named.fees[0].amount.fen == 1000);
  CHECK(named.fees[1].name == "档案查询费");
  CHECK(named.fees[1].amount.fen == 250);
  CHECK(named.fees[1].per == "页");
  const FeeReading each = read_fees("登记费每件550元");
  REQUIRE(each.fees.size() == 1);
  CHECK(each.fees[0].name == "登记费");
  CHECK(each.fees[0].per == "件");
  const FeeReading with_basis = read_fees("依据《不动产登记收费标准》；登记费每件80元");
  REQUIRE(with_basis.fees.size() == 1);
  CHECK(with_basis.fees[0].basis == "依据《不动产登记收费标准》");
  CHECK_FALSE(read_fees("按国家规定收取").readable());
  CHECK_FALSE(read_fees("是").readable());
  CHECK_FALSE(read_fees("每件10.005元").readable());
}

TEST_CASE("import values: materials with their copies, form and whether required") {
  const auto m = read_materials(
      "1、申请表（原件1份）；2、营业执照（复印件2份）;身份证（原件及复印件各1份）\n"
      "规划许可证（电子版）；监理合同（非必要）；委托书（选填）；规划证（系统共享，无需提交）；"
      "户口簿（原件一份）（如有）");
  REQUIRE(m.size() == 8);
  CHECK(m[0].name == "申请表");
  CHECK(m[0].form == MaterialForm::original);
  CHECK(m[0].copies == 1);
  CHECK(m[1].name == "营业执照");
  CHECK(m[1].form == MaterialForm::copy);
  CHECK(m[1].copies == 2);
  CHECK(m[2].form == MaterialForm::both);
  CHECK(m[3].form == MaterialForm::electronic);
  CHECK_FALSE(m[4].required);
  CHECK(m[4].name == "监理合同");
  CHECK_FALSE(m[5].required);
  CHECK(m[6].name == "规划证（系统共享，无需提交）");  // a remark stays in the name
  CHECK(m[6].form == MaterialForm::unspecified);
  CHECK(m[7].name == "户口簿");
  CHECK(m[7].form == MaterialForm::original);
  CHECK_FALSE(m[7].required);
}

TEST_CASE("import values: steps split at arrows, with their limits") {
  const auto s = read_steps("受理→审查（2个工作日）->决定：作出许可决定—>送达", DeadlineUnit::workday);
  REQUIRE(s.size() == 4);
  CHECK(s[0].name == "受理");
  CHECK_FALSE(s[0].limit);
  CHECK(s[1].name == "审查");
  CHECK(s[1].limit == 2);
  CHECK(s[1].unit == DeadlineUnit::workday);
  CHECK(s[2].name == "决定");
  CHECK(s[2].description == "作出许可决定");
  CHECK(s[3].name == "送达");
  const auto lines = read_steps("1.受理\n2.审查（3天）", DeadlineUnit::workday);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].name == "受理");
  CHECK(lines[1].unit == DeadlineUnit::day);
}

TEST_CASE("import values: windows") {
  CHECK(read_window("3号窗口") == "3");
  CHECK(read_window("12号") == "12");
  CHECK(read_window("综合受理窗口") == "综合受理窗口");
  CHECK(read_window(" 4 ") == "4");
}

TEST_CASE("import values: a long cell full of numbers is read in linear time") {
  std::string cell;
  for (int i = 0; i < 10000; ++i)
    cell += "1a";
  const auto start = std::chrono::steady_clock::now();
  (void)read_duration(cell);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

