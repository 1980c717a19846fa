// Feeds that `hallboard lint` accepts but that push every bound the screen
// has: 5,000-character texts in every field, 100,000 items, one item with
// 10,000 materials, a year of notices, every staff member absent, times far
// in the future and the past. Pure: text in memory, no I/O; the tests lay
// them out and bench/make_hostile_feeds writes them as files for the
// commands (plan, render, run).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hb::test {

// How a long text may be broken into lines.
enum class Breaks {
  clauses,  // Chinese sentences with their commas and stops
  none,     // hanzi only: no punctuation or space, so no clause to end a line at
  latin,    // one Latin-and-digit word: no opportunity at all, it must be cut
};

// `chars` code points of text of the given kind (never a character the XML
// needs escaped).
std::string long_text(std::size_t chars, Breaks breaks);

struct HostileFeed {
  std::string name;                 // a file-name-safe slug
  std::string description;          // what it pushes, for a reader of the directory
  std::string xml;                  // one complete feed document (UTF-8)
  int width = 1920, height = 1080;  // the display its player.xml names
};

// Every text field at `chars` characters of the given kind; a complete hall
// with one of everything, and a playlist with every slide type.
HostileFeed long_texts_feed(std::size_t chars, Breaks breaks);
// `count` items (and an items slide that lists them all).
HostileFeed many_items_feed(std::size_t count);
// One item with `materials` materials, and an info notice of `notice_bytes`.
HostileFeed many_materials_feed(std::size_t materials, std::size_t notice_bytes);
// A notice a day for a year, each in force from its day on, so the last
// day has them all.
HostileFeed year_of_notices_feed();
// Every staff member absent, some with substitutes absent too.
HostileFeed all_absent_feed();
// Times at the ends of the format's range (year 1 and 9999).
HostileFeed far_times_feed();

// All of the above at the sizes the issue names (5,000 characters, 100,000
// items, 10,000 materials with a 100 KB notice).
std::vector<HostileFeed> hostile_feeds();

// The player config that shows `feed_file` (a path relative to it).
std::string hostile_player_config(const HostileFeed& feed, const std::string& feed_file);

}  // namespace hb::test
