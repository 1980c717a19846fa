// WCAG 2.1 contrast: whether a citizen with weak eyes reads a colour on
// another from 3-5 m. Text needs 4.5:1 against what is behind it, large
// text 3:1 (WCAG's 24 px, taken at a 1080 px high screen and scaled with
// the screen's height).
#pragma once

#include <string>
#include <vector>

#include "layout/display_list.h"

namespace hb::layout {

inline constexpr double kContrastNormal = 4.5;
inline constexpr double kContrastLarge = 3.0;

// WCAG's relative luminance, 0 (black) to 1 (white); alpha is ignored.
double relative_luminance(const Color& c);
// (lighter + 0.05) / (darker + 0.05): 1 to 21.
double contrast_ratio(const Color& a, const Color& b);
// `over` drawn with its alpha on the opaque `under`.
Color blend(const Color& over, const Color& under);
// The contrast text of `size_px` needs on a screen `screen_height` px high.
double required_contrast(int size_px, int screen_height);

struct Theme;
// The text colours of a theme that stand on its backgrounds with less than
// 4.5:1, one sentence each: "the text colour muted (#B0B0B0) on page
// (#F7F4EE) has a contrast of 2.01:1, …". Sizes vary with the screen, so
// every pair is held to the stricter ratio.
std::vector<std::string> theme_contrast_problems(const Theme& theme);

}  // namespace hb::layout
