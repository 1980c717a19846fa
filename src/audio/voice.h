// The player's voice (语音播报, issue 19): calls and urgent notices said
// through one SDL audio device, from a thread of its own, so that making
// speech or loading clips never delays a frame. speak_* return at once.
//
// What is said and when is schedule/speech_plan.h; this plays it: the
// chime, then the words from the hall's clips, or from espeak-ng's
// Mandarin voice when there are no clips or one is missing (said once in
// the log), at the config's volume.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "audio/backlog.h"
#include "audio/clips.h"
#include "audio/sdl_audio.h"
#include "audio/speech.h"
#include "base/result.h"
#include "model/player_config.h"
#include "model/queue.h"
#include "schedule/queue_calls.h"
#include "schedule/speech_plan.h"

namespace hb::audio {

using Log = std::function<void(const std::string&)>;

// When something is to be said: the hall's calendar and the instant, which
// only the app knows (nothing below it reads the clock).
struct Moment {
  const model::Calendar* calendar = nullptr;
  model::UnixSeconds now = 0;
  int utc_offset_minutes = model::kDefaultUtcOffsetMinutes;
};

class Voice {
 public:
  // Opens the default audio device (SDL_AUDIODRIVER chooses the driver), or
  // says why not. `log` is called from the voice's thread. `speech` (the
  // program's one, see speech.h) is used only from the voice's thread while
  // the voice lives; without it only clips are said.
  static base::Result<std::unique_ptr<Voice>, std::string> open(const model::Sound& sound, Log log,
                                                                Speech* speech);
  ~Voice();  // what is queued but not yet played is dropped
  Voice(const Voice&) = delete;
  Voice& operator=(const Voice&) = delete;

  // A call, unless schedule::may_speak_call says not now, or the call was
  // made longer ago than the screen would still show it (queue_calls.h's
  // max_age_seconds: a restart finds old calls in the document); false then.
  // One that grows that old while others are said first is dropped then.
  // At most kBacklogMax wait (backlog.h); the log says once a burst when
  // some are not said.
  bool speak(const model::QueueCall& call, std::string_view window_name, const Moment& at);
  // An urgent notice's text, unless may_speak_urgent says not now.
  bool speak_urgent(std::string_view text, const Moment& at);
  // Says `u` whatever the time (hallboard say, tests).
  void say(schedule::Utterance u);
  // Says a call whatever the time (hallboard say), in the words speak()
  // would use: the clip folder's own words (综合.wav) included.
  void say_call(std::string_view ticket, std::string_view window_name);
  // Until everything asked for has been played (hallboard say, tests), or
  // `seconds` have passed (false then: the device does not play).
  bool wait_idle(double seconds);
  // How many utterances wait, not yet begun.
  std::size_t waiting();

 private:
  Voice(const model::Sound& sound, Log log, Speech* speech, std::unique_ptr<AudioSubsystem> sdl,
        SDL_AudioDeviceID device);
  void run();
  struct Taken {
    std::optional<schedule::Utterance> utterance;  // none: all that waited was stale
    int dropped = 0;
  };
  std::optional<Taken> take();
  void play_safely(const schedule::Utterance& u);
  void play(const schedule::Utterance& u);
  void log_safely(const std::string& line) noexcept;
  void report_dropped(int dropped);
  void idle();
  bool device_drained(std::unique_lock<std::mutex>& lock, Uint32 bytes, SteadyTime deadline);
  void enqueue(Pending p);
  schedule::Utterance call_words(std::string_view ticket, std::string_view window_name) const;
  Pcm render(const schedule::Utterance& u);
  std::optional<Pcm> from_clips(const schedule::Utterance& u);
  Pcm from_speech(const schedule::Utterance& u);
  void fall_back(const std::string& why);

  model::Sound sound_;
  Log log_;
  std::unique_ptr<AudioSubsystem> sdl_;
  AudioDevice device_;
  std::optional<ClipFolder> clips_;
  std::vector<std::string> recorded_;  // the clip folder's names, read once
  Speech* speech_;
  bool fell_back_ = false;  // the one log line about clips has been written
  bool dropping_ = false;   // this burst's log line about dropped calls has been written

  std::mutex mutex_;
  std::condition_variable changed_;
  Backlog backlog_;
  bool busy_ = false;  // taken off the backlog and not yet nearly played
  bool stopping_ = false;
  std::thread thread_;  // last: started when everything above exists
};

}  // namespace hb::audio
