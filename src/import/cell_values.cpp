#include "import/cell_values.h"

#include <array>
#include <utility>

#include "feed/text.h"
#include "feed/values.h"
#include "model/unicode.h"

namespace hb::import {
namespace {

using model::DeadlineUnit;
using model::MaterialForm;

// Numbers in words or digits: ASCII and full-width digits, 〇零一…九, 两.
int digit_value(std::uint32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

long long multiplier(std::uint32_t cp) {
  switch (cp) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
    default: return 0;
  }
}

bool is_number_char(std::uint32_t cp) {
  return digit_value(cp) >= 0 || multiplier(cp) > 0;
}

std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> cps;
  for (std::size_t i = 0; i < s.size();)
    cps.push_back(model::next_code_point(s, i));
  return cps;
}

std::string utf8_of(const std::vector<std::uint32_t>& cps, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to && i < cps.size(); ++i)
    model::append_utf8(s, cps[i]);
  return s;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (const std::uint32_t cp : code_points(s))
    if (cp != ' ' && cp != '\t' && cp != '\n' && cp != 0x3000 && cp != 0xA0)
      model::append_utf8(out, cp);
  return out;
}

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Units as written after the number, longest first. 日 is a working day:
// the law these limits come from counts its 日 as working days
// (行政许可法第八十二条), while 天 and 自然日 are calendar days.
constexpr std::array<std::pair<std::string_view, DeadlineUnit>, 12> kUnits{{
    {"个工作日", DeadlineUnit::workday},
    {"工作日", DeadlineUnit::workday},
    {"个自然日", DeadlineUnit::day},
    {"自然日", DeadlineUnit::day},
    {"个日历日", DeadlineUnit::day},
    {"日历日", DeadlineUnit::day},
    {"个小时", DeadlineUnit::hour},
    {"小时", DeadlineUnit::hour},
    {"个钟头", DeadlineUnit::hour},
    {"天", DeadlineUnit::day},
    {"日", DeadlineUnit::workday},
    {"h", DeadlineUnit::hour},
}};

std::optional<DeadlineUnit> unit_at_start(std::string_view s) {
  for (const auto& [word, unit] : kUnits)
    if (starts_with(s, word)) return unit;
  return std::nullopt;
}

// 即办件 as halls write it.
bool says_immediate(std::string_view s) {
  for (const std::string_view w : {"即办", "当场办结", "立即办结", "即时办结", "当场办理",
                                   "立即办理", "即时办理", "当即办结", "当场", "即时"})
    if (s == w || s == std::string(w) + "件") return true;
  return false;
}

// Drops a trailing bracketed remark: "10个工作日（不含公示时间）".
std::string without_trailing_remark(std::string s) {
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                                    {"(", ")"}}) {
    if (!s.ends_with(close)) continue;
    const std::size_t at = s.rfind(open);
    if (at != std::string::npos && at > 0) return s.substr(0, at);
  }
  return s;
}

std::string strip_end_punctuation(std::string s) {
  for (bool again = true; again;) {
    again = false;
    for (const std::string_view p : {"。", "；", ";", "，", ",", "、", "."})
      if (s.ends_with(p)) {
        s.resize(s.size() - p.size());
        again = true;
      }
  }
  return s;
}

// "1、", "2.", "（3）", "①" at the start of a listed material or step.
std::string without_numbering(std::string_view text) {
  const auto cps = code_points(text);
  std::size_t i = 0;
  if (!cps.empty() && cps[0] >= 0x2460 && cps[0] <= 0x2473) return utf8_of(cps, 1, cps.size());
  const bool bracket = !cps.empty() && (cps[0] == U'（' || cps[0] == '(');
  if (bracket) ++i;
  const std::size_t digits_from = i;
  while (i < cps.size() && is_number_char(cps[i]))
    ++i;
  if (i == digits_from || i >= cps.size()) return std::string(text);
  const std::uint32_t mark = cps[i];
  const bool ends = bracket ? (mark == U'）' || mark == ')')
                            : (mark == U'、' || mark == '.' || mark == U'．' || mark == ')' ||
                               mark == U'）');
  if (!ends) return std::string(text);
  return std::string(trim_text(utf8_of(cps, i + 1, cps.size())));
}

