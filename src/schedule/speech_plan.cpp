#include "schedule/speech_plan.h"

#include <algorithm>
#include <array>

#include "model/unicode.h"
#include "schedule/blanking.h"
#include "schedule/calendar.h"
#include "schedule/local_time.h"
#include "schedule/notices.h"

namespace hb::schedule {
namespace {

constexpr std::array<const char*, 10> kDigitSpoken = {"零", "一", "二", "三", "四",
                                                      "五", "六", "七", "八", "九"};
// Words every call needs; a clip folder should hold each.
constexpr std::array<const char*, 6> kStandardWords = {"请", "号", "到", "窗口", "办理", "十"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

Word digit_word(char c) {
  return {std::string(1, c), kDigitSpoken[static_cast<std::size_t>(c - '0')]};
}

Word letter_word(char c) {
  const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return {std::string(1, upper), std::string(1, upper)};
}

// 1-99 as said aloud (十二, 二十, 二十一); others digit by digit, since
// nobody says 一百零三号窗口 and a leading zero is part of a label.
void add_number(std::string_view digits, std::vector<Word>& out) {
  const bool natural = digits.size() <= 2 && digits.front() != '0';
  if (!natural || digits.size() == 1) {
    for (char c : digits)
      out.push_back(digit_word(c));
    return;
  }
  if (digits[0] != '1') out.push_back(digit_word(digits[0]));
  out.push_back({"十", "十"});
  if (digits[1] != '0') out.push_back(digit_word(digits[1]));
}

// The longest recorded word `text` starts with at byte i, if any.
std::size_t recorded_at(std::string_view text, std::size_t i,
                        const std::vector<std::string>& words) {
  std::size_t best = 0;
  for (const auto& w : words)
    if (w.size() > best && text.substr(i).starts_with(w)) best = w.size();
  return best;
}

// Free text as words: digits as numbers, letters one by one, recorded words
// whole, any other character a word of its own (a clip named after it).
std::vector<Word> words_of(std::string_view text, const std::vector<std::string>& recorded) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      const std::size_t start = i;
      while (i < text.size() && is_digit(text[i]))
        ++i;
      add_number(text.substr(start, i - start), out);
    } else if (is_letter(text[i])) {
      out.push_back(letter_word(text[i++]));
    } else if (const auto n = recorded_at(text, i, recorded)) {
      out.push_back({std::string(text.substr(i, n)), std::string(text.substr(i, n))});
      i += n;
    } else {
      const std::size_t start = i;
      const auto cp = model::next_code_point(text, i);
      if (cp != ' ' && cp != 0x3000)
        out.push_back({std::string(text.substr(start, i - start)),
                       std::string(text.substr(start, i - start))});
    }
  }
  return out;
}

// A ticket is read as printed: every digit on its own (A 零 二 四).
std::vector<Word> ticket_words(std::string_view ticket) {
  std::vector<Word> out;
  for (char c : ticket) {
    if (is_digit(c))
      out.push_back(digit_word(c));
    else if (is_letter(c))
      out.push_back(letter_word(c));
  }
  return out;
}

bool within_grace(const model::Calendar& calendar, model::UnixSeconds t, int utc_offset_minutes) {
  const auto closed = last_closing(calendar, t, utc_offset_minutes);
  return closed && t - *closed < kCallGraceMinutes * 60;
}

std::string notice_key(const model::Notice& n) {
  return n.id.empty() ? n.text : n.id;
}

const model::UnixSeconds* last_read(const std::vector<UrgentReading>& readings,
                                    const std::string& key) {
  const auto it = std::find_if(readings.begin(), readings.end(),
                               [&](const UrgentReading& r) { return r.key == key; });
  return it == readings.end() ? nullptr : &it->last;
}

bool urgent_due(const model::UnixSeconds* last, const model::Sound& sound, model::UnixSeconds t) {
  if (!last) return true;
  return sound.urgent_repeat_minutes > 0 && t - *last >= sound.urgent_repeat_minutes * 60LL;
}

}  // namespace

std::vector<std::string> standard_clips() {
  std::vector<std::string> out(kStandardWords.begin(), kStandardWords.end());
  for (char c = '0'; c <= '9'; ++c)
    out.emplace_back(1, c);
  for (char c = 'A'; c <= 'Z'; ++c)
    out.emplace_back(1, c);
  return out;
}

