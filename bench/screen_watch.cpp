// Watches an X screen from outside a program and prints, on the monotonic
// clock, when the screen first shows anything and when it first looks like
// a full page: each of the given colours (flat fills both benchmarked pages
// paint) covers at least its share of the screen.
//
// The benchmark used a loop of `xwd -root` for this: about 100 ms a
// capture, so a first frame near 100 ms was measured as 110 or 230 ms
// depending on where the capture fell. MIT-SHM grabs every few
// milliseconds time it to within one grab, and cost the server a copy.
//
//   bench_screen_watch SECONDS PERIOD_MS RRGGBB:SHARE...
// prints "ready" once connected, then "nonblank T" and "full T" (seconds
// of CLOCK_MONOTONIC, the clock of Python's time.monotonic()), or
// "timeout", and exits. DISPLAY names the screen.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

double mono() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Fill {
  std::uint32_t rgb = 0;
  double share = 0;
};

bool parse_fill(const std::string& arg, Fill& fill) {
  if (arg.size() < 8 || arg[6] != ':') return false;
  for (int i = 0; i < 6; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(arg[static_cast<std::size_t>(i)]))) return false;
  fill.rgb = static_cast<std::uint32_t>(std::strtoul(arg.substr(0, 6).c_str(), nullptr, 16));
  char* end = nullptr;
  fill.share = std::strtod(arg.c_str() + 7, &end);
  return end != arg.c_str() + 7 && *end == '\0' && fill.share > 0 && fill.share <= 1;
}

// A positive number of seconds or milliseconds, else 0.
double positive(const char* arg) {
  char* end = nullptr;
  const double v = std::strtod(arg, &end);
  return end != arg && *end == '\0' && v > 0 ? v : 0;
}

// Xlib reports a failed request to a plain function, so the one thing it
// must tell main() lives here: whether XShmAttach was refused.
bool attach_refused = false;
int note_x_error(Display*, XErrorEvent*) {
  attach_refused = true;
  return 0;
}

