#include "render/font_catalog.h"

#include <set>
#include <utility>

namespace hb::render {
namespace {

const FcChar8* fc_str(const char* s) {
  return reinterpret_cast<const FcChar8*>(s);
}

std::string string_value(FcPattern* p, const char* object, int n = 0) {
  FcChar8* value = nullptr;
  if (FcPatternGetString(p, object, n, &value) != FcResultMatch || !value) return {};
  return reinterpret_cast<const char*>(value);
}

bool has_family(FcPattern* p, const std::string& family) {
  FcChar8* value = nullptr;
  for (int n = 0; FcPatternGetString(p, FC_FAMILY, n, &value) == FcResultMatch; ++n)
    if (family == reinterpret_cast<const char*>(value)) return true;
  return false;
}

// SDL_ttf opens what FreeType opens, but bitmap-only faces cannot be scaled
// to an arbitrary pixel size, and colour (emoji) faces come in fixed
// bitmap sizes too: a notice board's text is one colour anyway.
bool usable(FcPattern* p) {
  FcBool flag = FcFalse;
  if (FcPatternGetBool(p, FC_SCALABLE, 0, &flag) == FcResultMatch && !flag) return false;
  if (FcPatternGetBool(p, FC_COLOR, 0, &flag) == FcResultMatch && flag) return false;
  return !string_value(p, FC_FILE).empty();
}

std::optional<FontFace> face_of(FcPattern* p) {
  if (!usable(p)) return std::nullopt;
  FontFace face;
  face.family = string_value(p, FC_FAMILY);
  face.file = string_value(p, FC_FILE);
  if (FcPatternGetInteger(p, FC_INDEX, 0, &face.index) != FcResultMatch) face.index = 0;
  FcCharSet* claimed = nullptr;
  face.charset.reset(FcCharSetCreate());
  if (!face.charset) return std::nullopt;
  if (FcPatternGetCharSet(p, FC_CHARSET, 0, &claimed) == FcResultMatch && claimed)
    FcCharSetMerge(face.charset.get(), claimed, nullptr);
  return face;
}

FcPatternPtr query_pattern(FcConfig* config, const char* family, const std::string& lang,
                           layout::Weight weight) {
  FcPatternPtr p(FcPatternCreate());
  if (!p) return nullptr;
  if (family) FcPatternAddString(p.get(), FC_FAMILY, fc_str(family));
  if (!lang.empty()) FcPatternAddString(p.get(), FC_LANG, fc_str(lang.c_str()));
  FcPatternAddInteger(p.get(), FC_WEIGHT,
                      weight == layout::Weight::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddBool(p.get(), FC_SCALABLE, FcTrue);
  FcConfigSubstitute(config, p.get(), FcMatchPattern);
  FcDefaultSubstitute(p.get());
  return p;
}

// The installed face of exactly this family closest to the weight; fontconfig
// would otherwise substitute any face, which must not pass for the family.
std::optional<FontFace> match_family(FcConfig* config, const std::string& family,
                                     const std::string& lang, layout::Weight weight) {
  auto pattern = query_pattern(config, family.c_str(), lang, weight);
  if (!pattern) return std::nullopt;
  FcResult result = FcResultNoMatch;
  FcPatternPtr match(FcFontMatch(config, pattern.get(), &result));
  if (!match || !has_family(match.get(), family)) return std::nullopt;
  auto face = face_of(match.get());
  if (face) face->family = family;
  return face;
}

class FaceListBuilder {
 public:
  void add(std::optional<FontFace> face) {
    if (!face || !seen_.insert({face->file, face->index}).second) return;
    list_.faces.push_back(std::move(*face));
  }
  FaceList take() { return std::move(list_); }

 private:
  FaceList list_;
  std::set<std::pair<std::string, int>> seen_;
};

FaceList faces_for(FcConfig* config, const FontQuery& query, layout::Weight weight,
                   FontFace primary) {
  FaceListBuilder builder;
  builder.add(std::move(primary));
  for (const auto& family : query.preferred_fallbacks)
    builder.add(match_family(config, family, query.lang, weight));
  if (auto pattern = query_pattern(config, nullptr, query.lang, weight)) {
    FcResult result = FcResultNoMatch;
    // trim: only faces that add characters the earlier ones lack.
    FcFontSetPtr sorted(FcFontSort(config, pattern.get(), FcTrue, nullptr, &result));
    if (sorted)
      for (int i = 0; i < sorted->nfont; ++i)
        builder.add(face_of(sorted->fonts[i]));
  }
  return builder.take();
}

}  // namespace

CatalogResult find_fonts(const FontQuery& query) {
  // Our own configuration rather than fontconfig's process-wide default,
  // so it is released with everything else.
  FcConfigPtr config(FcInitLoadConfigAndFonts());
  if (!config) return {std::nullopt, "fontconfig could not load its configuration"};
  auto regular = match_family(config.get(), query.primary, query.lang, layout::Weight::regular);
  if (!regular)
    return {std::nullopt, "the font \"" + query.primary +
                              "\" is not installed (Debian: apt install fonts-noto-cjk)"};
  // fontconfig answers with the closest weight, so a machine without the
  // bold face sets bold text in the regular one.
  auto bold = match_family(config.get(), query.primary, query.lang, layout::Weight::bold);
  if (!bold)
    return {std::nullopt, "fontconfig found \"" + query.primary + "\" only for regular text"};
  FontCatalog catalog;
  catalog.regular = faces_for(config.get(), query, layout::Weight::regular, std::move(*regular));
  catalog.bold = faces_for(config.get(), query, layout::Weight::bold, std::move(*bold));
  return {std::move(catalog), {}};
}

}  // namespace hb::render