Utterance call_utterance(std::string_view ticket, std::string_view window_name,
                         const std::vector<std::string>& recorded) {
  std::vector<std::string> known(kStandardWords.begin(), kStandardWords.end());
  known.insert(known.end(), recorded.begin(), recorded.end());
  Utterance u;
  u.readings = 2;  // a citizen who missed the number hears it again
  u.words.push_back({"请", "请"});
  auto ticket_part = ticket_words(ticket);
  u.words.insert(u.words.end(), ticket_part.begin(), ticket_part.end());
  u.words.push_back({"号", "号"});
  u.words.push_back({"到", "到"});
  auto window_part = words_of(window_name, known);
  u.words.insert(u.words.end(), window_part.begin(), window_part.end());
  u.words.push_back({"办理", "办理"});
  return u;
}

std::string spoken_window(const model::Window* roster_window, std::string_view window_id) {
  if (roster_window && !roster_window->name.empty()) return roster_window->name;
  const bool numeric =
      !window_id.empty() && std::all_of(window_id.begin(), window_id.end(), is_digit);
  return numeric ? std::string(window_id) + "号窗口" : std::string(window_id);
}

Utterance urgent_utterance(std::string_view text) {
  // Read aloud, a notice is heard, not studied: the first kUrgentSpokenChars
  // characters (about a minute of speech). A 1 MB notice would otherwise
  // make gigabytes of samples. Cut at a character, never inside one.
  std::size_t at = 0, chars = 0;
  while (at < text.size() && chars < kUrgentSpokenChars) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0u) == 0x80u) ++at;
    ++chars;
  }
  Utterance u;
  u.urgent = true;
  u.words.push_back({"", std::string(text.substr(0, at))});
  return u;
}

std::string speech_text(const Utterance& u) {
  std::string out;
  for (const auto& w : u.words) {
    if (!out.empty()) out += ' ';
    out += w.spoken;
  }
  return out;
}

std::vector<std::string> clip_order(const Utterance& u) {
  std::vector<std::string> out;
  if (u.chime) out.emplace_back("chime");
  for (int r = 0; r < u.readings; ++r) {
    if (r > 0) out.emplace_back("pause");
    for (const auto& w : u.words)
      out.push_back(w.clip);
  }
  return out;
}

bool is_quiet(const model::Sound& sound, model::UnixSeconds t, int utc_offset_minutes) {
  if (!sound.quiet_from || !sound.quiet_to) return false;
  const int minute = to_local(t, utc_offset_minutes).second_of_day / 60;
  const int from = sound.quiet_from->minutes;
  const int to = sound.quiet_to->minutes;
  return from <= to ? (from <= minute && minute < to) : (minute >= from || minute < to);
}

bool may_speak_call(const model::Sound& sound, const model::Calendar& calendar,
                    model::UnixSeconds t, int utc_offset_minutes) {
  if (is_quiet(sound, t, utc_offset_minutes)) return false;
  return is_open(calendar, t, utc_offset_minutes) || within_grace(calendar, t, utc_offset_minutes);
}

bool may_speak_urgent(const model::Sound& sound, const model::Calendar& calendar,
                      model::UnixSeconds t, int utc_offset_minutes) {
  return sound.urgent && !is_quiet(sound, t, utc_offset_minutes) &&
         is_open(calendar, t, utc_offset_minutes);
}

UrgentStep step_urgent(std::vector<UrgentReading> readings, const model::Content& content,
                       const model::Sound& sound, model::UnixSeconds t, int utc_offset_minutes) {
  const auto active = active_notices(content, model::NoticeLevel::urgent, t, utc_offset_minutes);
  const model::Calendar calendar = content.calendar ? *content.calendar : model::default_calendar();
  const bool may = may_speak_urgent(sound, calendar, t, utc_offset_minutes);
  UrgentStep step;
  // Only active notices are remembered: one taken down and published again
  // is read again, as a new notice is.
  for (const auto* n : active) {
    const std::string key = notice_key(*n);
    const auto* last = last_read(readings, key);
    if (may && urgent_due(last, sound, t)) {
      step.say.push_back(n->text);
      step.readings.push_back({key, t});
    } else if (last) {
      step.readings.push_back({key, *last});
    }
  }
  return step;
}

}  // namespace hb::schedule
