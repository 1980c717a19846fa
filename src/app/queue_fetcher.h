// The queue-calling system's live document (叫号联动, issue 19), fetched on a
// thread of its own so the screen never waits for it: http(s) sources by
// conditional GET every poll (an unchanged document costs a 304), local
// files read at every look. A source is alive while it answers (any 200,
// a 304, a readable file); the owner judges silence from
// last_success (docs/feed-format.md section 17: 30 s without one and the
// live numbers go). It is a LAN system polled every second, so a failing
// source is tried again within a few seconds, never minutes.
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
#include "feed/queue_parse.h"
#include "model/player_config.h"
#include "model/queue.h"
#include "net/fetch.h"

namespace hb::app {

struct QueueFetchOptions {
  // Its abort flag is the fetcher's own. Small timeouts: a poll every
  // second must not wait a minute for a LAN server. The size cap is the parser's.
  net::FetchOptions fetch = [] {
    net::FetchOptions o;
    o.max_bytes = feed::QueueLimits{}.max_bytes;
    o.connect_timeout_seconds = 2;
    o.total_timeout_seconds = 5;
    return o;
  }();
  double file_check_seconds = 0;  // 0: the source's poll interval
};

struct QueueNews {
  // The newest document parsed since the last take(), if its bytes changed
  // (a 200 with the same bytes, or a 304, brings none).
  std::shared_ptr<const model::QueueDocument> document;
  // Steady seconds (Clocks::steady) of the last answer: a 200 (even one it
  // cannot read: the source is not silent, answers.md), a 304, or a local
  // file it could read. Nothing: none yet.
  std::optional<double> last_success;
  // Plain lines, oldest first; each kind of failure said once until it heals.
  std::vector<std::string> log;
};

class QueueFetcher {
 public:
  // Starts the thread polling `source` every poll_seconds. `on_news` is
  // called from that thread whenever take() has something new (a document
  // or a log line), so the owner can wake at once; it must be cheap and
  // must not call back into the fetcher.
  QueueFetcher(model::QueueSource source, int utc_offset_minutes, Clocks clocks,
               QueueFetchOptions options, std::function<void()> on_news);
  // Stops within about a second, even against a server that never answers.
  ~QueueFetcher();
  QueueFetcher(const QueueFetcher&) = delete;
  QueueFetcher& operator=(const QueueFetcher&) = delete;

  QueueNews take();  // never waits for the network

  // For the heartbeat and the log: "ok", "not modified", or the last
  // problem; empty: not fetched yet (thread-safe).
  std::string last_result() const;

 private:
  // What is wrong with the source, said once until it heals.
  enum class Problem { none, unreachable, unreadable, not_a_queue };

  void run();
  // Waits until `due` (at most a second: a fake clock may jump); false: abort.
  bool sleep_until(double due);
  void poll();
  void poll_remote();
  void poll_local();
  // Bytes that arrived: parsed when they changed; a success unless they do not parse.
  void arrived(std::string bytes, net::Validators validators);
  void succeed(std::string result, std::shared_ptr<const model::QueueDocument> document,
               std::vector<std::string> log);
  void fail(Problem kind, const std::string& error);
  void post(std::vector<std::string> log, std::shared_ptr<const model::QueueDocument> document,
            std::optional<double> success, std::string result);

  model::QueueSource source_;
  Clocks clocks_;
  QueueFetchOptions options_;
  std::function<void()> on_news_;
  feed::QueueLimits limits_;
  bool remote_ = false;
  std::string path_;  // local sources

  // Used by the fetch thread only.
  double next_due_ = 0;
  int failures_ = 0;
  std::uint64_t rng_ = 0;  // of the retries' jitter
  Problem problem_ = Problem::none;
  std::string problem_key_;    // what was said of it, without details that vary
  std::string findings_said_;  // the first error of a partly read document, said once
  std::string good_bytes_;     // of the last document that parsed
  net::Validators validators_;  // of the last document that parsed

  std::atomic<bool> abort_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  QueueNews news_;           // guarded by mutex_
  std::string last_result_;  // guarded by mutex_
  std::thread thread_;       // last: started when everything above exists
};

}  // namespace hb::app
