// What the column at the right of an item's pages holds, decided from the
// heights of its parts alone.
#include <doctest/doctest.h>

#include "layout/slide_item.h"

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
