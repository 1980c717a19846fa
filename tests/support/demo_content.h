// The bundled demo hall (content/), parsed and merged, for tests that need
// a full, realistic hall.
#pragma once

#include "feed/feed.h"
#include "files.h"

namespace hb::test {

inline model::Content demo_content() {
  model::Diagnostics out;
  const auto dir = source_dir() / "content";
  std::vector<model::Feed> feeds;
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"}) {
    const auto path = (dir / f).string();
    feeds.push_back(*feed::parse_feed(read_bytes(path), path, out));
  }
  return feed::merge(std::move(feeds), out);
}

}  // namespace hb::test
