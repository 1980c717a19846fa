// espeak-ng's Mandarin voice: a call read aloud is speech, not silence.
#include <doctest/doctest.h>

#include <cstdlib>

#include "audio/speech.h"
#include "audio_support.h"

namespace hb::audio {

TEST_CASE("cmn reads a call: non-silent speech of plausible length") {
  const auto pcm = test_speech().say("请 A 零 二 四 号 到 一 号 窗口 办理");
  REQUIRE(pcm.ok());
  const double seconds = static_cast<double>(pcm->samples.size()) / kRate;
  CHECK(seconds > 1.5);  // eleven syllables and a letter
  CHECK(seconds < 10.0);
  long long loud = 0;
  for (auto s : pcm->samples)
    loud += std::abs(s) > 1000;
  CHECK(loud > kRate / 4);
}

}  // namespace hb::audio

namespace hb::audio {

// A Speech that does not own the library, at a rate of the test's choosing
// (espeak-ng's Mandarin voice speaks at kRate, which would hide a lost rate).
struct SpeechForTests {
  static Speech make(int rate) { return Speech(rate, false); }
};

TEST_CASE("a moved Speech keeps the library's rate") {
  Speech first = SpeechForTests::make(16000);
  CHECK(first.rate() == 16000);
  const Speech moved(std::move(first));
  CHECK(moved.rate() == 16000);
  CHECK(test_speech().rate() > 0);  // open() returns its Speech by moving it
}

}  // namespace hb::audio
