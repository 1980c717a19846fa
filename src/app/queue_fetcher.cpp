#include "app/queue_fetcher.h"

namespace hb::app {
namespace {

DocumentKind<model::QueueDocument> queue_kind(const model::QueueSource& source,
                                              int utc_offset_minutes) {
  feed::QueueLimits limits;
  limits.utc_offset_minutes = utc_offset_minutes;
  return {source.url,
          source.poll_seconds,
          [limits](std::string_view bytes, const std::string& url, model::Diagnostics& out) {
            return feed::parse_queue(bytes, url, out, limits);
          },
          limits.max_bytes,
          // Backed off a little, never beyond a few seconds: a LAN system
          // that comes back must reach the screen at once.
          5,
          "queue",
          "a queue document",
          "; the last numbers it could read stay on screen",
          "; the live numbers go after 30 s without an answer"};
}

}  // namespace

QueueFetcher::QueueFetcher(const model::QueueSource& source, int utc_offset_minutes,
                           Clocks clocks, QueueFetchOptions options,
                           std::function<void()> on_news)
    : DocumentFetcher(queue_kind(source, utc_offset_minutes), std::move(clocks),
                      std::move(options.fetch), options.file_check_seconds, std::move(on_news)) {}

}  // namespace hb::app
