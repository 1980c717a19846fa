// libFuzzer entry: any bytes through the whole lint path (decode, pre-scan,
// parse, read every section, merge, calendar checks), and whatever was read
// through the writer and back. Must never crash, hang or leak, and the
// writer must be the reader's inverse.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feed/feed.h"
#include "feed/write_feed.h"
#include "schedule/checks.h"

namespace {

// Whatever the reader made can be written. A feed read without errors,
// written, reads back and writes the same bytes again (the console
// publishes what it read from imports). A feed with errors may hold what
// the format cannot say: a <calendar> whose every <hours> was refused has
// no hours, and one without <hours> means the default hours.
void check_written(const hb::model::Feed& feed, bool clean) {
  const std::string written = hb::feed::write_feed(feed);
  if (!clean) return;
  hb::model::Diagnostics out;
  const auto back = hb::feed::parse_feed(written, "written.xml", out);
  if (!back || hb::feed::write_feed(*back) != written) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hb::model::Diagnostics out;
  hb::feed::Limits limits;
  limits.max_bytes = 1u << 20;
  hb::feed::Document doc = hb::feed::parse_document(bytes, "fuzz.xml", out, limits);
  if (doc.feed) {
    check_written(*doc.feed, !hb::model::has_errors(out));
    std::vector<hb::model::Feed> feeds;
    feeds.push_back(*doc.feed);
    feeds.push_back(std::move(*doc.feed));  // merged with itself: every id clashes
    const auto content = hb::feed::merge(std::move(feeds), out);
    hb::schedule::check_absence_cover(content, 480, out);
  }
  hb::model::sort_for_report(out);
  for (const auto& d : out)
    (void)hb::model::format_diagnostic(d);
  return 0;
}
