// The voice's samples: the chime made in code, silence, volume.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "audio/pcm.h"

namespace hb::audio {

TEST_CASE("the chime: two tones, loud enough, about a second, starting without a click") {
  const Pcm c = chime();
  CHECK(c.samples.size() > kRate * 8 / 10);
  CHECK(c.samples.size() < kRate * 2);
  const auto peak =
      std::abs(*std::max_element(c.samples.begin(), c.samples.end(),
                                 [](auto a, auto b) { return std::abs(a) < std::abs(b); }));
  CHECK(peak > 10000);
  CHECK(peak < 32767);
  CHECK(std::abs(c.samples[0]) < 100);
}

TEST_CASE("volume scales every sample") {
  Pcm p;
  p.samples = {1000, -1000, 32767, -32768, 0};
  apply_volume(p, 50);
  CHECK(p.samples == std::vector<std::int16_t>{500, -500, 16383, -16384, 0});
  apply_volume(p, 0);
  CHECK(std::all_of(p.samples.begin(), p.samples.end(), [](auto s) { return s == 0; }));
}

TEST_CASE("silence and append") {
  Pcm p = silence(100);
  CHECK(p.samples.size() == kRate / 10);
  append(p, silence(100));
  CHECK(p.samples.size() == kRate / 5);
}

}  // namespace hb::audio