// Parts of a list cell: at semicolons and line ends.
std::vector<std::string> split_list_cell(std::string_view text) {
  std::vector<std::string> parts;
  std::string current;
  const auto flush = [&] {
    std::string part(trim_text(current));
    if (!part.empty()) parts.push_back(std::move(part));
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const std::uint32_t cp = model::next_code_point(text, i);
    if (cp == U'；' || cp == ';' || cp == '\n')
      flush();
    else
      current.append(text.substr(at, i - at));
  }
  flush();
  return parts;
}

// --- fees -----------------------------------------------------------------

bool says_free(std::string_view s) {
  for (const std::string_view w : {"不收费", "免费", "无", "否", "免收", "0", "0元", "无收费",
                                   "不收取费用", "免收费用", "零收费", "无需收费", "无费用",
                                   "不收取任何费用", "免予收费", "—", "-", "/"})
    if (s == w) return true;
  return starts_with(s, "不收费") || starts_with(s, "免费") || starts_with(s, "免收") ||
         starts_with(s, "不收取");
}

struct Amount {
  std::size_t from = 0, to = 0;  // bytes of the digits (and 元) in the part
  model::Money money;
};

// The first "80元", "80.5 元", "￥80" in `s`.
std::optional<Amount> find_amount(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') continue;
    std::size_t j = i;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.'))
      ++j;
    const std::string_view digits = s.substr(i, j - i);
    std::size_t k = j;
    while (k < s.size() && s[k] == ' ')
      ++k;
    const bool yuan = starts_with(s.substr(k), "元");
    const bool sign = (i >= 3 && s.substr(i - 3, 3) == "￥") || (i >= 2 && s.substr(i - 2, 2) == "¥");
    if (yuan || sign) {
      const auto money = feed::parse_money(digits);
      if (!money) return std::nullopt;
      return Amount{i, yuan ? k + std::string_view("元").size() : j, *money};
    }
    i = j;
  }
  return std::nullopt;
}

// The unit a fee is charged per: "每件80元", "80元/件", "80元每件", "按件收取".
std::string per_of(std::string_view part, const Amount& amount) {
  const auto short_word = [](std::string_view w) {
    std::string r;
    std::size_t n = 0;
    for (std::size_t i = 0; i < w.size() && n < 3;) {
      const std::size_t at = i;
      const std::uint32_t cp = model::next_code_point(w, i);
      if (!model::is_han(cp) || cp == U'收' || cp == U'计' || cp == U'元' || cp == U'每') break;
      r.append(w.substr(at, i - at));
      ++n;
    }
    return r;
  };
  const std::string_view after = part.substr(amount.to);
  for (const std::string_view lead : {"/", "／", "每"})
    if (starts_with(after, lead)) return short_word(after.substr(lead.size()));
  const std::size_t each = part.rfind("每", amount.from);
  if (each != std::string_view::npos) return short_word(part.substr(each + 3));
  const std::size_t by = part.find("按");
  if (by != std::string_view::npos) return short_word(part.substr(by + 3));
  return "";
}

// The fee's name: the words with 费 before the amount ("工本费：10元"), else
// "收费" with the whole text kept as its basis.
std::pair<std::string, bool> name_of(std::string_view before) {
  std::string segment;
  std::string found;
  const auto consider = [&] {
    if (contains(segment, "费")) found = segment;
    segment.clear();
  };
  for (std::size_t i = 0; i < before.size();) {
    const std::size_t at = i;
    const std::uint32_t cp = model::next_code_point(before, i);
    if (cp == U'，' || cp == ',' || cp == U'：' || cp == ':' || cp == ' ' || cp == U'、')
      consider();
    else
      segment.append(before.substr(at, i - at));
  }
  consider();
  const std::size_t each = found.find("每");
  if (each != std::string::npos) found.resize(each);
  for (const std::string_view tail : {"为", "是", "按"})
    if (found.ends_with(tail)) found.resize(found.size() - tail.size());
  if (found.empty() || !contains(found, "费")) return {"收费", false};
  return {found, true};
}

