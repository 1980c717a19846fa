// The proof-of-play lines of a heartbeat-2 (docs/feed-format.md), read one
// by one: a malformed line is skipped and counted, never stored, but still
// acknowledged, so that one bad line cannot hold up a screen's queue for
// ever (the player would resend it with every report). Pure: no I/O.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/store.h"

namespace hb::console {

struct ReceivedPlays {
  std::vector<store::PlayLine> valid;  // to store
  std::int64_t ack = 0;                // the highest whole `seq` received, valid or not; 0: none
  int skipped = 0;                     // entries not stored
  std::string first_problem;           // why the first skipped one was, for the log
};

// Why one entry of `play` cannot be stored; "" when it can.
std::string play_line_problem(const nlohmann::json& entry);

ReceivedPlays received_plays(const nlohmann::json& report);

}  // namespace hb::console
