// The photos and logos of the live player's content, fetched into the
// picture cache on a thread of their own, so a slow picture server never
// holds up a feed: every picture of newly accepted content at once (a
// conditional GET; a 304 is cheap), then each again every hour, failing
// ones after an exponential backoff with full jitter. Local pictures are
// read where they are, by the renderer's loader, and not looked at here.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "model/content.h"
#include "net/backoff.h"
#include "net/fetch.h"
#include "net/picture.h"

namespace hb::app {

struct PictureRefreshOptions {
  net::FetchOptions fetch;  // its abort flag is the refresh's own
  double refresh_seconds = 3600;  // conditional GET of every picture shown
  net::BackoffPolicy backoff{5, 300};
  std::uint64_t seed = 0;  // of the jitter
};

class PictureRefresh {
 public:
  // Log lines to write, and whether picture bytes in the cache changed (the
  // screen then drops its decoded copies). Called on the refresh's thread.
  using Post = std::function<void(std::vector<std::string> log, bool changed)>;

  // Starts the thread, with no pictures to look after until follow().
  // `store` must outlive this object.
  PictureRefresh(const net::PictureStore& store, Clocks clocks, PictureRefreshOptions options,
                 Post post);
  // Stops the thread: a transfer in flight ends within about a second.
  ~PictureRefresh();
  // Asks the thread to stop, without waiting for it (the destructor waits):
  // an owner stopping threads of its own too stops them all at once.
  void stop();
  PictureRefresh(const PictureRefresh&) = delete;
  PictureRefresh& operator=(const PictureRefresh&) = delete;

  // The pictures of newly accepted content, each due at `now` (steady
  // seconds); those it no longer names are forgotten. With `prune` (every
  // feed has been accepted, so the list is the whole hall's), the cache
  // drops the pictures it does not name. Thread-safe.
  void follow(const model::Content& content, double now, bool prune);

 private:
  struct Picture {
    std::string url;
    double next_due = 0;
    int failures = 0;
    std::string problem;
  };
  void run();
  // Waits until `due` (at most a second: a fake clock may jump); false: stop.
  bool sleep_until(double due);
  void refresh_one(double now);
  // What fetching one picture came to: the problem, empty when all is well.
  std::string fetch_one(const std::string& url, bool& changed);
  // Records how a picture's refresh went (with mutex_ held): the lines to log.
  std::vector<std::string> settle(Picture& p, std::string problem);

  const net::PictureStore& store_;
  Clocks clocks_;
  PictureRefreshOptions options_;
  Post post_;
  std::uint64_t rng_;  // the thread's

  std::atomic<bool> abort_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Picture> pictures_;  // guarded by mutex_

  std::thread thread_;  // last: started when everything above exists
};

// The pictures the content names, resolved against their feeds' URLs; only
// http(s) ones, each once.
std::vector<std::string> remote_pictures(const model::Content& content);

}  // namespace hb::app
