// Proof of play on disk, for the heartbeat (play_backlog.h decides, this
// reads and writes): play.jsonl and its rotations in the cache directory,
// and play.ack, the highest number the console acknowledged.
//
// The heartbeat thread reads while the drawing thread appends and rotates.
// Both hold one mutex (the run's, passed to each): the rotation while it
// renames and removes, the reader while it opens the files. The open files
// are then read unlocked: a rename or removal does not change what an open
// file holds, and only the current file grows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

#include "app/play_backlog.h"

namespace hb::app {

// Rotated play logs kept at most while unacknowledged (the recorder's
// RotatingLogOptions::max_keep), and so the files a reader looks at:
// play.jsonl and every rotation that can exist.
inline constexpr int kPlayMaxRotated = 64;
inline constexpr int kPlayFiles = kPlayMaxRotated + 1;

std::string play_log_path(const std::string& cache_dir);
std::string play_ack_path(const std::string& cache_dir);

// At most the last `max_bytes` of the newest play log with numbered lines
// (play.jsonl, else play.jsonl.1 just after a rotation); "" when none.
std::string read_play_tail(const std::string& cache_dir, std::size_t max_bytes = 64u * 1024u);

// The number in play.ack; 0 when missing or damaged (lines are resent).
std::int64_t read_acknowledged(const std::string& cache_dir);

// Whether play.ack exists: the receiver acknowledged lines before.
bool play_ack_exists(const std::string& cache_dir);

// Replaces play.ack atomically. Returns a problem to log, or "".
std::string write_acknowledged(const std::string& cache_dir, std::int64_t n);

struct PlayRead {
  PlayBacklog backlog;
  std::size_t bytes_read = 0;  // from the files: bounded by the cap, not the backlog
};

// The lines after `acknowledged` for one report (play_backlog.h), read from
// the file holding acknowledged + 1 on, and only as far as `cap` needs.
// `rotation` is the lock the recorder's rotation holds.
PlayRead read_play_backlog(const std::string& cache_dir, std::int64_t acknowledged, BacklogCap cap,
                           std::mutex& rotation);

// Whether the rotated log at `path` holds only acknowledged lines, so a
// rotation may delete it.
bool play_file_acknowledged(const std::string& path, const std::string& cache_dir);

}  // namespace hb::app
