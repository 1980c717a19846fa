// The heartbeat's `screenshot` (docs/feed-format.md): decoded and checked
// before it is stored, since it reaches an admin's browser. Pure: no I/O.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace hb::console {

// A screen sends at most 960 pixels wide (~200 KB); this leaves room for
// busy pages without letting one report fill the database.
inline constexpr std::size_t kScreenshotCap = 2u * 1024u * 1024u;
inline constexpr int kScreenshotSide = 2048;  // pixels, either side

// Screens send one with every heartbeat (~200 KB a minute each): 500
// screens would rewrite 100 MB of the database a minute for a picture
// looked at now and then. One per screen per 5 minutes is kept.
inline constexpr std::int64_t kScreenshotEvery = 300;

// Whether a screenshot arriving at `now` replaces the one taken at
// `stored_at` (none yet: yes; the console's clock set back: yes, or it
// would keep none until it caught up).
bool screenshot_due(std::optional<std::int64_t> stored_at, std::int64_t now);

// The PNG of a report's `screenshot`, or why it cannot be kept; taken_at unset.
base::Result<store::Screenshot, std::string> screenshot_of(const nlohmann::json& screenshot);

}  // namespace hb::console
