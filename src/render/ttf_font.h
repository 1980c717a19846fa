// The one owner of an open SDL_ttf font (a face at one size).
#pragma once

#include <SDL2/SDL_ttf.h>

#include <memory>

namespace hb::render {

struct TtfFontDeleter {
  void operator()(TTF_Font* f) const { TTF_CloseFont(f); }
};
using TtfFontPtr = std::unique_ptr<TTF_Font, TtfFontDeleter>;

}  // namespace hb::render
