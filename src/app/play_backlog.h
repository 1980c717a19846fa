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

// Whether the line may be sent: a JSON object (checked by a real parser,
// so one damaged line cannot make a whole report unreadable) whose "seq"
// is the integer line_sequence() reads. A cut line is never sent (the
// console would keep half a record).
bool sendable_line(std::string_view line);

// The number for the next line: one after the highest number in `tail`
// (the end of the newest log file, possibly starting mid-line) and after
// `acknowledged` (the files may be gone; a number the console has seen is
// never used again). 1 for a new screen.
std::int64_t next_sequence(std::string_view tail, std::int64_t acknowledged);

// `line` (a JSON object) with "seq" as its first member.
std::string with_sequence(std::string_view line, std::int64_t seq);

struct PlayBacklog {
  std::vector<std::string> lines;  // sendable lines, oldest first, numbers > acknowledged
  std::int64_t last_sent = 0;      // the highest number among them; `acknowledged` if none
  // The highest number passed: sent, or skipped as not sendable (a damaged
  // line is never sent, yet must not hold back the lines after it).
  std::int64_t last = 0;
  bool more = false;  // the cap left lines for the next report
};

struct BacklogCap {
  std::size_t lines = 500;
  std::size_t bytes = 256u * 1024u;
};

// Gathers a backlog one line at a time, so the files can be streamed and
// only what one report carries is held.
class BacklogBuilder {
 public:
  BacklogBuilder(std::int64_t acknowledged, BacklogCap cap);
  // One line without its newline; `ended`: a newline followed it (a last
  // line without one may still be being written: it and all after it wait).
  // Lines without a number, or out of order (not above the last passed),
  // are skipped. Returns false once nothing more is taken.
  bool add(std::string_view line, bool ended);
  bool done() const { return done_; }
  PlayBacklog take() { return std::move(backlog_); }

 private:
  bool stop() {
    done_ = true;
    return false;
  }

  PlayBacklog backlog_;
  BacklogCap cap_;
  std::size_t bytes_ = 0;
  bool done_ = false;
};

// The lines after `acknowledged` in `files` (their contents, oldest file
// first), in order, within the cap (at least one line when any is due, so
// an overlong line cannot stall the rest). BacklogBuilder over the lines.
PlayBacklog play_backlog(const std::vector<std::string>& files, std::int64_t acknowledged,
                         BacklogCap cap = {});

// What an answer's `ack` lets the player forget, after a report carrying
// `sent`: up to `sent.last` once every line sent is acknowledged (the
// skipped ones go with them), else `ack`, never past what was sent (a
// confused receiver must not make the player forget lines it never got).
std::int64_t acknowledged_after(const PlayBacklog& sent, std::int64_t ack);

// What a heartbeat's answer acknowledges: N from a 200 whose body is
// `{"ack": N}` (N a non-negative integer that fits); nothing for any other
// status, body or number.
std::optional<std::int64_t> parse_ack(long status, std::string_view body);

// The acknowledged number as kept in the state file (one decimal number
// and a newline); 0 for a missing or damaged file (resending is harmless).
std::int64_t parse_ack_file(std::string_view text);

}  // namespace hb::app
