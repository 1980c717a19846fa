// lint's check that every character the screen would show has a glyph in
// some installed font, so a rare name never appears as a box.
#pragma once

#include <cstdint>

#include "model/content.h"
#include "model/diagnostic.h"

namespace hb::app {

enum class GlyphCheck {
  done,
  // A text needs a font lookup and this program has no fonts: `hallboard`
  // hands the command to hallboard-screen (hand_over.h). Nothing was added.
  needs_fonts,
};

// Adds a warning for each text with a character no installed font can draw.
// Fonts are opened only when a text holds a character outside the ranges
// Noto Sans CJK is known to cover, so ordinary content costs nothing.
// Each program links its own: glyph_check.cpp opens the fonts with SDL_ttf;
// glyph_check_without_fonts.cpp is for programs without SDL.
GlyphCheck check_glyphs(const model::Content& content, model::Diagnostics& out);

// Noto Sans CJK SC draws all of these.
inline bool surely_drawable(std::uint32_t c) {
  return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0x17F) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || c == '\n' || c == '\t';
}

}  // namespace hb::app
