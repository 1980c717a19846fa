#include "audio/pcm.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hb::audio {
namespace {

// One tone: a 5 ms rise (no click) and an exponential decay like a bell's.
void add_tone(Pcm& pcm, double hz, int milliseconds) {
  const int n = kRate * milliseconds / 1000;
  const int rise = kRate * 5 / 1000;
  for (int i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / kRate;
    const double attack = std::min(1.0, static_cast<double>(i) / rise);
    const double envelope = attack * std::exp(-3.0 * t * 1000.0 / milliseconds);
    const double v = 0.45 * 32767.0 * envelope * std::sin(2.0 * std::numbers::pi * hz * t);
    pcm.samples.push_back(static_cast<std::int16_t>(std::lround(v)));
  }
}

}  // namespace

Pcm chime() {
  Pcm pcm;
  add_tone(pcm, 784.0, 350);
  add_tone(pcm, 659.3, 600);
  append(pcm, silence(300));
  return pcm;
}

Pcm silence(int milliseconds) {
  Pcm pcm;
  pcm.samples.assign(
      static_cast<std::size_t>(kRate) * static_cast<std::size_t>(milliseconds) / 1000, 0);
  return pcm;
}

void append(Pcm& to, const Pcm& from) {
  to.samples.insert(to.samples.end(), from.samples.begin(), from.samples.end());
}

void apply_volume(Pcm& pcm, int percent) {
  const int p = std::clamp(percent, 0, 100);
  for (auto& s : pcm.samples)
    s = static_cast<std::int16_t>(s * p / 100);
}

}  // namespace hb::audio
