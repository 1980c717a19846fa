// The queue-calling system's live document (叫号联动, issue 19), fetched on a
// thread of its own (app/document_fetcher.h). The owner judges silence from
// last_success (docs/feed-format.md section 17: 30 s without one and the
// live numbers go). It is a LAN system polled every second, so a failing
// source is tried again within a few seconds, never minutes.
#pragma once

#include <functional>

#include "app/document_fetcher.h"
#include "feed/queue_parse.h"
#include "model/player_config.h"
#include "model/queue.h"

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

using QueueNews = DocumentNews<model::QueueDocument>;

class QueueFetcher : public DocumentFetcher<model::QueueDocument> {
 public:
  QueueFetcher(const model::QueueSource& source, int utc_offset_minutes, Clocks clocks,
               QueueFetchOptions options, std::function<void()> on_news);
};

}  // namespace hb::app