// --- materials ------------------------------------------------------------

struct MaterialNote {
  std::optional<MaterialForm> form;
  std::optional<long long> copies;
  bool optional = false;
};

// "原件1份", "复印件2份", "原件及复印件各1份", "电子版", "非必要", "选填";
// nothing when the bracket says something else ("系统共享，无需提交"),
// which then stays part of the name.
std::optional<MaterialNote> read_material_note(std::string_view content) {
  std::string rest = without_spaces(content);
  MaterialNote note;
  const auto take = [&](std::string_view word) {
    const std::size_t at = rest.find(word);
    if (at == std::string::npos) return false;
    rest.erase(at, word.size());
    return true;
  };
  for (const std::string_view w : {"非必要", "非必需", "非必须", "选填", "选交", "如有", "可选",
                                   "容缺", "选择提交"})
    if (take(w)) note.optional = true;
  for (const std::string_view w : {"原件及复印件", "原件和复印件", "原件、复印件", "原件与复印件",
                                   "原件+复印件", "原件和复印"})
    if (take(w)) note.form = MaterialForm::both;
  for (const std::string_view w : {"电子版", "电子件", "电子文档", "电子材料", "扫描件"})
    if (take(w)) note.form = MaterialForm::electronic;
  if (take("复印件") || take("复印")) note.form = note.form ? MaterialForm::both : MaterialForm::copy;
  if (take("原件")) note.form = note.form ? MaterialForm::both : MaterialForm::original;
  // The count: the number before 份.
  const std::size_t fen = rest.find("份");
  if (fen != std::string::npos) {
    std::size_t start = fen;
    const auto cps_before = code_points(rest.substr(0, fen));
    std::size_t k = cps_before.size();
    while (k > 0 && is_number_char(cps_before[k - 1]))
      --k;
    const std::string number = utf8_of(cps_before, k, cps_before.size());
    start = fen - number.size();
    const auto copies = read_number(number);
    if (!copies || *copies < 1 || *copies > 1000) return std::nullopt;
    note.copies = copies;
    rest.erase(start, number.size() + std::string_view("份").size());
  }
  for (const std::string_view w : {"各", "，", ",", "、", "；", ";", "均", "需", "提交", "提供"})
    while (take(w)) {
    }
  if (!rest.empty()) return std::nullopt;
  if (!note.form && !note.copies && !note.optional) return std::nullopt;
  return note;
}

model::Material read_material(std::string part) {
  model::Material m;
  part = strip_end_punctuation(without_numbering(part));
  // Several brackets may close the name: "身份证（原件1份）（非必要）".
  for (int guard = 0; guard < 8; ++guard) {
    const std::size_t close_len = part.ends_with("）") ? 3 : part.ends_with(")") ? 1 : 0;
    const std::size_t wide = part.rfind("（"), narrow = part.rfind('(');
    const std::size_t open = wide == std::string::npos   ? narrow
                             : narrow == std::string::npos ? wide
                                                           : std::max(wide, narrow);
    if (close_len == 0 || open == std::string::npos || open == 0) break;
    const std::size_t open_len = open == wide ? 3 : 1;
    if (open + open_len > part.size() - close_len) break;
    const std::string_view content =
        std::string_view(part).substr(open + open_len, part.size() - close_len - open - open_len);
    const auto note = read_material_note(content);
    if (!note) break;
    if (note->form) m.form = *note->form;
    if (note->copies) m.copies = *note->copies;
    if (note->optional) m.required = false;
    part = strip_end_punctuation(std::string(trim_text(part.substr(0, open))));
  }
  m.name = feed::normalize_line(part);
  return m;
}

