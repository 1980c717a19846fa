#include "audio/voice.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <string>

namespace hb::audio {
namespace {

constexpr int kPauseBetweenReadingsMs = 700;
constexpr int kPauseAfterUtteranceMs = 500;
// What may still be queued in SDL when the next utterance is made: well
// within the closing silence above, so that calls follow without a gap.
constexpr Uint32 kNearlyPlayedBytes = kRate * 2 / 5;  // 0.2 s of 16-bit samples
constexpr auto kDrainPoll = std::chrono::milliseconds(20);

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
  // A call stamped ahead of the screen's clock (the source's clock runs
  // ahead) is as new as can be; unbounded, it would overflow the deadline.
  const model::UnixSeconds age = std::max<model::UnixSeconds>(0, at.now - call.at);
  const int max_age = schedule::CallRules{}.max_age_seconds;
  if (age > max_age) return false;
  if (!at.calendar ||
      !schedule::may_speak_call(sound_, *at.calendar, at.now, at.utc_offset_minutes))
    return false;
  // The call's age is known now, from the app's clock (nothing below the
  // app reads the wall clock); what it waits in the backlog is added in
  // steady time, which no clock setting moves.
  const auto left = std::chrono::seconds(max_age - age);
  enqueue({call_words(call.ticket, window_name), std::chrono::steady_clock::now() + left});
  return true;
}

void Voice::say_call(std::string_view ticket, std::string_view window_name) {
  say(call_words(ticket, window_name));
}

// One place turns a call into words, so that `hallboard say` checks the
// clips the screen would play.
schedule::Utterance Voice::call_words(std::string_view ticket, std::string_view window_name) const {
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
  enqueue({std::move(u), std::nullopt});
}

void Voice::enqueue(Pending p) {
  {
    std::lock_guard lock(mutex_);
    backlog_.push(std::move(p));
  }
  changed_.notify_all();
}

bool Voice::wait_idle(double seconds) {
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(seconds));
  std::unique_lock lock(mutex_);
  if (!changed_.wait_until(lock, deadline, [&] { return backlog_.empty() && !busy_; }))
    return false;
  return device_drained(lock, 0, deadline);  // the last utterance's end still plays
}

std::size_t Voice::waiting() {
  std::lock_guard lock(mutex_);
  return backlog_.size();
}

void Voice::run() {
  while (auto taken = take()) {
    report_dropped(taken->dropped);
    if (taken->utterance) play_safely(*taken->utterance);
    idle();
  }
}

// The next utterance, once there is one; nothing when the voice stops.
std::optional<Voice::Taken> Voice::take() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopping_ || !backlog_.empty(); });
  if (stopping_) return std::nullopt;
  Taken taken{backlog_.pop(std::chrono::steady_clock::now()), backlog_.take_dropped()};
  busy_ = taken.utterance.has_value();
  return taken;
}

// Whatever goes wrong with one utterance (std::bad_alloc making speech, a
// log that throws) costs that utterance, never the thread: an exception
// leaving it would std::terminate the player.
void Voice::play_safely(const schedule::Utterance& u) {
  try {
    play(u);
  } catch (const std::exception& e) {
    log_safely(std::string("sound: an utterance is not said: ") + e.what());
  } catch (...) {
    log_safely("sound: an utterance is not said: unknown error");
  }
}

// The next utterance is taken only when the device has nearly played this
// one, so that what waits, waits in the backlog (bounded, stale calls
// dropped) rather than in SDL's queue, and wait_idle means played. Nearly:
// the next is made while this one's closing silence plays.
void Voice::play(const schedule::Utterance& u) {
  const Pcm pcm = render(u);
  SDL_QueueAudio(device_.id(), pcm.samples.data(), static_cast<Uint32>(pcm.samples.size() * 2));
  std::unique_lock lock(mutex_);
  device_drained(lock, kNearlyPlayedBytes, SteadyTime::max());
}

// For the lines the thread writes outside play(): the log itself may be
// what fails, and the thread goes on regardless.
void Voice::log_safely(const std::string& line) noexcept {
  try {
    log_(line);
  } catch (...) {
  }
}

void Voice::report_dropped(int dropped) {
  if (dropped == 0 || dropping_) return;
  dropping_ = true;
  log_safely("sound: " + std::to_string(dropped) +
             " not said: too many waiting, or too old by their turn (said once until the voice "
             "catches up)");
}

void Voice::idle() {
  bool caught_up = false;
  {
    std::lock_guard lock(mutex_);
    busy_ = false;
    caught_up = backlog_.empty();
  }
  if (caught_up) dropping_ = false;  // the burst is over: the next one is said again
  changed_.notify_all();
}

// Until the device's queue holds at most `bytes` (true), or the voice
// stops or `deadline` passes (false). SDL says nothing when it has played,
// so this polls, on the condition variable so that stopping is prompt. A
// device SDL has lost (an unplugged USB speaker) plays nothing: its queue
// is cleared rather than left to grow.
bool Voice::device_drained(std::unique_lock<std::mutex>& lock, Uint32 bytes, SteadyTime deadline) {
  const SDL_AudioDeviceID id = device_.id();
  for (;;) {
    if (SDL_GetAudioDeviceStatus(id) == SDL_AUDIO_STOPPED) SDL_ClearQueuedAudio(id);
    if (SDL_GetQueuedAudioSize(id) <= bytes) return true;
    if (stopping_ || std::chrono::steady_clock::now() >= deadline) return false;
    changed_.wait_for(lock, kDrainPoll);
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
