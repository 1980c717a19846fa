// Every input fuzz_cap ever failed on, replayed through the same path.
#include <doctest/doctest.h>

#include "../../fuzz/cap_path.h"
#include "files.h"

namespace hb::test::cap_fuzz_tests {

TEST_CASE("cap fuzzer findings stay fixed") {
  const auto dir = source_dir() / "tests" / "fuzz-regressions" / "cap";
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    CAPTURE(entry.path().filename().string());
    fuzz::cap_path(read_bytes(entry.path()));
    ++replayed;
    CHECK(true);
  }
  MESSAGE("replayed ", replayed, " cap fuzzer findings");
}

}  // namespace hb::test::cap_fuzz_tests
