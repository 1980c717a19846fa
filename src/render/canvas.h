// Draws a page of the display list into pixels, in software, onto an
// ARGB8888 SDL_Surface: headless (tests, `render` to PNG) and the same
// pixels the screen shows.
#pragma once

#include <SDL2/SDL.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "render/font_set.h"
#include "base/lru_cache.h"
#include "render/picture.h"
#include "render/sdl_surface.h"
#include "render/text_chunks.h"
#include "render/text_surfaces.h"

namespace hb::render {

// The bytes of a picture named by the content (a path or URL, as the page
// has it), or nullopt when it cannot be had. The app supplies it, from the
// network module's cache; render does no I/O of its own.
using PictureLoader = std::function<std::optional<std::string>(const std::string& source)>;

struct CanvasOptions {
  std::size_t text_cache_bytes = 64u * 1024u * 1024u;
  std::size_t picture_cache_bytes = 32u * 1024u * 1024u;
  int max_text_width = 8192;  // no text surface is wider
  base::PictureLimits picture_limits;  // the fetcher's, too
};

// What could not be drawn as the content wanted (a placeholder or an empty
// box was drawn instead), in plain language, for the log.
struct DrawReport {
  std::vector<std::string> problems;
  // The sources of pictures that could not be drawn (their stand-ins were).
  std::vector<std::string> failed_pictures;
};

struct RenderResult {
  SurfacePtr surface;  // ARGB8888, the page's size
  DrawReport report;
  std::string error;  // when there is no surface
};

// A picture cache that holds a full-screen picture of a width x height
// screen half again (the logo and photos beside it), and at least at_least
// bytes: 6 MB and 1920x1080 -> 12.4 MB, 3840x2160 -> 49.8 MB.
std::size_t picture_cache_bytes_for_screen(int width, int height, std::size_t at_least);

class Canvas {
 public:
  Canvas(FontSet& fonts, PictureLoader loader, CanvasOptions options = {});

  // The whole page over the target (which must be ARGB8888), in order.
  DrawReport draw(const layout::Page& page, SDL_Surface& target);
  RenderResult render(const layout::Page& page, int width, int height);

  // Renders what drawing the page will take (its text, its pictures) into
  // the caches, drawing nothing: the first page is prepared on a thread of
  // its own while the window opens. Nothing else may use the canvas or its
  // fonts meanwhile.
  void prepare(const layout::Page& page);

  // One ticker, its text moved `offset` pixels to the left of box.x
  // (0 is the still frame draw() shows); only chunks in view are rendered.
  void draw_ticker(const layout::Ticker& ticker, SDL_Surface& target, int offset);

  base::CacheStats text_cache_stats() const { return text_.stats(); }
  // Pictures (and failures to get them) are kept by source and size; call
  // when the content changes so new bytes are read.
  void forget_pictures() { pictures_.clear(); }

 private:
  struct PictureKey {
    std::string source;
    int w = 0, h = 0;
    bool operator==(const PictureKey&) const = default;
  };
  struct PictureKeyHash {
    std::size_t operator()(const PictureKey& k) const;
  };
  struct ScaledPicture {
    SurfacePtr surface;  // null: draw the placeholder
    std::string error;
  };
  struct ChunkKey {
    std::string text;
    layout::TextStyle style;
    bool operator==(const ChunkKey&) const = default;
  };
  struct ChunkKeyHash {
    std::size_t operator()(const ChunkKey& k) const;
  };

  void draw_element(const layout::Element& e, SDL_Surface& target, DrawReport& report);
  void draw_text(const layout::TextRun& run, SDL_Surface& target);
  // Text from x (before any offset) in a box, baseline centred, clipped to it.
  void draw_text_line(std::string_view text, const layout::TextStyle& style, layout::Color color,
                      const layout::Box& box, int x, SDL_Surface& target);
  // The rendered pieces of text starting at x that reach into `visible`,
  // each with the x it goes at.
  void visible_text(std::string_view text, const layout::TextStyle& style, layout::Color color,
                    int x, const SDL_Rect& visible,
                    const std::function<void(const RenderedText&, int)>& use);
  // False when the picture could not be drawn (its stand-in was, or is to be).
  bool draw_picture(const layout::Picture& picture, SDL_Surface& target, DrawReport& report);
  const ScaledPicture& scaled_picture(const layout::Picture& picture);
  const std::vector<TextChunk>& chunks(std::string_view text, const layout::TextStyle& style);

  FontSet& fonts_;
  PictureLoader loader_;
  CanvasOptions options_;
  TextSurfaces text_;
  base::LruCache<PictureKey, ScaledPicture, PictureKeyHash> pictures_;
  base::LruCache<ChunkKey, std::vector<TextChunk>, ChunkKeyHash> chunks_;
};

// Where the baseline of a line of text sits in its box: the ideographic em
// box (0.88 em above the baseline to 0.12 em below in Noto Sans CJK) is
// centred, so hanzi look centred whatever the Latin ascenders do.
int centred_baseline(const layout::Box& box, int size);

}  // namespace hb::render
