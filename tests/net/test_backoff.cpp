// Backoff with full jitter: the ceiling doubles per failure up to the cap,
// and the wait is the random number times the ceiling.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include "net/backoff.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("backoff: the range of the wait after each failure") {
  const net::BackoffPolicy policy{2, 60};
  struct Row {
    int failures;
    double low, high;  // the wait lies in [low, high]
  };
  const Row rows[] = {
      {0, 0, 0},  {1, 0, 2},  {2, 0, 4},  {3, 0, 8},   {4, 0, 16},
      {5, 0, 32}, {6, 0, 60}, {7, 0, 60}, {30, 0, 60}, {1000000, 0, 60},
  };
  for (const auto& r : rows) {
    CAPTURE(r.failures);
    CHECK(net::backoff_ceiling(r.failures, policy) == doctest::Approx(r.high));
    for (const double random : {0.0, 0.25, 0.5, 0.999999}) {
      const double wait = net::backoff_seconds(r.failures, random, policy);
      CHECK(wait >= r.low);
      CHECK(wait <= r.high);
      CHECK(wait == doctest::Approx(random * r.high));
    }
  }
}

TEST_CASE("backoff: the cap holds, whatever the policy or the random number") {
  struct Row {
    net::BackoffPolicy policy;
    int failures;
    double random;
    double expected;
  };
  const Row rows[] = {
      {{2, 60}, 64, 0.5, 30},         // no overflow after many failures
      {{2, 1}, 1, 0.5, 0.5},          // a cap below the base wins at once
      {{0.2, 1}, 3, 0.5, 0.4},        // test-sized numbers
      {{2, 60}, 3, 1.0, 8},           // 1 is clamped just below 1
      {{2, 60}, 3, 7.0, 8},           // out of range
      {{2, 60}, 3, -1.0, 0},          // out of range
      {{2, 60}, 3, std::nan(""), 0},  // NaN
      {{2, 60}, -5, 0.5, 0},          // no failure, no wait
      {{-2, 60}, 3, 0.5, 0},          // a negative base waits nothing
  };
  for (const auto& r : rows) {
    CAPTURE(r.failures);
    CAPTURE(r.random);
    CHECK(net::backoff_seconds(r.failures, r.random, r.policy) ==
          doctest::Approx(r.expected).epsilon(1e-6));
  }
}

TEST_SUITE_END();

}  // namespace hb::test
