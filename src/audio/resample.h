// Any sound SDL can describe (a WAV clip's format, espeak-ng's rate) made
// into the voice's own: mono, 16 bits, kRate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "audio/pcm.h"
#include "base/result.h"

namespace hb::audio {

// `format` is an SDL_AudioFormat (AUDIO_S16SYS, AUDIO_U8, …).
base::Result<Pcm, std::string> to_voice_format(const std::uint8_t* data, std::size_t bytes,
                                               std::uint16_t format, int channels, int rate);

// Mono 16-bit samples at `rate`, at kRate.
base::Result<Pcm, std::string> resample(const std::vector<std::int16_t>& samples, int rate);

}  // namespace hb::audio
