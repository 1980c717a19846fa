#include "console/drafts.h"

#include "console/feed_records.h"
#include "feed/feed.h"
#include "layout/slide_estimate.h"
#include "schedule/checks.h"

namespace hb::console {

ReadContent read_feeds(const std::vector<NamedFeed>& feeds, int utc_offset_minutes) {
  ReadContent out;
  std::vector<model::Feed> parsed;
  for (const NamedFeed& f : feeds) {
    if (auto feed = feed::parse_feed(f.bytes, f.name, out.findings)) parsed.push_back(std::move(*feed));
  }
  out.content = feed::merge(std::move(parsed), out.findings);
  schedule::check_absence_cover(out.content, utc_offset_minutes, out.findings);
  layout::check_slide_lengths(out.content, out.findings);
  return out;
}

std::vector<NamedFeed> draft_feeds(const std::vector<store::Record>& records, const std::string& hall_id) {
  std::vector<NamedFeed> feeds;
  for (const FeedDraft& d : feeds_from_records(records, hall_id)) {
    feeds.push_back(NamedFeed{d.name, d.bytes("")});
  }
  return feeds;
}

ReadContent read_drafts(const std::vector<store::Record>& records, const std::string& hall_id,
                        int utc_offset_minutes) {
  return read_feeds(draft_feeds(records, hall_id), utc_offset_minutes);
}

std::vector<std::string> error_lines(const model::Diagnostics& findings) {
  std::vector<std::string> out;
  for (const model::Diagnostic& d : findings) {
    if (d.severity == model::Severity::error) out.push_back(model::format_diagnostic(d));
  }
  return out;
}

}  // namespace hb::console
