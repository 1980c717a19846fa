// Speech from espeak-ng (Debian's libespeak-ng1): text in, samples out,
// synchronously, on the thread that asks. The library keeps one state per
// process, so Speech is its one owner: the program makes one and keeps it
// until it ends, and one thread at a time uses it (the voice's). Once: in
// espeak-ng 1.51 a second initialisation's espeak_ng_Terminate never
// returns.
#pragma once

#include <string>
#include <string_view>

#include "audio/pcm.h"
#include "base/result.h"

namespace hb::audio {

class Speech {
 public:
  // espeak-ng with `voice` ("cmn": Mandarin), or why not (no voice data).
  static base::Result<Speech, std::string> open(const std::string& voice = "cmn");
  Speech(Speech&& other) noexcept : owns_(other.owns_) { other.owns_ = false; }
  Speech& operator=(Speech&&) = delete;
  Speech(const Speech&) = delete;
  ~Speech();

  // The text read aloud at kRate (resampled if the library speaks at
  // another rate), or why not.
  base::Result<Pcm, std::string> say(std::string_view text);

 private:
  explicit Speech(int rate) : owns_(true), rate_(rate) {}
  bool owns_ = false;
  int rate_ = kRate;
};

}  // namespace hb::audio
