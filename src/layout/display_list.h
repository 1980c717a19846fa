// What a page looks like, as positioned elements in screen pixels: the
// contract between layout (which decides) and render (which draws). Plain
// data, no fonts or textures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "layout/text_style.h"

namespace hb::layout {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

struct Box {
  int x = 0, y = 0, w = 0, h = 0;
  bool operator==(const Box&) const = default;
};

// One line of text. box.y is the top of the line box (box.h = the style's
// line height); the text is drawn from box.x, vertically centred in it.
// box.w is the width layout measured; the text never extends past it.
struct TextRun {
  Box box;
  std::string text;
  TextStyle style;
  Color color;
};

struct FillRect {
  Box box;
  Color color;
  int radius = 0;  // rounded corners
};

struct StrokeRect {
  Box box;
  Color color;
  int width = 2;
  int radius = 0;
};

struct LineSegment {
  int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color color;
  int width = 2;
};

// A picture from the content (a staff photo, the hall's logo). `source` is
// the location as the feed names it, resolved against the feed's URL; the
// renderer draws a neutral placeholder when it cannot be had.
struct Picture {
  Box box;
  std::string source;
  // How many of the elements right after this one stand in for it: drawn
  // only when the picture cannot be (a poster's alt text), skipped when it
  // is. 0: the renderer's own placeholder, a person's outline, stands in
  // (a staff photo, a logo).
  int stand_in = 0;
};

// A QR code of `data`, drawn square in `box` with a quiet zone.
struct QrCode {
  Box box;
  std::string data;
  Color dark{0, 0, 0, 255};
  Color light{255, 255, 255, 255};
};

// Modules across a QR code of `bytes` bytes of data, its quiet zone of 4
// modules a side included, as render draws it (8-bit mode, error
// correction M, the smallest version that holds the data); 0 when no QR
// code holds that much. Layout sizes codes in whole modules with it.
int qr_modules(std::size_t bytes);

// The footer ticker: one long line that scrolls right to left at `speed`
// pixels a second. A still image shows it from its start.
struct Ticker {
  Box box;
  std::string text;
  TextStyle style;
  Color color;
  int speed = 120;
};

using Element = std::variant<TextRun, FillRect, StrokeRect, LineSegment, Picture, QrCode, Ticker>;

struct Page {
  std::string slide_type;  // a slide type's word (model/slide_type.h), urgent or waiting
  int page = 0;            // 0-based
  int page_count = 1;
  std::string item;  // the item an item page shows
  Color background{255, 255, 255, 255};
  std::vector<Element> elements;  // drawn in order
};

// Every text on the page in reading order (top to bottom, then left to
// right), tickers with their full text: what `render` writes to NNN-TYPE.txt.
// With `drawn`, the text standing in for a picture it says was drawn
// (Picture::stand_in) is left out, as the renderer leaves it out.
std::vector<std::string> text_in_reading_order(
    const Page& page, const std::function<bool(const Picture&)>& drawn = {});

}  // namespace hb::layout
