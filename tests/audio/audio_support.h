// The test binary's one espeak-ng session (audio/speech.h: the library
// cannot be initialised twice in a process), opened on first use and kept
// until the tests end, as a program keeps it.
#pragma once

#include <doctest/doctest.h>

#include "audio/speech.h"

namespace hb::audio {

inline Speech& test_speech() {
  static auto speech = Speech::open("cmn");
  REQUIRE_MESSAGE(speech.ok(), (speech.ok() ? "" : speech.error()));
  return *speech;
}

}  // namespace hb::audio
