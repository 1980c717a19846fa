// A realistic hall list of 2,000 items, as XLSX and as a GBK CSV
// (tests/import/make_fixtures.py). Measured on the 2-core build machine
// under other builds' load, RelWithDebInfo (-O2), read_table + import_items:
// the XLSX (1.8 MB of XML unpacked) in about 40 ms (16 ms the table, 22 ms the
// items), the CSV (650 KB) in about 33 ms (10 + 23); the first import in a
// process takes longer (the XLSX 110-200 ms, the CSV 50-70 ms: page faults,
// iconv's tables). Time is shown (MESSAGE), never asserted.
#include <chrono>

#include "import/items.h"
#include "import_support.h"

using namespace hb::import;
using hb::import::test::fixture;

namespace {

void import_all(const std::string& file) {
  const std::string bytes = fixture(file);
  const auto start = std::chrono::steady_clock::now();
  auto table = read_table(bytes);
  REQUIRE(std::holds_alternative<Table>(table));
  const ItemImport r = import_items(std::get<Table>(table));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  MESSAGE(file << ": " << r.items.size() << " items in " << ms << " ms");
  REQUIRE_FALSE(r.error);
  CHECK(r.refused.empty());
  REQUIRE(r.items.size() == 2000);
  CHECK(r.items.front().row == 3);
  CHECK(r.items.front().item.id == "KM-00001");
  CHECK(r.items.back().item.id == "KM-02000");
  CHECK(r.items.back().row == 2002);
}

}  // namespace

TEST_CASE("import: 2000 items from XLSX") {
  import_all("items_2000.xlsx");
}

TEST_CASE("import: 2000 items from a GBK CSV") {
  import_all("items_2000_gbk.csv");
}

TEST_CASE("import: the XLSX and the CSV give the same items") {
  auto x = read_table(fixture("items_2000.xlsx"));
  auto c = read_table(fixture("items_2000_gbk.csv"));
  REQUIRE(std::holds_alternative<Table>(x));
  REQUIRE(std::holds_alternative<Table>(c));
  const ItemImport a = import_items(std::get<Table>(x)), b = import_items(std::get<Table>(c));
  REQUIRE(a.items.size() == b.items.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    CAPTURE(i);
    CHECK(a.items[i].item.name == b.items[i].item.name);
    CHECK(a.items[i].item.materials.size() == b.items[i].item.materials.size());
    CHECK(a.items[i].item.deadline.promised == b.items[i].item.deadline.promised);
  }
}
