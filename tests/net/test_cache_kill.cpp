// The cache under SIGKILL: a writer is killed at random moments while it
// replaces one entry with A and B in turn. After every kill the entry is
// exactly A or exactly B (never a mix, never empty), and its metadata is
// either right for those bytes or ignored.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>

#include <random>

#include "net/cache.h"
#include "net/net_support.h"

namespace hb::test {

TEST_SUITE_BEGIN("cache_kill");

TEST_CASE("cache: killed mid-write 200 times, the entry is always one whole version") {
  TempDir dir;
  // Large enough that a write takes a while, different from the first byte.
  std::string a(256 * 1024, 'a'), b(300 * 1024, 'b');
  a.replace(0, 11, "<version-a>");
  b.replace(0, 11, "<version-b>");
  write_file(dir / "a.xml", a);
  write_file(dir / "b.xml", b);
  const std::string cache_dir = (dir / "cache").string();
  const std::string url = "http://127.0.0.1/feed.xml";
  const net::ContentCache cache(cache_dir, ".xml");
  REQUIRE(cache.store(url, a, {}).ok);

  std::mt19937 random(20261127);
  std::uniform_real_distribution<double> delay(0.001, 0.030);
  int seen_a = 0, seen_b = 0, meta_ignored = 0;
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    Child writer({HALLBOARD_CACHE_WRITER, cache_dir, url, (dir / "a.xml").string(),
                  (dir / "b.xml").string()},
                 true);
    REQUIRE(writer.read_line(10) == "writing");
    // One kill in ten comes right after B was written (A, then B): both
    // versions are seen however slow the machine is, not only where the
    // random delay happens to outlast a write. (Each write is synced, so
    // waiting for one in every round would make the test slow.)
    if (round % 10 == 9) {
      REQUIRE(writer.read_line(10) == "stored");
      REQUIRE(writer.read_line(10) == "stored");
    } else {
      sleep_seconds(delay(random));
    }
    const int status = writer.stop(SIGKILL);
    REQUIRE(WIFSIGNALED(status));  // it was still writing, not failed
    const auto e = cache.read(url);
    REQUIRE(e);
    REQUIRE((e->bytes == a || e->bytes == b));
    (e->bytes == a ? seen_a : seen_b)++;
    if (e->meta)
      CHECK(e->meta->sha256 == net::sha256_hex(e->bytes));
    else
      ++meta_ignored;
  }
  MESSAGE("after 200 kills: A " << seen_a << " times, B " << seen_b << " times, metadata ignored "
                                << meta_ignored << " times");
  // The kills landed at different moments, not all before the first write.
  CHECK(seen_a > 0);
  CHECK(seen_b > 0);
  // Leftover temporaries are swept at the next start.
  cache.sweep();
  int files = 0;
  for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(cache_dir))
    ++files;
  CHECK(files == 2);
}

TEST_SUITE_END();

}  // namespace hb::test
