// Puts pages on the screen, by one of two paths behind one interface:
//
// - gpu: an accelerated SDL_Renderer redraws the whole frame from textures
//   at every vsync while something moves;
// - cpu: for machines without a real GPU (llvmpipe, softpipe, swrast,
//   SwiftShader, SDL's software renderer), frames are composed in memory
//   and only the rectangles that changed go to the window surface (X11
//   shared memory). A 60 fps ticker costs 1.7 % of a core this way, against
//   15-72 % when whole frames are drawn on such a machine.
//
// Either way a page where nothing moves presents nothing: frame() returns
// without touching the screen until the page changes or the window needs
// drawing again.
//
// The main loop drives it:
//
//   auto opened = open_presenter(canvas, fonts, options);   // log opened.choice
//   lay out at p.page_size(); p.show(page, size, slide.transition);
//   loop: animating = p.frame(seconds since start).animating;
//         events = p.wait_events(!animating ? until the next second
//                                : p.vsync() ? 0 : 1.0 / p.refresh_hz());
//         if (events.resized) lay out again at p.page_size(), p.show(...)
//
// No call throws; problems come back as values.
//
// Threads. A presenter belongs to the thread that opened its window, the
// program's main thread (SDL wants its windows, renderers and events
// there): every method below is called on that thread only, never two at
// once, and no method is safe to call from another (there is no lock).
// The Canvas and FontSet it draws with are the presenter's while it lives:
// no other thread may use them (the content thread has fonts of its own).
// Each method says, as "Thread:", whether it may block and what it touches.
#pragma once

#include <SDL2/SDL.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "layout/display_list.h"
#include "model/content.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/rotate.h"
#include "render/sdl_surface.h"
#include "render/window.h"

namespace hb::render {

enum class Backend { automatic, gpu, cpu };

// "auto", "gpu" or "cpu"; nullopt for anything else.
std::optional<Backend> parse_backend(std::string_view text);
std::string_view to_string(Backend backend);

struct PresenterOptions {
  WindowSpec window;  // 0 x 0: fullscreen
  int rotate = 0;     // the display's rotate: 0, 90, 180, 270 (see rotate.h)
  // gpu: an SDL_Renderer even when it renders in software (flagged in the
  // choice), the compositor only when there is no renderer at all.
  Backend backend = Backend::automatic;
  // The app saw no GPU device node (/dev/dri): auto then goes straight to the
  // compositor, without loading a GL driver (Mesa's llvmpipe alone adds
  // about 90 MB to the process) only to find it draws in software.
  bool gpu_device_present = true;
};

// What reached the screen since the presenter opened.
struct PresentStats {
  std::uint64_t frames_presented = 0;  // SDL_RenderPresent / SDL_UpdateWindowSurface(Rects) calls
  std::uint64_t full_frames = 0;       // of those, the whole window
  std::uint64_t rects_updated = 0;     // rects sent (one for a whole window)
  std::uint64_t pixels_updated = 0;    // window pixels sent
};

struct FrameResult {
  // Something moves (a ticker, a transition): call frame() again at the
  // display's pace. False: nothing will change until the next show(),
  // update(), blank() or window event.
  bool animating = false;
  bool presented = false;  // this call put pixels on the screen
  std::string error;       // the screen could not be drawn (the frame is tried again later)
};

struct WindowEvents {
  bool quit = false;     // the window was closed, or SIGINT/SIGTERM arrived
  bool resized = false;  // lay the page out again at page_size()
};

class Presenter {
 public:
  virtual ~Presenter() = default;

  // For the log: "gpu (opengl, Mesa Intel(R) UHD Graphics 620)", "cpu compositor (x11)".
  // Thread: the main thread; never blocks; reads the presenter only.
  virtual std::string_view name() const = 0;

  // The upright size to lay pages out at: the window's, turned back by the
  // rotation (a 1920x1080 panel at 90 wants 1080x1920 pages).
  // Thread: the main thread; never blocks; asks SDL for the window's size.
  virtual Size page_size() const = 0;