// --- steps ----------------------------------------------------------------

std::vector<std::string> split_steps(std::string_view text) {
  std::string s(text);
  bool arrows = false;
  for (const std::string_view arrow : {"——>", "—>", "－>", "->", "=>", "⇒", "➔", "➝", "⟶", "→"}) {
    for (std::size_t at = s.find(arrow); at != std::string::npos; at = s.find(arrow, at)) {
      s.replace(at, arrow.size(), "\x1F");
      arrows = true;
    }
  }
  if (!arrows) return split_list_cell(text);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find('\x1F', start), s.size());
    std::string part(trim_text(std::string_view(s).substr(start, end - start)));
    if (!part.empty()) parts.push_back(std::move(part));
    start = end + 1;
  }
  return parts;
}

model::Step read_step(std::string part, DeadlineUnit item_unit) {
  model::Step step;
  step.unit = item_unit == DeadlineUnit::immediate ? DeadlineUnit::workday : item_unit;
  part = strip_end_punctuation(without_numbering(part));
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                                    {"(", ")"}}) {
    const std::size_t at = part.rfind(open);
    if (at == std::string::npos || at == 0) continue;
    const std::size_t end = part.find(close, at);
    if (end == std::string::npos) continue;
    const auto d = read_duration(std::string_view(part).substr(at + open.size(),
                                                                end - at - open.size()));
    if (!d || d->immediate) continue;
    step.limit = d->amount;
    step.unit = d->unit;
    part.erase(at, end + close.size() - at);
    break;
  }
  std::size_t colon = part.find("：");
  std::size_t colon_len = 3;
  if (colon == std::string::npos) {
    colon = part.find(':');
    colon_len = 1;
  }
  if (colon != std::string::npos) {
    step.description = feed::normalize_text(part.substr(colon + colon_len));
    part.resize(colon);
  }
  step.name = feed::normalize_line(part);
  return step;
}

}  // namespace

std::string_view trim_text(std::string_view text) {
  const auto is_space_at = [&](std::size_t i, std::size_t& len) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      len = 1;
      return true;
    }
    for (const std::string_view sp : {"\u3000", "\u00A0"})
      if (text.substr(i, sp.size()) == sp) {
        len = sp.size();
        return true;
      }
    return false;
  };
  std::size_t len = 0;
  while (!text.empty() && is_space_at(0, len))
    text.remove_prefix(len);
  while (!text.empty()) {
    bool trimmed = false;
    for (const std::string_view sp : {" ", "\t", "\n", "\r", "\u3000", "\u00A0"})
      if (text.ends_with(sp)) {
        text.remove_suffix(sp.size());
        trimmed = true;
      }
    if (!trimmed) break;
  }
  return text;
}

std::optional<long long> read_number(std::string_view text) {
  const auto cps = code_points(text);
  if (cps.empty() || cps.size() > 12) return std::nullopt;
  bool words = false;
  for (const std::uint32_t cp : cps) {
    if (!is_number_char(cp)) return std::nullopt;
    if (multiplier(cp) > 0 || (cp > 0x7F && !(cp >= 0xFF10 && cp <= 0xFF19))) words = true;
  }
  if (!words) {
    long long v = 0;
    for (const std::uint32_t cp : cps)
      v = v * 10 + digit_value(cp);
    return v;
  }
  // Words: 二十 = 20, 十五 = 15, 一百二十 = 120, 三万 = 30000.
  long long total = 0, section = 0;
  int digit = -1;
  for (const std::uint32_t cp : cps) {
    if (const int d = digit_value(cp); d >= 0) {
      if (digit > 0) return std::nullopt;  // "一二": not a number in words
      digit = d;
    } else if (const long long m = multiplier(cp); m == 10000) {
      total += (section + (digit > 0 ? digit : 0)) * m;
      section = 0;
      digit = -1;
    } else {
      section += (digit >= 0 ? digit : 1) * m;
      digit = -1;
    }
  }
  return total + section + (digit > 0 ? digit : 0);
}

