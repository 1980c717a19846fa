#include "layout/line_break.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>

#include "model/unicode.h"

namespace hb::layout {
namespace {

// Owns a UText over UTF-8, so break offsets come back as byte offsets.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    text_ = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
    if (U_FAILURE(status)) text_ = nullptr;
  }
  ~Utf8Text() {
    if (text_) utext_close(text_);
  }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UText* get() const { return text_; }

 private:
  UText* text_ = nullptr;
};

std::vector<std::size_t> boundaries(icu::BreakIterator* it, std::string_view s) {
  std::vector<std::size_t> r;
  if (!it || s.empty()) return r;
  const Utf8Text text(s);
  if (!text.get()) return r;
  UErrorCode status = U_ZERO_ERROR;
  it->setText(text.get(), status);
  if (U_FAILURE(status)) return r;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
    r.push_back(static_cast<std::size_t>(b));
  return r;
}

enum class Unit { line, character, word };

std::unique_ptr<icu::BreakIterator> make(Unit unit) {
  UErrorCode status = U_ZERO_ERROR;
  // Strict line breaking is what Chinese typesetting (clreq) asks for.
  const icu::Locale zh("zh", "CN", "", "lb=strict");
  std::unique_ptr<icu::BreakIterator> it(
      unit == Unit::line        ? icu::BreakIterator::createLineInstance(zh, status)
      : unit == Unit::character ? icu::BreakIterator::createCharacterInstance(zh, status)
                                : icu::BreakIterator::createWordInstance(zh, status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

char32_t first_code_point(std::string_view s, std::size_t at) {
  return static_cast<char32_t>(model::next_code_point(s, at));
}

char32_t last_code_point(std::string_view s, std::size_t end) {
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  return first_code_point(s, start);
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

// Digits stay tight against hanzi ("3个工作日", "1号窗口"), as Chinese
// signage sets them; Latin words get the quarter-em clreq recommends.
bool is_latin_letter(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A rough width of each prefix of a text (hanzi and full-width forms 1 em,
// anything else 0.55 em), scaled by what the real measurer said last time:
// only a first guess of where a line ends, which the search then checks.
class WidthGuess {
 public:
  WidthGuess(std::string_view text, int em) : offsets_{0}, widths_{0} {
    for (std::size_t i = 0; i < text.size();) {
      const auto c = model::next_code_point(text, i);
      offsets_.push_back(i);
      widths_.push_back(widths_.back() + (model::is_cjk(c) ? 1.0 : 0.55) * em);
    }
  }
  // From byte `from` to byte `to` (both at code point boundaries).
  double width(std::size_t from, std::size_t to) const { return (at(to) - at(from)) * scale_; }
  void learn(std::size_t from, std::size_t to, int measured) {
    const double rough = at(to) - at(from);
    if (rough > 0 && measured > 0) scale_ = measured / rough;
  }

 private:
  double at(std::size_t byte) const {
    const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), byte);
    return widths_[static_cast<std::size_t>(it - offsets_.begin())];
  }
  std::vector<std::size_t> offsets_;  // of each code point's end, after a leading 0
  std::vector<double> widths_;        // rough width up to there
  double scale_ = 1;
};

// The first index k >= next where the text from `from` to ends[k] is wider
// than max_width (ends.size() when none is); width_to(end) measures it.
// A line only grows wider as it takes more text, so this is where trying
// each end in turn would stop (tests/line_break_reference.h keeps that
// way, and the tests check the two agree); but it measures the guess and
// its neighbour, two or three times a line, where trying each end
// measured a line of n characters n times over (and made the font library reload
// glyphs that evict each other in its cache every time).
template <class WidthTo>
std::size_t first_too_wide(const std::vector<std::size_t>& ends, std::size_t next,
                           WidthGuess& guess, std::size_t from, int max_width,
                           const WidthTo& width_to) {
  const auto fits = [&](std::size_t end) {
    const int w = width_to(end);
    guess.learn(from, end, w);
    return w <= max_width;
  };
  std::size_t lo = next;         // every index below lo fits
  std::size_t hi = ends.size();  // hi does not fit (or is the end)
  if (lo >= hi) return lo;
  std::size_t g = lo;  // the last end the guess puts on the line
  while (g + 1 < hi && guess.width(from, ends[g + 1]) <= max_width)
    ++g;
  if (fits(ends[g])) {
    lo = g + 1;
    for (std::size_t step = 1; lo < hi; step *= 2) {
      const std::size_t k = std::min(lo + step - 1, hi - 1);
      if (!fits(ends[k])) {
        hi = k;
        break;
      }
      lo = k + 1;
    }
  } else {
    hi = g;
    for (std::size_t step = 1; lo < hi; step *= 2) {
      const std::size_t k = hi - std::min(step, hi - lo);
      if (fits(ends[k])) {
        lo = k + 1;
        break;
      }
      hi = k;
    }
  }
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (fits(ends[mid]))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

}  // namespace

bool may_not_start_line(char32_t c) {
  static constexpr std::u32string_view kNoStart =
      U"，。、；：？！…‥·・）］｝〕〉》」』】〗〙〛”’)]}%‰℃〟｠ー々〻"
      U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ－–—,.;:?!";
  return kNoStart.find(c) != std::u32string_view::npos;
}

bool may_not_end_line(char32_t c) {
  static constexpr std::u32string_view kNoEnd = U"（［｛〔〈《「『【〖〘〚“‘([{＄￥$¥";
  return kNoEnd.find(c) != std::u32string_view::npos;
}

std::string space_mixed_scripts(std::string_view text) {
  // Code points first, so a Latin run's length is known at both its ends:
  // a lone letter (A角, B角) stays tight, a word (APP, ISO) gets the space.
  std::vector<std::uint32_t> cps;
  for (std::size_t i = 0; i < text.size();)
    cps.push_back(model::next_code_point(text, i));
  const auto word_at = [&](std::size_t k) {
    return is_latin_letter(cps[k]) && ((k > 0 && is_latin_letter(cps[k - 1])) ||
                                       (k + 1 < cps.size() && is_latin_letter(cps[k + 1])));
  };
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t k = 0; k < cps.size(); ++k) {
    if (k > 0 &&
        ((model::is_han(cps[k - 1]) && word_at(k)) || (word_at(k - 1) && model::is_han(cps[k]))))
      model::append_utf8(out, 0x2005);  // FOUR-PER-EM SPACE
    model::append_utf8(out, cps[k]);
  }
  return out;
}

struct LineBreaker::Iterators {
  std::unique_ptr<icu::BreakIterator> lines = make(Unit::line);
  std::unique_ptr<icu::BreakIterator> graphemes = make(Unit::character);
  std::unique_ptr<icu::BreakIterator> words = make(Unit::word);
};

LineBreaker::LineBreaker() : icu_(std::make_unique<Iterators>()) {}
LineBreaker::~LineBreaker() = default;

std::vector<std::size_t> LineBreaker::opportunities(std::string_view p) {
  std::vector<std::size_t> r;
  for (const std::size_t b : boundaries(icu_->lines.get(), p)) {
    if (b < p.size()) {
      // ICU follows UAX #14; clreq forbids a few breaks it allows.
      if (may_not_start_line(first_code_point(p, b))) continue;
      if (may_not_end_line(last_code_point(p, b))) continue;
      // A number stays with the measure word after it: 3个工作日, 1份.
      const char32_t before = last_code_point(p, b);
      const char32_t after = first_code_point(p, b);
      if (before >= '0' && before <= '9' && model::is_han(after)) continue;
      // A document number stays whole: 国办发〔2021〕22号.
      if ((before == U'〕' || before == U'］') && after >= '0' && after <= '9') continue;
    }
    r.push_back(b);
  }
  if (r.empty() || r.back() != p.size()) r.push_back(p.size());
  return r;
}

std::vector<std::size_t> LineBreaker::words(std::string_view text) {
  return boundaries(icu_->words.get(), text);
}

std::vector<std::size_t> LineBreaker::characters(std::string_view text) {
  auto r = boundaries(icu_->graphemes.get(), text);
  if (r.empty() || r.back() != text.size()) r.push_back(text.size());
  return r;
}

std::vector<std::string> LineBreaker::break_lines(std::string_view p, const TextStyle& style,
                                                  int max_width, const TextMeasurer& measure) {
  std::vector<std::string> lines;
  const auto fits = [&](std::string_view s) {
    return measure.width(trim_end(s), style) <= max_width;
  };
  WidthGuess guess(p, style.size);
  std::size_t line_start = 0;
  std::size_t last_fit = 0;  // the end of the longest piece that fits so far
  const std::vector<std::size_t> ends = opportunities(p);
  std::size_t next = 0;  // the next opportunity to try
  while (next < ends.size()) {
    // Every opportunity before `wide` fits on the line, `wide` does not.
    const std::size_t wide =
        first_too_wide(ends, next, guess, line_start, max_width, [&](std::size_t end) {
          return measure.width(trim_end(p.substr(line_start, end - line_start)), style);
        });
    if (wide > next) last_fit = ends[wide - 1];
    if (wide == ends.size()) break;
    const std::size_t b = ends[wide];
    next = wide + 1;
    if (last_fit > line_start) {  // close the line at the last opportunity that fitted
      lines.emplace_back(trim_end(p.substr(line_start, last_fit - line_start)));
      line_start = last_fit;
      while (line_start < p.size() && is_space(p[line_start]))
        ++line_start;
      if (fits(p.substr(line_start, b - line_start))) {
        last_fit = b;
        continue;
      }
    }
    // A single piece wider than the line: break it between characters,
    // stepping back one where the next line would start with a stop mark.
    const std::string_view piece = p.substr(line_start, b - line_start);
    const std::vector<std::size_t> chars = characters(piece);
    WidthGuess piece_guess(piece, style.size);
    std::size_t from = 0;
    std::size_t k = 0;  // chars[k] is the end of the next character to place
    while (k < chars.size()) {
      // The first character goes on the line even when it alone is too wide.
      const std::size_t end =
          first_too_wide(chars, k + 1, piece_guess, from, max_width, [&](std::size_t at) {
            return measure.width(trim_end(piece.substr(from, at - from)), style);
          });
      if (end >= chars.size()) break;  // the rest fits: it stays for the next opportunity
      std::size_t cut = end - 1;       // the last character that fits ends at chars[cut]
      if (cut > k && may_not_start_line(first_code_point(piece, chars[cut]))) --cut;
      lines.emplace_back(trim_end(piece.substr(from, chars[cut] - from)));
      from = chars[cut];
      k = cut + 1;
    }
    line_start += from;
    last_fit = b;
  }
  if (line_start < p.size() || lines.empty()) lines.emplace_back(trim_end(p.substr(line_start)));
  avoid_orphan(lines, style, max_width, measure);
  return lines;
}

void LineBreaker::avoid_orphan(std::vector<std::string>& lines, const TextStyle& style,
                               int max_width, const TextMeasurer& measure) {
  // A last line of one hanzi (and its stop mark) reads badly from afar:
  // bring one more hanzi down from the line above when that line keeps at
  // least two.
  if (lines.size() < 2) return;
  std::string& last = lines.back();
  std::string& prev = lines[lines.size() - 2];
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < last.size();) {
    starts.push_back(i);
    model::next_code_point(last, i);
  }
  std::size_t hanzi = 0;
  for (const std::size_t s : starts)
    if (!may_not_start_line(first_code_point(last, s))) ++hanzi;
  if (hanzi != 1 || !model::is_han(first_code_point(last, 0))) return;
  std::size_t cut = prev.size() - 1;
  while (cut > 0 && (static_cast<unsigned char>(prev[cut]) & 0xC0) == 0x80)
    --cut;
  if (cut == 0) return;
  const char32_t moved = first_code_point(prev, cut);
  if (!model::is_han(moved) || may_not_end_line(last_code_point(prev, cut))) return;
  std::size_t count = 0;
  for (std::size_t i = 0; i < cut; ++count)
    model::next_code_point(prev, i);
  if (count < 2) return;
  std::string longer = prev.substr(cut) + last;
  if (measure.width(longer, style) > max_width) return;  // a narrow cell: leave it be
  last = std::move(longer);
  prev.resize(cut);
}

std::vector<std::string> LineBreaker::break_text(std::string_view text, const TextStyle& style,
                                                 int max_width, const TextMeasurer& measure) {
  std::vector<std::string> lines;
  while (true) {
    const std::size_t nl = text.find('\n');
    for (auto& line : break_lines(text.substr(0, nl), style, max_width, measure))
      lines.push_back(std::move(line));
    if (nl == std::string_view::npos) return lines;
    text = text.substr(nl + 1);
  }
}

}  // namespace hb::layout
