// The slide types' names: one table, read both ways, with the feed's words
// of feed-format-v1 and plan's Chinese names of cli.md.
#include <doctest/doctest.h>

#include "model/slide_type.h"

namespace hb::test {

TEST_CASE("every slide type has its feed word and plan name, and the word reads back") {
  struct Row {
    model::SlideType type;
    const char* word;
    const char* chinese;
  };
  const Row rows[] = {
      {model::SlideType::items, "items", "事项列表"},
      {model::SlideType::item, "item", "事项详情"},
      {model::SlideType::roster, "roster", "窗口值班"},
      {model::SlideType::pledges, "pledges", "党员承诺"},
      {model::SlideType::commitments, "commitments", "服务承诺"},
      {model::SlideType::results, "results", "办理结果"},
      {model::SlideType::stats, "stats", "月度统计"},
      {model::SlideType::notices, "notices", "通知公告"},
      {model::SlideType::windows, "windows", "窗口状态"},
      {model::SlideType::poster, "poster", "宣传海报"},
  };
  CHECK(std::size(rows) == model::kSlideTypeNames.size());
  for (const auto& row : rows) {
    CAPTURE(row.word);
    CHECK(model::slide_type_word(row.type) == row.word);
    CHECK(model::slide_type_names(row.type).chinese == row.chinese);
    CHECK(model::slide_type_of(row.word) == row.type);
  }
}

TEST_CASE("a word that is no slide type names none") {
  for (const char* word : {"", "Items", "item ", "urgent", "waiting", "dark", "roste"}) {
    CAPTURE(word);
    CHECK_FALSE(model::slide_type_of(word).has_value());
  }
}

}  // namespace hb::test
