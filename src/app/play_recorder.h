// Proof of play on disk: ProofOfPlay's lines appended to play.jsonl in the
// cache directory (rotated by size, synced line by line).
#pragma once

#include <optional>
#include <string>

#include "app/proof_of_play.h"
#include "net/rotating_log.h"

namespace hb::app {

class PlayRecorder {
 public:
  PlayRecorder(std::string screen, int utc_offset_minutes, const std::string& cache_dir);

  // `what` is on screen at t; a line is written when it differs from what
  // was. Returns a problem to log (the disk is full, …), or "".
  std::string showing(OnScreen what, model::UnixSeconds t);
  // The player stops at t: the last line.
  std::string stop(model::UnixSeconds t);

  const OnScreen& on_screen() const { return on_screen_; }

 private:
  std::string write(const std::optional<std::string>& line);

  ProofOfPlay proof_;
  net::RotatingLog file_;
  OnScreen on_screen_;
};

}  // namespace hb::app
