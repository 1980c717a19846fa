// The voice as `hallboard run` will own it (语音播报, issue 19): the
// audio::Voice, and the small state of urgent notices read. The program
// opens its one audio::Speech at start (espeak-ng cannot be opened twice,
// speech.h) and keeps it longer than this. What the run loop calls when a
// call comes up (speak_call) and every few seconds (read_urgent); both
// return at once. Not wired into the run loop yet.
#pragma once

#include <memory>
#include <vector>

#include "audio/speech.h"
#include "audio/voice.h"
#include "model/content.h"
#include "model/player_config.h"
#include "model/queue.h"
#include "schedule/speech_plan.h"

namespace hb::app {

class ScreenVoice {
 public:
  // Nothing when the config has no <sound> or there is no sound device
  // (said in the log once). Without speech (no espeak-ng data), clips still play.
  static std::unique_ptr<ScreenVoice> open(const model::PlayerConfig& config, audio::Log log,
                                           audio::Speech* speech);

  // Says a call shown on screen, unless quiet or outside hours (false then).
  bool speak_call(const model::QueueCall& call, const model::Content& content,
                  model::UnixSeconds now);
  // Reads the urgent notices due at `now` (schedule::step_urgent); how many.
  int read_urgent(const model::Content& content, model::UnixSeconds now);
  audio::Voice& voice() { return *voice_; }

 private:
  ScreenVoice(const model::PlayerConfig& config, std::unique_ptr<audio::Voice> voice)
      : config_(config), voice_(std::move(voice)) {}

  model::PlayerConfig config_;
  std::unique_ptr<audio::Voice> voice_;
  std::vector<schedule::UrgentReading> urgent_;
};

}  // namespace hb::app
