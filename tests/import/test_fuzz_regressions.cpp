// Every input fuzz_import ever failed on, replayed through the same path.
#include "files.h"
#include "import/items.h"
#include "import/stats.h"
#include "import_support.h"
#include "support.h"

TEST_CASE("import fuzzer findings stay fixed") {
  const auto dir = hb::test::source_dir() / "tests" / "import" / "fuzz-regressions";
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    CAPTURE(entry.path().filename().string());
    const std::string bytes = hb::test::read_bytes(entry.path());
    auto table = hb::import::read_table(bytes);
    if (auto* t = std::get_if<hb::import::Table>(&table)) {
      (void)hb::import::import_items(*t);
      (void)hb::import::import_stats(*t);
    }
    ++replayed;
    CHECK(true);
  }
  MESSAGE("replayed ", replayed, " import fuzzer findings");
}
