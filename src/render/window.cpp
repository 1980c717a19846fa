#include "render/window.h"

#include "render/window_manager.h"

#include <SDL2/SDL_syswm.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace hb::render {

SDL_Window* Window::create(const WindowSpec& spec) {
  if (!spec.fullscreen())
    return SDL_CreateWindow(spec.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                            spec.width, spec.height, 0);
  // Created at the desktop's size and place, borderless: an X server with no
  // window manager (a kiosk's bare Xorg, Xvfb) never resizes a fullscreen
  // window, and SDL would report the desktop's size for a 640x480 window.
  SDL_DisplayMode desktop{};
  int w = 1920, h = 1080;
  if (SDL_GetDesktopDisplayMode(0, &desktop) == 0 && desktop.w > 0 && desktop.h > 0) {
    w = desktop.w;
    h = desktop.h;
  }
  const char* driver = SDL_GetCurrentVideoDriver();
  if (driver && std::string_view(driver) == "x11") {
    // Without a window manager such a window already covers the screen, and
    // asking for fullscreen as well only makes SDL wait 100 ms for an answer
    // that never comes (window_manager.h). Hidden until that is known.
    SDL_Rect place{0, 0, w, h};
    if (SDL_GetDisplayBounds(0, &place) != 0) place = {0, 0, w, h};
    SDL_Window* bare = SDL_CreateWindow(spec.title.c_str(), place.x, place.y, w, h,
                                        SDL_WINDOW_BORDERLESS | SDL_WINDOW_HIDDEN);
    if (bare && !has_window_manager(bare)) {
      SDL_ShowWindow(bare);
      return bare;
    }
    // A desktop session: its window manager takes the request (and hides
    // panels) only for a window that asks for fullscreen from the start.
    if (bare) SDL_DestroyWindow(bare);
  }
  return SDL_CreateWindow(spec.title.c_str(), SDL_WINDOWPOS_UNDEFINED_DISPLAY(0),
                          SDL_WINDOWPOS_UNDEFINED_DISPLAY(0), w, h,
                          SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
}

SdlThreadState::~SdlThreadState() { SDL_TLSCleanup(); }

void set_window_environment() {
  ::setenv("XCOMPOSEFILE", "/dev/null", 0);
}

WindowResult Window::open(const WindowSpec& spec) {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
    return {nullptr, std::string("cannot start SDL's video: ") + SDL_GetError()};
  // Read when the first window surface is made: without it SDL puts the
  // window surface in a streaming texture, and the CPU compositor would pay
  // for a GPU upload of every frame instead of an X11 shared-memory put.
  // Only X11 has such a put: on Wayland and KMS the window would get no
  // surface at all.
  const char* driver = SDL_GetCurrentVideoDriver();
  if (driver && std::string_view(driver) == "x11")
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  SDL_Window* window = create(spec);
  if (!window) {
    std::string error = std::string("cannot open a window: ") + SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return {nullptr, std::move(error)};
  }
  // A lobby screen has no mouse; a pointer left in the middle of a page
  // would sit there for months (fullscreen or not: without a window manager
  // the screen-sized window is not flagged fullscreen).
  if (spec.fullscreen() || (SDL_GetWindowFlags(window) & SDL_WINDOW_FULLSCREEN))
    SDL_ShowCursor(SDL_DISABLE);
  return {std::unique_ptr<Window>(new Window(spec, window)), {}};
}

Window::~Window() {
  if (window_) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

std::string Window::reopen() {
  SDL_DestroyWindow(window_);
  window_ = create(spec_);
  if (window_) return {};
  return std::string("cannot open the window again: ") + SDL_GetError();
}

int refresh_hz(SDL_Window* window) {
  SDL_DisplayMode mode{};
  const int display = window ? SDL_GetWindowDisplayIndex(window) : 0;
  if (display < 0 || SDL_GetCurrentDisplayMode(display, &mode) != 0 || mode.refresh_rate < 1)
    return 60;
  return mode.refresh_rate;
}

int kms_device_fd(SDL_Window* window) {
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_KMSDRM)
    return -1;
  return info.info.kmsdrm.drm_fd;
#else
  (void)window;
  return -1;
#endif
}

std::string current_video_driver() {
  const char* name = SDL_GetCurrentVideoDriver();
  return name ? name : "";
}

}  // namespace hb::render
