// Proof of play on disk: ProofOfPlay's lines appended to play.jsonl in the
// cache directory (rotated by size, synced line by line), each numbered
// (play_backlog.h) from one after the highest number already there, so the
// numbers keep growing across restarts and rotations. With a heartbeat to
// deliver them, a rotated file goes only once the console acknowledged its
// lines (play_files.h); without, the usual 16 are kept.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "app/proof_of_play.h"
#include "net/rotating_log.h"

namespace hb::app {

// How play.jsonl rotates: under `rotation`; rotated files beyond the usual
// 16 kept while unacknowledged only when `delivered` (a heartbeat sends
// the lines: without one nothing is ever acknowledged).
net::RotatingLogOptions play_log_options(const std::string& cache_dir, std::mutex& rotation,
                                         bool delivered);

class PlayRecorder {
 public:
  // `rotation`: the lock the heartbeat's reader shares (play_files.h), to
  // outlive the recorder. `delivered`: a heartbeat sends the lines on.
  PlayRecorder(std::string screen, int utc_offset_minutes, const std::string& cache_dir,
               std::mutex& rotation, bool delivered);

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
  std::int64_t next_;  // the next line's number
};

}  // namespace hb::app
