#include "render/presenter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "render/cpu_presenter.h"
#include "render/gpu_presenter.h"

namespace hb::render {

std::optional<Backend> parse_backend(std::string_view text) {
  if (text == "auto") return Backend::automatic;
  if (text == "gpu") return Backend::gpu;
  if (text == "cpu") return Backend::cpu;
  return std::nullopt;
}

std::string_view to_string(Backend backend) {
  switch (backend) {
    case Backend::gpu:
      return "gpu";
    case Backend::cpu:
      return "cpu";
    case Backend::automatic:
      break;
  }
  return "auto";
}

bool is_software_renderer(std::string_view renderer) {
  std::string lower(renderer);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Mesa's gallium and classic software drivers, Google's SwiftShader
  // ("Google SwiftShader"), Microsoft's WARP, and SDL's own renderer.
  constexpr std::array<std::string_view, 6> software{
      "llvmpipe", "softpipe", "swrast", "swiftshader", "software", "basic render driver"};
  return std::any_of(software.begin(), software.end(),
                     [&](std::string_view s) { return lower.find(s) != std::string::npos; });
}

WindowEvents Presenter::wait_events(double timeout_s) {
  WindowEvents events;
  SDL_Event e;
  bool any = false;
  if (timeout_s > 0 && timeout_s < 0.1) {
    // Pacing an animation: SDL's wait on X11 was seen to overshoot by a
    // frame or two at random (a ticker at 21 fps instead of 60 in one start
    // out of four); a plain sleep keeps the pace, and an event that comes
    // meanwhile waits at most this one frame.
    any = SDL_PollEvent(&e) == 1;
    if (!any) {
      std::this_thread::sleep_for(std::chrono::duration<double>(timeout_s));
      any = SDL_PollEvent(&e) == 1;
    }
  } else {
    const int ms = timeout_s > 0 ? static_cast<int>(std::min(timeout_s, 3600.0) * 1000) : 0;
    any = ms > 0 ? SDL_WaitEventTimeout(&e, ms) == 1 : SDL_PollEvent(&e) == 1;
  }
  while (any) {
    if (e.type == SDL_QUIT) events.quit = true;
    if (e.type == SDL_WINDOWEVENT) {
      switch (e.window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
          events.resized = true;
          invalidate();
          break;
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_RESTORED:
        case SDL_WINDOWEVENT_SHOWN:
          invalidate();
          break;
        default:
          break;
      }
    }
    // The textures survive a lost render target on every backend SDL has,
    // but the frame on screen does not.
    if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) invalidate();
    any = SDL_PollEvent(&e) == 1;
  }
  return events;
}

