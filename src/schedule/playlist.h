// Which playlist a screen plays, and which of its slides have something to
// show at an instant.
#pragma once

#include <string>

#include "model/content.h"

namespace hb::schedule {

// The playlist naming this screen id, else the "*" one; nullptr if neither.
const model::Playlist* select_playlist(const model::Content& content, const std::string& screen);

// Items an `items` slide lists (all, or those of its category), in order.
std::vector<const model::Item*> items_for(const model::Content& content, const model::Slide& slide);

// Results a `results` slide shows at t: the last `days` days, newest first.
std::vector<const model::Result*> results_for(const model::Content& content,
                                              const model::Slide& slide, model::UnixSeconds t,
                                              int utc_offset_minutes);

// False when the slide would be empty at t, so the rotation skips it.
bool has_content(const model::Content& content, const model::Slide& slide, model::UnixSeconds t,
                 int utc_offset_minutes);

}  // namespace hb::schedule
