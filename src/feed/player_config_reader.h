#pragma once

#include <optional>

#include "feed/element_reader.h"
#include "feed/xml_document.h"
#include "model/player_config.h"

namespace hb::feed {

std::optional<model::PlayerConfig> read_player_config(const XmlDocument& doc, Findings& findings);

// A feed location as the config names it, resolved against the config's own
// location: http(s) URLs stay as they are, file:// URLs become paths, and a
// relative path is taken relative to the config file.
std::optional<std::string> resolve_feed_location(std::string_view url, std::string_view config);

}  // namespace hb::feed
