// Proof of play resent until acknowledged (docs/feed-format.md, "Heartbeat
// 2"): each line of play.jsonl starts with a sequence number,
//
//   {"seq":41,"screen":"hall-1","start":"…",…}
//
// that keeps growing across restarts and rotations, so the console can
// tell a resent line from a new one. Pure: the caller reads the files and
// the acknowledged number; these functions only decide.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hb::app {

// The sequence number a line starts with; nothing for a line without one
// (an older player's line, a fragment). A line cut short by a kill -9 or a
// power cut still gives its number when the number itself is whole.
std::optional<std::int64_t> line_sequence(std::string_view line);

// Whether the line is whole: it has a number and ends its object. A cut
// line is never sent (the console would keep half a record).
bool whole_line(std::string_view line);

// The number for the next line: one after the highest number in `tail`
// (the end of the newest log file, possibly starting mid-line) and after
// `acknowledged` (the files may be gone; a number the console has seen is
// never used again). 1 for a new screen.
std::int64_t next_sequence(std::string_view tail, std::int64_t acknowledged);

// `line` (a JSON object) with "seq" as its first member.
std::string with_sequence(std::string_view line, std::int64_t seq);

struct PlayBacklog {
  std::vector<std::string> lines;  // whole lines, oldest first, numbers > acknowledged
  std::int64_t last = 0;           // the highest number among them; `acknowledged` if none
  bool more = false;               // the cap left lines for the next report
};

struct BacklogCap {
  std::size_t lines = 500;
  std::size_t bytes = 256u * 1024u;
};

// The lines after `acknowledged` in `files` (their contents, oldest file
// first), in order, within the cap (at least one line when any is due, so
// an overlong line cannot stall the rest). Lines without a number, cut or
// out of order (not above the last taken) are skipped.
PlayBacklog play_backlog(const std::vector<std::string>& files, std::int64_t acknowledged,
                         BacklogCap cap = {});

// What a heartbeat's answer acknowledges: N from a 200 whose body is
// `{"ack": N}` (N a non-negative integer that fits); nothing for any other
// status, body or number.
std::optional<std::int64_t> parse_ack(long status, std::string_view body);

// The acknowledged number as kept in the state file (one decimal number
// and a newline); 0 for a missing or damaged file (resending is harmless).
std::int64_t parse_ack_file(std::string_view text);

}  // namespace hb::app
