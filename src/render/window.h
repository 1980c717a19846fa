// The one owner of the screen's window, of SDL's video subsystem behind it,
// and of the renderer and textures drawn into it. Each wraps one destroy call.
#pragma once

#include <SDL2/SDL.h>

#include <memory>
#include <string>

namespace hb::render {

struct RendererDeleter {
  void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
struct TextureDeleter {
  void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};
using RendererPtr = std::unique_ptr<SDL_Renderer, RendererDeleter>;
using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;

struct WindowSpec {
  std::string title = "hallboard";
  // 0 x 0 covers the whole display (fullscreen at the desktop's mode, so
  // the panel never switches modes); anything else is a window that size.
  int width = 0;
  int height = 0;
  bool fullscreen() const { return width <= 0 || height <= 0; }
};

// Settings the window system reads from the environment, set before the
// program starts other threads (setenv and another thread's getenv do not
// mix). Only XCOMPOSEFILE, when unset: SDL opens an X input method for
// text entry, and Xlib's local one parses the locale's whole Compose table
// for it (about 20 ms of a 30 ms window opening); a lobby screen takes no
// typed text, so an empty table does.
void set_window_environment();

// SDL keeps per-thread state (its error message) that only threads SDL made
// free when they end. A thread of ours that calls SDL (decoding pictures,
// drawing a page ahead) holds one of these for its life, so the state goes
// with the thread instead of leaking once per thread.
class SdlThreadState {
 public:
  SdlThreadState() = default;
  ~SdlThreadState();
  SdlThreadState(const SdlThreadState&) = delete;
  SdlThreadState& operator=(const SdlThreadState&) = delete;
};

class Window;

struct WindowResult {
  std::unique_ptr<Window> window;
  std::string error;  // plain-language reason when window is null
};

class Window {
 public:
  static WindowResult open(const WindowSpec& spec);

  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;
  ~Window();

  SDL_Window* get() const { return window_; }
  const WindowSpec& spec() const { return spec_; }
  // The window as created: SDL's OpenGL renderer recreates a window with
  // the OPENGL flag, and a window surface on such a window is not what the
  // CPU compositor wants (shared memory on X11). Empty string on success.
  std::string reopen();

 private:
  Window(WindowSpec spec, SDL_Window* window) : spec_(std::move(spec)), window_(window) {}
  static SDL_Window* create(const WindowSpec& spec);

  WindowSpec spec_;
  SDL_Window* window_;  // owned; destroyed before the video subsystem is released
};

// The refresh rate of the display the window is on, 60 when SDL does not know.
int refresh_hz(SDL_Window* window);

// The DRM device SDL's kmsdrm driver draws through, which holds the card's
// DRM master; -1 with another video driver. A dup() of it shares the
// master, so the panel's DPMS can be set through the copy (issue 20,
// <display power="dpms"> without a desktop).
int kms_device_fd(SDL_Window* window);

// The video driver SDL chose ("x11", "kmsdrm", "wayland", …), once a
// window is open; empty before. What the panel's DPMS goes through follows
// it (issue 20): SDL falls back to kmsdrm when $DISPLAY names a dead server.
std::string current_video_driver();

}  // namespace hb::render
