// Decides whether a feed version, fetched or read from the cache, may
// replace the one on screen: it must be signed when a trust key is set,
// parse without errors, not be older than the accepted one, and merge with
// the other accepted feeds without errors. A refused version leaves the
// last accepted one in place; the reason goes to the log.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "feed/limits.h"
#include "model/content.h"
#include "model/player_config.h"
#include "net/fetch.h"
#include "net/signature.h"

namespace hb::app {

// Merges feeds and makes the checks that need all of them. The fetch thread
// calls it, so it must be safe to run beside the renderer: core_merge is
// (feed::merge and the absence-cover check). content_loader's
// merge_for_screen adds only warnings, and its glyph check opens fonts
// through SDL_ttf, which is not safe beside the renderer's own use.
using MergeFeeds = std::function<model::Content(std::vector<model::Feed> feeds, bool all_feeds_read,
                                                model::Diagnostics& out)>;
MergeFeeds core_merge(const model::PlayerConfig& config);

// One version of one feed, as fetched or as cached.
struct FeedVersion {
  std::string url;                       // as in the config
  std::string bytes;                     // exact, as served
  std::optional<std::string> signature;  // the .sig file as served; nothing: there was none
  net::Validators validators;
  std::int64_t fetched = 0;  // Unix seconds
  bool from_cache = false;
};

struct Acceptance {
  std::optional<model::Content> content;  // the new merged content, when anything was accepted
  struct Version {
    FeedVersion version;
    std::string generated;  // the feed's `generated`, as an instant; empty when it has none
  };
  std::vector<Version> accepted;  // accepted now, in config order, to be cached
  std::vector<std::string> log;   // one plain line per event
};

class FeedAcceptor {
 public:
  // Reads the trust key the config names, if any; an unusable key refuses
  // every feed (and says why), it never turns the check off.
  FeedAcceptor(model::PlayerConfig config, MergeFeeds merge, feed::Limits limits = {});

  // Checks each version alone, then merges: first every newest version
  // together, else each alone with the accepted rest, in config order. A
  // version that is fine alone but does not merge waits for the others
  // (an item naming a window of a feed not yet updated).
  Acceptance consider(std::vector<FeedVersion> versions);

  // The version that conditional requests name: the newest one that passed
  // the checks of its own (accepted or waiting), else nothing.
  const FeedVersion* newest(const std::string& url) const;
  const FeedVersion* accepted(const std::string& url) const;
  // Every feed of the config has an accepted version.
  bool complete() const;
  const model::PlayerConfig& config() const { return config_; }

 private:
  struct Held {
    FeedVersion version;
    std::string sha256;
    model::Feed feed;
    std::optional<model::UnixSeconds> generated;
  };
  std::optional<Held> check_alone(FeedVersion v, std::vector<std::string>& log);
  std::optional<model::Content> try_merge(const std::map<std::string, const Held*>& set,
                                          model::Diagnostics& out) const;

  model::PlayerConfig config_;
  MergeFeeds merge_;
  feed::Limits limits_;
  std::optional<net::TrustKey> key_;
  std::string key_problem_;  // when the config names a key that cannot be used
  std::map<std::string, Held> accepted_;
  std::map<std::string, Held> waiting_;         // fine alone, not yet mergeable
  std::map<std::string, std::string> refused_;  // URL -> SHA-256 of the version last refused
};

}  // namespace hb::app
