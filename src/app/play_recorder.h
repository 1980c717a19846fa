// Proof of play on disk: ProofOfPlay's lines appended to play.jsonl in the
// cache directory (rotated by size, synced line by line), each numbered
// (play_backlog.h) from one after the highest number already there, so the
// numbers keep growing across restarts and rotations. A rotated file goes
// only once the console acknowledged its lines (play_files.h).
#pragma once

#include <cstdint>
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
  static net::RotatingLogOptions log_options(const std::string& cache_dir);

  ProofOfPlay proof_;
  net::RotatingLog file_;
  OnScreen on_screen_;
  std::int64_t next_;  // the next line's number
};

}  // namespace hb::app
