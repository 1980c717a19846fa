// lint's check that every character the screen would show has a glyph in
// some installed font, so a rare name never appears as a box.
#pragma once

#include "model/content.h"
#include "model/diagnostic.h"

namespace hb::app {

// Adds a warning for each text with a character no installed font can draw.
// Fonts are opened only when a text holds a character outside the ranges
// Noto Sans CJK is known to cover, so ordinary content costs nothing.
void check_glyphs(const model::Content& content, model::Diagnostics& out);

}  // namespace hb::app
