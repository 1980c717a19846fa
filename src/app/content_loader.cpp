#include "app/content_loader.h"

#include "app/load.h"
#if HALLBOARD_WITH_RENDER
#include "app/glyph_check.h"
#endif
#include "feed/feed.h"
#include "schedule/checks.h"
#include "schedule/playlist.h"

namespace hb::app {

LoadedFeeds load_feeds(const model::PlayerConfig& config, const feed::Limits& limits,
                       model::Diagnostics& out) {
  LoadedFeeds r;
  for (const auto& source : config.feeds) {
    const Loaded bytes = load_source(source.url, limits);
    r.read.push_back(source.url);
    if (!bytes.bytes) {
      r.errors.push_back(bytes.error + " (named in " + config.source + ")");
      continue;
    }
    if (auto f = feed::parse_feed(*bytes.bytes, source.url, out, limits))
      r.feeds.push_back(std::move(*f));
  }
  return r;
}

model::Content merge_for_screen(std::vector<model::Feed> feeds, const model::PlayerConfig& config,
                                bool all_feeds_read, model::Diagnostics& out) {
  model::Content content = feed::merge(std::move(feeds), out);
  schedule::check_absence_cover(content, config.utc_offset_minutes, out);
#if HALLBOARD_WITH_RENDER
  check_glyphs(content, out);
#endif
  if (all_feeds_read && !schedule::select_playlist(content, config.screen))
    out.push_back({config.where, model::Severity::warning,
                   (config.screen.empty()
                        ? std::string("no <playlist screen=\"*\">")
                        : "no <playlist> for screen \"" + config.screen + "\" nor for \"*\"") +
                       " in these feeds, so this screen has nothing to rotate"});
  return content;
}

ScreenContent load_screen_content(const std::string& config_path, const feed::Limits& limits) {
  ScreenContent r;
  const Loaded config_bytes = load_source(config_path, limits);
  if (!config_bytes.bytes) {
    r.errors.push_back(config_bytes.error);
    return r;
  }
  r.config = feed::parse_player_config(*config_bytes.bytes, config_path, r.findings, limits);
  if (!r.config) return r;
  LoadedFeeds loaded = load_feeds(*r.config, limits, r.findings);
  r.errors = std::move(loaded.errors);
  r.content = merge_for_screen(std::move(loaded.feeds), *r.config, r.errors.empty(), r.findings);
  return r;
}

}  // namespace hb::app
