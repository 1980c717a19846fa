#include "app/feed_acceptor.h"

#include <cstdio>

#include "feed/feed.h"
#include "net/cache.h"
#include "schedule/checks.h"

namespace hb::app {
namespace {

constexpr int kMaxLoggedErrors = 10;

// 2026-11-27T08:00:00+08:00, in the player's zone.
std::string format_instant(model::UnixSeconds t, int offset_minutes) {
  const model::UnixSeconds local = t + offset_minutes * 60;
  const auto days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  const auto secs = static_cast<int>(local - days * 86400);
  const model::Date d = model::civil_from_days(days);
  const int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d.year, d.month,
                d.day, secs / 3600, secs / 60 % 60, secs % 60, offset_minutes < 0 ? '-' : '+',
                off / 60, off % 60);
  return text;
}

void log_errors(const model::Diagnostics& findings, std::vector<std::string>& log) {
  model::Diagnostics errors;
  for (const auto& d : findings)
    if (d.severity == model::Severity::error) errors.push_back(d);
  model::sort_for_report(errors);
  int n = 0;
  for (const auto& d : errors)
    if (++n <= kMaxLoggedErrors) log.push_back(model::format_diagnostic(d));
  if (n > kMaxLoggedErrors)
    log.push_back("… and " + std::to_string(n - kMaxLoggedErrors) + " more errors");
}

}  // namespace

MergeFeeds core_merge(const model::PlayerConfig& config) {
  const int offset = config.utc_offset_minutes;
  return [offset](std::vector<model::Feed> feeds, bool, model::Diagnostics& out) {
    model::Content content = feed::merge(std::move(feeds), out);
    schedule::check_absence_cover(content, offset, out);
    return content;
  };
}

