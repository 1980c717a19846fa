// What the player says aloud and when (语音播报): the words of a call, the
// clips they take, quiet hours, opening hours, urgent notices' repeats.
#include <doctest/doctest.h>

#include "schedule/speech_plan.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts)
    out += (out.empty() ? "" : " ") + p;
  return out;
}

model::Sound quiet_sound(const char* from, const char* to) {
  model::Sound s;
  s.quiet_from = *feed::parse_time_of_day(from, false);
  s.quiet_to = *feed::parse_time_of_day(to, false);
  return s;
}

model::Notice urgent_notice(const std::string& id, const std::string& text, const char* from,
                            const char* to) {
  model::Notice n;
  n.id = id;
  n.level = model::NoticeLevel::urgent;
  n.text = text;
  n.from = *feed::parse_timestamp(from);
  n.to = *feed::parse_timestamp(to);
  return n;
}

}  // namespace

TEST_CASE("a call's words: the clips in order, and what speech reads") {
  struct Row {
    const char* ticket;
    const char* window;
    std::vector<std::string> recorded;
    const char* clips;
    const char* text;
  };
  const Row rows[] = {
      {"A024",
       "1号窗口",
       {},
       "chime 请 A 0 2 4 号 到 1 号 窗口 办理 pause 请 A 0 2 4 号 到 1 号 窗口 办理",
       "请 A 零 二 四 号 到 一 号 窗口 办理"},
      {"b100",
       "12号窗口",
       {},
       "chime 请 B 1 0 0 号 到 十 2 号 窗口 办理 pause 请 B 1 0 0 号 到 十 2 号 窗口 办理",
       "请 B 一 零 零 号 到 十 二 号 窗口 办理"},
      {"A7",
       "20号窗口",
       {},
       "chime 请 A 7 号 到 2 十 号 窗口 办理 pause 请 A 7 号 到 2 十 号 窗口 办理",
       "请 A 七 号 到 二 十 号 窗口 办理"},
      {"A7",
       "21号窗口",
       {},
       "chime 请 A 7 号 到 2 十 1 号 窗口 办理 pause 请 A 7 号 到 2 十 1 号 窗口 办理",
       "请 A 七 号 到 二 十 一 号 窗口 办理"},
      {"A7",
       "10号窗口",
       {},
       "chime 请 A 7 号 到 十 号 窗口 办理 pause 请 A 7 号 到 十 号 窗口 办理",
       "请 A 七 号 到 十 号 窗口 办理"},
      // Above 99, and with a leading zero, a window's number is a label.
      {"A7",
       "103号窗口",
       {},
       "chime 请 A 7 号 到 1 0 3 号 窗口 办理 pause 请 A 7 号 到 1 0 3 号 窗口 办理",
       "请 A 七 号 到 一 零 三 号 窗口 办理"},
      {"A7",
       "07号窗口",
       {},
       "chime 请 A 7 号 到 0 7 号 窗口 办理 pause 请 A 7 号 到 0 7 号 窗口 办理",
       "请 A 七 号 到 零 七 号 窗口 办理"},
      // Words a hall recorded are taken whole; others are one clip a character.
      {"A1",
       "1号综合窗口",
       {"综合"},
       "chime 请 A 1 号 到 1 号 综合 窗口 办理 pause 请 A 1 号 到 1 号 综合 窗口 办理",
       "请 A 一 号 到 一 号 综合 窗口 办理"},
      {"A1",
       "1号综合窗口",
       {},
       "chime 请 A 1 号 到 1 号 综 合 窗口 办理 pause 请 A 1 号 到 1 号 综 合 窗口 办理",
       "请 A 一 号 到 一 号 综 合 窗口 办理"},
      // A ticket's punctuation is not read.
      {"A-024",
       "1号窗口",
       {},
       "chime 请 A 0 2 4 号 到 1 号 窗口 办理 pause 请 A 0 2 4 号 到 1 号 窗口 办理",
       "请 A 零 二 四 号 到 一 号 窗口 办理"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.window));
    const auto u = schedule::call_utterance(row.ticket, row.window, row.recorded);
    CHECK(joined(schedule::clip_order(u)) == row.clips);
    CHECK(schedule::speech_text(u) == row.text);
  }
}

TEST_CASE("the window a call is announced by") {
  model::Window named;
  named.id = "1";
  named.name = "1号综合窗口";
  CHECK(schedule::spoken_window(&named, "1") == "1号综合窗口");
  CHECK(schedule::spoken_window(nullptr, "7") == "7号窗口");
  CHECK(schedule::spoken_window(nullptr, "VIP") == "VIP");
}

TEST_CASE("an urgent notice is read once after the chime, from speech only") {
  const auto u = schedule::urgent_utterance("大厅开展消防应急疏散演练。");
  CHECK(joined(schedule::clip_order(u)) == "chime ");
  CHECK(schedule::speech_text(u) == "大厅开展消防应急疏散演练。");
  CHECK(u.urgent);  // calls give way to it in the voice's backlog
  CHECK_FALSE(schedule::call_utterance("A1", "1号窗口").urgent);
}

