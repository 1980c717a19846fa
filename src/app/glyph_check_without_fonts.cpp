// check_glyphs in a program without SDL_ttf: `hallboard` (then
// HALLBOARD_FONTS_ELSEWHERE: hallboard-screen has the fonts and makes the
// check), or any program of a build without SDL (no fonts anywhere: the
// check is skipped, as it always was there).
#include <string_view>

#include "app/glyph_check.h"
#include "model/unicode.h"
#include "model/visit.h"

namespace hb::app {

GlyphCheck check_glyphs([[maybe_unused]] const model::Content& content, model::Diagnostics&) {
#if HALLBOARD_FONTS_ELSEWHERE
  bool needs_fonts = false;
  model::for_each_shown_text(content, [&](std::string_view text, const model::Where&) {
    std::size_t i = 0;
    while (!needs_fonts && i < text.size())
      needs_fonts = !surely_drawable(model::next_code_point(text, i));
  });
  if (needs_fonts) return GlyphCheck::needs_fonts;
#endif
  return GlyphCheck::done;
}

}  // namespace hb::app
