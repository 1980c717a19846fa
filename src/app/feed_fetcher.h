// The live player's feeds from the network and the disk, each on a thread
// of its own, so the screen never waits for a server and a slow server
// never holds up another feed. At construction the
// cached feeds are read (checked like fetched ones), so the first frame can
// show them before any request returns; then each feed is polled at its
// interval (http/https: conditional GET; local files: watched by size and
// time), failing ones again after an exponential backoff with full jitter.
// Accepted versions are written to the cache; their photos and logos are
// fetched into the picture cache by a PictureRefresh (picture_refresh.h),
// on a thread of its own. The content thread drains the results without
// blocking.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "app/feed_acceptor.h"
#include "app/picture_refresh.h"
#include "feed/limits.h"
#include "model/content.h"
#include "model/player_config.h"
#include "net/backoff.h"
#include "net/cache.h"
#include "net/fetch.h"
#include "net/picture.h"

namespace hb::app {

struct FetcherOptions {
  net::FetchOptions fetch;  // its abort flag is the fetcher's own
  // A failing feed waits backoff_seconds(failures, …); cap 0 means the
  // feed's own poll interval, so a healed server is seen within one poll.
  net::BackoffPolicy backoff{2, 0};
  double file_check_seconds = 1;  // how often local feed files are looked at
  std::size_t max_signature_bytes = 4096;
  base::PictureLimits pictures;
  double picture_refresh_seconds = 3600;  // conditional GET of every picture shown
  net::BackoffPolicy picture_backoff{5, 300};
  net::CacheOptions cache;  // its between_steps hook is for crash tests
  feed::Limits limits;
  std::uint64_t seed = 0;  // of the jitter; 0: a random seed
};

// New content for the screen: every accepted feed, merged and checked.
struct Accepted {
  model::Content content;          // for Player::offer
  std::vector<std::string> feeds;  // the feeds whose new versions it brings
  bool from_cache = false;         // read from the cache at start
  // Names this content (for proof of play and the page counts): a short
  // digest of every feed's accepted bytes, taken with it.
  std::string version;
};

// One feed as the heartbeat reports it.
struct FeedState {
  std::string url;
  std::string generated;    // of the accepted version (as the acceptor writes it); empty: none
  std::string sha256;       // hex, of the accepted bytes; empty: none accepted yet
  std::string last_result;  // "ok", "not modified", or the problem; empty: not fetched yet
  double last_fetch = 0;    // wall-clock Unix seconds of the last attempt; 0: none yet
};

struct FetchNews {
  std::vector<Accepted> accepted;  // at most one: newer content replaces older not yet taken
  std::vector<std::string> log;    // one plain line per event, oldest first
  bool pictures_changed = false;   // picture bytes in the cache changed: drop decoded copies
};

class FeedFetcher {
 public:
  // Reads the cache (in the caller's thread: only local disk), then starts
  // a fetch thread per feed and the picture refresh. `merge`: see MergeFeeds.
  FeedFetcher(model::PlayerConfig config, Clocks clocks, MergeFeeds merge,
              FetcherOptions options = {});
  // Stops the threads: transfers in flight end within about a second, even
  // against a server that sends nothing.
  ~FeedFetcher();
  FeedFetcher(const FeedFetcher&) = delete;
  FeedFetcher& operator=(const FeedFetcher&) = delete;

  // What happened since the last call. Never waits for the network.
  FetchNews take();

  // Every feed of the config, in its order (thread-safe; for the heartbeat).
  std::vector<FeedState> feed_states() const;

  // What the app's PictureLoader reads (thread-safe).
  const net::PictureStore& pictures() const { return pictures_; }

 private:
  struct Source;
  void run_source(Source& s);
  // Runs `loop` until abort; an exception is logged, not thrown.
  void guarded(const std::string& thread, const std::function<void()>& loop);
  // Waits until `due` (at most a second: a fake clock may jump); false: abort.
  bool sleep_until(double due);
  void poll(Source& s, double now);
  void poll_remote(Source& s, double now);
  void poll_local(Source& s, double now);
  void fail(Source& s, double now, const std::string& error);
  void succeed(Source& s, double now);
  void handle(Acceptance acceptance, double now);  // with accept_mutex_ held
  void accept_and_record(Source& s, FeedVersion v, double now);
  void keep_cached(Source& s);
  net::Written cache_version(const FeedVersion& v, const std::string& generated);
  void record(Source& s, std::string result);
  void post(std::vector<std::string> log, std::optional<Accepted> accepted, bool pictures);

  model::PlayerConfig config_;
  Clocks clocks_;
  FetcherOptions options_;
  // The feeds' threads take turns at acceptance: acceptor_, feed_cache_'s
  // writes are guarded by accept_mutex_.
  std::mutex accept_mutex_;
  FeedAcceptor acceptor_;
  std::optional<net::ContentCache> feed_cache_;
  net::PictureStore pictures_;
  std::vector<std::unique_ptr<Source>> sources_;  // each used by its own thread

  std::atomic<bool> abort_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  FetchNews news_;  // guarded by mutex_
  // Written by the fetch threads, read by the heartbeat; in config order.
  mutable std::mutex states_mutex_;
  std::vector<FeedState> states_;  // guarded by states_mutex_

  std::optional<PictureRefresh> picture_refresh_;  // made once the above exists
  std::vector<std::thread> threads_;  // last: started when everything above exists
};

// What the heartbeat reports as a feed's last result for a version that
// arrived: "ok" when accepted or unchanged, else the line of the refusal or
// the wait (again while the same bytes come back); "ok" without an outcome.
std::string fetch_result(const FeedOutcome* o);

// Every cached feed of the config, checked like a fetched one and merged:
// what a screen can show before the network answers. Nothing when the
// cache holds no usable feed.
struct CachedContent {
  std::optional<model::Content> content;
  std::vector<std::string> log;
};
CachedContent load_cached_content(const model::PlayerConfig& config, const MergeFeeds& merge,
                                  const feed::Limits& limits = {});

}  // namespace hb::app