std::optional<Duration> read_duration(std::string_view text, std::string_view header_note) {
  const std::string s = strip_end_punctuation(without_trailing_remark(without_spaces(text)));
  if (s.empty()) return std::nullopt;
  if (says_immediate(s)) return Duration{true, 0, DeadlineUnit::immediate};
  if (const auto bare = read_number(s)) {
    DeadlineUnit unit = DeadlineUnit::workday;
    if (!header_note.empty()) {
      const auto from_note = read_duration(std::string("1") + std::string(header_note));
      if (from_note && !from_note->immediate) unit = from_note->unit;
    }
    return Duration{false, *bare, unit};
  }
  // Exactly one number followed by a unit, anywhere: "自受理之日起10个工作日内".
  const auto cps = code_points(s);
  std::optional<Duration> found;
  for (std::size_t i = 0; i < cps.size();) {
    if (!is_number_char(cps[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cps.size() && is_number_char(cps[j]))
      ++j;
    // Units are at most four characters: looking no further keeps a long
    // cell full of numbers linear.
    const std::string after = utf8_of(cps, j, j + 4);
    const auto unit = unit_at_start(after);
    const auto number = read_number(utf8_of(cps, i, j));
    if (unit && number) {
      if (found) return std::nullopt;  // "一般3个工作日，复杂10个工作日": which one?
      found = Duration{false, *number, *unit};
    }
    i = j;
  }
  return found;
}

FeeReading read_fees(std::string_view text) {
  FeeReading reading;
  const std::string whole = strip_end_punctuation(std::string(trim_text(text)));
  if (whole.empty()) return reading;
  if (says_free(without_spaces(whole))) {
    reading.free = true;
    return reading;
  }
  std::string pending_basis;  // text before the first amount, such as a legal basis
  for (const std::string& part : split_list_cell(whole)) {
    const auto amount = find_amount(part);
    if (!amount) {
      std::string& basis = reading.fees.empty() ? pending_basis : reading.fees.back().basis;
      basis += (basis.empty() ? "" : "；") + part;
      continue;
    }
    model::Fee fee;
    const auto [name, named] = name_of(std::string_view(part).substr(0, amount->from));
    fee.name = name;
    fee.amount = amount->money;
    fee.per = per_of(part, *amount);
    if (!named) fee.basis = part;
    if (!pending_basis.empty()) {
      fee.basis = pending_basis + (fee.basis.empty() ? "" : "；" + fee.basis);
      pending_basis.clear();
    }
    reading.fees.push_back(std::move(fee));
  }
  bool all_zero = !reading.fees.empty();
  for (const auto& f : reading.fees)
    all_zero = all_zero && f.amount.fen == 0;
  if (all_zero) {
    reading.fees.clear();
    reading.free = true;
  }
  return reading;
}

std::vector<model::Material> read_materials(std::string_view text) {
  std::vector<model::Material> materials;
  for (std::string& part : split_list_cell(text)) {
    model::Material m = read_material(std::move(part));
    if (!m.name.empty()) materials.push_back(std::move(m));
  }
  return materials;
}

std::vector<model::Step> read_steps(std::string_view text, DeadlineUnit item_unit) {
  std::vector<model::Step> steps;
  for (std::string& part : split_steps(text)) {
    model::Step step = read_step(std::move(part), item_unit);
    if (!step.name.empty()) steps.push_back(std::move(step));
  }
  return steps;
}

std::string read_window(std::string_view text) {
  const std::string s = without_spaces(text);
  for (const std::string_view tail : {"号窗口", "号窗", "号"}) {
    if (!s.ends_with(tail)) continue;
    const std::string number = s.substr(0, s.size() - tail.size());
    if (const auto n = read_number(number)) return std::to_string(*n);
  }
  return feed::normalize_line(text);
}

}  // namespace hb::import