// A 0xRRGGBB colour as the screen's pixels hold it.
unsigned long raw_pixel(const XImage& im, std::uint32_t rgb) {
  const unsigned long masks[3] = {im.red_mask, im.green_mask, im.blue_mask};
  unsigned long v = 0;
  for (int c = 0; c < 3; ++c) {
    int shift = 0;
    while (masks[c] && !((masks[c] >> shift) & 1))
      ++shift;
    v |= (static_cast<unsigned long>((rgb >> (16 - 8 * c)) & 0xff) << shift) & masks[c];
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s SECONDS PERIOD_MS RRGGBB:SHARE...\n", argv[0]);
    return 2;
  }
  const double seconds = positive(argv[1]);
  const double period = positive(argv[2]) / 1000.0;
  if (seconds <= 0 || period <= 0) {
    std::fprintf(stderr, "%s: SECONDS and PERIOD_MS must be positive numbers\n", argv[0]);
    return 2;
  }
  std::vector<Fill> fills;
  for (int i = 3; i < argc; ++i) {
    Fill f;
    if (!parse_fill(argv[i], f)) {
      std::fprintf(stderr, "%s: not RRGGBB:SHARE: %s\n", argv[0], argv[i]);
      return 2;
    }
    fills.push_back(f);
  }
  Display* dpy = XOpenDisplay(nullptr);
  if (!dpy) {
    std::fprintf(stderr, "%s: cannot open the display\n", argv[0]);
    return 1;
  }
  if (!XShmQueryExtension(dpy)) {
    std::fprintf(stderr, "%s: the X server has no MIT-SHM\n", argv[0]);
    return 1;
  }
  const int screen = DefaultScreen(dpy);
  const Window root = RootWindow(dpy, screen);
  const int w = DisplayWidth(dpy, screen), h = DisplayHeight(dpy, screen);
  XShmSegmentInfo shm{};
  XImage* im = XShmCreateImage(dpy, DefaultVisual(dpy, screen),
                               static_cast<unsigned>(DefaultDepth(dpy, screen)), ZPixmap, nullptr,
                               &shm, static_cast<unsigned>(w), static_cast<unsigned>(h));
  if (!im || im->bits_per_pixel != 32) {
    std::fprintf(stderr, "%s: expected a 32-bit screen\n", argv[0]);
    return 1;
  }
  shm.shmid = shmget(IPC_PRIVATE,
                     static_cast<std::size_t>(im->bytes_per_line) * static_cast<std::size_t>(h),
                     IPC_CREAT | 0600);
  if (shm.shmid < 0) {
    std::fprintf(stderr, "%s: shmget: %s\n", argv[0], std::strerror(errno));
    return 1;
  }
  void* addr = shmat(shm.shmid, nullptr, 0);
  if (addr == reinterpret_cast<void*>(-1)) {
    std::fprintf(stderr, "%s: shmat: %s\n", argv[0], std::strerror(errno));
    shmctl(shm.shmid, IPC_RMID, nullptr);
    return 1;
  }
  shm.shmaddr = im->data = static_cast<char*>(addr);
  shm.readOnly = False;
  // Xlib's default handler would exit inside XSync and leave the segment
  // behind until the next boot.
  auto* const previous = XSetErrorHandler(note_x_error);
  XShmAttach(dpy, &shm);
  XSync(dpy, False);
  XSetErrorHandler(previous);
  shmctl(shm.shmid, IPC_RMID, nullptr);  // gone once both sides detach
  if (attach_refused) {
    std::fprintf(
        stderr,
        "%s: the X server could not attach the shared memory (another host or IPC namespace?)\n",
        argv[0]);
    shmdt(shm.shmaddr);
    return 1;
  }
  const std::uint32_t colour_bits =
      static_cast<std::uint32_t>(im->red_mask | im->green_mask | im->blue_mask);
  std::vector<std::uint32_t> raw;
  for (const auto& f : fills)
    raw.push_back(static_cast<std::uint32_t>(raw_pixel(*im, f.rgb)));

  std::printf("ready\n");
  std::fflush(stdout);
  const double start = mono();
  bool nonblank = false;
  int status = 0;
  std::vector<std::uint64_t> counts(fills.size());
  for (;;) {
    const double t = mono();
    if (t - start > seconds) {
      std::printf("timeout\n");
      status = 3;
      break;
    }
    XShmGetImage(dpy, root, im, 0, 0, AllPlanes);
    // Stamped when the grab is back: the frame was on the screen by then
    // (and not at the grab before), so the time is never early.
    const double grabbed = mono();
    // Every fourth row and column: the shares to well under a percent, at
    // a sixteenth of the cost.
    std::uint64_t n = 0;
    bool any = false;
    std::fill(counts.begin(), counts.end(), 0);
    for (int y = 0; y < h; y += 4) {
      const auto* row = reinterpret_cast<const std::uint32_t*>(
          im->data + static_cast<std::ptrdiff_t>(y) * im->bytes_per_line);
      for (int x = 0; x < w; x += 4) {
        const std::uint32_t p = row[x] & colour_bits;
        ++n;
        any = any || p != 0;
        for (std::size_t i = 0; i < raw.size(); ++i)
          if (p == raw[i]) ++counts[i];
      }
    }
    if (any && !nonblank) {
      nonblank = true;
      std::printf("nonblank %.6f\n", grabbed);
      std::fflush(stdout);
    }
    bool full = any;
    for (std::size_t i = 0; i < fills.size() && full; ++i)
      full = static_cast<double>(counts[i]) >= fills[i].share * static_cast<double>(n);
    if (full) {
      std::printf("full %.6f\n", grabbed);
      break;
    }
    const double next = t + period - mono();
    if (next > 0) {
      timespec ts{static_cast<time_t>(next),
                  static_cast<long>((next - static_cast<double>(static_cast<time_t>(next))) * 1e9)};
      nanosleep(&ts, nullptr);
    }
  }
  std::fflush(stdout);
  XShmDetach(dpy, &shm);
  XDestroyImage(im);
  shmdt(shm.shmaddr);
  XCloseDisplay(dpy);
  return status;
}
