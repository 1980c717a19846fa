// The item form: what it shows for an item reads back as the same item
// (every demo item), and what cannot be read is refused beside its field.
#include <doctest/doctest.h>

#include "console/item_form.h"
#include "console/item_import.h"
#include "demo_content.h"

namespace hb::console {

TEST_CASE("item form: every demo item survives a round trip through the form") {
  const model::Content demo = test::demo_content();
  REQUIRE(demo.items.size() > 10);
  for (const model::Item& item : demo.items) {
    CAPTURE(item.id);
    const auto back = item_from_form(item_form_values(item), item);
    REQUIRE(back.ok());
    CHECK(item_element(*back) == item_element(item));
  }
}

TEST_CASE("item form: what the form writes reads back, field by field, for every demo item") {
  // Read into an empty item: nothing is kept from the stored one.
  for (const model::Item& item : test::demo_content().items) {
    CAPTURE(item.id);
    const auto back = item_from_form(item_form_values(item), model::Item{});
    REQUIRE(back.ok());
    CHECK(back->deadline.unit == item.deadline.unit);
    CHECK(back->deadline.promised == item.deadline.promised);
    CHECK(back->deadline.statutory == item.deadline.statutory);
    REQUIRE(back->materials.size() == item.materials.size());
    for (std::size_t i = 0; i < item.materials.size(); ++i) {
      CHECK(back->materials[i].name == item.materials[i].name);
      CHECK(back->materials[i].copies == item.materials[i].copies);
      CHECK(back->materials[i].form == item.materials[i].form);
      CHECK(back->materials[i].required == item.materials[i].required);
    }
    REQUIRE(back->procedure.size() == item.procedure.size());
    for (std::size_t i = 0; i < item.procedure.size(); ++i) {
      CHECK(back->procedure[i].name == item.procedure[i].name);
      CHECK(back->procedure[i].limit == item.procedure[i].limit);
    }
    CHECK(back->fees.has_value() == item.fees.has_value());
    if (item.fees && back->fees) {
      CHECK(back->fees->free == item.fees->free);
      REQUIRE(back->fees->fees.size() == item.fees->fees.size());
      for (std::size_t i = 0; i < item.fees->fees.size(); ++i) {
        CHECK(back->fees->fees[i].amount.fen == item.fees->fees[i].amount.fen);
      }
    }
    CHECK(back->online_url == item.online_url);
    CHECK(back->window == item.window);
  }
}

TEST_CASE("item form: unreadable fields are refused beside the field") {
  model::Item old;
  FormValues form{{"id", "X-1"}, {"name", "名称"}, {"promised", "十来天"}, {"statutory", "20个工作日"},
                  {"fees", "看情况"}, {"online_url", "www.example.gov.cn"}};
  const auto refused = item_from_form(form, old);
  REQUIRE_FALSE(refused.ok());
  std::vector<std::string> fields;
  for (const auto& p : refused.error()) fields.push_back(p.field);
  CHECK(fields == std::vector<std::string>{"promised", "fees", "online_url"});
  form = {{"id", ""}, {"name", ""}};
  const auto empty = item_from_form(form, old);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().front().field == "id");
}

TEST_CASE("item form: 即办 within a statutory limit, steps and materials as written") {
  const FormValues form{{"id", "Y-1"},
                        {"name", "名称"},
                        {"promised", "即办"},
                        {"statutory", "5个工作日"},
                        {"fees", "不收费"},
                        {"materials", "身份证（原件1份）\n营业执照（复印件2份）（非必要）"},
                        {"procedure", "受理 → 审查（2个工作日） → 决定"}};
  const auto item = item_from_form(form, {});
  REQUIRE(item.ok());
  CHECK(item->deadline.promised == 0);
  CHECK(item->deadline.statutory == 5);
  REQUIRE(item->materials.size() == 2);
  CHECK(item->materials[1].copies == 2);
  CHECK_FALSE(item->materials[1].required);
  REQUIRE(item->procedure.size() == 3);
  CHECK(item->procedure[1].limit == 2);
  CHECK(item->fees->free);
  CHECK(item_form_values(*item).at("promised") == "即办");
}

}  // namespace hb::console
