#pragma once

#include <cstddef>

namespace hb::feed {

// Bounds that keep a hostile or broken feed from exhausting the player.
struct Limits {
  std::size_t max_bytes = 16u * 1024u * 1024u;
  int max_depth = 32;
  std::size_t max_findings = 1000;  // per document; the rest are summarised
};

}  // namespace hb::feed
