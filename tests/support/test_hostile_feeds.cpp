// The hostile feeds are valid: lint accepts each (warnings allowed), so
// what they do to the screen is the player's problem, not the editor's.
#include <doctest/doctest.h>

#include "hostile_feeds.h"
#include "model/unicode.h"
#include "support.h"

namespace hb::test {
namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n)
    model::next_code_point(s, i);
  return n;
}

}  // namespace

TEST_CASE("every hostile feed passes lint without errors") {
  for (const auto& f : hostile_feeds()) {
    CAPTURE(f.name);
    const auto findings = lint_one(f.xml, f.name + ".xml");
    CHECK_MESSAGE(!model::has_errors(findings), dump(findings));
  }
}

TEST_CASE("hostile feeds hold what they say") {
  struct Case {
    HostileFeed feed;
    std::size_t items, materials_of_first, notices;
  };
  const Case cases[] = {
      {many_items_feed(100000), 100000, 0, 0},
      {many_materials_feed(10000, 100000), 1, 10000, 1},
      {year_of_notices_feed(), 0, 0, 365},
  };
  for (const auto& c : cases) {
    CAPTURE(c.feed.name);
    model::Diagnostics out;
    const auto feed = feed::parse_feed(c.feed.xml, "t.xml", out);
    REQUIRE(feed);
    CHECK(feed->items.size() == c.items);
    if (c.materials_of_first) CHECK(feed->items.front().materials.size() == c.materials_of_first);
    CHECK(feed->notices.size() == c.notices);
  }
  for (const Breaks b : {Breaks::clauses, Breaks::none, Breaks::latin}) {
    const std::string t = long_text(5000, b);
    CHECK(code_points(t) == 5000);
    model::Diagnostics out;
    const auto feed = feed::parse_feed(long_texts_feed(5000, b).xml, "t.xml", out);
    REQUIRE(feed);
    REQUIRE(feed->hall);
    CHECK(feed->hall->name == t);
    CHECK(feed->items.front().name == t);
  }
}

}  // namespace hb::test