  // A new page (its display list, as laid out for `size`), arriving by
  // `how` from what is on screen now. The page is drawn here, once; its
  // tickers move by themselves in frame(). A page of another size than
  // page_size() is centred, black around it or cut at the window's edges.
  // Thread: the main thread. Blocks while the page is drawn in software:
  // its text, and any picture the canvas has not cached, which is read
  // through the canvas's loader and decoded here (up to 8192 x 8192,
  // base/image_header.h). Touches the canvas, the fonts and the
  // presenter's frames (gpu: uploads textures), not the screen: that is
  // frame()'s.
  virtual DrawReport show(const layout::Page& page, Size size, model::Transition how) = 0;

  // The same page with content changed in place (the clock's minute, who
  // is on duty): no transition, only the pixels that changed are sent, and
  // tickers that did not change keep moving where they were.
  // Thread: as show().
  virtual DrawReport update(const layout::Page& page, Size size) = 0;

  // A black screen (outside opening hours): presented once, then nothing
  // until the next show().
  // Thread: the main thread; never blocks; frees the frames it held.
  virtual void blank() = 0;

  // Draws what moved since the last frame and presents it. now_s is any
  // steadily increasing time in seconds (not the wall clock); transitions
  // begin at the first frame after show().
  // Thread: the main thread. The only method that presents: touches the
  // window (its surface or renderer). A vsynced renderer blocks here until
  // the display's next refresh (see vsync()); otherwise it blocks only for
  // drawing what moved (a ticker's band, a transition's blend).
  virtual FrameResult frame(double now_s) = 0;

  // The window's pixels were lost (exposed, resized): the next frame draws
  // everything. wait_events() calls it itself.
  // Thread: the main thread; never blocks; marks, draws nothing.
  virtual void invalidate() = 0;

  // What the screen shows, upright, ARGB8888: for the heartbeat. Null
  // before the first page or when SDL cannot allocate it.
  // Thread: the main thread (the heartbeat asks there, app/run_heartbeat.h);
  // blocks for one page-sized copy and composing it; leaves the window alone.
  virtual SurfacePtr screenshot() = 0;

  // Thread: the main thread; never blocks; reads the presenter only.
  virtual PresentStats stats() const = 0;
  // frame() waits for the display's refresh (a vsynced renderer): the
  // caller need not pace animation itself.
  // Thread: the main thread; never blocks; reads the presenter only.
  virtual bool vsync() const = 0;
  // Thread: the main thread; never blocks. The window stays the
  // presenter's: use it only to ask SDL about it.
  virtual SDL_Window* window() const = 0;

  // Waits up to timeout_s (0: only what is already there) for window and
  // quit events and handles the window's own.
  // Thread: the main thread (SDL's event queue is pumped there); blocks up
  // to timeout_s; may call invalidate().
  WindowEvents wait_events(double timeout_s);
  int refresh_hz() const { return render::refresh_hz(window()); }
};

struct PresenterResult {
  std::unique_ptr<Presenter> presenter;
  // Which path was taken and why, for the log, e.g. "cpu: the opengl
  // renderer on llvmpipe (LLVM 15.0.6, 256 bits) draws in software".
  std::string choice;
  std::string error;  // when there is no presenter
};

// Opens the window and picks the path (see Backend). The canvas and fonts
// must outlive the presenter. Thread: the main thread, which then owns the
// presenter; blocks while SDL opens the window and loads a GL driver.
PresenterResult open_presenter(Canvas& canvas, FontSet& fonts, const PresenterOptions& options);

// The same in two steps. Opening the window and choosing the path needs
// neither fonts nor canvas, and SDL wants its window on the program's main
// thread: the player opens it there while another thread opens the fonts
// and lays out the first page, then makes the presenter.
struct OpenedScreen {
  std::unique_ptr<Window> window;  // null: error says why
  RendererPtr renderer;            // the gpu path's; null: the cpu compositor
  std::string gpu_name;
  int rotate = 0;
  std::string choice;  // as PresenterResult's
  std::string error;
};
// Thread: both on the main thread; make_presenter only once the other
// thread is done with the canvas and fonts (it takes them over).
OpenedScreen open_screen(const PresenterOptions& options);
PresenterResult make_presenter(OpenedScreen screen, Canvas& canvas, FontSet& fonts);

// GL_RENDERER strings and SDL renderer names that mean drawing in software.
bool is_software_renderer(std::string_view renderer);

}  // namespace hb::render
