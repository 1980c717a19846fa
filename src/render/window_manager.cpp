#include "render/window_manager.h"

#if HALLBOARD_WITH_X11
#include <SDL2/SDL_syswm.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#endif

namespace hb::render {

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
  unsigned char* data = nullptr;
  const bool found =
      XGetWindowProperty(display, DefaultRootWindow(display), check, 0, 1, False, XA_WINDOW, &type,
                         &format, &items, &after, &data) == Success &&
      type == XA_WINDOW && format == 32 && items == 1 && data &&
      *reinterpret_cast<::Window*>(data) != None;
  if (data) XFree(data);
  // A property left behind by a window manager that died reads as one
  // running: the fullscreen request then only costs the old wait.
  return found;
#else
  (void)window;
  return true;
#endif
}

}  // namespace hb::render
