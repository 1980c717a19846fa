#include "render/font_runs.h"

#include "model/unicode.h"

namespace hb::render {
namespace {

// Marks that belong to the character before them: they must be shaped with
// it, in its face, or HarfBuzz cannot place or select them.
bool attaches_to_previous(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) ||  // variation selectors
         (c >= 0xE0100 && c <= 0xE01EF) ||  // ideographic variation selectors
         c == 0x200C || c == 0x200D;
}

// Spaces, digits, punctuation and symbols shared by all scripts (Unicode's
// Common script, roughly): they join the run they stand in rather than
// cutting it.
bool is_neutral(char32_t c) {
  if (c < 0x80) return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  return (c >= 0x00A0 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 || (c >= 0x2000 && c <= 0x2BFF);
}

RunScript script_of(char32_t c) {
  if (model::is_cjk(c)) return RunScript::han;
  const bool latin = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                     (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||
                     (c >= 0x1E00 && c <= 0x1EFF);
  return latin ? RunScript::latin : RunScript::other;
}

bool provides(FontSet& fonts, int face, const layout::TextStyle& style, char32_t c) {
  auto* f = fonts.font(face, style.weight, style.size);
  return f && TTF_GlyphIsProvided32(f, c);
}

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

}  // namespace

bool is_ignorable(char32_t c) {
  return is_control(c) || c == 0xFEFF || c == 0x200B || attaches_to_previous(c);
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t len = lead < 0x80                   ? 1
                            : lead >= 0xF0 && lead < 0xF8 ? 4
                            : lead >= 0xE0                ? 3
                            : lead >= 0xC2                ? 2
                                                          : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    std::size_t j = i;
    const auto cp = model::next_code_point(s, j);
    const bool in_range = cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
                          !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000);
    out.push_back(in_range ? static_cast<char32_t>(cp) : 0xFFFD);
    i += len;
  }
  return out;
}

std::vector<FontRun> split_runs(FontSet& fonts, std::string_view utf8,
                                const layout::TextStyle& style) {
  std::vector<FontRun> runs;
  bool run_has_script = false;  // the run holds a non-neutral character
  for (const char32_t c : code_points(utf8)) {
    if (is_control(c)) continue;
    if (!runs.empty() && (attaches_to_previous(c) || c == 0xFEFF)) {
      model::append_utf8(runs.back().text, c);
      continue;
    }
    int face = FontSet::no_face;
    // A space inside a fallback run stays in that face when it has one.
    if (c == ' ' && !runs.empty() && provides(fonts, runs.back().face, style, c))
      face = runs.back().face;
    if (face == FontSet::no_face) face = fonts.face_for(c, style.weight, style.size);
    if (face == FontSet::no_face) face = 0;
    const bool neutral = is_neutral(c);
    const auto script = script_of(c);
    const bool same_run = !runs.empty() && runs.back().face == face &&
                          (neutral || !run_has_script || runs.back().script == script);
    if (!same_run) {
      runs.push_back({face, script, {}});
      run_has_script = false;
    }
    if (!neutral && !run_has_script) {
      runs.back().script = script;
      run_has_script = true;
    }
    model::append_utf8(runs.back().text, c);
  }
  return runs;
}

TTF_Font* prepare_run_font(FontSet& fonts, const FontRun& run, const layout::TextStyle& style) {
  auto* font = fonts.font(run.face, style.weight, style.size);
  // "Zzzz" (unknown) shapes with the font's default features only.
  if (font && fonts.shaping())
    TTF_SetFontScriptName(font, run.script == RunScript::han     ? "Hani"
                                : run.script == RunScript::latin ? "Latn"
                                                                 : "Zzzz");
  return font;
}

int run_width(TTF_Font* font, const FontRun& run) {
  int w = 0, h = 0;
  if (!font || run.text.empty() || TTF_SizeUTF8(font, run.text.c_str(), &w, &h) != 0) return 0;
  return w;
}

}  // namespace hb::render
