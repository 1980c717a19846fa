// A small live document fetched on a thread of its own so the screen never
// waits for it: the queue-calling system's document (叫号联动, issue 19) and
// the alerting authority's CAP alerts (issue 20). http(s) sources by
// conditional GET every poll (an unchanged document costs a 304), local
// files read at every look. A source is alive while it answers (any 200,
// a 304, a readable file); the owner judges silence from last_success.
// The last document it could read stays when a fetch fails. Each kind of
// failure is said once until it heals.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "model/diagnostic.h"
#include "net/fetch.h"

namespace hb::app {

// What tells one kind of document from another: how it is read, and how
// its failures are worded.
template <class Doc>
struct DocumentKind {
  std::string url;  // an http(s) URL, or a path
  int poll_seconds = 1;
  std::function<std::optional<Doc>(std::string_view bytes, const std::string& source,
                                   model::Diagnostics& out)>
      parse;
  std::size_t max_bytes = 0;  // of a local file (a remote one's is in the fetch options)
  // A failing remote source is tried again after at most this long.
  double max_backoff_seconds = 5;
  std::string name;         // "queue", in "the queue fetch thread of …"
  std::string a_document;   // "a queue document", in "… is not a queue document it can read"
  std::string kept;         // said of a failure with an answer: what stays on screen
  std::string lost;         // said of one without: what goes, and when
};

template <class Doc>
struct DocumentNews {
  // The newest document parsed since the last take(), if its bytes changed
  // (a 200 with the same bytes, or a 304, brings none).
  std::shared_ptr<const Doc> document;
  // Steady seconds (Clocks::steady) of the last answer: a 200 (even one it
  // cannot read: the source is not silent), a 304, or a local file it could
  // read. Nothing: none yet.
  std::optional<double> last_success;
  // Plain lines, oldest first; each kind of failure said once until it heals.
  std::vector<std::string> log;
};

template <class Doc>
class DocumentFetcher {
 public:
  // Starts the thread polling the source every poll_seconds (a local file:
  // every file_check_seconds, 0 for the poll). `on_news` is called from
  // that thread whenever take() has something new, so the owner can wake
  // at once; it must be cheap and must not call back into the fetcher.
  DocumentFetcher(DocumentKind<Doc> kind, Clocks clocks, net::FetchOptions fetch,
                  double file_check_seconds, std::function<void()> on_news);
  // Stops within about a second, even against a server that never answers.
  ~DocumentFetcher();
  DocumentFetcher(const DocumentFetcher&) = delete;
  DocumentFetcher& operator=(const DocumentFetcher&) = delete;

  DocumentNews<Doc> take();  // never waits for the network

  // For the heartbeat and the log: "ok", "not modified", or the last
  // problem; empty: not fetched yet (thread-safe).
  std::string last_result() const;

 private:
  // What is wrong with the source, said once until it heals.
  enum class Problem { none, unreachable, unreadable, not_readable_as_kind };

  void run();
  void poll();
  void poll_remote();
  void poll_local();
  // Bytes that arrived: parsed when they changed; a success unless they do not parse.
  void arrived(std::string bytes, net::Validators validators);
  void succeed(std::string result, std::shared_ptr<const Doc> document,
               std::vector<std::string> log);
  void fail(Problem kind, const std::string& error);
  void post(std::vector<std::string> log, std::shared_ptr<const Doc> document,
            std::optional<double> success, std::string result);

  DocumentKind<Doc> kind_;
  Clocks clocks_;
  net::FetchOptions fetch_;
  double file_check_seconds_;
  std::function<void()> on_news_;
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
  DocumentNews<Doc> news_;   // guarded by mutex_
  std::string last_result_;  // guarded by mutex_
  std::thread thread_;       // last: started when everything above exists
};

}  // namespace hb::app
