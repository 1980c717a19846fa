#pragma once

#include <optional>
#include <string>
#include <utility>

namespace hb::app {

// "1920x1080" -> (1920, 1080), for sizes this player draws: from 640x360
// (below it text at the legible floor leaves no room for content) to 16384.
std::optional<std::pair<int, int>> parse_size(const std::string& text);

}  // namespace hb::app
