#include "app/proof_of_play.h"

#include "app/json.h"
#include "app/time_text.h"

namespace hb::app {
ProofOfPlay::ProofOfPlay(std::string screen, int utc_offset_minutes)
    : screen_(std::move(screen)), offset_(utc_offset_minutes) {}

std::optional<std::string> ProofOfPlay::end(model::UnixSeconds t) {
  if (!current_ || t <= since_) {
    current_.reset();
    return std::nullopt;
  }
  const OnScreen& s = *current_;
  std::string line = "{\"screen\":" + json_string(screen_) + ",\"start\":\"" +
                     iso_local_time(since_, offset_) + "\",\"end\":\"" +
                     iso_local_time(t, offset_) + "\",\"seconds\":" + std::to_string(t - since_) +
                     ",\"slide\":" + json_string(s.slide_type);
  if (s.slide_type != "dark")
    line +=
        ",\"page\":" + std::to_string(s.page + 1) + ",\"pages\":" + std::to_string(s.page_count);
  if (!s.item.empty()) line += ",\"item\":" + json_string(s.item);
  if (!s.content.empty()) line += ",\"content\":" + json_string(s.content);
  if (!s.panel.empty()) line += ",\"panel\":" + json_string(s.panel);
  line += "}";
  current_.reset();
  return line;
}

std::optional<std::string> ProofOfPlay::begin(OnScreen what, model::UnixSeconds t) {
  auto line = end(t);
  current_ = std::move(what);
  since_ = t;
  return line;
}

}  // namespace hb::app
