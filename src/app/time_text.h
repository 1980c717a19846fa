// Times as people in the hall read them.
#pragma once

#include <optional>
#include <string>

#include "model/time.h"

namespace hb::app {

std::string weekday_zh(model::Weekday w);  // 星期五
// 2026年11月27日 星期五
std::string date_zh(const model::Date& d);
// 10:00:00 (or 10:00) in the given zone
std::string clock_text(model::UnixSeconds t, int utc_offset_minutes, bool seconds = true);
// 2026-11-27 10:00:00 in the given zone
std::string local_text(model::UnixSeconds t, int utc_offset_minutes, bool seconds = true);
std::string offset_text(int utc_offset_minutes);  // +08:00
// 2026-11-27T10:00:00+08:00: for machines (proof of play, the heartbeat)
std::string iso_local_time(model::UnixSeconds t, int utc_offset_minutes);

// --at values: a feed timestamp; without an offset it is in the given zone.
std::optional<model::UnixSeconds> parse_at(const std::string& text, int utc_offset_minutes);

// Why `text` is not an --at value: '--at "2026-13-01" is not a time: there is no month 13'.
std::string at_problem(const std::string& text);

// The instant a command works at: --at when given, else now. Nothing,
// after a message on stderr naming the command, when --at is not a time
// (an empty one included) or the instant falls outside the years 0000-9999.
std::optional<model::UnixSeconds> instant_for(const std::string& command,
                                              const std::optional<std::string>& at_text,
                                              int utc_offset_minutes, model::UnixSeconds now);

}  // namespace hb::app
