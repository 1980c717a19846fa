#include "audio/voice.h"

#include <chrono>

namespace hb::audio {
namespace {

constexpr int kPauseBetweenReadingsMs = 700;
constexpr int kPauseAfterUtteranceMs = 500;

}  // namespace

base::Result<std::unique_ptr<Voice>, std::string> Voice::open(const model::Sound& sound, Log log,
                                                              Speech* speech) {
  auto sdl = std::make_unique<AudioSubsystem>();
  if (!sdl->ok()) return std::string("no sound: ") + SDL_GetError();
  SDL_AudioSpec want{};
  want.freq = kRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;
  SDL_AudioSpec have{};
  // No changes allowed: SDL converts to whatever the device plays, so what
  // is queued is always the voice's own format.
  const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device == 0) return std::string("no sound device: ") + SDL_GetError();
  return std::unique_ptr<Voice>(new Voice(sound, std::move(log), speech, std::move(sdl), device));
}

Voice::Voice(const model::Sound& sound, Log log, Speech* speech,
             std::unique_ptr<AudioSubsystem> sdl, SDL_AudioDeviceID device)
    : sound_(sound), log_(std::move(log)), sdl_(std::move(sdl)), device_(device), speech_(speech) {
  if (!sound_.clips.empty()) {
    clips_.emplace(sound_.clips);
    recorded_ = clips_->recorded();
  }
  SDL_PauseAudioDevice(device_.id(), 0);
  thread_ = std::thread([this] { run(); });
}

Voice::~Voice() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
  SDL_ClearQueuedAudio(device_.id());
}

bool Voice::speak(const model::QueueCall& call, std::string_view window_name, const Moment& at) {
  if (at.now - call.at > schedule::CallRules{}.max_age_seconds) return false;
  if (!at.calendar ||
      !schedule::may_speak_call(sound_, *at.calendar, at.now, at.utc_offset_minutes))
    return false;
  say(call_words(call.ticket, window_name));
  return true;
}

void Voice::say_call(std::string_view ticket, std::string_view window_name) {
  say(call_words(ticket, window_name));
}

// One place turns a call into words, so that `hallboard say` checks the
// clips the screen would play.
schedule::Utterance Voice::call_words(std::string_view ticket,
                                      std::string_view window_name) const {
  return schedule::call_utterance(ticket, window_name, recorded_);
}

bool Voice::speak_urgent(std::string_view text, const Moment& at) {
  if (!at.calendar ||
      !schedule::may_speak_urgent(sound_, *at.calendar, at.now, at.utc_offset_minutes))
    return false;
  say(schedule::urgent_utterance(text));
  return true;
}

void Voice::say(schedule::Utterance u) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(u));
  }
  changed_.notify_all();
}

void Voice::wait_idle() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
  }
  // The device plays in real time: wait for its queue to run dry.
  while (SDL_GetQueuedAudioSize(device_.id()) > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void Voice::run() {
  for (;;) {
    schedule::Utterance u;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      u = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    const Pcm pcm = render(u);
    SDL_QueueAudio(device_.id(), pcm.samples.data(), static_cast<Uint32>(pcm.samples.size() * 2));
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
    changed_.notify_all();
  }
}

Pcm Voice::render(const schedule::Utterance& u) {
  std::optional<Pcm> words = from_clips(u);
  if (!words) words = from_speech(u);
  if (words->samples.empty()) return {};  // no speech: a chime alone would only puzzle
  Pcm out;
  if (u.chime) append(out, chime());
  for (int r = 0; r < u.readings; ++r) {
    if (r > 0) append(out, silence(kPauseBetweenReadingsMs));
    append(out, *words);
  }
  append(out, silence(kPauseAfterUtteranceMs));
  apply_volume(out, sound_.volume);
  return out;
}

// The words from the hall's clips; nothing (said once) when a clip is
// missing, since half a call in a recorded voice and half synthesised
// sounds worse than all synthesised. An urgent notice has no clips.
std::optional<Pcm> Voice::from_clips(const schedule::Utterance& u) {
  if (!clips_ || u.words.empty() || u.words.front().clip.empty()) return std::nullopt;
  auto pcm = clips_->say(u.words);
  if (pcm) return std::move(pcm).value();
  fall_back(pcm.error());
  return std::nullopt;
}

Pcm Voice::from_speech(const schedule::Utterance& u) {
  if (!speech_) return {};  // the program said why when it could not open speech
  auto pcm = speech_->say(schedule::speech_text(u));
  if (pcm) return std::move(pcm).value();
  log_("sound: " + pcm.error());
  return {};
}

void Voice::fall_back(const std::string& why) {
  if (fell_back_) return;
  fell_back_ = true;
  log_("sound: " + why + "; speaking with espeak-ng instead (said once)");
}

}  // namespace hb::audio
