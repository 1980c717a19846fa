// Every input fuzz_queue ever failed on, replayed through the same path.
#include <doctest/doctest.h>

#include "../../fuzz/queue_path.h"
#include "files.h"

namespace hb::test {

TEST_CASE("queue fuzzer findings stay fixed") {
  const auto dir = source_dir() / "tests" / "fuzz-regressions" / "queue";
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    CAPTURE(entry.path().filename().string());
    fuzz::queue_path(read_bytes(entry.path()));
    ++replayed;
    CHECK(true);
  }
  MESSAGE("replayed ", replayed, " queue fuzzer findings");
}

}  // namespace hb::test
