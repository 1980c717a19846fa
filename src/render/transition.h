// How one page gives way to the next: the timing as pure functions of the
// time since it began, and the in-between frames composed in software.
#pragma once

#include <SDL2/SDL.h>

#include <vector>

#include "model/content.h"

namespace hb::render {

// Long enough to read as movement from across a hall, short enough that
// nobody waits for it.
inline constexpr double transition_seconds = 0.6;

// How far through, 0 to 1, clamped (a clock that steps back gives 0).
double transition_progress(double elapsed_s, double duration_s = transition_seconds);

// Cubic ease-in-out: starts and ends at rest, 0.5 at the midpoint.
double ease_in_out(double p);

// The new page's opacity in a fade, 0 to 255.
int fade_alpha(double eased);

// Where the new page's left edge is in a slide, from `width` (still off to
// the right) to 0; the old page is pushed out just left of it.
int slide_x(int width, double eased);

// One row's columns [x0, x1) where two frames differ; x0 == x1: none.
struct RowSpan {
  int x0 = 0, x1 = 0;
  bool operator==(const RowSpan&) const = default;
};

// Per row of two frames of the same size (32-bit pixels), where they
// differ, not counting pixels within `ignore`. Pages that share their header,
// margins and background fade only where they differ. Empty when the
// frames do not match.
std::vector<RowSpan> differing_spans(const SDL_Surface& a, const SDL_Surface& b,
                                     const std::vector<SDL_Rect>& ignore = {});
// The smallest rect holding every span; empty (w == 0) when there is none.
SDL_Rect spans_bounds(const std::vector<RowSpan>& spans);

// The frame `eased` of the way from `from` to `to` (all ARGB8888 or
// XRGB8888, the same size) into `out`; `none` is `to` at once. A fade given
// `only` (one span per row) draws just those spans: out must already hold
// the rest, where from and to are the same. False, drawing nothing, when
// the surfaces do not match.
bool compose_transition(model::Transition how, double eased, const SDL_Surface& from,
                        const SDL_Surface& to, SDL_Surface& out,
                        const std::vector<RowSpan>* only = nullptr);

}  // namespace hb::render
