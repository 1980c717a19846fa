// A hall's recorded words (请.wav, 0.wav, A.wav, 窗口.wav …, named as in
// docs/feed-format.md section 14): loaded with SDL_LoadWAV on first use,
// converted to the voice's format and kept, since a hall has a few dozen.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "audio/pcm.h"
#include "base/result.h"
#include "schedule/speech_plan.h"

namespace hb::audio {

// A clip over this is refused before it is read (a word is a second or two:
// about 90 KB at 22 kHz, 16 bits).
inline constexpr std::uintmax_t kClipMaxBytes = 2u * 1024u * 1024u;

class ClipFolder {
 public:
  explicit ClipFolder(std::string folder) : folder_(std::move(folder)) {}

  // The names of the folder's clips (file names without .wav), for words a
  // hall recorded beyond the standard ones; empty when it cannot be read.
  std::vector<std::string> recorded() const;

  // The words said from clips, one after the other, or why they cannot be
  // (the folder is missing, a clip is missing or not a WAV file).
  base::Result<Pcm, std::string> say(const std::vector<schedule::Word>& words);

 private:
  base::Result<const Pcm*, std::string> clip(const std::string& name);

  std::string folder_;
  std::map<std::string, Pcm> loaded_;
};

}  // namespace hb::audio
