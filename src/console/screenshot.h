// The heartbeat's `screenshot` (docs/feed-format.md): decoded and checked
// before it is stored, since it reaches an admin's browser. Pure: no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace hb::console {

// A screen sends at most 960 pixels wide (~200 KB); this leaves room for
// busy pages without letting one report fill the database.
inline constexpr std::size_t kScreenshotCap = 2u * 1024u * 1024u;
inline constexpr int kScreenshotSide = 2048;  // pixels, either side

// The PNG of a report's `screenshot`, or why it cannot be kept; taken_at unset.
base::Result<store::Screenshot, std::string> screenshot_of(const nlohmann::json& screenshot);

}  // namespace hb::console
