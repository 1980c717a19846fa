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
#include "model/diagnostic.h"
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

// What became of one version. Callers branch on `kind` (and `refusal`);
// the log lines are made from it (outcome_lines), never read back.
enum class OutcomeKind {
  accepted,   // it replaces the version on screen (from_cache: shown from the cache)
  unchanged,  // the bytes of the accepted version again: no news
  refused,    // it never replaces the version on screen (see refusal)
  waiting,    // valid alone, but it does not merge with the other feeds yet
  ignored,    // its URL is not a feed of the config
};

// Why a version was refused.
enum class Refusal {
  none,
  key_unusable,     // the config's trust key cannot be read
  unsigned_feed,    // a trust key is set and there is no signature
  bad_signature,    // the signature does not verify
  unreadable,       // not a feed at all (findings say where)
  has_errors,       // a feed with errors (findings say where)
  other_hall,       // signed for another hall than <trust hall>
  no_generated,     // signed, but no generated="…" to order versions by
  from_future,      // generated ahead of the clock by more than clock-skew
  older,            // generated before the accepted version's
  same_generated,   // signed, other bytes, the accepted version's generated
  replaced_before,  // a version that was shown and then replaced
};

struct FeedOutcome {
  std::string url;  // the feed's, as in the config: where the version is from
  OutcomeKind kind = OutcomeKind::ignored;
  Refusal refusal = Refusal::none;
  std::string reason;  // refused: why, in words for the log
  // Where the feed's problems are (FILE:LINE:COL): the errors that refused
  // it (unreadable, has_errors) or keep it waiting.
  model::Diagnostics findings;  // the first few errors, sorted
  int more_findings = 0;        // errors left out of findings
  std::string sha256;     // hex, of the bytes (computed once, here)
  std::string generated;  // accepted: the feed's `generated`, as an instant; empty: none
  bool from_cache = false;
  bool had_accepted = false;  // refused or waiting: an accepted version stays on screen
  // Refused or waiting as before, and said then: no log lines again.
  bool said_before = false;
};

// The log lines an outcome makes (none for unchanged or said-before ones):
// the errors first, then the line that says what became of the version.
std::vector<std::string> outcome_lines(const FeedOutcome& o);
// The line a refusal or a wait is logged with; empty for other kinds. The
// heartbeat reports it as the feed's last result.
std::string outcome_line(const FeedOutcome& o);

struct Acceptance {
  std::optional<model::Content> content;  // the new merged content, when anything was accepted
  struct Version {
    FeedVersion version;
    std::string generated;  // the feed's `generated`, as an instant; empty when it has none
    std::string sha256;     // hex, of the bytes
  };
  std::vector<Version> accepted;     // accepted now, in config order, to be cached
  std::vector<FeedOutcome> outcomes;  // one per version considered, in the order given
  std::vector<std::string> log;      // one plain line per event (made from the outcomes)
  // The outcome of the version from `url`; nothing when none was considered.
  const FeedOutcome* outcome(const std::string& url) const;
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
  struct Refused {
    std::string key;  // SHA-256 of the bytes and of the signature
    // Refused as coming from the future: looked at again from then on.
    std::optional<model::UnixSeconds> until;
    Refusal refusal = Refusal::none;  // and why, for the heartbeat while it comes back
    std::string reason;
  };
  struct TimeCheck {
    Refusal refusal = Refusal::none;
    std::string reason;
    std::optional<model::UnixSeconds> until;  // from_future: when to look again
  };
  // The version alone: the outcome, and the version when it passed (waiting).
  std::optional<Held> check_alone(FeedVersion v, FeedOutcome& o, std::vector<std::string>& log);
  // Signature and parse; nothing when they refuse it (o says why).
  std::optional<model::Feed> check_content(const FeedVersion& v, FeedOutcome& o) const;
  TimeCheck check_time(const Held& h, const Held* current, bool is_replaced,
                       std::optional<model::UnixSeconds> now) const;
  // The clock `generated` is checked against; nothing when there is none or
  // it has not been set (said once).
  std::optional<model::UnixSeconds> clock(std::vector<std::string>& log);
  const Refused* refused_before(const std::string& url, const std::string& key,
                                std::optional<model::UnixSeconds> now) const;
  static void settle(Acceptance& r, FeedOutcome o);
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
  std::map<std::string, std::vector<Refused>> refused_;  // URL -> the last few refused, said once
  // URL -> SHA-256 of the last few versions that were accepted and then
  // replaced: mirrors that disagree must not make the screen jump between them.
  std::map<std::string, std::vector<std::string>> replaced_;
};

}  // namespace hb::app
