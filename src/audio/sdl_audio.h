// The SDL handles of the voice, each wrapped once: the audio subsystem, an
// open device, a loaded WAV buffer and a conversion stream.
#pragma once

#include <SDL2/SDL.h>

#include <memory>

namespace hb::audio {

// SDL_InitSubSystem(SDL_INIT_AUDIO) for as long as it lives; SDL counts
// these, so the screen's video keeps its own.
class AudioSubsystem {
 public:
  AudioSubsystem() : ok_(SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {}
  ~AudioSubsystem() {
    if (ok_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
  AudioSubsystem(const AudioSubsystem&) = delete;
  AudioSubsystem& operator=(const AudioSubsystem&) = delete;
  bool ok() const { return ok_; }

 private:
  bool ok_;
};

class AudioDevice {
 public:
  explicit AudioDevice(SDL_AudioDeviceID id) : id_(id) {}
  ~AudioDevice() {
    if (id_ != 0) SDL_CloseAudioDevice(id_);
  }
  AudioDevice(const AudioDevice&) = delete;
  AudioDevice& operator=(const AudioDevice&) = delete;
  SDL_AudioDeviceID id() const { return id_; }

 private:
  SDL_AudioDeviceID id_;
};

struct WavDeleter {
  void operator()(Uint8* buffer) const { SDL_FreeWAV(buffer); }
};
using WavBuffer = std::unique_ptr<Uint8, WavDeleter>;

struct StreamDeleter {
  void operator()(SDL_AudioStream* s) const { SDL_FreeAudioStream(s); }
};
using AudioStreamPtr = std::unique_ptr<SDL_AudioStream, StreamDeleter>;

}  // namespace hb::audio
