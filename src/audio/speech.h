// Speech from espeak-ng (Debian's libespeak-ng1): text in, samples out,
// synchronously, on the thread that asks. The library keeps one state per
// process, so Speech is its one owner: the program makes one and keeps it
// until it ends, and one thread at a time uses it (the voice's). Once: in
// espeak-ng 1.51 a second initialisation's espeak_ng_Terminate never
// returns.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "audio/pcm.h"
#include "base/result.h"

namespace hb::audio {

class Speech {
 public:
  // espeak-ng with `voice` ("cmn": Mandarin), or why not (no voice data).
  static base::Result<Speech, std::string> open(const std::string& voice = "cmn");
  // Every member travels with the library's ownership: a moved Speech that
  // forgot the library's rate would resample nothing, or the wrong way.
  Speech(Speech&& other) noexcept : owns_(std::exchange(other.owns_, false)), rate_(other.rate_) {}
  Speech& operator=(Speech&&) = delete;
  Speech(const Speech&) = delete;
  ~Speech();

  // The text read aloud at kRate (resampled if the library speaks at
  // another rate), or why not.
  base::Result<Pcm, std::string> say(std::string_view text);
  // The rate the library speaks at, which say() resamples from.
  int rate() const { return rate_; }

 private:
  friend struct SpeechForTests;  // makes one that does not own the library
  Speech(int rate, bool owns) : owns_(owns), rate_(rate) {}
  bool owns_ = false;
  int rate_ = kRate;
};

}  // namespace hb::audio
