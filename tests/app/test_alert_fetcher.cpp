// The alerts' fetcher (CAP 1.2, issue 20) against local files: the alerts
// handed over, the last good ones kept while the source is broken or
// gone, each kind of failure said once.
#include <doctest/doctest.h>

#include "app/alert_fetcher.h"
#include "files.h"
#include "net/net_support.h"

namespace hb::test::alert_fetcher_tests {
namespace {

struct Seen {
  std::shared_ptr<const model::AlertDocument> document;
  std::vector<std::string> log;
  bool done = false;
  int lines_with(std::string_view needle) const {
    int n = 0;
    for (const auto& l : log)
      n += l.find(needle) != std::string::npos ? 1 : 0;
    return n;
  }
};

Seen watch(app::AlertFetcher& fetcher, double seconds,
           const std::function<bool(const Seen&)>& done = {}) {
  Seen seen;
  const double end = steady_seconds() + seconds;
  for (;;) {
    auto news = fetcher.take();
    if (news.document) seen.document = std::move(news.document);
    for (auto& l : news.log)
      seen.log.push_back(std::move(l));
    if (done && done(seen)) {
      seen.done = true;
      return seen;
    }
    if (steady_seconds() >= end) return seen;
    sleep_seconds(0.02);
  }
}

std::string cap(const std::string& name) {
  return read_bytes(source_dir() / "tests" / "feed" / "cap" / name);
}

}  // namespace

TEST_SUITE_BEGIN("alert_fetcher");

TEST_CASE("alert fetcher: a local file; the last good alerts stay while it is broken or gone") {
  TempDir dir;
  const auto file = dir / "cap.xml";
  write_file(file, cap("typhoon.xml"));
  app::AlertFetchOptions options;
  options.file_check_seconds = 0.05;
  app::AlertFetcher fetcher(model::AlertSource{file.string(), 30, "", {}}, real_clocks(), options,
                            nullptr);
  auto seen = watch(fetcher, 5, [](const Seen& s) { return s.document != nullptr; });
  REQUIRE(seen.done);
  REQUIRE(seen.document->alerts.size() == 1);
  CHECK(fetcher.last_result() == "ok");

  write_file(file, "<alert><identifier>");
  seen = watch(fetcher, 5, [](const Seen& s) { return !s.log.empty(); });
  REQUIRE(seen.done);
  CHECK(seen.lines_with("is not an alerts source (CAP) it can read") == 1);
  CHECK(seen.lines_with("stay in force") == 1);
  seen = watch(fetcher, 0.3);
  CHECK(seen.log.empty());  // said once
  CHECK(!seen.document);    // nothing replaces the last good alerts

  // An <rss> without its <channel> reads as no alerts: it must not withdraw them.
  write_file(file, "<rss version=\"2.0\"/>");
  seen = watch(fetcher, 0.5);
  CHECK(!seen.document);

  std::filesystem::remove(file);
  seen = watch(fetcher, 5, [](const Seen& s) { return !s.log.empty(); });
  REQUIRE(seen.done);
  CHECK(seen.lines_with(file.string()) == 1);

  write_file(file, cap("atom.xml"));
  seen = watch(fetcher, 5, [](const Seen& s) { return s.document != nullptr; });
  REQUIRE(seen.done);
  CHECK(seen.lines_with("readable again") == 1);
  CHECK(seen.document->alerts.size() == 2);
}

TEST_SUITE_END();

}  // namespace hb::test::alert_fetcher_tests
