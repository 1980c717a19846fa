#include "app/content_loader.h"

#include "app/load.h"
#include "feed/feed.h"

namespace hb::app {

ScreenContent load_screen_content(const std::string& config_path, const feed::Limits& limits) {
  ScreenContent r;
  const Loaded config_bytes = load_source(config_path, limits);
  if (!config_bytes.bytes) {
    r.error = config_bytes.error;
    return r;
  }
  r.config = feed::parse_player_config(*config_bytes.bytes, config_path, r.findings, limits);
  if (!r.config) return r;
  std::vector<model::Feed> feeds;
  for (const auto& source : r.config->feeds) {
    const Loaded bytes = load_source(source.url, limits);
    if (!bytes.bytes) {
      r.error = bytes.error;
      continue;
    }
    if (auto f = feed::parse_feed(*bytes.bytes, source.url, r.findings, limits))
      feeds.push_back(std::move(*f));
  }
  r.content = feed::merge(std::move(feeds), r.findings);
  return r;
}

}  // namespace hb::app
