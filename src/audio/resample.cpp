#include "audio/resample.h"

#include <SDL2/SDL.h>

#include "audio/sdl_audio.h"

namespace hb::audio {

base::Result<Pcm, std::string> to_voice_format(const std::uint8_t* data, std::size_t bytes,
                                               std::uint16_t format, int channels, int rate) {
  if (channels < 1 || channels > 8 || rate < 1000 || rate > 384000 || bytes > 0x7fffffff)
    return std::string("unusual sound format");
  AudioStreamPtr stream(
      SDL_NewAudioStream(format, static_cast<Uint8>(channels), rate, AUDIO_S16SYS, 1, kRate));
  if (!stream) return std::string(SDL_GetError());
  if (SDL_AudioStreamPut(stream.get(), data, static_cast<int>(bytes)) != 0 ||
      SDL_AudioStreamFlush(stream.get()) != 0)
    return std::string(SDL_GetError());
  Pcm pcm;
  pcm.samples.resize(static_cast<std::size_t>(SDL_AudioStreamAvailable(stream.get())) / 2);
  const int got = SDL_AudioStreamGet(stream.get(), pcm.samples.data(),
                                     static_cast<int>(pcm.samples.size() * 2));
  if (got < 0) return std::string(SDL_GetError());
  pcm.samples.resize(static_cast<std::size_t>(got) / 2);
  return pcm;
}

base::Result<Pcm, std::string> resample(const std::vector<std::int16_t>& samples, int rate) {
  return to_voice_format(reinterpret_cast<const std::uint8_t*>(samples.data()), samples.size() * 2,
                         AUDIO_S16SYS, 1, rate);
}

}  // namespace hb::audio
