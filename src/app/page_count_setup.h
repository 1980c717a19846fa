// What a screen's page counts depend on besides its content and page size,
// as one digest for PageCountFile: a record made under another setup is
// not used.
#pragma once

#include <string>

#include "layout/theme.h"
#include "model/player_config.h"
#include "render/font_catalog.h"

namespace hb::app {

// This program's build (its version, and its file's size and time, so a
// rebuild with a changed layout counts again), the text libraries it runs
// with (ICU, FreeType, HarfBuzz, SDL_ttf), every font file the catalog may
// draw with (path, face, size, time), the theme, and the config's screen,
// UTC offset and rotation.
std::string page_count_setup(const render::FontCatalog& fonts, const layout::Theme& theme,
                             const model::PlayerConfig& config);

}  // namespace hb::app
