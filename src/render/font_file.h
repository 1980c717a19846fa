// A font file as SDL_RWops that SDL_ttf reads without going through stdio.
//
// SDL_ttf reads a font it opened by name through stdio, and every glyph
// FreeType loads (and every advance HarfBuzz asks for) is a seek and a
// read: the seek throws stdio's buffer away, so each is two system calls
// and a 4 KB copy. Counting the demo's pages made some 60 000 of them, a
// third of the count's time. Here a seek only moves a position and reads
// come from 128 cached 1 KB blocks, read with pread on a miss.
//
// Not a memory mapping: the pages of a mapped font count towards the
// process's PSS (13.5 MB of the 19 MB Noto Sans CJK file after one
// start, fault-around mapping 64 KB a fault), where these blocks are 128
// KB of heap per open font.
#pragma once

#include <SDL2/SDL.h>

#include <string>

namespace hb::render {

// Null (SDL_GetError says why) when the file cannot be opened. Give it to
// TTF_OpenFontIndexRW with freesrc 1: closing the font closes the file.
SDL_RWops* open_font_file(const std::string& path);

}  // namespace hb::render
