#include "render/font_set.h"

#include "render/font_file.h"

#include <mutex>
#include <utility>

namespace hb::render {

FontSetResult FontSet::open(const FontQuery& query) {
  return open(std::make_shared<const TtfLibrary>(), query);
}

FontSetResult FontSet::open(std::shared_ptr<const TtfLibrary> library, const FontQuery& query) {
  auto found = find_fonts(query);
  if (!found.catalog) return {nullptr, std::move(found.error)};
  std::unique_ptr<FontSet> fonts(new FontSet(std::move(*found.catalog), std::move(library)));
  if (!fonts->library_->ok())
    return {nullptr, std::string("SDL_ttf could not start: ") + TTF_GetError()};
  if (!fonts->font(0, layout::Weight::regular, 32))
    return {nullptr,
            "cannot open " + fonts->catalog_.regular.faces.front().file + ": " + TTF_GetError()};
  return {std::move(fonts), {}};
}

FontSet::FontSet(FontCatalog catalog, std::shared_ptr<const TtfLibrary> library)
    : library_(std::move(library)), catalog_(std::move(catalog)) {}

// Members go in reverse order: the open fonts close, then library_ quits.
FontSet::~FontSet() = default;

int FontSet::face_for(char32_t c, layout::Weight weight, int size) {
  auto& chosen = chosen_[weight == layout::Weight::bold ? 1 : 0];
  if (const auto it = chosen.find(c); it != chosen.end()) return it->second;
  const auto& faces = catalog_.faces(weight).faces;
  int found = no_face;
  for (std::size_t i = 0; i < faces.size() && found == no_face; ++i) {
    if (!FcCharSetHasChar(faces[i].charset.get(), c)) continue;
    // fontconfig's claim is checked against the font SDL_ttf will draw with.
    auto* f = font(static_cast<int>(i), weight, size);
    if (f && TTF_GlyphIsProvided32(f, c)) found = static_cast<int>(i);
  }
  chosen.emplace(c, found);
  return found;
}

TtfFontPtr FontSet::open_face(const FontFace& f, int size) {
  // SDL_ttf's point size at its default 72 dpi is the em in pixels.
  TtfFontPtr opened(nullptr, TtfFontDeleter{library_.get()});
  if (SDL_RWops* file = open_font_file(f.file)) {
    const std::lock_guard lock(library_->faces());
    opened.reset(TTF_OpenFontIndexRW(file, 1, size, f.index));
  }
  if (opened) {
    // Light hinting keeps the shapes of hanzi (full hinting distorts dense
    // strokes) while still snapping horizontal stems to whole pixels.
    TTF_SetFontHinting(opened.get(), TTF_HINTING_LIGHT);
    TTF_SetFontKerning(opened.get(), 1);
    shaping_ = TTF_SetFontDirection(opened.get(), TTF_DIRECTION_LTR) == 0;
  }
  return opened;
}

void FontSet::keep_sizes_apart(bool on) {
  apart_ = on;
  if (!on) spares_.clear();
}

TTF_Font* FontSet::font(int face, layout::Weight weight, int size) {
  const auto& faces = catalog_.faces(weight).faces;
  if (face < 0 || static_cast<std::size_t>(face) >= faces.size() || size < 1) return nullptr;
  const auto key = std::make_pair(weight, face);
  auto it = open_.find(key);
  if (it == open_.end())
    it = open_.emplace(key, OpenFont{open_face(faces[static_cast<std::size_t>(face)], size), size})
             .first;
  OpenFont& open = it->second;
  if (open.font && open.size != size && apart_) {
    const auto spare_key = std::make_tuple(weight, face, size);
    auto spare = spares_.find(spare_key);
    // A face that fails to open again is remembered as null: tried once.
    if (spare == spares_.end() && spares_.size() < kSpareFonts)
      spare =
          spares_.emplace(spare_key, open_face(faces[static_cast<std::size_t>(face)], size)).first;
    if (spare != spares_.end() && spare->second) return spare->second.get();
  }
  if (open.font && open.size != size) {
    if (TTF_SetFontSize(open.font.get(), size) != 0) return nullptr;
    open.size = size;
  }
  return open.font.get();
}

}  // namespace hb::render
