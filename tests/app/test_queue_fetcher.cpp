// The queue document's fetcher (叫号联动, issue 19) against
// tests/net/fault_server.py on 127.0.0.1 and against local files: what it
// hands over, when the source counts as alive, what it says once.
#include <doctest/doctest.h>

#include <signal.h>

#include <atomic>
#include <memory>
#include <sstream>

#include "app/queue_fetcher.h"
#include "files.h"
#include "net/net_support.h"

namespace hb::test {
namespace {

std::string queue_xml(const std::string& serving) {
  return "<queue generated=\"2026-12-02T10:15:03+08:00\">\n"
         "  <window id=\"1\" serving=\"" +
         serving +
         "\" waiting=\"5\"/>\n"
         "  <call id=\"c-1\" ticket=\"" +
         serving + "\" window=\"1\" at=\"2026-12-02T10:15:02+08:00\"/>\n</queue>\n";
}

// What a fetcher handed over, gathered until `done` says so or time is up.
struct Seen {
  std::vector<std::shared_ptr<const model::QueueDocument>> documents;
  std::vector<std::string> log;
  std::optional<double> last_success;
  bool done = false;

  std::string log_text() const {
    std::string s;
    for (const auto& l : log)
      s += l + "\n";
    return s;
  }
  int lines_with(std::string_view needle) const {
    int n = 0;
    for (const auto& l : log)
      n += l.find(needle) != std::string::npos ? 1 : 0;
    return n;
  }
  std::string serving() const {  // of the newest document's first window
    return documents.empty() || documents.back()->windows.empty()
               ? ""
               : documents.back()->windows.front().serving;
  }
};

Seen watch(app::QueueFetcher& fetcher, double seconds,
           const std::function<bool(const Seen&)>& done = {}) {
  Seen seen;
  const double end = steady_seconds() + seconds;
  for (;;) {
    auto news = fetcher.take();
    if (news.document) seen.documents.push_back(std::move(news.document));
    for (auto& l : news.log)
      seen.log.push_back(std::move(l));
    seen.last_success = news.last_success;
    if (done && done(seen)) {
      seen.done = true;
      return seen;
    }
    if (steady_seconds() >= end) return seen;
    sleep_seconds(0.02);
  }
}

std::unique_ptr<app::QueueFetcher> start_fetcher(const std::string& url, double file_check = 0,
                                                 std::atomic<int>* wakes = nullptr) {
  app::QueueFetchOptions options;
  options.file_check_seconds = file_check;
  return std::make_unique<app::QueueFetcher>(model::QueueSource{url, 1, false, {}}, 480,
                                             real_clocks(), options, [wakes] {
                                               if (wakes) ++*wakes;
                                             });
}

// fault_server.py serving www/queue.xml (ETag, 304), noting each request.
struct Served {
  TempDir dir;
  std::filesystem::path www = dir / "www";
  int port = 0;
  std::unique_ptr<Child> server;

  explicit Served(const std::string& first) {
    write_file(www / "_requests", "");
    publish(first);
    start(0);
  }
  void start(int wanted) {
    port = wanted;
    server = start_fault_server(www, port);
  }
  void publish(const std::string& bytes) { write_file(www / "queue.xml", bytes); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/queue.xml"; }
  // The If-None-Match of each request, oldest first ("-": none).
  std::vector<std::string> sent_etags() const {
    std::vector<std::string> r;
    std::istringstream in(read_file(www / "_requests"));
    std::string path, etag;
    while (in >> path >> etag)
      r.push_back(etag);
    return r;
  }
};

}  // namespace

TEST_SUITE_BEGIN("queue_fetcher");

TEST_CASE("queue fetcher: a 200, then 304s that bring nothing but keep the source alive") {
  Served s(queue_xml("A023"));
  std::atomic<int> wakes = 0;
  auto fetcher = start_fetcher(s.url(), 0, &wakes);
  auto seen = watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); });
  INFO(seen.log_text());
  REQUIRE(seen.done);
  CHECK(seen.serving() == "A023");
  CHECK(seen.documents.back()->calls.size() == 1);
  CHECK(wakes >= 1);
  REQUIRE(seen.last_success);
  const double first = *seen.last_success;

  // The next poll sends the ETag back and gets a 304: alive, no document.
  seen = watch(*fetcher, 5, [&](const Seen& n) {
    return n.last_success > first && fetcher->last_result() == "not modified";
  });
  INFO(seen.log_text());
  REQUIRE(seen.done);
  CHECK(seen.documents.empty());
  CHECK(seen.log.empty());
  const auto etags = s.sent_etags();
  REQUIRE(etags.size() >= 2);
  CHECK(etags.front() == "-");
  CHECK(etags.back().starts_with("\""));

  // A change reaches the owner within a poll.
  s.publish(queue_xml("A024"));
  seen = watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); });
  REQUIRE(seen.done);
  CHECK(seen.serving() == "A024");
  CHECK(fetcher->last_result() == "ok");
}

