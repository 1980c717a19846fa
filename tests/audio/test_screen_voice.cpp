// What `hallboard run` will call: a call named by the roster, urgent
// notices read when due, nothing without <sound>.
#include <doctest/doctest.h>

#include <cstdlib>

#include "app/screen_voice.h"
#include "audio_support.h"

namespace hb::app {
namespace {

model::Content hall() {
  model::Content c;
  model::OpeningHours hours;
  hours.days = {true, true, true, true, true, false, false};
  hours.open = model::TimeOfDay{9 * 60};
  hours.close = model::TimeOfDay{17 * 60};
  c.calendar = model::Calendar{};
  c.calendar->hours.push_back(hours);
  model::Notice n;
  n.id = "n1";
  n.level = model::NoticeLevel::urgent;
  n.text = "停电";
  c.notices.push_back(n);
  return c;
}

// 2026-12-02 (a Wednesday) at hh:mm, +08:00.
model::UnixSeconds wednesday(int hh, int mm) {
  return model::to_unix(model::DateTime{{2026, 12, 2}, hh * 3600 + mm * 60, 480, false}, 480);
}

}  // namespace

TEST_CASE("the screen's voice: nothing without <sound>") {
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  const model::PlayerConfig config;
  CHECK(ScreenVoice::open(
            config, [](const std::string&) {}, &audio::test_speech()) == nullptr);
}

TEST_CASE("the screen's voice: calls in hours, urgent notices when due") {
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  model::PlayerConfig config;
  config.sound = model::Sound{};
  config.sound->volume = 0;  // the dummy driver plays in real time: keep it short and silent
  auto voice = ScreenVoice::open(
      config, [](const std::string&) {}, &audio::test_speech());
  REQUIRE(voice);
  const auto content = hall();
  model::QueueCall call;
  call.ticket = "A1";
  call.window = "1";
  call.at = wednesday(20, 0);
  CHECK_FALSE(voice->speak_call(call, content, wednesday(20, 0)));
  CHECK(voice->read_urgent(content, wednesday(8, 0)) == 0);  // closed
  CHECK(voice->read_urgent(content, wednesday(9, 0)) == 1);
  CHECK(voice->read_urgent(content, wednesday(9, 5)) == 0);
  CHECK(voice->read_urgent(content, wednesday(9, 10)) == 1);
  call.at = wednesday(10, 0);
  CHECK(voice->speak_call(call, content, wednesday(10, 0)));
}

}  // namespace hb::app
