// A player config and every feed it names, read, parsed and merged. Shared
// by the commands that work on one screen's content.
#pragma once

#include <optional>
#include <string>

#include "feed/limits.h"
#include "model/content.h"
#include "model/player_config.h"

namespace hb::app {

struct ScreenContent {
  std::optional<model::PlayerConfig> config;  // nothing: the config itself could not be used
  model::Content content;
  model::Diagnostics findings;
  std::string error;  // a file or URL that could not be read (exit status 2)
};

ScreenContent load_screen_content(const std::string& config_path, const feed::Limits& limits);

}  // namespace hb::app