TEST_CASE("an urgent notice is read up to 300 characters, cut at a character") {
  struct Row {
    std::string text;
    std::string spoken;
  };
  std::string chinese;
  for (int i = 0; i < 400; ++i) chinese += "演";
  const Row rows[] = {
      {"", ""},
      {std::string(300, 'a'), std::string(300, 'a')},
      {std::string(1000000, 'a'), std::string(300, 'a')},
      {chinese, chinese.substr(0, 300 * 3)},
      {"a" + chinese, "a" + chinese.substr(0, 299 * 3)},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text.size());
    CHECK(schedule::speech_text(schedule::urgent_utterance(r.text)) == r.spoken);
  }
}

TEST_CASE("the standard clips: words, digits, letters") {
  const auto clips = schedule::standard_clips();
  CHECK(clips.size() == 6 + 10 + 26);
  CHECK(joined(std::vector<std::string>(clips.begin(), clips.begin() + 7)) ==
        "请 号 到 窗口 办理 十 0");
}

TEST_CASE("quiet hours, opening hours and a call's hour of grace") {
  const auto calendar = test_calendar();
  const auto night = quiet_sound("22:00", "07:00");
  const auto lunch = quiet_sound("12:00", "13:30");
  const model::Sound none;
  struct Row {
    const char* when;
    const model::Sound* sound;
    bool quiet, call, urgent;
  };
  const Row rows[] = {
      {"2026-12-02T10:00", &none, false, true, true},
      {"2026-12-02T10:00", &night, false, true, true},
      {"2026-12-02T22:00", &night, true, false, false},
      {"2026-12-03T06:59", &night, true, false, false},
      {"2026-12-03T07:00", &night, false, false, false},  // not quiet, but closed
      {"2026-12-02T17:30", &none, false, true, false},    // after closing: calls only
      {"2026-12-02T17:59", &none, false, true, false},
      {"2026-12-02T18:00", &none, false, false, false},
      {"2026-12-02T12:10", &lunch, true, false, false},
      {"2026-12-02T13:30", &lunch, false, true, true},
      {"2026-12-06T10:00", &none, false, false, false},  // a Sunday
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.when));
    const auto t = at(row.when);
    CHECK(schedule::is_quiet(*row.sound, t, kZone) == row.quiet);
    CHECK(schedule::may_speak_call(*row.sound, calendar, t, kZone) == row.call);
    CHECK(schedule::may_speak_urgent(*row.sound, calendar, t, kZone) == row.urgent);
  }
  model::Sound no_urgent;
  no_urgent.urgent = false;
  CHECK_FALSE(schedule::may_speak_urgent(no_urgent, calendar, at("2026-12-02T10:00"), kZone));
}

TEST_CASE("urgent notices: read when they appear and every N minutes while active") {
  model::Content content;
  content.calendar = test_calendar();
  content.notices.push_back(
      urgent_notice("n05", "消防演练", "2026-12-02T11:50", "2026-12-02T13:40"));
  content.notices.push_back(urgent_notice("", "停电", "2026-12-02T11:55", "2026-12-02T11:58"));
  model::Sound sound = quiet_sound("12:00", "13:30");
  sound.urgent_repeat_minutes = 3;
  // Minute by minute: what is read (12:00-13:00 the hall is closed and quiet).
  struct Row {
    const char* when;
    const char* said;
  };
  const Row rows[] = {
      {"2026-12-02T11:49", ""},     {"2026-12-02T11:50", "消防演练"},
      {"2026-12-02T11:52", ""},     {"2026-12-02T11:53", "消防演练"},
      {"2026-12-02T11:55", "停电"}, {"2026-12-02T11:56", "消防演练"},
      {"2026-12-02T11:58", "停电"}, {"2026-12-02T11:59", "消防演练"},  // 停电 ends at 11:58:59
      {"2026-12-02T12:02", ""},                                        // quiet, closed
      {"2026-12-02T13:29", ""},     {"2026-12-02T13:30", "消防演练"},  // read as soon as speech may
      {"2026-12-02T13:32", ""},     {"2026-12-02T13:33", "消防演练"},
      {"2026-12-02T13:41", ""},  // over
  };
  std::vector<schedule::UrgentReading> readings;
  for (const auto& row : rows) {
    CAPTURE(std::string(row.when));
    auto step = schedule::step_urgent(std::move(readings), content, sound, at(row.when), kZone);
    CHECK(joined(step.say) == row.said);
    readings = std::move(step.readings);
  }
  CHECK(readings.empty());
}

TEST_CASE("urgent-repeat 0: an urgent notice is read once") {
  model::Content content;
  content.notices.push_back(urgent_notice("n1", "紧急", "2026-12-02T10:00", "2026-12-02T11:00"));
  model::Sound sound;
  sound.urgent_repeat_minutes = 0;
  std::vector<schedule::UrgentReading> readings;
  int read = 0;
  for (auto t = at("2026-12-02T10:00"); t <= at("2026-12-02T11:00"); t += 30) {
    auto step = schedule::step_urgent(std::move(readings), content, sound, t, kZone);
    read += static_cast<int>(step.say.size());
    readings = std::move(step.readings);
  }
  CHECK(read == 1);
}

}  // namespace hb::test
