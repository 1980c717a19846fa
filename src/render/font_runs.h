// A line of text cut into runs that one face draws, each shaped as one
// script: how both the measurer and the canvas see text, so they agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/text_style.h"
#include "render/font_set.h"

namespace hb::render {

// The script a run is shaped as: HarfBuzz picks a font's substitutions and
// kerning by script, and SDL_ttf does not guess it from the text.
enum class RunScript { han, latin, other };

struct FontRun {
  int face = 0;  // index into the catalog's faces for the style's weight
  RunScript script = RunScript::other;
  std::string text;  // valid UTF-8
};

// Characters no face has stay in the primary face's run (they show its
// missing-glyph box: see undrawable_characters for the lint). Control
// characters are dropped; they have no glyph in any font.
std::vector<FontRun> split_runs(FontSet& fonts, std::string_view utf8,
                                const layout::TextStyle& style);

// Sets the run's script and returns the font to draw it with; null when the
// face cannot be opened.
TTF_Font* prepare_run_font(FontSet& fonts, const FontRun& run, const layout::TextStyle& style);

// Advance of the run as SDL_ttf sets it (TTF_SizeUTF8): the width of the
// surface TTF_RenderUTF8_Blended makes of it; 0 when it cannot be measured.
int run_width(TTF_Font* font, const FontRun& run);

// Code points of valid or invalid UTF-8; malformed and out-of-range
// sequences come out as U+FFFD so every run is valid UTF-8 for SDL_ttf.
std::vector<char32_t> code_points(std::string_view utf8);

// Characters drawn as nothing on their own: controls, joiners, variation
// selectors, the byte order mark.
bool is_ignorable(char32_t c);

}  // namespace hb::render
