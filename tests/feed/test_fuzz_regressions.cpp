// Every input the fuzzer ever crashed on, replayed through the same path.
#include <doctest/doctest.h>

#include "files.h"
#include "schedule/checks.h"
#include "support.h"

namespace hb::test {

TEST_CASE("fuzzer findings stay fixed") {
  const auto dir = source_dir() / "tests" / "fuzz-regressions";
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    CAPTURE(entry.path().filename().string());
    const std::string bytes = read_bytes(entry.path());
    model::Diagnostics out;
    feed::Document doc = feed::parse_document(bytes, "fuzz.xml", out);
    if (doc.feed) {
      std::vector<model::Feed> feeds{*doc.feed, *doc.feed};
      const auto content = feed::merge(std::move(feeds), out);
      schedule::check_absence_cover(content, 480, out);
    }
    ++replayed;
    CHECK(true);
  }
  MESSAGE("replayed ", replayed, " fuzzer findings");
}

}  // namespace hb::test
