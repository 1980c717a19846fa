// Sound as the voice plays it: mono 16-bit samples at one rate, and the
// few things done to them (a chime made in code, silence, volume). No SDL:
// these are plain numbers, tested as such.
#pragma once

#include <cstdint>
#include <vector>

namespace hb::audio {

// espeak-ng's own rate, so that speech needs no resampling; clips are
// converted to it when loaded.
inline constexpr int kRate = 22050;

struct Pcm {
  std::vector<std::int16_t> samples;  // mono, kRate
};

// Two falling tones (G5, E5) with a soft start and a decay: the "ding-dong"
// halls use, so that heads turn before the words.
Pcm chime();
Pcm silence(int milliseconds);
void append(Pcm& to, const Pcm& from);
// Scales to `percent` of full scale (0-100).
void apply_volume(Pcm& pcm, int percent);

}  // namespace hb::audio
