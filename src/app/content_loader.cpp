#include "app/content_loader.h"

#include "app/glyph_check.h"
#include "app/load.h"
#include "app/poster_check.h"
#include "feed/feed.h"
#include "layout/slide_estimate.h"
#include "schedule/checks.h"
#include "schedule/playlist.h"

namespace hb::app {
namespace {

// What a screen with this config's <trust> refuses, though each feed is
// fine alone: said by lint before it is published.
void warn_what_trust_refuses(const model::Feed& f, const model::PlayerConfig& config,
                             model::Diagnostics& out) {
  if (config.trust_key.empty()) return;
  if (!f.generated)
    out.push_back({f.where, model::Severity::warning,
                   "no generated=\"…\": " + config.source +
                       " has <trust key>, and its screen refuses a signed feed without one"});
  if (!config.trust_hall.empty() && f.hall_id != config.trust_hall)
    out.push_back({f.where, model::Severity::warning,
                   (f.hall_id.empty() ? std::string("the root names no hall=\"…\"")
                                      : "hall=\"" + f.hall_id + "\"") +
                       ", but " + config.source + " has <trust hall=\"" + config.trust_hall +
                       "\">: its screen refuses this feed"});
}

}  // namespace

LoadedFeeds load_feeds(const model::PlayerConfig& config, const feed::Limits& limits,
                       model::Diagnostics& out) {
  LoadedFeeds r;
  feed::Limits for_screen = limits;
  for_screen.generated_skew_seconds = config.clock_skew_seconds;
  for (const auto& source : config.feeds) {
    const Loaded bytes = load_source(source.url, limits);
    r.read.push_back(source.url);
    r.needs_full_program = r.needs_full_program || bytes.needs_full_program;
    if (!bytes.bytes) {
      r.errors.push_back(bytes.error + " (named in " + config.source + ")");
      continue;
    }
    if (auto f = feed::parse_feed(*bytes.bytes, source.url, out, for_screen)) {
      warn_what_trust_refuses(*f, config, out);
      r.feeds.push_back(std::move(*f));
    }
  }
  return r;
}

Merged merge_for_screen(std::vector<model::Feed> feeds, const model::PlayerConfig& config,
                        bool all_feeds_read, model::Diagnostics& out) {
  Merged r;
  r.content = feed::merge(std::move(feeds), out);
  schedule::check_absence_cover(r.content, config.utc_offset_minutes, out);
  schedule::check_slide_schedules(r.content, out);
  layout::check_slide_lengths(r.content, out);
  schedule::check_posters(r.content, out);
  check_poster_pictures(r.content, out);
  r.needs_full_program = check_glyphs(r.content, out) == GlyphCheck::needs_fonts;
  if (all_feeds_read && !schedule::select_playlist(r.content, config.screen))
    out.push_back({config.where, model::Severity::warning,
                   (config.screen.empty()
                        ? std::string("no <playlist screen=\"*\">")
                        : "no <playlist> for screen \"" + config.screen + "\" nor for \"*\"") +
                       " in these feeds, so this screen has nothing to rotate"});
  return r;
}

ScreenContent load_screen_content(const std::string& config_path, const feed::Limits& limits) {
  ScreenContent r;
  const Loaded config_bytes = load_source(config_path, limits);
  if (!config_bytes.bytes) {
    r.needs_full_program = config_bytes.needs_full_program;
    r.errors.push_back(config_bytes.error);
    return r;
  }
  r.config = feed::parse_player_config(*config_bytes.bytes, config_path, r.findings, limits);
  if (!r.config) return r;
  LoadedFeeds loaded = load_feeds(*r.config, limits, r.findings);
  r.errors = std::move(loaded.errors);
  Merged merged =
      merge_for_screen(std::move(loaded.feeds), *r.config, r.errors.empty(), r.findings);
  r.content = std::move(merged.content);
  r.needs_full_program = loaded.needs_full_program || merged.needs_full_program;
  return r;
}

}  // namespace hb::app
