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

}  // namespace hb::net
