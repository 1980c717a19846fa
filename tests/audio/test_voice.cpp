// The voice as a hall hears it, through SDL's disk audio driver: every
// clip has its own constant sample value, so the file SDL writes says
// which clips played in which order.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "audio/voice.h"
#include "audio_support.h"

namespace hb::audio {
namespace {

namespace fs = std::filesystem;

void put16(std::ofstream& f, std::uint16_t v) {
  f.put(static_cast<char>(v & 0xff)).put(static_cast<char>(v >> 8));
}
void put32(std::ofstream& f, std::uint32_t v) {
  put16(f, static_cast<std::uint16_t>(v & 0xffff));
  put16(f, static_cast<std::uint16_t>(v >> 16));
}

// A mono 16-bit WAV at the voice's rate: 60 ms of `value`, then one zero
// sample, so that a clip said twice in a row still shows as two.
void write_clip(const fs::path& path, std::int16_t value) {
  std::vector<std::int16_t> samples(kRate * 60 / 1000, value);
  samples.push_back(0);
  const auto bytes = static_cast<std::uint32_t>(samples.size() * 2);
  std::ofstream f(path, std::ios::binary);
  f.write("RIFF", 4);
  put32(f, 36 + bytes);
  f.write("WAVEfmt ", 8);
  put32(f, 16);
  put16(f, 1);  // PCM
  put16(f, 1);  // mono
  put32(f, kRate);
  put32(f, kRate * 2);
  put16(f, 2);
  put16(f, 16);
  f.write("data", 4);
  put32(f, bytes);
  for (auto s : samples)
    put16(f, static_cast<std::uint16_t>(s));
}

struct Folder {
  fs::path dir;
  std::map<std::int16_t, std::string> names;  // sample value -> clip
};

Folder clip_folder(const std::string& name) {
  Folder folder{
      fs::temp_directory_path() / ("hallboard-clips-" + name + "-" + std::to_string(::getpid())),
      {}};
  fs::remove_all(folder.dir);
  fs::create_directories(folder.dir);
  std::int16_t value = 1000;
  for (const auto& clip : schedule::standard_clips()) {
    write_clip(folder.dir / (clip + ".wav"), value);
    folder.names[value] = clip;
    value = static_cast<std::int16_t>(value + 200);
  }
  return folder;
}

struct Heard {
  std::vector<std::int16_t> samples;
  std::vector<std::string> log;
};

struct Listen {
  bool log_throws = false;   // the voice's log throws the first time it is called
  bool until_played = true;  // wait until everything has been played; else stop at once
};

// Runs `speak` against a voice whose device is the disk driver writing to
// a file, and returns what the file holds.
template <class Speak>
Heard hear(const model::Sound& sound, const std::string& name, Speak speak, Listen listen = {}) {
  const fs::path file = fs::temp_directory_path() /
                        ("hallboard-disk-" + name + "-" + std::to_string(::getpid()) + ".raw");
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
  Heard heard;
  {
    auto voice = Voice::open(
        sound,
        [&](const std::string& line) {
          if (std::exchange(listen.log_throws, false)) throw std::runtime_error("the log is full");
          heard.log.push_back(line);
        },
        &test_speech());
    REQUIRE_MESSAGE(voice.ok(), (voice.ok() ? "" : voice.error()));
    speak(**voice);
    if (listen.until_played) REQUIRE((*voice)->wait_idle(60));
  }
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  std::ifstream f(file, std::ios::binary);
  std::int16_t s = 0;
  while (f.read(reinterpret_cast<char*>(&s), 2))
    heard.samples.push_back(s);
  fs::remove(file);
  return heard;
}

// The clips heard, in order: runs of one known value at least 40 ms long.
std::string clips_heard(const Heard& heard, const Folder& folder, int volume = 100) {
  std::string out;
  std::size_t i = 0;
  while (i < heard.samples.size()) {
    std::size_t j = i;
    while (j < heard.samples.size() && heard.samples[j] == heard.samples[i])
      ++j;
    const auto it = folder.names.find(static_cast<std::int16_t>(heard.samples[i] * 100 / volume));
    if (heard.samples[i] != 0 && j - i >= kRate * 40 / 1000 && it != folder.names.end())
      out += (out.empty() ? "" : " ") + it->second;
    i = j;
  }
  return out;
}

long long loud_samples(const Heard& heard) {
  long long n = 0;
  for (auto s : heard.samples)
    n += std::abs(s) > 1000;
  return n;
}

model::Calendar weekdays() {
  model::OpeningHours hours;
  hours.days = {true, true, true, true, true, false, false};
  hours.open = model::TimeOfDay{9 * 60};
  hours.close = model::TimeOfDay{17 * 60};
  model::Calendar c;
  c.hours.push_back(hours);
  return c;
}

model::QueueCall call_of(const char* ticket, model::UnixSeconds at) {
  model::QueueCall c;
  c.ticket = ticket;
  c.window = "1";
  c.at = at;
  return c;
}

// 2026-12-02 (a Wednesday) at hh:mm, +08:00.
model::UnixSeconds wednesday(int hh, int mm) {
  return model::to_unix(model::DateTime{{2026, 12, 2}, hh * 3600 + mm * 60, 480, false}, 480);
}

// How many times a call was said (each is read twice).
std::size_t calls_in(const std::string& clips) {
  std::size_t n = 0;
  for (auto at = clips.find("办理"); at != std::string::npos; at = clips.find("办理", at + 1))
    ++n;
  return n / 2;
}

// The disk driver slowed to `ms_per_buffer` a 1024-sample buffer (46 is
// real time; 20 plays a call in a second or so), for as long as it lives.
struct SlowDisk {
  explicit SlowDisk(int ms_per_buffer) {
    ::setenv("SDL_DISKAUDIODELAY", std::to_string(ms_per_buffer).c_str(), 1);
  }
  ~SlowDisk() { ::setenv("SDL_DISKAUDIODELAY", "1", 1); }
  SlowDisk(const SlowDisk&) = delete;
  SlowDisk& operator=(const SlowDisk&) = delete;
};

model::Sound clips_sound(const Folder& folder) {
  model::Sound sound;
  sound.volume = 100;
  sound.clips = folder.dir.string();
  return sound;
}

}  // namespace

TEST_CASE("a call from clips: the chime, then the clips in order, twice") {
  const Folder folder = clip_folder("order");
  model::Sound sound;
  sound.volume = 100;
  sound.clips = folder.dir.string();
  const auto heard = hear(sound, "order", [](Voice& v) {
    v.say(schedule::call_utterance("A024", "1号窗口"));
    v.say(schedule::call_utterance("B100", "12号窗口"));
  });
  CHECK(heard.log.empty());
  CHECK(clips_heard(heard, folder) ==
        "请 A 0 2 4 号 到 1 号 窗口 办理 请 A 0 2 4 号 到 1 号 窗口 办理 "
        "请 B 1 0 0 号 到 十 2 号 窗口 办理 请 B 1 0 0 号 到 十 2 号 窗口 办理");
  // The chime: loud and varying before the first clip.
  std::size_t first = 0;  // where 请 (value 1000) starts
  while (first + 100 < heard.samples.size() &&
         !std::all_of(heard.samples.begin() + static_cast<std::ptrdiff_t>(first),
                      heard.samples.begin() + static_cast<std::ptrdiff_t>(first + 100),
                      [](std::int16_t v) { return v == 1000; }))
    ++first;
  long long chime = 0;
  for (std::size_t i = 0; i < first; ++i)
    chime += std::abs(heard.samples[i]) > 5000;
  CHECK(chime > kRate / 10);
}

TEST_CASE("the volume applies to clips") {
  const Folder folder = clip_folder("volume");
  model::Sound sound;
  sound.volume = 50;
  sound.clips = folder.dir.string();
  const auto heard =
      hear(sound, "volume", [](Voice& v) { v.say(schedule::call_utterance("A1", "1号窗口")); });
  CHECK(clips_heard(heard, folder, 50) ==
        "请 A 1 号 到 1 号 窗口 办理 请 A 1 号 到 1 号 窗口 办理");
}

TEST_CASE("nothing is played in quiet hours, when the hall is long closed, or for a stale call") {
  const Folder folder = clip_folder("quiet");
  model::Sound sound;
  sound.clips = folder.dir.string();
  sound.quiet_from = model::TimeOfDay{12 * 60};
  sound.quiet_to = model::TimeOfDay{13 * 60 + 30};
  const auto calendar = weekdays();
  std::vector<bool> spoken;
  const auto heard = hear(sound, "quiet", [&](Voice& v) {
    spoken.push_back(
        v.speak(call_of("A1", wednesday(12, 30)), "1号窗口", {&calendar, wednesday(12, 30), 480}));
    spoken.push_back(v.speak_urgent("停电", {&calendar, wednesday(13, 0), 480}));
    // In hours, but made two minutes ago: the screen no longer shows it.
    spoken.push_back(
        v.speak(call_of("A0", wednesday(9, 58)), "1号窗口", {&calendar, wednesday(10, 0), 480}));
    spoken.push_back(
        v.speak(call_of("A2", wednesday(20, 0)), "1号窗口", {&calendar, wednesday(20, 0), 480}));
  });
  CHECK(spoken == std::vector<bool>{false, false, false, false});
  CHECK(loud_samples(heard) == 0);
  CHECK(heard.log.empty());
}

TEST_CASE("a call in hours is played") {
  const Folder folder = clip_folder("hours");
  model::Sound sound;
  sound.volume = 100;
  sound.clips = folder.dir.string();
  sound.quiet_from = model::TimeOfDay{12 * 60};
  sound.quiet_to = model::TimeOfDay{13 * 60 + 30};
  const auto calendar = weekdays();
  bool spoken = false;
  const auto heard = hear(sound, "hours", [&](Voice& v) {
    spoken = v.speak(call_of("A3", wednesday(9, 59) + 30), "1号窗口",
                     {&calendar, wednesday(10, 0), 480});
  });
  CHECK(spoken);
  CHECK(clips_heard(heard, folder) == "请 A 3 号 到 1 号 窗口 办理 请 A 3 号 到 1 号 窗口 办理");
}

TEST_CASE("say_call uses the hall's own recorded words, as speak does") {
  Folder folder = clip_folder("recorded");
  write_clip(folder.dir / "综合.wav", 9000);
  folder.names[9000] = "综合";
  model::Sound sound;
  sound.volume = 100;
  sound.clips = folder.dir.string();
  const auto heard = hear(sound, "recorded", [](Voice& v) { v.say_call("A1", "1号综合窗口"); });
  CHECK(heard.log.empty());  // no clip "综" or "合" was looked for
  CHECK(clips_heard(heard, folder) ==
        "请 A 1 号 到 1 号 综合 窗口 办理 请 A 1 号 到 1 号 综合 窗口 办理");
}

TEST_CASE("a missing or broken clip folder, or a missing clip: speech instead, one log line") {
  const Folder broken = clip_folder("broken");
  { std::ofstream(broken.dir / "请.wav") << "not a wav file"; }
  const Folder lacking = clip_folder("lacking");
  fs::remove(lacking.dir / "办理.wav");
  // A long recording named as a word, and a FIFO that would block the
  // voice thread for ever: refused before they are read.
  const Folder huge = clip_folder("huge");
  fs::resize_file(huge.dir / "号.wav", kClipMaxBytes + 1);
  const Folder fifo = clip_folder("fifo");
  fs::remove(fifo.dir / "到.wav");
  REQUIRE(::mkfifo((fifo.dir / "到.wav").c_str(), 0600) == 0);
  struct Row {
    const char* name;
    std::string folder;
    const char* says;
  };
  const Row rows[] = {
      {"missing", "/nonexistent/hallboard/clips", "no clip folder /nonexistent/hallboard/clips"},
      {"broken", broken.dir.string(), "请.wav"},
      {"lacking", lacking.dir.string(), "办理.wav"},
      {"huge", huge.dir.string(), "号.wav: over 2 MB"},
      {"fifo", fifo.dir.string(), "到.wav: not a regular file"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    model::Sound sound;
    sound.clips = row.folder;
    const auto heard = hear(sound, row.name, [](Voice& v) {
      v.say(schedule::call_utterance("A024", "1号窗口"));
      v.say(schedule::call_utterance("A025", "2号窗口"));
    });
    REQUIRE(heard.log.size() == 1);
    CHECK(heard.log[0].find(row.says) != std::string::npos);
    CHECK(heard.log[0].find("espeak-ng") != std::string::npos);
    CHECK(loud_samples(heard) > kRate);  // two calls of speech were played
  }
}

TEST_CASE("a burst of calls: at most kBacklogMax wait, the newest are said, one log line") {
  const Folder folder = clip_folder("burst");
  const auto heard = hear(clips_sound(folder), "burst", [](Voice& v) {
    for (int i = 1; i <= 20; ++i)
      v.say_call("A" + std::to_string(i), "1号窗口");
  });
  const std::string clips = clips_heard(heard, folder);
  // The one being played when the burst came, and the last eight.
  CHECK(calls_in(clips) >= kBacklogMax);
  CHECK(calls_in(clips) <= kBacklogMax + 2);
  CHECK(clips.ends_with("请 A 2 0 号 到 1 号 窗口 办理"));
  REQUIRE(heard.log.size() == 1);
  CHECK(heard.log[0].find("too many waiting") != std::string::npos);
}

TEST_CASE("the next utterance waits until the device has nearly played the last") {
  const Folder folder = clip_folder("drain");
  const SlowDisk slow(20);  // a call plays for about a second
  std::size_t waiting = 0;
  const auto heard = hear(clips_sound(folder), "drain", [&](Voice& v) {
    for (const char* ticket : {"A1", "A2", "A3"})
      v.say_call(ticket, "1号窗口");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    waiting = v.waiting();  // making a call from clips takes milliseconds
  });
  CHECK(waiting >= 1);
  CHECK(calls_in(clips_heard(heard, folder)) == 3);
}

TEST_CASE("a call that grows too old while others are said is dropped then") {
  const Folder folder = clip_folder("stale");
  const SlowDisk slow(20);
  const auto calendar = weekdays();
  const Moment at{&calendar, wednesday(10, 0), 480};
  std::vector<bool> spoken;
  const auto heard = hear(clips_sound(folder), "stale", [&](Voice& v) {
    v.say_call("A1", "1号窗口");  // two calls ahead: two seconds or so
    v.say_call("A2", "1号窗口");
    const int max_age = schedule::CallRules{}.max_age_seconds;
    spoken.push_back(v.speak(call_of("B1", at.now - (max_age - 1)), "1号窗口", at));
    spoken.push_back(v.speak(call_of("B2", at.now), "1号窗口", at));
  });
  CHECK(spoken == std::vector<bool>{true, true});
  const std::string clips = clips_heard(heard, folder);
  CHECK(calls_in(clips) == 3);
  CHECK(clips.find("B 1") == std::string::npos);
  CHECK(clips.ends_with("请 B 2 号 到 1 号 窗口 办理"));
  REQUIRE(heard.log.size() == 1);
  CHECK(heard.log[0].find("too old") != std::string::npos);
}

TEST_CASE("an exception making an utterance costs that utterance, not the voice") {
  model::Sound sound;
  sound.clips = "/nonexistent/hallboard/clips";  // the fall-back's log line throws
  const auto heard = hear(sound, "throws",
                          [](Voice& v) {
                            v.say_call("A1", "1号窗口");
                            v.say_call("A2", "1号窗口");
                          },
                          {.log_throws = true});
  REQUIRE(heard.log.size() == 1);
  CHECK(heard.log[0].find("not said: the log is full") != std::string::npos);
  CHECK(loud_samples(heard) > kRate / 2);  // the second call was spoken
}

TEST_CASE("wait_idle gives up after its time; stopping does not wait for the sound") {
  const SlowDisk real_time(46);  // a 1024-sample buffer's own length
  std::string text;              // a minute and more of speech
  for (int i = 0; i < 30; ++i)
    text += "请保管好随身物品。";
  bool idle = true;
  const auto heard = hear(model::Sound{}, "stop",
                          [&](Voice& v) {
                            v.say(schedule::urgent_utterance(text));
                            idle = v.wait_idle(0.5);
                          },
                          {.until_played = false});
  CHECK_FALSE(idle);
  // The voice stopped with most of the notice unplayed: had stopping waited
  // for the sound, the file would hold all of it.
  CHECK(heard.samples.size() < std::size_t{kRate} * 20);
}

// The dummy driver plays in real time: a short notice only.
TEST_CASE("the dummy driver: an urgent notice from speech, nothing logged") {
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  std::vector<std::string> log;
  auto voice = Voice::open(
      model::Sound{}, [&](const std::string& line) { log.push_back(line); }, &test_speech());
  REQUIRE(voice.ok());
  (*voice)->say(schedule::urgent_utterance("停电"));
  CHECK((*voice)->wait_idle(30));
  CHECK(log.empty());
}

}  // namespace hb::audio
