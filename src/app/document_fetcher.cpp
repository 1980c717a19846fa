#include "app/document_fetcher.h"

#include <algorithm>
#include <chrono>
#include <random>

#include "app/stoppable_wait.h"
#include "model/alert.h"
#include "model/queue.h"
#include "net/backoff.h"
#include "net/local_file.h"

namespace hb::app {
namespace {

// A second's log lines for a screen nobody reads: more is a loop gone wrong.
constexpr std::size_t kMaxQueuedLog = 100;

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

template <class Doc>
DocumentFetcher<Doc>::DocumentFetcher(DocumentKind<Doc> kind, Clocks clocks,
                                      net::FetchOptions fetch, double file_check_seconds,
                                      std::function<void()> on_news)
    : kind_(std::move(kind)),
      clocks_(std::move(clocks)),
      fetch_(std::move(fetch)),
      file_check_seconds_(file_check_seconds),
      on_news_(std::move(on_news)),
      remote_(net::is_http_url(kind_.url)),
      rng_((std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}()) {
  fetch_.abort = &abort_;
  // Zero or negative intervals would spin the thread.
  kind_.poll_seconds = std::max(1, kind_.poll_seconds);
  if (file_check_seconds_ <= 0) file_check_seconds_ = kind_.poll_seconds;
  file_check_seconds_ = std::max(0.01, file_check_seconds_);
  if (!remote_) path_ = net::local_path(kind_.url);
  thread_ = std::thread([this] { run(); });
}

template <class Doc>
DocumentFetcher<Doc>::~DocumentFetcher() {
  {
    const std::lock_guard lock(mutex_);
    abort_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

template <class Doc>
DocumentNews<Doc> DocumentFetcher<Doc>::take() {
  const std::lock_guard lock(mutex_);
  DocumentNews<Doc> out;
  out.document = std::move(news_.document);
  out.log = std::move(news_.log);
  out.last_success = news_.last_success;  // a state, not news: it stays
  news_.document.reset();
  news_.log.clear();
  return out;
}

template <class Doc>
std::string DocumentFetcher<Doc>::last_result() const {
  const std::lock_guard lock(mutex_);
  return last_result_;
}

template <class Doc>
void DocumentFetcher<Doc>::run() {
  try {
    while (!abort_) {
      if (clocks_.steady() >= next_due_) poll();
      if (!wait_until_due(clocks_, next_due_, mutex_, wake_, abort_)) return;
    }
  } catch (const std::exception& e) {
    // The owner sees the source fall silent.
    post({"the " + kind_.name + " fetch thread of " + kind_.url + " stopped: " + e.what() +
          "; nothing more of it is shown until the player restarts"},
         nullptr, std::nullopt, "stopped: " + std::string(e.what()));
  }
}

template <class Doc>
void DocumentFetcher<Doc>::poll() {
  // Due again one interval after this look began, so a slow answer does
  // not push the next poll back by its own length.
  next_due_ = clocks_.steady() + (remote_ ? kind_.poll_seconds : file_check_seconds_);
  if (remote_)
    poll_remote();
  else
    poll_local();
}

template <class Doc>
void DocumentFetcher<Doc>::poll_remote() {
  auto r = net::fetch(kind_.url, fetch_, validators_);
  if (r.aborted) return;
  if (r.not_modified) return succeed("not modified", nullptr, {});
  if (!r.body) return fail(Problem::unreachable, r.error);
  arrived(std::move(*r.body), std::move(r.validators));
}

template <class Doc>
void DocumentFetcher<Doc>::poll_local() {
  // Read at every look rather than watched by stamp: the document is small,
  // a look must prove the file readable, and news must not wait a second
  // look for the file to stand still (adapters replace it atomically).
  auto read = net::read_local(path_, kind_.max_bytes);
  if (!read.bytes) return fail(Problem::unreadable, kind_.url + ": " + read.error);
  arrived(std::move(*read.bytes), {});
}

template <class Doc>
void DocumentFetcher<Doc>::arrived(std::string bytes, net::Validators validators) {
  // Unchanged bytes (a server without validators, a file at every look)
  // are no news: nothing to parse.
  if (!good_bytes_.empty() && bytes == good_bytes_) return succeed("ok", nullptr, {});
  model::Diagnostics findings;
  auto doc = kind_.parse(bytes, kind_.url, findings);
  if (!doc) {
    // The last good document stays, and its validators: a 304 for them
    // would otherwise pass the unreadable version for a live one.
    return fail(Problem::not_readable_as_kind, kind_.url + " is not " + kind_.a_document +
                                                   " it can read (" +
                                                   first_finding(std::move(findings)) + ")");
  }
  // A document with errors is shown without the elements in error; its
  // first error is said once, not at every poll while the source keeps
  // serving it.
  std::vector<std::string> log;
  std::string said = model::has_errors(findings) ? first_finding(std::move(findings)) : "";
  if (!said.empty() && said != findings_said_)
    log.push_back(said + " (in " + kind_.url + "; the rest of it is shown)");
  findings_said_ = std::move(said);
  good_bytes_ = std::move(bytes);
  validators_ = std::move(validators);
  succeed("ok", std::make_shared<const Doc>(std::move(*doc)), std::move(log));
}

template <class Doc>
void DocumentFetcher<Doc>::succeed(std::string result, std::shared_ptr<const Doc> document,
                                   std::vector<std::string> log) {
  failures_ = 0;
  if (problem_ != Problem::none) {
    const std::string healed = problem_ == Problem::unreachable  ? ": reachable again"
                               : problem_ == Problem::unreadable ? ": readable again"
                                                                 : ": " + kind_.a_document +
                                                                       " it can read again";
    log.insert(log.begin(), kind_.url + healed);
  }
  problem_ = Problem::none;
  problem_key_.clear();
  post(std::move(log), std::move(document), clocks_.steady(), std::move(result));
}

template <class Doc>
void DocumentFetcher<Doc>::fail(Problem kind, const std::string& error) {
  ++failures_;
  if (remote_) {
    const double poll = kind_.poll_seconds;
    const net::BackoffPolicy policy{poll, std::max(poll, kind_.max_backoff_seconds)};
    next_due_ = clocks_.steady() + net::backoff_seconds(failures_, net::jitter01(rng_), policy);
  }
  // Said once per kind of failure, not at every poll for hours. A transfer's
  // error ends in curl's detail, which names milliseconds: without it.
  std::string key = kind == Problem::unreachable ? error.substr(0, error.find(" (")) : error;
  const bool said = kind == problem_ && key == problem_key_;
  problem_ = kind;
  problem_key_ = std::move(key);
  // A source that answers with a document it cannot read still answers:
  // it is not silent (answers.md, issue 19), so the last document it could
  // read stays; only no answer at all makes it go.
  const bool answered = kind == Problem::not_readable_as_kind;
  std::vector<std::string> log;
  if (!said) log.push_back(error + (answered ? kind_.kept : kind_.lost));
  post(std::move(log), nullptr, answered ? std::optional(clocks_.steady()) : std::nullopt, error);
}

template <class Doc>
void DocumentFetcher<Doc>::post(std::vector<std::string> log, std::shared_ptr<const Doc> document,
                                std::optional<double> success, std::string result) {
  const bool news = document || !log.empty();
  {
    const std::lock_guard lock(mutex_);
    for (auto& line : log) {
      if (news_.log.size() == kMaxQueuedLog) news_.log.push_back("… (more log lines were dropped)");
      if (news_.log.size() > kMaxQueuedLog) break;
      news_.log.push_back(std::move(line));
    }
    // Not yet taken: the newer document replaces it.
    if (document) news_.document = std::move(document);
    if (success) news_.last_success = success;
    last_result_ = std::move(result);
  }
  if (news && on_news_) on_news_();
}

// The documents fetched this way.
template class DocumentFetcher<model::QueueDocument>;
template class DocumentFetcher<model::AlertDocument>;

}  // namespace hb::app
