#include "import/stats.h"
#include "import_support.h"

using namespace hb::import;
using hb::import::test::fixture;
using hb::import::test::table_of;

TEST_CASE("import stats: totals, the month from the title, a total row skipped") {
  const StatsImport r = import_stats(table_of(
      "2026年10月各窗口办件统计,,,,\n"
      "窗口,办件量,按时办结,评价数,满意数\n"
      "1号窗口,168件,168,152,151\n"
      "2,\"1,168\",\"1,160\",,\n"
      "合计,1336,1328,152,151\n"));
  REQUIRE_FALSE(r.error);
  CHECK(r.year == 2026);
  CHECK(r.month == 10);
  REQUIRE(r.windows.size() == 2);
  CHECK(r.windows[0].row == 3);
  CHECK(r.windows[0].stats.window == "1");
  CHECK(r.windows[0].stats.rated == 152);
  CHECK(r.windows[0].stats.satisfied == 151);
  CHECK(r.windows[1].stats.handled == 1168);
  CHECK_FALSE(r.windows[1].stats.rated);
  CHECK(r.refused.empty());
  const auto stats = r.stats();
  CHECK(stats.windows.size() == 2);
  CHECK(stats.month == 10);
}

TEST_CASE("import stats: the five 好差评 levels") {
  const StatsImport r = import_stats(
      table_of("窗口,受理量,按时办结,非常满意,满意,基本满意,不满意,非常不满意\n4,412,410,330,52,15,3,\n"),
      2026, 11);
  REQUIRE(r.windows.size() == 1);
  const auto& w = r.windows[0].stats;
  REQUIRE(w.ratings);
  CHECK(w.ratings->very_satisfied == 330);
  CHECK(w.ratings->very_dissatisfied == 0);  // left blank
  CHECK(w.rated == 400);
  CHECK(w.satisfied == 397);
  CHECK(r.month == 11);
}

TEST_CASE("import stats: refusals") {
  const StatsImport r = import_stats(table_of(
      "窗口,办件量,按时办结,评价数,满意数\n"
      "1,10,11,,\n"
      "2,十来件,1,,\n"
      "3,10,9,5,\n"
      "4,10,9,5,6\n"
      "1,10,10,,\n"
      ",10,10,,\n"
      "5,,3,,\n"),
      2026, 10);
  CHECK(r.windows.empty());
  REQUIRE(r.refused.size() == 7);
  CHECK(r.refused[0].reasons[0] == "按时办结（11）大于办件量（10）");
  CHECK(r.refused[1].reasons[0] == "办件量“十来件”不是整数");
  CHECK(r.refused[2].reasons[0] == "评价数和满意数要么都填，要么都不填");
  CHECK(r.refused[3].reasons[0] == "满意数（6）大于评价数（5）");
  CHECK(r.refused[4].reasons[0] == "窗口“1”与第2行重复，保留第2行");
  CHECK(r.refused[5].reasons[0] == "缺少窗口");
  CHECK(r.refused[6].reasons[0] == "缺少办件量");
}

TEST_CASE("import stats: no month anywhere is an error of its own") {
  const StatsImport r = import_stats(table_of("窗口,办件量,按时办结\n1,1,1\n"));
  REQUIRE(r.error);
  CHECK(r.error->kind == ErrorKind::no_month);
}

TEST_CASE("import stats: from XLSX, the month in the sheet's name") {
  auto t = read_table(fixture("stats.xlsx"), {}, Expect::stats);
  REQUIRE(std::holds_alternative<Table>(t));
  const StatsImport r = import_stats(std::get<Table>(t));
  REQUIRE_FALSE(r.error);
  CHECK(r.year == 2026);
  CHECK(r.month == 10);
  REQUIRE(r.windows.size() == 1);
  CHECK(r.windows[0].stats.window == "1");
  CHECK(r.windows[0].stats.rated == 152);
  CHECK(r.windows[0].stats.satisfied == 152);
  CHECK(r.refused.empty());
}

TEST_CASE("import stats: from the uploaded bytes") {
  const StatsImport r = import_stats_from_file(fixture("stats.xlsx"));
  REQUIRE_FALSE(r.error);
  CHECK(r.month == 10);
  CHECK(r.windows.size() == 1);
}
