// One reader per section of a feed. Each checks what can be checked inside
// one document; rules across feeds live in merge.cpp.
#pragma once

#include <optional>
#include <string>

#include "feed/element_reader.h"
#include "model/content.h"

namespace hb::feed {

model::Hall read_hall(ElementReader& e, const std::string& base_url);
model::Calendar read_calendar(ElementReader& e);
std::vector<model::Item> read_items(ElementReader& e);
std::vector<model::Result> read_results(ElementReader& e);
model::Roster read_roster(ElementReader& e, const std::string& base_url);
std::vector<model::Pledge> read_pledges(ElementReader& e);
std::vector<model::Notice> read_notices(ElementReader& e);
std::optional<model::Stats> read_stats(ElementReader& e);
model::Playlist read_playlist(ElementReader& e, const std::string& base_url);

// A picture's reference as the attribute gives it, or nothing (with an
// error at the attribute) when a feed from http(s) names a picture of
// another scheme, a local file: model::reference_leaves_web.
std::optional<std::string> web_safe_picture(ElementReader& e, const char* attribute,
                                            const std::string& value, const std::string& base_url);

}  // namespace hb::feed
