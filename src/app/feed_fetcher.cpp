#include "app/feed_fetcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>

#include "app/stoppable_wait.h"
#include "model/url.h"
#include "net/local_file.h"
#include "net/signature.h"

namespace hb::app {
namespace {

constexpr std::size_t kMaxFeedLogLines = 1000;

std::vector<FeedVersion> read_cached(const model::PlayerConfig& config,
                                     const net::ContentCache& cache,
                                     std::vector<std::string>& log) {
  std::vector<FeedVersion> r;
  for (const auto& f : config.feeds) {
    auto entry = cache.read(f.url);
    if (!entry) continue;
    FeedVersion v;
    v.url = f.url;
    v.bytes = std::move(entry->bytes);
    v.from_cache = true;
    if (entry->meta) {
      v.validators = entry->meta->validators;
      v.fetched = entry->meta->fetched;
      if (!entry->meta->signature.empty())
        v.signature = net::decode_signature(entry->meta->signature);
    } else if (!config.trust_key.empty()) {
      log.push_back("the cached copy of " + f.url + " has no usable metadata (" +
                    entry->meta_problem + "), so its signature is unknown");
    }
    r.push_back(std::move(v));
  }
  return r;
}

}  // namespace

struct FeedFetcher::Source {
  model::FeedSource feed;
  bool remote = false;
  std::string path;  // local feeds
  double next_due = 0;
  int failures = 0;
  std::string problem;  // the last one logged; empty while all is well
  // Local feeds: what was last read, and what was seen at the last look.
  bool read_once = false;
  std::pair<std::optional<net::FileStamp>, std::optional<net::FileStamp>> read_stamp, seen_stamp;
  std::uint64_t rng = 0;    // of this feed's jitter
  bool cache_lost = false;  // said once until the cache has the feed again
  double next_cache_look = 0;
};

CachedContent load_cached_content(const model::PlayerConfig& config, const MergeFeeds& merge,
                                  const feed::Limits& limits) {
  CachedContent r;
  if (config.cache_dir.empty()) {
    r.log.push_back("no <cache dir=\"…\"> in " + config.source + ": nothing is cached");
    return r;
  }
  const net::ContentCache cache(net::feeds_dir(config.cache_dir), ".xml");
  auto versions = read_cached(config, cache, r.log);
  FeedAcceptor acceptor(config, merge, limits);
  auto a = acceptor.consider(std::move(versions));
  r.content = std::move(a.content);
  for (auto& line : a.log)
    r.log.push_back(std::move(line));
  return r;
}

FeedFetcher::FeedFetcher(model::PlayerConfig config, Clocks clocks, MergeFeeds merge,
                         FetcherOptions options)
    : config_(std::move(config)),
      clocks_(std::move(clocks)),
      options_(std::move(options)),
      acceptor_(config_, std::move(merge), options_.limits, clocks_.wall),
      pictures_(config_.cache_dir, options_.pictures) {
  const std::uint64_t seed =
      options_.seed ? options_.seed
                    : (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  options_.fetch.abort = &abort_;
  // Zero or negative intervals would spin the threads.
  options_.file_check_seconds = std::max(0.01, options_.file_check_seconds);
  for (auto& f : config_.feeds)
    f.poll_seconds = std::max(1, f.poll_seconds);
  options_.cache.max_bytes = options_.limits.max_bytes;
  std::vector<std::string> log;
  std::vector<FeedVersion> cached;
  if (config_.cache_dir.empty()) {
    log.push_back("no <cache dir=\"…\"> in " + config_.source +
                  ": accepted feeds are not kept for the next start");
  } else {
    feed_cache_.emplace(net::feeds_dir(config_.cache_dir), ".xml", options_.cache);
    feed_cache_->sweep();
    pictures_.cache().sweep();
    cached = read_cached(config_, *feed_cache_, log);
  }
  post(std::move(log), std::nullopt, false);
  for (const auto& f : config_.feeds) {
    states_.push_back({f.url, {}, {}, {}, 0});
    auto s = std::make_unique<Source>();
    s->feed = f;
    s->remote = net::is_http_url(f.url);
    if (!s->remote) s->path = net::local_path(f.url);
    s->rng = seed + sources_.size();
    sources_.push_back(std::move(s));
  }
  PictureRefreshOptions picturing{options_.fetch, options_.picture_refresh_seconds,
                                  options_.picture_backoff, seed};
  picture_refresh_.emplace(pictures_, clocks_, std::move(picturing),
                           [this](std::vector<std::string> lines, bool changed) {
                             post(std::move(lines), std::nullopt, changed);
                           });
  if (!cached.empty()) {
    const std::lock_guard lock(accept_mutex_);
    handle(acceptor_.consider(std::move(cached)), clocks_.steady());
  }
  for (auto& s : sources_)
    threads_.emplace_back([this, &source = *s] { run_source(source); });
}

FeedFetcher::~FeedFetcher() {
  {
    const std::lock_guard lock(mutex_);
    abort_ = true;
  }
  wake_.notify_all();
  if (picture_refresh_) picture_refresh_->stop();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  // After the feeds' threads, which tell it of new content.
  picture_refresh_.reset();
}

std::vector<FeedState> FeedFetcher::feed_states() const {
  const std::lock_guard lock(states_mutex_);
  return states_;
}

void FeedFetcher::record(Source& s, std::string result) {
  const double wall = clocks_.wall();
  const std::lock_guard lock(states_mutex_);
  for (auto& state : states_)
    if (state.url == s.feed.url) {
      state.last_result = std::move(result);
      state.last_fetch = wall;
    }
}

// What the heartbeat reports for bytes that arrived: "ok" once accepted
// (or the same as the accepted ones), else the line of the refusal or the
// wait, for as long as the same bytes come back.
std::string fetch_result(const FeedOutcome* o) {
  if (!o) return "ok";
  switch (o->kind) {
    case OutcomeKind::refused:
    case OutcomeKind::waiting:
      return outcome_line(*o);
    case OutcomeKind::accepted:
    case OutcomeKind::unchanged:
    case OutcomeKind::ignored:
      break;
  }
  return "ok";
}

FetchNews FeedFetcher::take() {
  const std::lock_guard lock(mutex_);
  FetchNews out = std::move(news_);
  news_ = {};
  return out;
}

void FeedFetcher::post(std::vector<std::string> log, std::optional<Accepted> accepted,
                       bool pictures) {
  const std::lock_guard lock(mutex_);
  for (auto& line : log) {
    if (news_.log.size() == kMaxFeedLogLines) news_.log.push_back("… (more log lines were dropped)");
    if (news_.log.size() > kMaxFeedLogLines) break;
    news_.log.push_back(std::move(line));
  }
  if (accepted) {
    if (news_.accepted.empty()) {
      news_.accepted.push_back(std::move(*accepted));
    } else {
      // Not yet taken: the newer content replaces it and brings its feeds too.
      Accepted& waiting = news_.accepted.back();
      waiting.content = std::move(accepted->content);
      for (auto& f : accepted->feeds)
        if (std::find(waiting.feeds.begin(), waiting.feeds.end(), f) == waiting.feeds.end())
          waiting.feeds.push_back(std::move(f));
      waiting.from_cache = waiting.from_cache && accepted->from_cache;
      waiting.version = std::move(accepted->version);
    }
  }
  news_.pictures_changed = news_.pictures_changed || pictures;
}

void FeedFetcher::guarded(const std::string& thread, const std::function<void()>& loop) {
  try {
    loop();
  } catch (const std::exception& e) {
    post({"the fetch thread of " + thread + " stopped: " + e.what() +
          "; what it last accepted stays on screen until the player restarts"},
         std::nullopt, false);
  }
}

bool FeedFetcher::sleep_until(double due) {
  return wait_until_due(clocks_, due, mutex_, wake_, abort_);
}

void FeedFetcher::run_source(Source& s) {
  guarded(s.feed.url, [&] {
    while (!abort_) {
      const double now = clocks_.steady();
      if (now >= s.next_due) poll(s, now);
      if (abort_) return;
      keep_cached(s);
      if (!sleep_until(s.next_due)) return;
    }
  });
}

void FeedFetcher::poll(Source& s, double now) {
  if (s.remote)
    poll_remote(s, now);
  else
    poll_local(s, now);
}

void FeedFetcher::succeed(Source& s, double) {
  s.failures = 0;
  if (!s.problem.empty())
    post({s.feed.url + (s.remote ? ": reachable again" : ": readable again")}, std::nullopt, false);
  s.problem.clear();
  s.next_due = clocks_.steady() + (s.remote ? s.feed.poll_seconds : options_.file_check_seconds);
}

void FeedFetcher::fail(Source& s, double, const std::string& error) {
  ++s.failures;
  net::BackoffPolicy policy = options_.backoff;
  if (policy.cap_seconds <= 0) policy.cap_seconds = s.feed.poll_seconds;
  const double delay = s.remote ? net::backoff_seconds(s.failures, net::jitter01(s.rng), policy)
                                : options_.file_check_seconds;
  s.next_due = clocks_.steady() + delay;
  // Said once per kind of failure, not once per retry for months.
  if (error == s.problem) return;
  s.problem = error;
  bool shown = false;
  {
    const std::lock_guard lock(accept_mutex_);
    shown = acceptor_.accepted(s.feed.url) != nullptr;
  }
  post({error + (shown ? "; the last accepted version stays on screen"
                       : "; nothing from this feed is shown until it can be read")},
       std::nullopt, false);
}

void FeedFetcher::poll_remote(Source& s, double now) {
  net::Validators known;
  {
    const std::lock_guard lock(accept_mutex_);
    if (const FeedVersion* newest = acceptor_.newest(s.feed.url)) known = newest->validators;
  }
  auto r = net::fetch(s.feed.url, options_.fetch, known);
  if (r.aborted) return;
  if (r.not_modified) {
    record(s, "not modified");
    return succeed(s, now);
  }
  if (!r.body) {
    record(s, r.error);
    return fail(s, now, r.error);
  }
  FeedVersion v;
  v.url = s.feed.url;
  v.bytes = std::move(*r.body);
  v.validators = std::move(r.validators);
  v.fetched = static_cast<std::int64_t>(std::floor(clocks_.wall()));
  if (!config_.trust_key.empty()) {
    net::FetchOptions o = options_.fetch;
    o.max_bytes = options_.max_signature_bytes;
    auto sig = net::fetch(s.feed.url + ".sig", o);
    if (sig.aborted) return;
    if (sig.body)
      v.signature = std::move(*sig.body);
    else if (sig.status != 404 && sig.status != 410) {  // else there is none: refused as unsigned
      record(s, sig.error);
      return fail(s, now, sig.error);
    }
  }
  succeed(s, now);
  accept_and_record(s, std::move(v), now);
}

void FeedFetcher::poll_local(Source& s, double now) {
  s.next_due = now + options_.file_check_seconds;
  const bool signed_feeds = !config_.trust_key.empty();
  const std::pair seen{net::stamp_of(s.path),
                       signed_feeds ? net::stamp_of(s.path + ".sig") : std::nullopt};
  // A file that changed is read once it has stood still for one look, so an
  // editor's save is not caught half-written (the first look reads at once).
  const bool settled = seen == s.seen_stamp;
  s.seen_stamp = seen;
  if (s.read_once && (seen == s.read_stamp || !settled)) return;
  s.read_once = true;
  s.read_stamp = seen;
  auto read = net::read_local(s.path, options_.limits.max_bytes);
  if (!read.bytes) {
    record(s, s.feed.url + ": " + read.error);
    return fail(s, now, s.feed.url + ": " + read.error);
  }
  FeedVersion v;
  v.url = s.feed.url;
  v.bytes = std::move(*read.bytes);
  v.fetched = static_cast<std::int64_t>(std::floor(clocks_.wall()));
  if (signed_feeds)
    v.signature = net::read_local(s.path + ".sig", options_.max_signature_bytes).bytes;
  succeed(s, now);
  accept_and_record(s, std::move(v), now);
}

void FeedFetcher::accept_and_record(Source& s, FeedVersion v, double now) {
  const std::lock_guard lock(accept_mutex_);
  Acceptance a = acceptor_.consider({std::move(v)});
  std::string result = fetch_result(a.outcome(s.feed.url));
  handle(std::move(a), now);
  record(s, std::move(result));
}

void FeedFetcher::handle(Acceptance a, double now) {
  std::vector<std::string> feeds;
  bool from_cache = true;
  std::string every_feed;
  {
    const std::lock_guard lock(states_mutex_);
    for (const auto& accepted : a.accepted)
      for (auto& state : states_)
        if (state.url == accepted.version.url) {
          state.generated = accepted.generated;
          state.sha256 = accepted.sha256;
        }
    for (const auto& state : states_)
      every_feed += state.url + " " + state.sha256 + "\n";
  }
  for (const auto& accepted : a.accepted) {
    const FeedVersion& v = accepted.version;
    feeds.push_back(v.url);
    from_cache = from_cache && v.from_cache;
    if (v.from_cache || !feed_cache_) continue;
    const auto written = cache_version(v, accepted.generated);
    if (!written.ok)
      a.log.push_back("cannot keep " + v.url + " in the cache: " + written.error +
                      " (it is shown, but not after a restart without network)");
  }
  if (!a.content) return post(std::move(a.log), std::nullopt, false);

  // Every picture of the new content is looked at again (a 304 is cheap).
  picture_refresh_->follow(*a.content, now, acceptor_.complete());
  post(std::move(a.log),
       Accepted{std::move(*a.content), std::move(feeds), from_cache,
                net::sha256_hex(every_feed).substr(0, 12)},
       false);
}

net::Written FeedFetcher::cache_version(const FeedVersion& v, const std::string& generated) {
  net::CacheMeta meta;
  meta.validators = v.validators;
  meta.generated = generated;
  meta.fetched = v.fetched;
  if (v.signature)
    if (auto sig = net::decode_signature(*v.signature)) meta.signature = net::base64_encode(*sig);
  return feed_cache_->store(v.url, v.bytes, std::move(meta));
}

void FeedFetcher::keep_cached(Source& s) {
  // The cache directory may be deleted under a running screen (a clean-up
  // script, an administrator): the feeds that are still current (304s,
  // unchanged files) would never be written again, and a restart without
  // network would show part of the hall. A look costs one stat, once a
  // poll (local files: once a look); after a failed write (a full disk)
  // not before a minute, so a feed is not rewritten every second.
  if (!feed_cache_) return;
  const double now = clocks_.steady();
  if (now < s.next_cache_look) return;
  s.next_cache_look = now + (s.remote ? s.feed.poll_seconds : options_.file_check_seconds);
  std::error_code ec;
  if (std::filesystem::exists(feed_cache_->bytes_path(s.feed.url), ec) || ec) {
    s.cache_lost = false;
    return;
  }
  std::string line;
  {
    const std::lock_guard lock(accept_mutex_);
    const FeedVersion* v = acceptor_.accepted(s.feed.url);
    if (!v) return;
    std::string generated;
    {
      const std::lock_guard states(states_mutex_);
      for (const auto& state : states_)
        if (state.url == s.feed.url) generated = state.generated;
    }
    const auto written = cache_version(*v, generated);
    if (written.ok) {
      line = "the cache had lost " + s.feed.url + " (" + feed_cache_->dir() +
             " deleted or emptied?); the accepted version is written back";
    } else if (!s.cache_lost) {
      line = "cannot write " + s.feed.url + " back into the cache: " + written.error +
             " (it is shown, but not after a restart without network)";
    }
    s.cache_lost = !written.ok;
    if (!written.ok) s.next_cache_look = std::max(s.next_cache_look, now + 60);
  }
  if (!line.empty()) post({std::move(line)}, std::nullopt, false);
}

}  // namespace hb::app
