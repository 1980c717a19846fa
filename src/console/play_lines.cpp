#include "console/play_lines.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "feed/values.h"
#include "model/time.h"

namespace hb::console {

namespace {

// A number past int64 (nlohmann reads it as unsigned) is not whole here.
std::optional<std::int64_t> whole(const nlohmann::json& entry, const char* key) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_number_integer()) return std::nullopt;
  if (it->is_number_unsigned() &&
      it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    return std::nullopt;
  return it->get<std::int64_t>();
}

std::string text_of(const nlohmann::json& entry, const char* key) {
  const auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// ISO 8601 with its offset: the player writes its own zone's, and an
// instant without one could be any of 24 hours.
std::optional<std::int64_t> instant(const nlohmann::json& entry, const char* key) {
  const auto t = feed::parse_timestamp(text_of(entry, key));
  if (!t || !t->utc_offset_minutes) return std::nullopt;
  return model::to_unix(*t, 0);
}

}  // namespace

std::string play_line_problem(const nlohmann::json& entry) {
  if (!entry.is_object()) return "not an object";
  const auto seq = whole(entry, "seq");
  if (!seq || *seq < 1) return "no whole seq from 1";
  const auto start = instant(entry, "start");
  const auto end = instant(entry, "end");
  if (!start) return "start is not ISO 8601 with a ±HH:MM offset";
  if (!end) return "end is not ISO 8601 with a ±HH:MM offset";
  if (*end < *start || *end - *start > store::kLongestPlay) return "end before start or over a day after it";
  const auto seconds = whole(entry, "seconds");
  if (!seconds || *seconds < 0 || *seconds > store::kLongestPlay) return "seconds missing, negative or over a day";
  if (text_of(entry, "slide").empty()) return "no slide";
  return "";
}

ReceivedPlays received_plays(const nlohmann::json& report) {
  ReceivedPlays out;
  const auto play = report.find("play");
  if (play == report.end() || !play->is_array()) return out;
  for (const auto& p : *play) {
    if (p.is_object()) out.ack = std::max(out.ack, whole(p, "seq").value_or(0));
    if (const std::string problem = play_line_problem(p); !problem.empty()) {
      if (out.skipped++ == 0) out.first_problem = problem;
      continue;
    }
    out.valid.push_back({*whole(p, "seq"), text_of(p, "start"), *whole(p, "seconds"), text_of(p, "slide"),
                         text_of(p, "item"), p.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         *instant(p, "start"), *instant(p, "end")});
  }
  return out;
}

}  // namespace hb::console