TEST_CASE("queue fetcher: a server down is said once, then reachable again") {
  Served s(queue_xml("A023"));
  auto fetcher = start_fetcher(s.url());
  REQUIRE(watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); }).done);
  const int port = s.port;
  s.server->stop(SIGKILL);
  auto seen = watch(*fetcher, 5, [](const Seen& n) { return !n.log.empty(); });
  INFO(seen.log_text());
  REQUIRE(seen.done);
  CHECK(seen.lines_with("Couldn't connect") == 1);
  const auto alive = seen.last_success;
  // Tried again (within the backoff's first two ceilings, 1 s and 2 s), not said again.
  auto later = watch(*fetcher, 1.5);
  INFO(later.log_text());
  CHECK(later.log.empty());
  CHECK(later.last_success == alive);
  CHECK(fetcher->last_result().find("Couldn't connect") != std::string::npos);

  s.start(port);
  // Within the backoff's cap (5 s) and a poll.
  seen = watch(*fetcher, 8, [](const Seen& n) { return n.lines_with("reachable again") > 0; });
  INFO(seen.log_text());
  REQUIRE(seen.done);
  CHECK(seen.log.size() == 1);
  CHECK(seen.last_success > alive);
  CHECK(seen.documents.empty());  // the same bytes: nothing new to show
}

TEST_CASE("queue fetcher: it stops at once against a server that accepts and never answers") {
  Served s(queue_xml("A023"));
  write_file(s.www / "_fault", "hang");
  auto fetcher = start_fetcher(s.url());
  const auto hung = s.www / "_hung";
  for (int i = 0; i < 250 && !std::filesystem::exists(hung); ++i)
    sleep_seconds(0.02);
  REQUIRE(std::filesystem::exists(hung));
  // Before the transfer's own timeout (5 s): the abort flag ended it.
  CHECK(ends_before(3, [&] { fetcher.reset(); }));
}

TEST_CASE("queue fetcher: a local file is read at every look, changes and all") {
  TempDir dir;
  const auto file = dir / "queue.xml";
  write_file(file, queue_xml("A023"));
  auto fetcher = start_fetcher("file://" + file.string(), 0.05);
  auto seen = watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); });
  REQUIRE(seen.done);
  CHECK(seen.serving() == "A023");
  const auto first = seen.last_success;
  // Unchanged: alive at every look, no document.
  seen = watch(*fetcher, 0.3);
  CHECK(seen.documents.empty());
  CHECK(seen.last_success > first);

  write_file(file, queue_xml("A024"));
  seen = watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); });
  REQUIRE(seen.done);
  CHECK(seen.serving() == "A024");

  std::filesystem::remove(file);
  seen = watch(*fetcher, 5, [](const Seen& n) { return !n.log.empty(); });
  INFO(seen.log_text());
  REQUIRE(seen.done);
  CHECK(seen.lines_with(file.string()) == 1);
  const auto gone = seen.last_success;
  seen = watch(*fetcher, 0.3);
  CHECK(seen.log.empty());
  CHECK(seen.last_success == gone);

  write_file(file, queue_xml("A025"));
  seen = watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); });
  INFO(seen.log_text());
  REQUIRE(seen.done);
  CHECK(seen.lines_with("readable again") == 1);
  CHECK(seen.serving() == "A025");
}

TEST_CASE("queue fetcher: a document it cannot read is said once; the last good one stays") {
  struct Row {
    const char* name;
    std::string bytes;
    const char* line;     // of the parser's first finding, in the log as FILE:LINE:COL
    const char* said;     // in the same log line
    bool readable;        // a partly read document is shown
    const char* serving;  // of the document handed over; empty: none
  };
  const std::vector<Row> rows = {
      {"not XML", "<queue><window id=\"1\"></queue>", ":1:", "not well-formed", false, ""},
      {"a feed", "<hallboard version=\"1\"/>", ":1:", "a queue document is <queue>", false, ""},
      {"cut short", "<queue>\n<window id=\"1\"/>", ":2:", "cut short", false, ""},
      {"a window in error, one readable",
       "<queue>\n  <window id=\"1\" waiting=\"many\"/>\n  <window id=\"2\" serving=\"B001\"/>\n"
       "</queue>\n",
       ":2:", "waiting=\"many\"", true, "B001"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    TempDir dir;
    const auto file = dir / "queue.xml";
    write_file(file, queue_xml("A023"));
    auto fetcher = start_fetcher(file.string(), 0.05);
    REQUIRE(watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); }).done);

    write_file(file, row.bytes);
    auto seen = watch(*fetcher, 5, [](const Seen& n) { return !n.log.empty(); });
    INFO(seen.log_text());
    REQUIRE(seen.done);
    REQUIRE(seen.log.size() == 1);
    CHECK(seen.lines_with(file.string() + row.line) == 1);
    CHECK(seen.lines_with(row.said) == 1);
    CHECK(seen.serving() == row.serving);
    // Looked at again and again: not said again; alive all the same, since
    // a source that answers is not silent (answers.md, issue 19).
    const auto at_failure = seen.last_success;
    seen = watch(*fetcher, 0.3);
    CHECK(seen.log.empty());
    CHECK(seen.documents.empty());
    CHECK(seen.last_success > at_failure);

    write_file(file, queue_xml("A024"));
    seen = watch(*fetcher, 5, [](const Seen& n) { return !n.documents.empty(); });
    REQUIRE(seen.done);
    CHECK(seen.serving() == "A024");
    CHECK(seen.lines_with("a queue document it can read again") == (row.readable ? 0 : 1));
  }
}

TEST_SUITE_END();

}  // namespace hb::test
