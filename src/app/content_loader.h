// A player config's feeds, read, parsed and merged. Shared by the commands
// that work on one screen's content.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "feed/limits.h"
#include "model/content.h"
#include "model/player_config.h"

namespace hb::app {

struct LoadedFeeds {
  std::vector<model::Feed> feeds;
  std::vector<std::string> read;    // every location read, in order
  std::vector<std::string> errors;  // feeds that could not be read, one line each
  bool needs_full_program = false;  // a feed `hallboard` cannot fetch (load.h)
};

// Reads and parses every feed the config names; findings go to `out`.
LoadedFeeds load_feeds(const model::PlayerConfig& config, const feed::Limits& limits,
                       model::Diagnostics& out);

// Merges the feeds and makes the checks that need all of them and the
// config: references, absence cover, a playlist for this screen.
// The playlist check needs every feed, so it is made only when all were read.
struct Merged {
  model::Content content;
  bool needs_full_program = false;  // glyphs `hallboard` cannot check (glyph_check.h)
};
Merged merge_for_screen(std::vector<model::Feed> feeds, const model::PlayerConfig& config,
                        bool all_feeds_read, model::Diagnostics& out);

struct ScreenContent {
  std::optional<model::PlayerConfig> config;  // nothing: the config itself could not be used
  model::Content content;
  model::Diagnostics findings;
  std::vector<std::string> errors;  // files or URLs that could not be read (exit status 2)
  // Read as far as `hallboard` can: hand the command to hallboard-screen.
  bool needs_full_program = false;
};

ScreenContent load_screen_content(const std::string& config_path, const feed::Limits& limits);

}  // namespace hb::app
