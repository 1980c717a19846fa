// SDL_ttf's FreeType library, held for as long as any font is open.
//
// SDL_ttf keeps one FreeType library for the whole process. FreeType lets
// several threads use it only if opening and closing faces is serialised
// (its "Library Setup" notes), and TTF_Init's count of callers is a plain
// int: so the live screen, which measures on one thread and draws on
// another with fonts of each, shares one TtfLibrary between them, and
// every face opens and closes under its lock (FontSet, TtfFontDeleter).
// Using an open face needs no lock: each face belongs to one thread.
#pragma once

#include <SDL2/SDL_ttf.h>

#include <mutex>

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
  // Held while a face is opened or closed.
  std::mutex& faces() const { return faces_; }

 private:
  bool ok_;
  mutable std::mutex faces_;
};

}  // namespace hb::render
