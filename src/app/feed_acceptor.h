// Decides whether a feed version, fetched or read from the cache, may
// replace the one on screen: it must be signed when a trust key is set (and
// then name this screen's hall, when <trust hall> is given, and carry a
// `generated` later than the accepted version's), parse without errors,
// not come from the future (`generated` at most clock-skew ahead of the
// clock), not be older than the accepted one, not be a version that was
// already replaced, and merge with the other accepted feeds without errors.
// A refused version leaves the last accepted one in place; the reason goes
// to the log, once per version.
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
    std::string sha256;     // hex, of the bytes
  };
  std::vector<Version> accepted;  // accepted now, in config order, to be cached
  std::vector<std::string> log;   // one plain line per event
};

class FeedAcceptor {
 public:
  // Reads the trust key the config names, if any; an unusable key refuses
  // every feed (and says why), it never turns the check off. `wall` is the
  // screen's clock (Unix seconds) that `generated` is checked against;
  // without one, feeds from the future are not refused.
  FeedAcceptor(model::PlayerConfig config, MergeFeeds merge, feed::Limits limits = {},
               std::function<double()> wall = {});

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
  // A version that passed the checks of its own. Its parsed model is kept
  // only until the first merge it takes part in; a later merge parses the
  // bytes again, so a 16 MiB feed costs the model's memory only while it is
  // merged, not for as long as it is accepted (a hall of 100,000 items:
  // about 60 MB less for the life of the screen).
  struct Held {
    FeedVersion version;
    std::string sha256;
    std::optional<model::UnixSeconds> generated;
    std::optional<model::Feed> parsed;
  };
  struct Refusal {
    std::string key;  // SHA-256 of the bytes and of the signature
    // Refused as coming from the future: looked at again from then on.
    std::optional<model::UnixSeconds> until;
  };
  std::optional<Held> check_alone(FeedVersion v, std::vector<std::string>& log);
  std::string check_time(const Held& h, const Held* current, bool is_replaced,
                         std::optional<model::UnixSeconds> now,
                         std::optional<model::UnixSeconds>& until) const;
  // The clock `generated` is checked against; nothing when there is none or
  // it has not been set (said once).
  std::optional<model::UnixSeconds> clock(std::vector<std::string>& log);
  bool refused_before(const std::string& url, const std::string& key,
                      std::optional<model::UnixSeconds> now) const;
  std::optional<model::Content> try_merge(const std::map<std::string, Held*>& set,
                                          model::Diagnostics& out) const;

  model::PlayerConfig config_;
  MergeFeeds merge_;
  feed::Limits limits_;
  std::optional<net::TrustKey> key_;
  std::string key_problem_;  // when the config names a key that cannot be used
  std::map<std::string, Held> accepted_;
  std::function<double()> wall_;
  bool clock_unset_said_ = false;
  std::map<std::string, Held> waiting_;                  // fine alone, not yet mergeable
  std::map<std::string, std::vector<Refusal>> refused_;  // URL -> the last few refused, said once
  // URL -> SHA-256 of the last few versions that were accepted and then
  // replaced: mirrors that disagree must not make the screen jump between them.
  std::map<std::string, std::vector<std::string>> replaced_;
};

}  // namespace hb::app
