// How long to wait before trying a failing feed again: exponential backoff
// with full jitter, so screens that lost the server together do not all
// come back in the same second. Pure: the random number is passed in.
#pragma once

#include <cstdint>

namespace hb::net {

struct BackoffPolicy {
  double base_seconds = 2;   // the ceiling after the first failure
  double cap_seconds = 300;  // the ceiling never grows past this
};

// The ceiling after `failures` failures in a row (1, 2, …):
// min(cap, base * 2^(failures - 1)); 0 for no failure.
double backoff_ceiling(int failures, const BackoffPolicy& policy);

// The wait: `random01` (uniform in [0, 1), clamped into it) times the ceiling.
double backoff_seconds(int failures, double random01, const BackoffPolicy& policy);

// The next number of a splitmix64 sequence, in [0, 1): jitter needs
// spread, not secrecy. `state` is the caller's, one per thread.
double jitter01(std::uint64_t& state);

}  // namespace hb::net
