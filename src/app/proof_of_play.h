// Proof of play: what was on screen, from when to when, as one JSON line
// per page shown, so the admin office can show which disclosure was public
// at any moment (公开 records). A line is written when its page leaves the
// screen, so it carries both times; the screen being dark outside opening
// hours is a line of its own, so the record has no gaps while the player
// runs.
//
//   {"screen":"hall-1","start":"2026-11-27T10:00:00+08:00",
//    "end":"2026-11-27T10:00:15+08:00","seconds":15,"slide":"item",
//    "page":1,"pages":3,"item":"530100-001","content":"3f2a9c01b7de"}
//
// With <display power>, every line also says "panel":"on" or "off", and a
// power change starts a new line: the dark screen with the panel off is
// told from the dark screen lit (the 5 minutes before it wakes, a failed
// command).
//
// Pure: times come in, lines go out; run_command writes them to a
// net::RotatingLog in the cache directory.
#pragma once

#include <optional>
#include <string>

#include "model/time.h"

namespace hb::app {

struct OnScreen {
  std::string slide_type;  // the layout's page type; "dark" when blanked, "waiting" without content
  int page = 0;            // 0-based; written 1-based
  int page_count = 1;
  std::string item;     // the item an item page shows
  std::string content;  // which version of the content (a short fingerprint); may be empty
  // With <display power> (issue 20): "on" or "off", the panel's power as
  // last switched; empty without power control (the field is left out).
  std::string panel;
  bool operator==(const OnScreen&) const = default;
};

class ProofOfPlay {
 public:
  ProofOfPlay(std::string screen, int utc_offset_minutes);

  // `what` is on screen from t on. Returns the line for what it replaced
  // (nothing for the first call, or when that lasted no time at all).
  std::optional<std::string> begin(OnScreen what, model::UnixSeconds t);
  // The player stops at t: the line for what was on screen.
  std::optional<std::string> end(model::UnixSeconds t);

 private:
  std::string screen_;
  int offset_;
  std::optional<OnScreen> current_;
  model::UnixSeconds since_ = 0;
};

}  // namespace hb::app