namespace {

struct Probe {
  RendererPtr renderer;
  std::string name;         // "opengl, Mesa Intel(R) UHD Graphics 620", for name()
  std::string description;  // "the opengl renderer on Mesa Intel(R) ...", for the choice
  bool software = false;
  std::string error;
};

// GL_RENDERER of the context SDL's OpenGL renderer just made current; the
// renderer's own name does not say whether Mesa fell back to llvmpipe.
std::string gl_renderer_string() {
  if (!SDL_GL_GetCurrentContext()) return {};
  using GetString = const unsigned char* (*)(unsigned int);
  void* address = SDL_GL_GetProcAddress("glGetString");
  if (!address) return {};
  GetString get_string = nullptr;
  std::memcpy(&get_string, &address, sizeof get_string);
  constexpr unsigned int gl_renderer = 0x1F01;
  const unsigned char* text = get_string(gl_renderer);
  return text ? reinterpret_cast<const char*>(text) : "";
}

Probe probe_renderer(SDL_Window* window, bool take_any) {
  Probe probe;
  SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
  probe.renderer.reset(
      SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
  if (!probe.renderer) probe.error = SDL_GetError();
  if (!probe.renderer && take_any) probe.renderer.reset(SDL_CreateRenderer(window, -1, 0));
  if (!probe.renderer) return probe;
  SDL_RendererInfo info{};
  SDL_GetRendererInfo(probe.renderer.get(), &info);
  const std::string name = info.name ? info.name : "unknown";
  probe.name = name;
  probe.description = name == "software" ? "SDL's software renderer" : "the " + name + " renderer";
  probe.software = (info.flags & SDL_RENDERER_SOFTWARE) || is_software_renderer(name);
  if (name.rfind("opengl", 0) == 0) {
    const auto gl = gl_renderer_string();
    if (!gl.empty()) {
      probe.name += ", " + gl;
      probe.description += " on " + gl;
    }
    probe.software = probe.software || is_software_renderer(gl);
  }
  return probe;
}

}  // namespace

OpenedScreen open_screen(const PresenterOptions& options) {
  OpenedScreen screen;
  screen.rotate = options.rotate;
  auto opened = Window::open(options.window);
  if (!opened.window) {
    screen.error = std::move(opened.error);
    return screen;
  }
  screen.window = std::move(opened.window);
  if (options.backend == Backend::cpu) {
    screen.choice = "cpu, as asked";
  } else if (options.backend == Backend::automatic && !options.gpu_device_present) {
    screen.choice = "cpu: this machine has no graphics device (/dev/dri)";
  } else {
    const bool asked = options.backend == Backend::gpu;
    auto probe = probe_renderer(screen.window->get(), asked);
    if (probe.renderer && (!probe.software || asked)) {
      if (!asked)
        screen.choice = "gpu: " + probe.description + " is hardware-accelerated";
      else if (probe.name == "software")
        screen.choice =
            "gpu, as asked, with SDL's software renderer: there is no accelerated one (" +
            probe.error + ")";
      else if (probe.software)
        screen.choice = "gpu, as asked, though " + probe.description + " draws in software";
      else
        screen.choice = "gpu, as asked: " + probe.description;
      screen.renderer = std::move(probe.renderer);
      screen.gpu_name = "gpu (" + probe.name + ")";
      return screen;
    }
    if (probe.renderer)
      screen.choice = "cpu: " + probe.description + " draws in software";
    else
      screen.choice = std::string(asked ? "cpu: gpu was asked for, but " : "cpu: ") +
                      "there is no accelerated renderer (" + probe.error + ")";
    probe.renderer.reset();
    if (SDL_GetWindowFlags(screen.window->get()) & (SDL_WINDOW_OPENGL | SDL_WINDOW_VULKAN))
      if (auto error = screen.window->reopen(); !error.empty()) {
        screen.window.reset();
        screen.error = std::move(error);
        return screen;
      }
  }
  // The compositor draws into the window's own memory: made now (X11 shared
  // memory) and touched once, so the first page is not also waiting for
  // the kernel to hand out 8 MB page by page. Nothing is presented.
  if (SDL_Surface* surface = SDL_GetWindowSurface(screen.window->get()))
    SDL_FillRect(surface, nullptr, 0);
  return screen;
}

PresenterResult make_presenter(OpenedScreen screen, Canvas& canvas, FontSet& fonts) {
  if (!screen.window) return {nullptr, std::move(screen.choice), std::move(screen.error)};
  if (screen.renderer)
    return {
        std::make_unique<GpuPresenter>(std::move(screen.window), std::move(screen.renderer), canvas,
                                       fonts, screen.rotate, std::move(screen.gpu_name)),
        std::move(screen.choice),
        {}};
  std::string error;
  auto cpu = CpuPresenter::open(std::move(screen.window), canvas, fonts, screen.rotate, error);
  if (!cpu) return {nullptr, std::move(screen.choice), std::move(error)};
  return {std::move(cpu), std::move(screen.choice), {}};
}

PresenterResult open_presenter(Canvas& canvas, FontSet& fonts, const PresenterOptions& options) {
  return make_presenter(open_screen(options), canvas, fonts);
}

}  // namespace hb::render
