// The queue document (叫号联动, docs/feed-format.md section 17): bytes in,
// model::QueueDocument out, every problem a Diagnostic with file, line and
// column. The same encodings, pre-scan and XML checks as a feed, with
// bounds of its own: the document is fetched every second, so it is small.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/queue.h"

namespace hb::feed {

struct QueueLimits {
  std::size_t max_bytes = 256u * 1024u;
  std::size_t max_windows = 200;  // more than any hall has; the rest are left out
  std::size_t max_calls = 50;     // the latest are kept, the older left out
  std::size_t max_findings = 100;
  // Timestamps written without an offset are in the player's zone.
  int utc_offset_minutes = model::kDefaultUtcOffsetMinutes;
};

// Longest values, in characters: beyond them an element is left out (ids,
// tickets) or shown without the caller (name, title).
inline constexpr std::size_t kMaxQueueIdChars = 64;
inline constexpr std::size_t kMaxTicketChars = 16;
inline constexpr std::size_t kMaxCallerNameChars = 20;
inline constexpr std::size_t kMaxCallerTitleChars = 8;
inline constexpr long long kMaxWaiting = 9999;

// Nothing when the document cannot be read at all (size, encoding, XML, root
// element). Otherwise what it could read: a window or call with an error is
// left out and the rest kept, since a live screen had better show the
// other windows than none (lint still exits 1 on the error).
std::optional<model::QueueDocument> parse_queue(std::string_view bytes, const std::string& source,
                                                model::Diagnostics& out,
                                                const QueueLimits& limits = {});

}  // namespace hb::feed
