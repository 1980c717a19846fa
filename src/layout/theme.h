// The look of every page: colours, sizes and spacing. Sizes are given for a
// screen whose short side is 1080 px and scaled to the real screen, with a
// floor so text never gets smaller than can be read from 3-5 m.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/display_list.h"

namespace hb::layout {

struct Theme {
  // Colours: a warm paper background, the red of government signage, navy
  // for the ticker, gold for accents. Every text meets WCAG 2.1 AA against
  // what it stands on (tests/layout/test_contrast.cpp): the gold is light
  // enough to be read on the red (4.6:1) and so carries dark text, not white.
  Color page{247, 244, 238};
  Color text{31, 31, 31};
  Color muted{90, 90, 90};
  Color header{180, 22, 28};
  Color header_text{255, 255, 255};
  Color accent{248, 208, 96};
  Color card{255, 255, 255};
  Color card_border{226, 220, 208};
  Color table_head{239, 230, 216};
  Color zebra{251, 248, 242};
  Color ticker{29, 53, 87};
  Color ticker_text{255, 255, 255};
  Color urgent{192, 0, 0};
  Color urgent_text{255, 255, 255};
  Color party{215, 0, 15};
  Color good{46, 125, 50};
  Color closed{112, 112, 112};
  Color bar{29, 111, 184};

  // Sizes in px at a 1080 px short side.
  int title = 58;    // the hall's name
  int heading = 50;  // a slide's heading
  int body = 42;     // running text, table cells
  int small = 36;    // captions, secondary lines: the floor for reading at 5 m
  int header_height = 150;
  int footer_height = 86;
  int margin = 48;
  int gap = 24;
  int radius = 16;
  // No text is ever set smaller than this many px, whatever the screen.
  int min_text = 34;
};

// A theme file (assets/theme.conf): "name = value" lines, # comments;
// colours #RRGGBB, sizes whole pixels. Unknown names and bad values are
// reported by line and leave the default in place.
struct ThemeProblem {
  int line = 0;
  std::string message;
};
Theme parse_theme(std::string_view text, std::vector<ThemeProblem>& problems);
// Every setting as a theme file line, in a fixed order: parse_theme reads it
// back to the same theme, and two themes are the same when these are.
std::string format_theme(const Theme& theme);

// The theme's sizes for a screen of this size.
struct Metrics {
  double scale = 1.0;
  int width = 1920, height = 1080;
  bool portrait = false;
  int title, heading, body, small;
  int header_height, footer_height, margin, gap, radius;
};

Metrics metrics_for(const Theme& theme, int width, int height);

}  // namespace hb::layout
