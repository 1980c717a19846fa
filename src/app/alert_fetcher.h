// The alerting authority's emergency alerts (CAP 1.2, issue 20), fetched on
// a thread of its own (app/document_fetcher.h) every <alerts poll> seconds.
// The last alerts it could read stay in force while the source fails: an
// alert ends by its own <expires> or a Cancel, not by a network fault.
#pragma once

#include <functional>

#include "app/document_fetcher.h"
#include "feed/cap_parse.h"
#include "model/alert.h"
#include "model/player_config.h"

namespace hb::app {

struct AlertFetchOptions {
  // Its abort flag is the fetcher's own; the size cap is the parser's.
  net::FetchOptions fetch = [] {
    net::FetchOptions o;
    o.max_bytes = feed::CapLimits{}.max_bytes;
    o.connect_timeout_seconds = 10;
    o.total_timeout_seconds = 30;
    return o;
  }();
  double file_check_seconds = 0;  // 0: the source's poll interval
};

using AlertNews = DocumentNews<model::AlertDocument>;

class AlertFetcher : public DocumentFetcher<model::AlertDocument> {
 public:
  AlertFetcher(const model::AlertSource& source, Clocks clocks, AlertFetchOptions options,
               std::function<void()> on_news);
};

}  // namespace hb::app
