#include "feed/split_content.h"

namespace hb::feed {

model::Feed feed_of(const model::Content& content, const Sections& sections) {
  model::Feed feed;
  if (sections.hall) feed.hall = content.hall;
  if (sections.calendar) feed.calendar = content.calendar;
  if (sections.items) {
    feed.has_items_section = true;
    feed.items = content.items;
  }
  if (sections.results) feed.results = content.results;
  if (sections.roster && content.has_roster) feed.roster = content.roster;
  if (sections.pledges) feed.pledges = content.pledges;
  if (sections.notices) feed.notices = content.notices;
  if (sections.stats) feed.stats = content.stats;
  if (sections.playlists) feed.playlists = content.playlists;
  return feed;
}

}  // namespace hb::feed
