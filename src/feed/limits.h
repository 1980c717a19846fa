#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace hb::feed {

// Bounds that keep a hostile or broken feed from exhausting the player.
struct Limits {
  std::size_t max_bytes = 16u * 1024u * 1024u;
  int max_depth = 32;
  std::size_t max_findings = 1000;  // per document; the rest are summarised
  // Lint's clock (Unix seconds): dates implausibly far after it are warned
  // about, and a `generated` more than generated_skew_seconds after it (a
  // screen refuses such a feed). Nothing: no such warnings; the core reads
  // no clock of its own.
  std::optional<std::int64_t> now;
  std::int64_t generated_skew_seconds = 86400;  // the player config's clock-skew
};

// Dates this many years after lint's clock are taken for typing mistakes.
inline constexpr int kImplausibleYearsAhead = 10;

}  // namespace hb::feed
