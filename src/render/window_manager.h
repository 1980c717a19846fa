// Whether a window manager runs on the window's X display.
//
// A fullscreen request on X11 is a message to the window manager, and SDL
// then waits up to 100 ms for the window to change (ten 10 ms sleeps,
// measured with strace). A kiosk's bare Xorg and Xvfb have no window
// manager, so nothing ever answers: every start waited the whole 100 ms.
#pragma once

#include <SDL2/SDL.h>

namespace hb::render {

// True when a window manager says it runs (the root window's
// _NET_SUPPORTING_WM_CHECK, the EWMH sign SDL itself reads), and whenever
// it cannot be told: other video drivers, no X11 support in this build.
bool has_window_manager(SDL_Window* window);

}  // namespace hb::render
