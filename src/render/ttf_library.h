// SDL_ttf's FreeType library, held for as long as any font is open.
// TTF_Init counts its callers, so several owners may coexist.
#pragma once

#include <SDL2/SDL_ttf.h>

namespace hb::render {

class TtfLibrary {
 public:
  TtfLibrary() : ok_(TTF_Init() == 0) {}
  ~TtfLibrary() {
    if (ok_) TTF_Quit();
  }
  TtfLibrary(const TtfLibrary&) = delete;
  TtfLibrary& operator=(const TtfLibrary&) = delete;

  bool ok() const { return ok_; }

 private:
  bool ok_;
};

}  // namespace hb::render
