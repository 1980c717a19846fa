// The fonts render draws with: the catalog's faces, opened lazily at the
// sizes pages ask for and kept open, and which face draws each character.
#pragma once

#include <SDL2/SDL_ttf.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>

#include "layout/text_style.h"
#include "render/font_catalog.h"
#include "render/ttf_font.h"
#include "render/ttf_library.h"

namespace hb::render {

class FontSet;

struct FontSetResult {
  std::unique_ptr<FontSet> fonts;
  std::string error;  // plain-language reason when fonts is null
};

class FontSet {
 public:
  static FontSetResult open(const FontQuery& query = {});

  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
  ~FontSet();

  static constexpr int no_face = -1;

  // The first face, in the catalog's order for the weight, that has a glyph
  // for c; no_face when none has. Remembered per character.
  int face_for(char32_t c, layout::Weight weight, int size);

  // The face at a pixel size, opened on first use; null when its file
  // cannot be opened (that is remembered too, so it is tried once).
  TTF_Font* font(int face, layout::Weight weight, int size);

  const FontCatalog& catalog() const { return catalog_; }
  // Whether SDL_ttf shapes with HarfBuzz (script and direction are honoured).
  bool shaping() const { return shaping_; }
  std::size_t open_font_count() const { return open_.size(); }

 private:
  explicit FontSet(FontCatalog catalog);

  TtfLibrary library_;  // declared first: outlives every open font
  FontCatalog catalog_;
  bool shaping_ = false;
  std::map<std::tuple<layout::Weight, int, int>, TtfFontPtr> open_;  // (weight, face, size)
  std::unordered_map<char32_t, int> chosen_[2];                      // per weight
};

}  // namespace hb::render
