#include "app/screen_voice.h"

#include <algorithm>

namespace hb::app {
namespace {

const model::Window* roster_window(const model::Content& content, const std::string& id) {
  const auto& windows = content.roster.windows;
  const auto it =
      std::find_if(windows.begin(), windows.end(), [&](const auto& w) { return w.id == id; });
  return it == windows.end() ? nullptr : &*it;
}

}  // namespace

std::unique_ptr<ScreenVoice> ScreenVoice::open(const model::PlayerConfig& config, audio::Log log,
                                               audio::Speech* speech) {
  if (!config.sound) return nullptr;
  auto voice = audio::Voice::open(*config.sound, log, speech);
  if (!voice) {
    log("sound: " + voice.error() + "; calls and notices are not spoken");
    return nullptr;
  }
  return std::unique_ptr<ScreenVoice>(new ScreenVoice(config, std::move(voice).value()));
}

bool ScreenVoice::speak_call(const model::QueueCall& call, const model::Content& content,
                             model::UnixSeconds now) {
  const model::Calendar calendar = content.calendar ? *content.calendar : model::default_calendar();
  const auto window = schedule::spoken_window(roster_window(content, call.window), call.window);
  return voice_->speak(call, window, {&calendar, now, config_.utc_offset_minutes});
}

int ScreenVoice::read_urgent(const model::Content& content, model::UnixSeconds now) {
  auto step = schedule::step_urgent(std::move(urgent_), content, *config_.sound, now,
                                    config_.utc_offset_minutes);
  urgent_ = std::move(step.readings);
  for (const auto& text : step.say)
    voice_->say(schedule::urgent_utterance(text));
  return static_cast<int>(step.say.size());
}

}  // namespace hb::app
