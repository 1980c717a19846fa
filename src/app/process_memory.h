// How much memory the player uses, for the heartbeat: a screen that runs
// for months should show a flat line here, not a slope.
#pragma once

#include <cstdint>
#include <string_view>

namespace hb::app {

struct ProcessMemory {
  std::uint64_t rss_bytes = 0;  // resident; 0 when unknown
  // Resident, with shared pages divided among their users (what this
  // process really costs); 0 when unknown (kernels before 4.14).
  std::uint64_t pss_bytes = 0;
};

// /proc/self/smaps_rollup, else /proc/self/statm (RSS only).
ProcessMemory read_process_memory();

// The Rss: and Pss: lines of smaps_rollup text (in kB there).
ProcessMemory parse_smaps_rollup(std::string_view text);

}  // namespace hb::app
