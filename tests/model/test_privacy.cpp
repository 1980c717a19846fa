#include <doctest/doctest.h>

#include "model/privacy.h"

namespace hb::model {

TEST_CASE("natural persons show only the family name") {
  const std::pair<const char*, const char*> rows[] = {
      {"张三丰", "张＊＊"}, {"李娜", "李＊"},     {"欧阳娜娜", "欧阳＊＊"}, {"司马光", "司马＊"},
      {"王", "王"},         {"𠮷祥如", "𠮷＊＊"}, {"欧阳", "欧＊"},         {"", ""},
  };
  for (const auto& [name, masked] : rows) {
    CAPTURE(std::string(name));
    CHECK(mask_person_name(name) == masked);
  }
}

TEST_CASE("a called citizen: the name masked as results mask it, then the form of address") {
  struct Row {
    const char* name;
    const char* title;
    const char* shown;
  };
  const Row rows[] = {
      {"张三", "女士", "张＊女士"},   {"欧阳娜娜", "先生", "欧阳＊＊先生"},
      {"李四", "", "李＊"},           {"", "女士", ""},
      {"王", "先生", "王先生"},       {"张三丰", "", "张＊＊"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.name));
    CHECK(mask_caller(r.name, r.title) == r.shown);
  }
}

TEST_CASE("resident ID numbers are found and masked") {
  CHECK(find_resident_id("身份证 53010219900101123X 办结") == 10);
  CHECK(find_resident_id("530102199001011234") == 0);
  CHECK_FALSE(find_resident_id("5301021990010112345"));  // 19 digits: not an ID
  CHECK_FALSE(find_resident_id("53010219900101123"));    // 17 digits
  CHECK_FALSE(find_resident_id("JS2026112001"));
  CHECK(mask_resident_ids("证号530102199001011234。") == "证号5301**********1234。");
  CHECK(mask_resident_ids("a 53010219900101123X b 530102199001011234") ==
        "a 5301**********123X b 5301**********1234");
  CHECK(mask_resident_ids("电话 0871-63123456") == "电话 0871-63123456");
}

}  // namespace hb::model
