// Which font files draw Chinese on this machine, found through fontconfig
// by family name, so nothing depends on where a distribution puts fonts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/text_style.h"
#include "render/fontconfig_handles.h"

namespace hb::render {

struct FontFace {
  std::string family;
  std::string file;
  int index = 0;  // the face within a collection (.ttc), as fontconfig reports it
  // The characters the face claims, copied out of fontconfig: a cheap first
  // test before asking SDL_ttf, so a character nobody has does not open
  // every installed font.
  FcCharSetPtr charset;
};

struct FontQuery {
  std::string primary = "Noto Sans CJK SC";
  // Tried after the primary, before whatever else fontconfig suggests: the
  // other regional Noto CJK faces hold variants the SC face lacks.
  std::vector<std::string> preferred_fallbacks = {"Noto Sans CJK JP", "Noto Sans CJK TC",
                                                  "Noto Sans CJK HK", "Noto Sans CJK KR"};
  std::string lang = "zh-cn";  // orders the rest of the fallbacks
};

// The faces of one weight in the order a character is looked for: the
// primary, the preferred fallbacks, then fontconfig's sorted list for the
// language. No face appears twice.
struct FaceList {
  std::vector<FontFace> faces;
};

struct FontCatalog {
  FaceList regular;
  FaceList bold;
  const FaceList& faces(layout::Weight w) const {
    return w == layout::Weight::bold ? bold : regular;
  }
};

struct CatalogResult {
  std::optional<FontCatalog> catalog;
  std::string error;  // plain-language reason when there is no catalog
};

// Fails only when the primary family is not installed: a lobby screen in
// some other face is a fault to report, not to hide.
CatalogResult find_fonts(const FontQuery& query = {});

}  // namespace hb::render
