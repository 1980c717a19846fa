// What the column at the right of an item's pages holds, decided from the
// heights of its parts alone; what an item's deadlines read as on its page.
#include <doctest/doctest.h>

#include "every_page.h"
#include "demo_content.h"
#include "fake_measure.h"
#include "layout/pages.h"
#include "layout/slide_item.h"
#include "schedule_support.h"

namespace hb::layout {

TEST_CASE("an item's side column: its height adds the parts it holds") {
  const ItemSideParts parts{100, 40, 30, 20};  // deadlines, fee, caption, gap
  struct Row {
    ItemSideContent content;
    int qr, height;
  };
  const Row rows[] = {
      {{false, false, false}, 0, 40},                        // padding only
      {{true, false, false}, 0, 20 + 100 + 20},              // deadlines
      {{true, true, false}, 0, 20 + 100 + 40 + 20},          // and the fee
      {{false, false, true}, 200, 20 + 200 + 10 + 30 + 20},  // a code: no gap above it
      {{true, true, true}, 200, 20 + 140 + 20 + 200 + 10 + 30 + 20},
  };
  for (const auto& row : rows) {
    CAPTURE(row.height);
    CHECK(item_side_height(row.content, parts, row.qr) == row.height);
  }
}

TEST_CASE("an item's side column gives up the fee, then the deadlines, then the code") {
  const ItemSideParts parts{100, 40, 30, 20};
  // With a 200 px code: all 440 px, without the fee 400, the code alone 280.
  struct Row {
    const char* what;
    std::optional<int> qr;
    bool fee_list;
    int room;
    ItemSideContent expected;
  };
  const Row rows[] = {
      {"all fits", 200, false, 440, {true, true, true}},
      {"a list of fees is never a line here", 200, true, 440, {true, false, true}},
      {"the fee goes first", 200, false, 439, {true, false, true}},
      {"then the deadlines", 200, false, 399, {false, false, true}},
      {"then the code: deadlines and fee", 200, false, 279, {true, true, false}},
      {"deadlines alone", 200, false, 179, {true, false, false}},
      {"nothing fits", 200, false, 139, {false, false, false}},
      {"no code: deadlines and fee", std::nullopt, false, 440, {true, true, false}},
      {"no code, no room", std::nullopt, false, 100, {false, false, false}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    CHECK(item_side_content(parts, row.qr, row.fee_list, row.room) == row.expected);
  }
}

TEST_CASE("a side column with only the fee is not shown") {
  CHECK_FALSE(ItemSideContent{false, true, false}.shown());
  CHECK(ItemSideContent{false, false, true}.shown());
  CHECK(ItemSideContent{true, false, false}.shown());
}

}  // namespace hb::layout

// The item page and the items table as text, for 即办 within a statutory
// limit (promised="0").
namespace hb::test {
namespace {

std::vector<layout::Page> slide_pages(const model::Content& c, model::SlideType type,
                                      const std::string& item) {
  static const FakeMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  model::Slide s;
  s.type = type;
  return layout.slide(layout::moment_for(c, kZone, at("2026-11-27T10:00")), s, item);
}

}  // namespace

TEST_CASE("an item promised 即办 within a statutory limit reads 即办 and 提速 100%") {
  model::Content c = demo_content();
  REQUIRE(!c.items.empty());
  model::Item& item = c.items.front();
  item.deadline = {model::DeadlineUnit::workday, 0, 20, {}};
  item.procedure.clear();  // its steps' limits belong to the old promise
  const std::string page = pages_text(slide_pages(c, model::SlideType::item, item.id));
  INFO(page);
  CHECK(page.find("承诺时限：即办") != std::string::npos);
  CHECK(page.find("法定时限：20个工作日") != std::string::npos);
  CHECK(page.find("提速 100%") != std::string::npos);
  CHECK(page.find("承诺时限：0") == std::string::npos);
  CHECK(page.find("当天办结") == std::string::npos);

  const std::string table = pages_text(slide_pages(c, model::SlideType::items, ""));
  INFO(table);
  CHECK(table.find(item.name) != std::string::npos);
  CHECK(table.find("即办") != std::string::npos);
}

}  // namespace hb::test
