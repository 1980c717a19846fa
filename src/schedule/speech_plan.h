// What the player says aloud (语音播报, issue 19) and when, as pure
// functions: a call becomes words that recorded clips or the synthesiser
// can say; quiet hours, opening hours and the repeat of urgent notices
// decide when. No clock, no sound: src/audio plays what this plans.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/content.h"
#include "model/player_config.h"

namespace hb::schedule {

// One word: the recorded clip that says it (its file name without .wav) and
// what the synthesiser reads for it. A word without a clip (an urgent
// notice's text) can only be synthesised.
struct Word {
  std::string clip;
  std::string spoken;
  bool operator==(const Word&) const = default;
};

struct Utterance {
  bool chime = true;        // a two-tone chime first, so heads turn before the words
  std::vector<Word> words;  // one reading
  int readings = 1;         // read this many times, a short pause between
  bool urgent = false;      // an urgent notice: calls give way to it when too many wait
};

// The call as a hall announces it: chime, then "请 A024 号 到 1号窗口 办理"
// twice. The ticket is read character by character (A 零 二 四), as ticket
// machines print it; numbers in the window's name are read as numbers up
// to 99 (十二号窗口), as staff say them, and digit by digit above. Names of
// words a hall recorded beyond the standard ones (综合.wav) are in
// `recorded`, so that "1号综合窗口" can be said from clips. The caller's
// name is never said: it would be read out in full, which the screen never
// shows (model::mask_caller), and no clip can say it.
Utterance call_utterance(std::string_view ticket, std::string_view window_name,
                         const std::vector<std::string>& recorded = {});

// The name a call's window is announced by: the roster's name for it, else
// "7号窗口" for a numeric id, else the id.
std::string spoken_window(const model::Window* roster_window, std::string_view window_id);

// An urgent notice read once after the chime; it has no clips.
inline constexpr std::size_t kUrgentSpokenChars = 300;
Utterance urgent_utterance(std::string_view text);

// What the synthesiser reads for one reading: the spoken words, spaced.
std::string speech_text(const Utterance& u);
// The clips in playing order, "chime" and "pause" included: for tests and
// for finding the clips a folder lacks.
std::vector<std::string> clip_order(const Utterance& u);

// The standard clip names (请 号 到 窗口 办理 十, 0-9, A-Z): what a clip
// folder should hold, documented in docs/feed-format.md.
std::vector<std::string> standard_clips();

// --- when -------------------------------------------------------------------

// Within the config's quiet hours (from inclusive, to exclusive).
bool is_quiet(const model::Sound& sound, model::UnixSeconds t, int utc_offset_minutes);

// Calls are spoken while the hall is open and up to an hour after a closing
// (tickets taken before closing are still called then), never in quiet
// hours.
inline constexpr int kCallGraceMinutes = 60;
bool may_speak_call(const model::Sound& sound, const model::Calendar& calendar,
                    model::UnixSeconds t, int utc_offset_minutes);
// Urgent notices only while the hall is open, never in quiet hours: nobody
// is there to hear them otherwise.
bool may_speak_urgent(const model::Sound& sound, const model::Calendar& calendar,
                      model::UnixSeconds t, int utc_offset_minutes);

// When each active urgent notice was last read aloud.
struct UrgentReading {
  std::string key;  // the notice's id, or its text when it has none
  model::UnixSeconds last = 0;
};

struct UrgentStep {
  std::vector<std::string> say;         // notice texts to read now, in feed order
  std::vector<UrgentReading> readings;  // pass to the next step
};

// The urgent notices to read at t: each active one when it appears and
// again every urgent_repeat_minutes while active (0: once), while
// may_speak_urgent allows; one that appears in a silent time is read when
// it ends. Ask every few seconds.
UrgentStep step_urgent(std::vector<UrgentReading> readings, const model::Content& content,
                       const model::Sound& sound, model::UnixSeconds t, int utc_offset_minutes);

}  // namespace hb::schedule
