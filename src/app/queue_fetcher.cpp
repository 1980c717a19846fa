#include "app/queue_fetcher.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "app/stoppable_wait.h"
#include "model/diagnostic.h"
#include "net/backoff.h"
#include "net/local_file.h"

namespace hb::app {
namespace {

// A second's log lines for a screen nobody reads: more is a loop gone wrong.
constexpr std::size_t kMaxQueueLogLines = 100;

// The parser's first error (in file order), or its first finding when none
// is an error: what the log says of a document, with its file:line:col.
std::string first_finding(model::Diagnostics findings) {
  if (findings.empty()) return {};
  model::sort_for_report(findings);
  const auto error = std::find_if(findings.begin(), findings.end(), [](const auto& d) {
    return d.severity == model::Severity::error;
  });
  return model::format_diagnostic(error != findings.end() ? *error : findings.front());
}

}  // namespace

QueueFetcher::QueueFetcher(model::QueueSource source, int utc_offset_minutes, Clocks clocks,
                           QueueFetchOptions options, std::function<void()> on_news)
    : source_(std::move(source)),
      clocks_(std::move(clocks)),
      options_(std::move(options)),
      on_news_(std::move(on_news)),
      remote_(net::is_http_url(source_.url)),
      rng_((std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}()) {
  options_.fetch.abort = &abort_;
  // Zero or negative intervals would spin the thread.
  source_.poll_seconds = std::max(1, source_.poll_seconds);
  if (options_.file_check_seconds <= 0) options_.file_check_seconds = source_.poll_seconds;
  options_.file_check_seconds = std::max(0.01, options_.file_check_seconds);
  limits_.utc_offset_minutes = utc_offset_minutes;
  if (!remote_) path_ = net::local_path(source_.url);
  thread_ = std::thread([this] { run(); });
}

QueueFetcher::~QueueFetcher() {
  {
    const std::lock_guard lock(mutex_);
    abort_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

QueueNews QueueFetcher::take() {
  const std::lock_guard lock(mutex_);
  QueueNews out;
  out.document = std::move(news_.document);
  out.log = std::move(news_.log);
  out.last_success = news_.last_success;  // a state, not news: it stays
  news_.document.reset();
  news_.log.clear();
  return out;
}

std::string QueueFetcher::last_result() const {
  const std::lock_guard lock(mutex_);
  return last_result_;
}

void QueueFetcher::run() {
  try {
    while (!abort_) {
      if (clocks_.steady() >= next_due_) poll();
      if (!sleep_until(next_due_)) return;
    }
  } catch (const std::exception& e) {
    // The owner sees the source fall silent and the live numbers go.
    post({"the queue fetch thread of " + source_.url + " stopped: " + e.what() +
          "; the live numbers are gone until the player restarts"},
         nullptr, std::nullopt, "stopped: " + std::string(e.what()));
  }
}

bool QueueFetcher::sleep_until(double due) {
  return wait_until_due(clocks_, due, mutex_, wake_, abort_);
}

void QueueFetcher::poll() {
  // Due again one interval after this look began, so a slow answer does
  // not push the next poll back by its own length.
  next_due_ = clocks_.steady() + (remote_ ? source_.poll_seconds : options_.file_check_seconds);
  if (remote_)
    poll_remote();
  else
    poll_local();
}

void QueueFetcher::poll_remote() {
  auto r = net::fetch(source_.url, options_.fetch, validators_);
  if (r.aborted) return;
  if (r.not_modified) return succeed("not modified", nullptr, {});
  if (!r.body) return fail(Problem::unreachable, r.error);
  arrived(std::move(*r.body), std::move(r.validators));
}

void QueueFetcher::poll_local() {
  // Read at every look rather than watched by stamp: the document is small,
  // a look must prove the file readable, and a call must not wait a second
  // look for the file to stand still (adapters replace it atomically).
  auto read = net::read_local(path_, limits_.max_bytes);
  if (!read.bytes) return fail(Problem::unreadable, source_.url + ": " + read.error);
  arrived(std::move(*read.bytes), {});
}

void QueueFetcher::arrived(std::string bytes, net::Validators validators) {
  // Unchanged bytes (a server without validators, a file at every look)
  // are no news: nothing to parse.
  if (!good_bytes_.empty() && bytes == good_bytes_) return succeed("ok", nullptr, {});
  model::Diagnostics findings;
  auto doc = feed::parse_queue(bytes, source_.url, findings, limits_);
  if (!doc) {
    // The last good document stays, and its validators: a 304 for them
    // would otherwise pass the unreadable version for a live one.
    return fail(Problem::not_a_queue, source_.url + " is not a queue document it can read (" +
                                          first_finding(std::move(findings)) + ")");
  }
  // A document with errors is shown without the elements in error, as
  // lint and docs/feed-format.md section 17 say; its first error is said
  // once, not every second while the source keeps serving it.
  std::vector<std::string> log;
  std::string said = model::has_errors(findings) ? first_finding(std::move(findings)) : "";
  if (!said.empty() && said != findings_said_)
    log.push_back(said + " (in " + source_.url + "; the rest of it is shown)");
  findings_said_ = std::move(said);
  good_bytes_ = std::move(bytes);
  validators_ = std::move(validators);
  succeed("ok", std::make_shared<const model::QueueDocument>(std::move(*doc)), std::move(log));
}

void QueueFetcher::succeed(std::string result,
                           std::shared_ptr<const model::QueueDocument> document,
                           std::vector<std::string> log) {
  failures_ = 0;
  if (problem_ != Problem::none) {
    const char* healed = problem_ == Problem::unreachable   ? ": reachable again"
                         : problem_ == Problem::unreadable  ? ": readable again"
                                                            : ": a queue document it can read again";
    log.insert(log.begin(), source_.url + healed);
  }
  problem_ = Problem::none;
  problem_key_.clear();
  post(std::move(log), std::move(document), clocks_.steady(), std::move(result));
}

void QueueFetcher::fail(Problem kind, const std::string& error) {
  ++failures_;
  if (remote_) {
    // Backed off a little, never beyond a few seconds: a LAN system that
    // comes back must reach the screen at once.
    const double poll = source_.poll_seconds;
    const net::BackoffPolicy policy{poll, std::max(poll, 5.0)};
    next_due_ = clocks_.steady() + net::backoff_seconds(failures_, net::jitter01(rng_), policy);
  }
  // Said once per kind of failure, not once a second for hours. A transfer's
  // error ends in curl's detail, which names milliseconds: without it.
  std::string key = kind == Problem::unreachable ? error.substr(0, error.find(" (")) : error;
  const bool said = kind == problem_ && key == problem_key_;
  problem_ = kind;
  problem_key_ = std::move(key);
  // A source that answers with a document it cannot read still answers:
  // it is not silent (answers.md, issue 19), so the last numbers it could
  // read stay; only no answer at all makes them go.
  const bool answered = kind == Problem::not_a_queue;
  std::vector<std::string> log;
  if (!said)
    log.push_back(error + (answered ? "; the last numbers it could read stay on screen"
                                    : "; the live numbers go after 30 s without an answer"));
  post(std::move(log), nullptr, answered ? std::optional(clocks_.steady()) : std::nullopt, error);
}

void QueueFetcher::post(std::vector<std::string> log,
                        std::shared_ptr<const model::QueueDocument> document,
                        std::optional<double> success, std::string result) {
  const bool news = document || !log.empty();
  {
    const std::lock_guard lock(mutex_);
    for (auto& line : log) {
      if (news_.log.size() == kMaxQueueLogLines) news_.log.push_back("… (more log lines were dropped)");
      if (news_.log.size() > kMaxQueueLogLines) break;
      news_.log.push_back(std::move(line));
    }
    // Not yet taken: the newer document replaces it.
    if (document) news_.document = std::move(document);
    if (success) news_.last_success = success;
    last_result_ = std::move(result);
  }
  if (news && on_news_) on_news_();
}

}  // namespace hb::app
