#include "app/glyph_check.h"

#include <memory>
#include <set>

#include "model/unicode.h"
#include "model/visit.h"
#include "render/font_set.h"
#include "render/ttf_measurer.h"

namespace hb::app {

GlyphCheck check_glyphs(const model::Content& content, model::Diagnostics& out) {
  std::unique_ptr<render::FontSet> fonts;
  std::unique_ptr<render::TtfMeasurer> measurer;
  bool unavailable = false;
  std::set<std::pair<std::string, int>> reported;  // one warning per element and character
  model::for_each_shown_text(content, [&](std::string_view text, const model::Where& where) {
    std::size_t i = 0;
    while (i < text.size()) {
      const std::uint32_t c = model::next_code_point(text, i);
      if (surely_drawable(c) || unavailable) continue;
      if (!measurer) {
        auto opened = render::FontSet::open();
        if (!opened.fonts) {
          unavailable = true;  // no fonts at all: the renderer reports that itself
          continue;
        }
        fonts = std::move(opened.fonts);
        measurer = std::make_unique<render::TtfMeasurer>(*fonts);
      }
      if (measurer->can_draw(static_cast<char32_t>(c))) continue;
      std::string ch;
      model::append_utf8(ch, c);
      if (!reported.insert({where.file + ":" + std::to_string(where.line) + ":" + ch, where.column})
               .second)
        continue;
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", c);
      out.push_back({where, model::Severity::warning,
                     "the character " + ch + " (" + code +
                         ") is in no installed font, so screens would show a box instead; "
                         "install a font that has it (or write another character)"});
    }
  });
  return GlyphCheck::done;
}

}  // namespace hb::app
