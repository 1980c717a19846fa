// Proof of play on disk, for the heartbeat (play_backlog.h decides, this
// reads and writes): play.jsonl and its rotations in the cache directory,
// and play.ack, the highest number the console acknowledged.
//
// The heartbeat thread reads while the drawing thread appends and rotates.
// Files are opened newest first: a rotation only moves a file to a higher
// number, which is opened later, so a line is read twice at worst (the
// backlog skips numbers it has), never missed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hb::app {

std::string play_log_path(const std::string& cache_dir);
std::string play_ack_path(const std::string& cache_dir);

// At most the last `max_bytes` of the newest play log with numbered lines
// (play.jsonl, else play.jsonl.1 just after a rotation); "" when none.
std::string read_play_tail(const std::string& cache_dir, std::size_t max_bytes = 64u * 1024u);

// The number in play.ack; 0 when missing or damaged (lines are resent).
std::int64_t read_acknowledged(const std::string& cache_dir);

// Replaces play.ack atomically. Returns a problem to log, or "".
std::string write_acknowledged(const std::string& cache_dir, std::int64_t n);

// The contents of the play logs that may hold lines after `acknowledged`,
// oldest first: from play.jsonl back through play.jsonl.N until a file
// starts at or below the acknowledged number (`max_files` at most).
std::vector<std::string> read_play_files(const std::string& cache_dir, std::int64_t acknowledged,
                                         int max_files);

// Whether the rotated log at `path` holds only acknowledged lines, so a
// rotation may delete it.
bool play_file_acknowledged(const std::string& path, const std::string& cache_dir);

}  // namespace hb::app
