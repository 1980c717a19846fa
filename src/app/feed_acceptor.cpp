#include "app/feed_acceptor.h"

#include <algorithm>
#include <cmath>

#include "feed/feed.h"
#include "net/cache.h"
#include "net/local_file.h"
#include "schedule/checks.h"

namespace hb::app {
namespace {

constexpr int kMaxLoggedErrors = 10;
// Refused and replaced versions remembered per feed: enough for mirrors
// that disagree, bounded for a feed that changes every minute for months.
constexpr std::size_t kRemembered = 16;
// A clock before this has not been set (a mini PC without a battery starts
// at 1970 or 2000 until NTP answers): every feed would look like one from
// the future, so none is refused for it. 2020-01-01T00:00Z.
constexpr model::UnixSeconds kClockSetAfter = 1577836800;

template <class T>
void keep_last(std::vector<T>& list, T item) {
  list.push_back(std::move(item));
  if (list.size() > kRemembered) list.erase(list.begin());
}

// The errors of `findings`, sorted, the first few of them (a hostile feed
// may have millions); `more`: how many were left out.
model::Diagnostics first_errors(const model::Diagnostics& findings, int& more) {
  model::Diagnostics errors;
  for (const auto& d : findings)
    if (d.severity == model::Severity::error) errors.push_back(d);
  model::sort_for_report(errors);
  more = std::max(0, static_cast<int>(errors.size()) - kMaxLoggedErrors);
  if (more > 0) errors.resize(kMaxLoggedErrors);
  return errors;
}

}  // namespace

std::string outcome_line(const FeedOutcome& o) {
  const std::string subject = o.from_cache ? "the cached copy of " + o.url : o.url;
  switch (o.kind) {
    case OutcomeKind::refused:
      return subject + " refused: " + o.reason +
             (o.from_cache     ? ""
              : o.had_accepted ? "; the last accepted version stays on screen"
                               : "; nothing from this feed is shown until a good version arrives");
    case OutcomeKind::waiting:
      return subject +
             " waits: it is valid alone but does not merge with the other feeds (see above); " +
             (o.had_accepted ? "the last accepted version stays on screen"
                             : "it is shown once the other feeds agree");
    case OutcomeKind::accepted:
    case OutcomeKind::unchanged:
    case OutcomeKind::ignored:
      break;
  }
  return {};
}

std::vector<std::string> outcome_lines(const FeedOutcome& o) {
  if (o.said_before) return {};
  const std::string generated = o.generated.empty() ? "" : " (generated " + o.generated + ")";
  switch (o.kind) {
    case OutcomeKind::accepted:
      return {o.url + (o.from_cache ? ": shown from the cache" : ": accepted") + generated};
    case OutcomeKind::unchanged:
      return {};
    case OutcomeKind::ignored:
      return {o.url + ": not a feed of this player's config; ignored"};
    case OutcomeKind::refused:
    case OutcomeKind::waiting:
      break;
  }
  std::vector<std::string> lines;
  for (const auto& d : o.findings)
    lines.push_back(model::format_diagnostic(d));
  if (o.more_findings > 0)
    lines.push_back("… and " + std::to_string(o.more_findings) + " more errors");
  lines.push_back(outcome_line(o));
  return lines;
}

const FeedOutcome* Acceptance::outcome(const std::string& url) const {
  for (const auto& o : outcomes)
    if (o.url == url) return &o;
  return nullptr;
}

MergeFeeds core_merge(const model::PlayerConfig& config) {
  const int offset = config.utc_offset_minutes;
  return [offset](std::vector<model::Feed> feeds, bool, model::Diagnostics& out) {
    model::Content content = feed::merge(std::move(feeds), out);
    schedule::check_absence_cover(content, offset, out);
    return content;
  };
}

FeedAcceptor::FeedAcceptor(model::PlayerConfig config, MergeFeeds merge, feed::Limits limits,
                           std::function<double()> wall)
    : config_(std::move(config)),
      merge_(std::move(merge)),
      limits_(limits),
      wall_(std::move(wall)) {
  if (config_.trust_key.empty()) return;
  auto read = config_.trust_key_pem.empty()
                  ? net::TrustKey::from_file(config_.trust_key)
                  : net::TrustKey::from_pem(config_.trust_key_pem, config_.trust_key);
  key_ = std::move(read.key);
  if (!key_) key_problem_ = read.error;
}

const FeedVersion* FeedAcceptor::accepted(const std::string& url) const {
  const auto a = accepted_.find(url);
  return a == accepted_.end() ? nullptr : &a->second.version;
}

const FeedVersion* FeedAcceptor::newest(const std::string& url) const {
  const auto w = waiting_.find(url);
  return w != waiting_.end() ? &w->second.version : accepted(url);
}

bool FeedAcceptor::complete() const {
  for (const auto& f : config_.feeds)
    if (!accepted_.contains(f.url)) return false;
  return true;
}

std::optional<model::UnixSeconds> FeedAcceptor::clock(std::vector<std::string>& log) {
  if (!wall_) return std::nullopt;
  const auto now = static_cast<model::UnixSeconds>(std::floor(wall_()));
  if (now >= kClockSetAfter) return now;
  if (!clock_unset_said_)
    log.push_back("this screen's clock reads " +
                  model::to_iso_string(now, config_.utc_offset_minutes) +
                  ", so it has not been set: feeds are not checked for a generated in the future "
                  "until it is");
  clock_unset_said_ = true;
  return std::nullopt;
}

const FeedAcceptor::Refused* FeedAcceptor::refused_before(
    const std::string& url, const std::string& key, std::optional<model::UnixSeconds> now) const {
  const auto r = refused_.find(url);
  if (r == refused_.end()) return nullptr;
  for (const auto& refusal : r->second)
    if (refusal.key == key)
      return !refusal.until || (now && *now < *refusal.until) ? &refusal : nullptr;
  return nullptr;
}

// Why the version's `generated` rules it out, or Refusal::none.
FeedAcceptor::TimeCheck FeedAcceptor::check_time(const Held& h, const Held* current,
                                                 bool is_replaced,
                                                 std::optional<model::UnixSeconds> now) const {
  const int zone = config_.utc_offset_minutes;
  const auto text = [zone](model::UnixSeconds t) { return model::to_iso_string(t, zone); };
  const bool signed_feeds = !config_.trust_key.empty();
  const bool clock_set = now.has_value();
  const model::UnixSeconds skew = config_.clock_skew_seconds;
  if (h.generated && clock_set && *h.generated > *now + skew) {
    const model::UnixSeconds until = *h.generated - skew;
    return {Refusal::from_future,
            "generated=\"" + text(*h.generated) + "\" is ahead of this screen's clock (" +
                text(*now) + ") by more than clock-skew=\"" + std::to_string(skew) +
                "\" seconds: a feed from the future (a typing mistake, or a wrong clock where it "
                "was made); it is looked at again from " +
                text(until),
            until};
  }
  // A version accepted from the future (the clock was wrong, or has been
  // put back) must not hold back every real one: it counts for nothing.
  const bool current_counts =
      current && current->generated && !(clock_set && *current->generated > *now + skew);
  if (current_counts && h.generated && *h.generated < *current->generated)
    return {Refusal::older, "generated=\"" + text(*h.generated) +
                                "\" is older than the accepted version's \"" +
                                text(*current->generated) + "\" (a replay or a stale mirror)",
            std::nullopt};
  if (signed_feeds && current_counts && h.generated && *h.generated == *current->generated)
    return {Refusal::same_generated,
            "generated=\"" + text(*h.generated) +
                "\" is the same as the accepted version's, but the bytes differ (a trust key is "
                "set, so each new version needs a later generated)",
            std::nullopt};
  if (is_replaced && !(current_counts && h.generated && *h.generated > *current->generated))
    return {Refusal::replaced_before,
            "this version was shown before and replaced by a later one (two mirrors that "
            "disagree?); it comes back only with a later generated",
            std::nullopt};
  return {};
}

std::optional<model::Feed> FeedAcceptor::check_content(const FeedVersion& v,
                                                       FeedOutcome& o) const {
  const auto refuse = [&o](Refusal why, std::string reason) -> std::optional<model::Feed> {
    o.refusal = why;
    o.reason = std::move(reason);
    return std::nullopt;
  };
  // The signature first: unauthenticated bytes never reach the parser.
  const bool signed_feeds = !config_.trust_key.empty();
  if (signed_feeds) {
    if (!key_)
      return refuse(Refusal::key_unusable,
                    "the trust key cannot be used (" + key_problem_ + ")");
    if (!v.signature)
      return refuse(Refusal::unsigned_feed,
                    "no signature at " + v.url +
                        ".sig (a trust key is set, so every feed must be signed)");
    const net::Verdict verdict = key_->verify(v.bytes, *v.signature, v.url);
    if (!verdict.ok) return refuse(Refusal::bad_signature, verdict.error);
  }
  model::Diagnostics findings;
  auto parsed = feed::parse_feed(v.bytes, v.url, findings, limits_);
  if (!parsed || model::has_errors(findings)) {
    o.findings = first_errors(findings, o.more_findings);
    return !parsed ? refuse(Refusal::unreadable, "it cannot be read as a feed (see above)")
                   : refuse(Refusal::has_errors, "it has errors (see above)");
  }
  // Signed by the office's key, but for another hall: not for this screen.
  if (signed_feeds && !config_.trust_hall.empty() && parsed->hall_id != config_.trust_hall)
    return refuse(Refusal::other_hall,
                  (parsed->hall_id.empty() ? std::string("its root names no hall=\"…\"")
                                           : "it is for hall \"" + parsed->hall_id + "\"") +
                      ", and this screen belongs to hall \"" + config_.trust_hall +
                      "\" (<trust hall> in " + config_.source + ")");
  if (signed_feeds && !parsed->generated)
    return refuse(
        Refusal::no_generated,
        "its root has no generated=\"…\" (a trust key is set, so every feed must say when it "
        "was made: a replayed old version is told from a new one by it)");
  return parsed;
}

std::optional<FeedAcceptor::Held> FeedAcceptor::check_alone(FeedVersion v, FeedOutcome& o,
                                                            std::vector<std::string>& log) {
  Held h;
  h.sha256 = o.sha256;
  const std::string url = v.url;
  if (const auto a = accepted_.find(url); a != accepted_.end() && a->second.sha256 == h.sha256) {
    // Back to (or still at) the accepted bytes: nothing new, nothing waits.
    waiting_.erase(url);
    o.kind = OutcomeKind::unchanged;
    return std::nullopt;
  }
  // "Older" is older than the version accepted (feed-format-v1: "the one
  // already accepted from the same URL"), not than one still waiting to
  // merge: a waiting version may never be shown.
  const Held* current = nullptr;
  if (const auto a = accepted_.find(url); a != accepted_.end()) current = &a->second;
  o.had_accepted = current != nullptr;
  if (const auto w = waiting_.find(url); w != waiting_.end() && w->second.sha256 == h.sha256) {
    o.kind = OutcomeKind::waiting;  // settled by the merges that follow
    o.said_before = true;
    return std::nullopt;
  }
  // The same bytes and signature are refused once, and said once.
  const std::string refusal_key = h.sha256 + net::sha256_hex(v.signature.value_or(""));
  const auto now = clock(log);
  if (const Refused* before = refused_before(url, refusal_key, now)) {
    o.kind = OutcomeKind::refused;
    o.refusal = before->refusal;
    o.reason = before->reason;
    o.said_before = true;
    return std::nullopt;
  }
  std::optional<model::UnixSeconds> until;
  const auto refuse = [&]() -> std::optional<Held> {
    o.kind = OutcomeKind::refused;
    auto& list = refused_[url];
    std::erase_if(list, [&](const Refused& r) { return r.key == refusal_key; });
    keep_last(list, Refused{refusal_key, until, o.refusal, o.reason});
    return std::nullopt;
  };
  auto parsed = check_content(v, o);
  if (!parsed) return refuse();
  if (parsed->generated)
    h.generated = model::to_unix(*parsed->generated, config_.utc_offset_minutes);
  // Unsigned local files are exempt: an editor may undo a change and save.
  bool is_replaced = false;
  if (!config_.trust_key.empty() || net::is_http_url(url))
    if (const auto r = replaced_.find(url); r != replaced_.end())
      is_replaced = std::find(r->second.begin(), r->second.end(), h.sha256) != r->second.end();
  if (auto time = check_time(h, current, is_replaced, now); time.refusal != Refusal::none) {
    o.refusal = time.refusal;
    o.reason = std::move(time.reason);
    until = time.until;
    return refuse();
  }
  h.parsed = std::move(*parsed);
  h.version = std::move(v);
  o.kind = OutcomeKind::waiting;  // until a merge takes it
  return h;
}

std::optional<model::Content> FeedAcceptor::try_merge(const std::map<std::string, Held*>& set,
                                                      model::Diagnostics& out) const {
  std::vector<model::Feed> feeds;
  for (const auto& f : config_.feeds) {
    const auto s = set.find(f.url);
    if (s == set.end()) continue;
    Held& held = *s->second;
    if (held.parsed) {  // checked just now: taken, not parsed twice
      feeds.push_back(std::move(*held.parsed));
      held.parsed.reset();
      continue;
    }
    // The same bytes, limits and parser as when the version was checked.
    model::Diagnostics again;
    auto parsed = feed::parse_feed(held.version.bytes, f.url, again, limits_);
    if (!parsed || model::has_errors(again)) {
      out.insert(out.end(), again.begin(), again.end());
      return std::nullopt;
    }
    feeds.push_back(std::move(*parsed));
  }
  const bool all_read = feeds.size() == config_.feeds.size();
  model::Content content = merge_(std::move(feeds), all_read, out);
  if (model::has_errors(out)) return std::nullopt;
  return content;
}

Acceptance FeedAcceptor::consider(std::vector<FeedVersion> versions) {
  Acceptance r;
  std::vector<std::string> fresh;  // URLs with a new version waiting
  const auto say = [&r](const FeedOutcome& o) {
    for (auto& line : outcome_lines(o))
      r.log.push_back(std::move(line));
  };
  for (auto& v : versions) {
    FeedOutcome& o = r.outcomes.emplace_back();
    o.url = v.url;
    o.from_cache = v.from_cache;
    bool named = false;
    for (const auto& f : config_.feeds)
      named |= f.url == v.url;
    if (!named) {
      say(o);  // ignored
      continue;
    }
    o.sha256 = net::sha256_hex(v.bytes);
    const std::string url = v.url;
    if (auto held = check_alone(std::move(v), o, r.log)) {
      waiting_.insert_or_assign(url, std::move(*held));
      fresh.push_back(url);
    } else {
      say(o);
    }
  }
  if (waiting_.empty()) return r;

  const auto accept = [&](const std::string& url) {
    auto node = waiting_.extract(url);
    if (const auto old = accepted_.find(url); old != accepted_.end())
      keep_last(replaced_[url], old->second.sha256);
    Held& held = accepted_.insert_or_assign(url, std::move(node.mapped())).first->second;
    FeedOutcome accepted;
    accepted.url = url;
    accepted.kind = OutcomeKind::accepted;
    accepted.sha256 = held.sha256;
    accepted.from_cache = held.version.from_cache;
    accepted.generated =
        held.generated ? model::to_iso_string(*held.generated, config_.utc_offset_minutes) : "";
    say(accepted);
    r.accepted.push_back({held.version, accepted.generated, held.sha256});
    settle(r, std::move(accepted));
  };

  // Every newest version together: feeds updated together refer to each other.
  {
    std::map<std::string, Held*> set;
    for (auto& [url, held] : accepted_)
      set[url] = &held;
    for (auto& [url, held] : waiting_)
      set[url] = &held;
    model::Diagnostics out;
    if (auto content = try_merge(set, out)) {
      for (const auto& f : config_.feeds)
        if (waiting_.contains(f.url)) accept(f.url);
      r.content = std::move(content);
      return r;
    }
  }
  // Else each alone with what is accepted, in config order.
  for (const auto& f : config_.feeds) {
    const auto w = waiting_.find(f.url);
    if (w == waiting_.end()) continue;
    std::map<std::string, Held*> set;
    for (auto& [url, held] : accepted_)
      set[url] = &held;
    set[f.url] = &w->second;
    model::Diagnostics out;
    if (auto content = try_merge(set, out)) {
      accept(f.url);
      r.content = std::move(content);
      continue;
    }
    FeedOutcome waits;
    waits.url = f.url;
    waits.kind = OutcomeKind::waiting;
    waits.sha256 = w->second.sha256;
    waits.from_cache = w->second.version.from_cache;
    waits.had_accepted = accepted_.contains(f.url);
    // Said when it arrived; a version that waits on is not said again.
    waits.said_before = std::find(fresh.begin(), fresh.end(), f.url) == fresh.end();
    if (!waits.said_before) waits.findings = first_errors(out, waits.more_findings);
    say(waits);
    settle(r, std::move(waits));
  }
  return r;
}

// The outcome of a version considered now, once the merges decided it: it
// replaces the "waiting" its check alone gave. (A version that waited
// since an earlier call and is accepted now has no outcome here; it is in
// Acceptance::accepted.)
void FeedAcceptor::settle(Acceptance& r, FeedOutcome o) {
  for (auto& earlier : r.outcomes)
    if (earlier.url == o.url && earlier.sha256 == o.sha256 &&
        earlier.kind == OutcomeKind::waiting) {
      earlier = std::move(o);
      return;
    }
}

}  // namespace hb::app
