// libFuzzer entry: any bytes through the whole lint path (decode, pre-scan,
// parse, read every section, merge, calendar checks). Must never crash,
// hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feed/feed.h"
#include "schedule/checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  hb::model::Diagnostics out;
  hb::feed::Limits limits;
  limits.max_bytes = 1u << 20;
  hb::feed::Document doc = hb::feed::parse_document(bytes, "fuzz.xml", out, limits);
  if (doc.feed) {
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
