// The fonts render draws with: the catalog's faces, each opened once on
// first use and set to the size a caller asks for, and which face draws
// each character.
//
// One open font per face, not per size: a CJK face costs about 1.2 MB of
// tables and shaping data per TTF_Font, and pages use eight or more sizes.
// Changing a font's size in place (TTF_SetFontSize) is cheap; it only
// empties SDL_ttf's small glyph cache.
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
  // Fonts that share `library` with other sets, each used by a thread of
  // its own (ttf_library.h); it must have been made before those threads.
  static FontSetResult open(std::shared_ptr<const TtfLibrary> library, const FontQuery& query = {});

  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;
  ~FontSet();

  static constexpr int no_face = -1;

  // The first face, in the catalog's order for the weight, that has a glyph
  // for c; no_face when none has. Remembered per character.
  int face_for(char32_t c, layout::Weight weight, int size);

  // The face set to a pixel size, opened on first use; null when its file
  // cannot be opened (that is remembered too, so it is tried once). The
  // pointer is the same for every size of a face (unless keep_sizes_apart):
  // use it before asking for the face at another size.
  TTF_Font* font(int face, layout::Weight weight, int size);

  // While on, a face asked for at another size than it is set to gets a
  // font of its own at that size (up to kSpareFonts of them), instead of
  // being set to it: SDL_ttf forgets every glyph it loaded when a font
  // changes size, and laying out a slide asks for body and small text in
  // turn, so counting the demo's pages loaded the same glyphs five times
  // over (73 % of the loads, each a hinted CFF outline). Each spare costs
  // about 2.7 MB of FreeType tables, so this is for the first count only:
  // off closes them (and the caller may return the memory with malloc_trim).
  void keep_sizes_apart(bool on);
  static constexpr std::size_t kSpareFonts = 4;

  const FontCatalog& catalog() const { return catalog_; }
  // Whether SDL_ttf shapes with HarfBuzz (script and direction are honoured).
  bool shaping() const { return shaping_; }
  std::size_t open_font_count() const { return open_.size(); }

 private:
  FontSet(FontCatalog catalog, std::shared_ptr<const TtfLibrary> library);
  // The face opened at a size with this set's settings; null on failure.
  TtfFontPtr open_face(const FontFace& face, int size);

  std::shared_ptr<const TtfLibrary> library_;  // declared first: outlives every open font
  FontCatalog catalog_;
  bool shaping_ = false;
  struct OpenFont {
    TtfFontPtr font;
    int size = 0;  // as last set
  };
  std::map<std::pair<layout::Weight, int>, OpenFont> open_;  // (weight, face)
  bool apart_ = false;
  std::map<std::tuple<layout::Weight, int, int>, TtfFontPtr> spares_;  // (weight, face, size)
  std::unordered_map<char32_t, int> chosen_[2];                        // per weight
};

}  // namespace hb::render
