// Merged content cut into feeds, written and read back: what the console
// publishes is what the screens then merge.
#include <doctest/doctest.h>

#include "demo_content.h"
#include "feed/split_content.h"
#include "feed/write_feed.h"
#include "same_feed.h"
#include "support.h"

namespace hb::test {
namespace {

feed::Sections all_sections() {
  return {true, true, true, true, true, true, true, true, true};
}

}  // namespace

TEST_CASE("feed_of: each section goes only where it is asked for") {
  const model::Content c = demo_content();
  const model::Feed none = feed::feed_of(c, {});
  CHECK(feed_differences(none, model::Feed{}).empty());
  feed::Sections items;
  items.items = true;
  const model::Feed only_items = feed::feed_of(c, items);
  CHECK(only_items.has_items_section);
  CHECK(only_items.items.size() == c.items.size());
  CHECK_FALSE(only_items.hall);
  CHECK_FALSE(only_items.roster);
  CHECK(only_items.results.empty());
  feed::Sections roster;
  roster.roster = true;
  CHECK_FALSE(feed::feed_of(model::Content{}, roster).roster);
  CHECK(feed::feed_of(c, roster).roster);
}

TEST_CASE("feed_of: the demo hall split into three feeds, written and merged, is the same hall") {
  const model::Content original = demo_content();
  feed::Sections hall, items, roster;
  hall.hall = hall.calendar = hall.pledges = hall.notices = hall.playlists = true;
  items.items = items.results = true;
  roster.roster = roster.stats = true;
  const std::vector<std::pair<std::string, std::string>> files = {
      {"hall.xml", feed::write_feed(feed::feed_of(original, hall))},
      {"items.xml", feed::write_feed(feed::feed_of(original, items))},
      {"roster.xml", feed::write_feed(feed::feed_of(original, roster))}};
  const auto findings = lint(files);
  CHECK_MESSAGE(!model::has_errors(findings), dump(findings));
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  for (const auto& [name, xml] : files)
    feeds.push_back(*feed::parse_feed(xml, name, out));
  const model::Content back = feed::merge(std::move(feeds), out);
  const std::string differences = feed_differences(feed::feed_of(original, all_sections()),
                                                   feed::feed_of(back, all_sections()));
  CHECK_MESSAGE(differences.empty(), differences);
}

}  // namespace hb::test
