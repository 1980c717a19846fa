// The live player's content from the config's feeds: read at start and
// again whenever a local feed file changes. A read that brings errors is
// refused and the last good content stays on screen.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "feed/limits.h"
#include "model/content.h"
#include "model/player_config.h"

namespace hb::app {

class FeedWatcher {
 public:
  explicit FeedWatcher(model::PlayerConfig config, feed::Limits limits = {});

  struct Update {
    std::optional<model::Content> content;  // new, valid content
    std::vector<std::string> log;           // one plain line per event
  };
  // Reads every feed on the first call, when a local feed has changed since
  // the last read, and every half minute while the last read failed.
  Update poll(model::UnixSeconds now);

 private:
  struct Stamp {
    std::string path;
    std::filesystem::file_time_type written{};
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  std::vector<Stamp> stamps() const;

  model::PlayerConfig config_;
  feed::Limits limits_;
  bool read_once_ = false;
  bool last_failed_ = false;
  bool had_good_ = false;
  model::UnixSeconds last_attempt_ = 0;
  std::vector<Stamp> last_;
};

}  // namespace hb::app
