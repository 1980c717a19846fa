#include "app/alert_fetcher.h"

namespace hb::app {
namespace {

DocumentKind<model::AlertDocument> alert_kind(const model::AlertSource& source) {
  const feed::CapLimits limits;
  return {source.url,
          source.poll_seconds,
          [limits](std::string_view bytes, const std::string& url, model::Diagnostics& out) {
            return feed::parse_alerts(bytes, url, out, limits);
          },
          limits.max_bytes,
          // An authority's server is not the hall's: backed off up to ten
          // minutes, never longer, since an alert an hour late is of no use.
          600,
          "alerts",
          "an alerts source (CAP)",
          "; the alerts it could last read stay in force",
          "; the alerts it could last read stay in force until they expire"};
}

}  // namespace

AlertFetcher::AlertFetcher(const model::AlertSource& source, Clocks clocks,
                           AlertFetchOptions options, std::function<void()> on_news)
    : DocumentFetcher(alert_kind(source), std::move(clocks), std::move(options.fetch),
                      options.file_check_seconds, std::move(on_news)) {}

}  // namespace hb::app
