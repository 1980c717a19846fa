// The one LRU cache: bounded by cost, least recently used out first, and
// an entry dearer than the whole bound kept for now or refused, as the
// caller chose.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <string_view>

#include "base/lru_cache.h"

namespace hb::base {
namespace {

TEST_CASE("the LRU cache keeps within its cost, evicting the least recently used") {
  LruCache<std::string, int> cache(10);
  cache.insert("a", 1, 4);
  cache.insert("b", 2, 4);
  REQUIRE(cache.find("a"));  // a is now the most recent
  cache.insert("c", 3, 4);   // 12 > 10: b goes
  CHECK(cache.find("b") == nullptr);
  CHECK(*cache.find("a") == 1);
  CHECK(*cache.find("c") == 3);
  CHECK(cache.stats().cost == 8);
  CHECK(cache.stats().evictions == 1);
  cache.insert("a", 10, 2);  // replacing an entry updates its cost
  CHECK(*cache.find("a") == 10);
  CHECK(cache.stats().cost == 6);
  cache.insert("huge", 0, 50);  // larger than the bound: kept alone, for now
  CHECK(cache.stats().entries == 1);
  CHECK(cache.find("huge"));
  cache.clear();
  CHECK(cache.stats().entries == 0);
  CHECK(cache.stats().cost == 0);
}

TEST_CASE("an entry dearer than the bound: kept until the next insert, or refused") {
  struct Row {
    Oversize rule;
    bool kept;  // the huge entry, right after its insert
    std::size_t entries_after;
  };
  for (const auto row :
       {Row{Oversize::keep_until_next_insert, true, 1}, Row{Oversize::refuse, false, 2}}) {
    CAPTURE(static_cast<int>(row.rule));
    LruCache<std::string, int> cache(10, row.rule);
    cache.insert("a", 1, 4);
    cache.insert("b", 2, 4);
    const int* huge = cache.insert("huge", 7, 11);
    CHECK((huge != nullptr) == row.kept);
    if (huge) CHECK(*huge == 7);
    CHECK(cache.stats().entries == row.entries_after);
    CHECK(cache.stats().evictions == (row.kept ? 2u : 0u));
    // The next insert makes room as usual: a kept huge entry goes first.
    REQUIRE(cache.insert("c", 3, 4));
    CHECK(cache.find("huge") == nullptr);
    CHECK(cache.stats().cost <= 10);
  }
  // Refused, an entry already under that key stays as it was.
  LruCache<std::string, int> memo(10, Oversize::refuse);
  memo.insert("a", 1, 4);
  CHECK(memo.insert("a", 2, 11) == nullptr);
  REQUIRE(memo.find("a"));
  CHECK(*memo.find("a") == 1);
  CHECK(memo.stats().cost == 4);
  LruCache<std::string, int> none(0, Oversize::refuse);  // keeps nothing
  CHECK(none.insert("a", 1, 1) == nullptr);
  CHECK(none.stats().entries == 0);
}

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

TEST_CASE("with a transparent hash, string keys are found by a view, and a move keeps all") {
  LruCache<std::string, int, ViewHash, std::equal_to<>> cache(100);
  cache.insert(std::string_view("k\0a", 3), 5, 1);  // keys are bytes, NUL and all
  CHECK(cache.find(std::string_view("k\0b", 3)) == nullptr);
  REQUIRE(cache.find(std::string_view("k\0a", 3)));
  for (int i = 0; i < 50; ++i)
    cache.insert(std::to_string(i), i, 1);  // rehashes on the way
  auto moved = std::move(cache);
  CHECK(moved.stats().entries == 51);
  CHECK(*moved.find(std::string_view("7")) == 7);
  moved.insert("big", 0, 60);  // evicts the 11 least recent, through the moved index
  CHECK(moved.find(std::string_view("k\0a", 3)) == nullptr);
  CHECK(moved.find(std::string_view("9")) == nullptr);
  CHECK(moved.find(std::string_view("10")) == nullptr);
  CHECK(moved.find(std::string_view("7")));  // found after the others went in: recent
  CHECK(moved.find(std::string_view("11")));
  CHECK(moved.stats().cost == 100);
}

}  // namespace
}  // namespace hb::base
