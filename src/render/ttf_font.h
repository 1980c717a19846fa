// The one owner of an open SDL_ttf font (a face at one size).
#pragma once

#include <SDL2/SDL_ttf.h>

#include <memory>
#include <mutex>

#include "render/ttf_library.h"

namespace hb::render {

// Closes under the library's lock (ttf_library.h); the library outlives
// every font it opened (FontSet holds it first).
struct TtfFontDeleter {
  const TtfLibrary* library = nullptr;
  void operator()(TTF_Font* f) const {
    if (!library) return TTF_CloseFont(f);
    const std::lock_guard lock(library->faces());
    TTF_CloseFont(f);
  }
};
using TtfFontPtr = std::unique_ptr<TTF_Font, TtfFontDeleter>;

}  // namespace hb::render
