#include "render/window_manager.h"

#if HALLBOARD_WITH_X11
#include <SDL2/SDL_syswm.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <memory>
#endif

namespace hb::render {

#if HALLBOARD_WITH_X11 && defined(SDL_VIDEO_DRIVER_X11)
namespace {

// Memory Xlib hands out (a property's value), freed by XFree.
struct XFreeDeleter {
  void operator()(unsigned char* data) const { XFree(data); }
};
using XDataPtr = std::unique_ptr<unsigned char, XFreeDeleter>;

}  // namespace
#endif

bool has_window_manager(SDL_Window* window) {
#if HALLBOARD_WITH_X11 && defined(SDL_VIDEO_DRIVER_X11)
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11 ||
      !info.info.x11.display)
    return true;
  Display* display = info.info.x11.display;
  // Only if it exists: a server where no window manager ever ran has no such atom.
  const Atom check = XInternAtom(display, "_NET_SUPPORTING_WM_CHECK", True);
  if (check == None) return false;
  Atom type = None;
  int format = 0;
  unsigned long items = 0, after = 0;
  unsigned char* raw = nullptr;
  const int got = XGetWindowProperty(display, DefaultRootWindow(display), check, 0, 1, False,
                                     XA_WINDOW, &type, &format, &items, &after, &raw);
  const XDataPtr data(raw);
  const bool found = got == Success && type == XA_WINDOW && format == 32 && items == 1 && data &&
                     *reinterpret_cast<::Window*>(data.get()) != None;
  // A property left behind by a window manager that died reads as one
  // running: the fullscreen request then only costs the old wait.
  return found;
#else
  (void)window;
  return true;
#endif
}

}  // namespace hb::render
