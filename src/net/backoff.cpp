#include "net/backoff.h"

#include <algorithm>

namespace hb::net {

double backoff_ceiling(int failures, const BackoffPolicy& policy) {
  if (failures <= 0) return 0;
  const double cap = std::max(0.0, policy.cap_seconds);
  double ceiling = std::max(0.0, policy.base_seconds);
  // Doubling stops at the cap, so a failure count of months never overflows.
  for (int i = 1; i < failures && ceiling < cap; ++i)
    ceiling *= 2;
  return std::min(ceiling, cap);
}

double backoff_seconds(int failures, double random01, const BackoffPolicy& policy) {
  const double r = !(random01 >= 0) ? 0 : (random01 >= 1 ? 0.999999999 : random01);  // NaN too
  return r * backoff_ceiling(failures, policy);
}

double jitter01(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

}  // namespace hb::net
