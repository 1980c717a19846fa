// 大厅信息 as a form: an element reads back the same (unknown attributes
// included); rows are added, removed and kept in order; bad values are
// refused on their row's field.
#include <doctest/doctest.h>

#include "console/hall_form.h"
#include "form_test_support.h"

namespace hb::console {

using test_forms::body;
using test_forms::fields;

namespace {

const char* const kHall =
    R"(<hall name="昆明市住建局" subtitle="一站式" logo="assets/logo.png" x-new="kept">)"
    R"(<phone kind="consult">0871-63123456</phone><phone kind="complaint" x-ext="9">12345</phone>)"
    R"(<commitment title="限时办结">一般事项当天办结。</commitment><commitment>首问负责</commitment>)"
    R"(<link kind="feedback" url="https://zwfw.example.gov.cn/pj">扫码评价</link>)"
    R"(<link kind="online" url="https://zwfw.example.gov.cn/km"/></hall>)";

}  // namespace

TEST_CASE("hall form: element → form values → element is the same element") {
  for (const char* xml : {kHall, R"(<hall name="大厅"/>)",
                          R"(<hall name="&lt;b&gt;&amp;" subtitle="a&quot;b"><phone kind="supervise">1</phone></hall>)"}) {
    CAPTURE(xml);
    const auto back = hall_from_form(body(xml), hall_form_values(body(xml)));
    REQUIRE(back.ok());
    CHECK(*back == body(xml));
  }
}

TEST_CASE("hall form: the values name each row's fields") {
  const auto v = hall_form_values(body(kHall));
  CHECK(v.at("name") == "昆明市住建局");
  CHECK(v.at("phone_kind_2") == "complaint");
  CHECK(v.at("phone_number_2") == "12345");
  CHECK(v.at("commitment_title_1") == "限时办结");
  CHECK(v.at("commitment_text_2") == "首问负责");
  CHECK(v.at("link_url_1") == "https://zwfw.example.gov.cn/pj");
  CHECK(v.at("link_text_2").empty());
  CHECK(row_count(v, "phone") == 2);
}

TEST_CASE("hall form: an emptied row goes, a new row comes last, the others keep their attributes") {
  auto v = hall_form_values(body(kHall));
  v["phone_number_1"] = "";  // emptied: removed
  v["phone_src_3"] = "";     // a spare row, filled in
  v["phone_kind_3"] = "supervise";
  v["phone_number_3"] = " 0871-63123000 ";
  v["phone_src_4"] = "";  // a spare row left empty
  v["phone_kind_4"] = "consult";
  const auto back = hall_from_form(body(kHall), v);
  REQUIRE(back.ok());
  const std::string phones = R"(<phone kind="complaint" x-ext="9">12345</phone><phone kind="supervise">0871-63123000</phone>)";
  CHECK(back->find(phones) != std::string::npos);
  CHECK(back->find("0871-63123456") == std::string::npos);
  CHECK(back->find(R"(x-new="kept")") != std::string::npos);
}

TEST_CASE("hall form: a new hall from an empty form") {
  const FormValues v{{"name", "大厅"}, {"subtitle", ""}, {"logo", ""},
                     {"commitment_src_1", ""}, {"commitment_title_1", "首问负责"}, {"commitment_text_1", "一次\n说清"}};
  const auto back = hall_from_form("", v);
  REQUIRE(back.ok());
  CHECK(*back == body(R"(<hall name="大厅"><commitment title="首问负责">一次说清</commitment></hall>)"));
}

struct BadHall {
  const char* field;
  const char* value;
  const char* problem_field;
};

TEST_CASE("hall form: a bad value is a problem on its own field") {
  const BadHall cases[] = {
      {"name", "  ", "name"},
      {"phone_number_2", "无", "phone_number_2"},
      {"phone_kind_1", "fax", "phone_kind_1"},
      {"commitment_text_1", "", "commitment_text_1"},  // a title without text
      {"link_url_2", "zwfw.example.gov.cn", "link_url_2"},
      {"link_kind_1", "", "link_kind_1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.field);
    auto v = hall_form_values(body(kHall));
    v[c.field] = c.value;
    const auto refused = hall_from_form(body(kHall), v);
    REQUIRE_FALSE(refused.ok());
    CHECK(fields(refused.error()) == std::vector<std::string>{c.problem_field});
    CHECK_FALSE(refused.error()[0].message.empty());
  }
}

}  // namespace hb::console
