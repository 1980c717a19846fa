// Long text (the footer ticker) cut into pieces no wider than a texture
// may be: GPUs refuse textures wider than 8192 or 16384 pixels, and a
// ticker of a few hundred hanzi is wider than that.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/text_style.h"
#include "render/font_set.h"

namespace hb::render {

struct TextChunk {
  std::string text;
  int x = 0;      // from the start of the whole text
  int width = 0;  // the measurer's width of this chunk
};

// Chunks laid end to end reproduce the text; each is at most max_width
// wide (a single character wider than that is a chunk of its own). Cuts
// fall between characters, never before a combining mark or selector.
std::vector<TextChunk> chunk_text(FontSet& fonts, std::string_view utf8,
                                  const layout::TextStyle& style, int max_width);

}  // namespace hb::render