FeedAcceptor::FeedAcceptor(model::PlayerConfig config, MergeFeeds merge, feed::Limits limits)
    : config_(std::move(config)), merge_(std::move(merge)), limits_(limits) {
  if (config_.trust_key.empty()) return;
  auto read = net::TrustKey::from_file(config_.trust_key);
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

std::optional<FeedAcceptor::Held> FeedAcceptor::check_alone(FeedVersion v,
                                                            std::vector<std::string>& log) {
  Held h;
  h.sha256 = net::sha256_hex(v.bytes);
  const std::string url = v.url;
  if (const auto a = accepted_.find(url); a != accepted_.end() && a->second.sha256 == h.sha256) {
    // Back to (or still at) the accepted bytes: nothing new, nothing waits.
    waiting_.erase(url);
    refused_.erase(url);
    return std::nullopt;
  }
  if (const auto w = waiting_.find(url); w != waiting_.end() && w->second.sha256 == h.sha256)
    return std::nullopt;
  // The same bytes and signature are refused once, and said once.
  const std::string refusal_key = h.sha256 + net::sha256_hex(v.signature.value_or(""));
  if (const auto r = refused_.find(url); r != refused_.end() && r->second == refusal_key)
    return std::nullopt;

  const Held* current = nullptr;
  if (const auto w = waiting_.find(url); w != waiting_.end())
    current = &w->second;
  else if (const auto a = accepted_.find(url); a != accepted_.end())
    current = &a->second;
  const std::string subject = v.from_cache ? "the cached copy of " + url : url;
  const std::string stays = v.from_cache ? ""
                            : current    ? "; the last accepted version stays on screen"
                                         : "; nothing from this feed is shown until a good version "
                                           "arrives";
  const auto refuse = [&](const std::string& why) -> std::optional<Held> {
    log.push_back(subject + " refused: " + why + stays);
    refused_[url] = refusal_key;
    return std::nullopt;
  };

  // The signature first: unauthenticated bytes never reach the parser.
  if (!config_.trust_key.empty()) {
    if (!key_) return refuse("the trust key cannot be used (" + key_problem_ + ")");
    if (!v.signature)
      return refuse("no signature at " + url +
                    ".sig (a trust key is set, so every feed must be signed)");
    const net::Verdict verdict = key_->verify(v.bytes, *v.signature, url);
    if (!verdict.ok) return refuse(verdict.error);
  }
  model::Diagnostics findings;
  auto parsed = feed::parse_feed(v.bytes, url, findings, limits_);
  if (!parsed || model::has_errors(findings)) {
    log_errors(findings, log);
    return refuse(!parsed ? "it cannot be read as a feed (see above)"
                          : "it has errors (see above)");
  }
  if (parsed->generated)
    h.generated = model::to_unix(*parsed->generated, config_.utc_offset_minutes);
  if (current && current->generated && h.generated && *h.generated < *current->generated)
    return refuse("generated=\"" + format_instant(*h.generated, config_.utc_offset_minutes) +
                  "\" is older than the accepted version's \"" +
                  format_instant(*current->generated, config_.utc_offset_minutes) +
                  "\" (a replay or a stale mirror)");
  h.feed = std::move(*parsed);
  h.version = std::move(v);
  return h;
}

std::optional<model::Content> FeedAcceptor::try_merge(const std::map<std::string, const Held*>& set,
                                                      model::Diagnostics& out) const {
  std::vector<model::Feed> feeds;
  for (const auto& f : config_.feeds)
    if (const auto s = set.find(f.url); s != set.end()) feeds.push_back(s->second->feed);
  const bool all_read = feeds.size() == config_.feeds.size();
  model::Content content = merge_(std::move(feeds), all_read, out);
  if (model::has_errors(out)) return std::nullopt;
  return content;
}

Acceptance FeedAcceptor::consider(std::vector<FeedVersion> versions) {
  Acceptance r;
  std::vector<std::string> fresh;  // URLs with a new version waiting
  for (auto& v : versions) {
    bool named = false;
    for (const auto& f : config_.feeds)
      named |= f.url == v.url;
    if (!named) {
      r.log.push_back(v.url + ": not a feed of this player's config; ignored");
      continue;
    }
    const std::string url = v.url;
    if (auto held = check_alone(std::move(v), r.log)) {
      waiting_.insert_or_assign(url, std::move(*held));
      fresh.push_back(url);
    }
  }
  if (waiting_.empty()) return r;

  const auto accept = [&](const std::string& url) {
    auto node = waiting_.extract(url);
    Held& held = accepted_.insert_or_assign(url, std::move(node.mapped())).first->second;
    refused_.erase(url);
    const std::string generated =
        held.generated ? format_instant(*held.generated, config_.utc_offset_minutes) : "";
    r.log.push_back(held.version.from_cache
                        ? url + ": shown from the cache" +
                              (generated.empty() ? "" : " (generated " + generated + ")")
                        : url + ": accepted" +
                              (generated.empty() ? "" : " (generated " + generated + ")"));
    r.accepted.push_back({held.version, generated});
  };

  // Every newest version together: feeds updated together refer to each other.
  {
    std::map<std::string, const Held*> set;
    for (const auto& [url, held] : accepted_)
      set[url] = &held;
    for (const auto& [url, held] : waiting_)
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
    std::map<std::string, const Held*> set;
    for (const auto& [url, held] : accepted_)
      set[url] = &held;
    set[f.url] = &w->second;
    model::Diagnostics out;
    if (auto content = try_merge(set, out)) {
      accept(f.url);
      r.content = std::move(content);
      continue;
    }
    bool is_fresh = false;
    for (const auto& u : fresh)
      is_fresh |= u == f.url;
    if (!is_fresh) continue;  // said when it arrived
    log_errors(out, r.log);
    r.log.push_back((w->second.version.from_cache ? "the cached copy of " : "") + f.url +
                    " waits: it is valid alone but does not merge with the other feeds (see "
                    "above); " +
                    (accepted_.contains(f.url) ? "the last accepted version stays on screen"
                                               : "it is shown once the other feeds agree"));
  }
  return r;
}

}  // namespace hb::app
