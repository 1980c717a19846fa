#include "app/run_command.h"

#include <fcntl.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <tuple>
#include <algorithm>
#include <utility>

#include "app/content_thread.h"
#include "app/load.h"
#include "app/page_count_setup.h"
#include "app/play_recorder.h"
#include "app/power_keeper.h"
#include "app/run_heartbeat.h"
#include "app/run_log.h"
#include "app/screen_loop.h"
#include "app/screen_pages.h"
#include "app/screen_voice.h"
#include "audio/speech.h"
#include "base/unique_fd.h"
#include "app/size_text.h"
#include "app/summary_command.h"
#include "app/systemd_notify.h"
#include "app/theme_file.h"
#include "app/time_text.h"
#include "feed/feed.h"
#include "net/cache.h"
#include "net/picture.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/presenter.h"
#include "render/ttf_measurer.h"
#include "render/window.h"
#include "schedule/blanking.h"
#include "schedule/panel_power.h"

namespace hb::app {
namespace {

constexpr const char* kRunUsage =
    "usage: hallboard run [--config FILE] [--windowed WxH] [--renderer auto|gpu|cpu]\n"
    "                     [--at TIME] [--speed FACTOR] [--exit-after SECONDS]\n";

bool has_gpu_device() {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("card", 0) == 0 || name.rfind("renderD", 0) == 0) return true;
  }
  return false;
}

// $XDG_CACHE_HOME/hallboard/SCREEN (~/.cache/...), else /var/cache/hallboard/SCREEN.
std::string default_cache_dir(const std::string& screen) {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  std::string base = xdg && *xdg     ? std::string(xdg)
                     : home && *home ? std::string(home) + "/.cache"
                                     : std::string("/var/cache");
  return base + "/hallboard/" + (screen.empty() ? std::string("default") : screen);
}

void log(const std::string& line) {
  std::cerr << "hallboard run: " << line << "\n";
}

struct RunOptions {
  std::string config_path;
  std::optional<std::pair<int, int>> windowed;
  std::optional<render::Backend> backend;  // --renderer; else the config's
  std::optional<std::string> at_text;
  double exit_after = 0;  // seconds; 0: until stopped
  double speed = 1;       // the screen's clock runs this much faster (soak tests)
};

std::optional<RunOptions> parse_args(const std::vector<std::string>& args) {
  RunOptions o;
  o.config_path = default_config_path();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    const std::string& a = args[i];
    if (a == "--config" && has_value) {
      o.config_path = args[++i];
    } else if (a == "--windowed" && has_value) {
      if (!(o.windowed = parse_size(args[++i]))) {
        std::cerr << "hallboard run: --windowed \"" << args[i]
                  << "\" is not a size this player draws; write WxH from 640x360 to "
                     "16384x16384, such as 1280x720\n";
        return std::nullopt;
      }
    } else if (a == "--renderer" && has_value) {
      const auto b = render::parse_backend(args[++i]);
      if (!b) {
        std::cerr << "hallboard run: --renderer takes auto, gpu or cpu\n" << kRunUsage;
        return std::nullopt;
      }
      o.backend = *b;
    } else if (a == "--at" && has_value) {
      o.at_text = args[++i];
    } else if (a == "--speed" && has_value) {
      char* end = nullptr;
      o.speed = std::strtod(args[++i].c_str(), &end);
      if (end == args[i].c_str() || *end != '\0' || !(o.speed >= 1) || o.speed > 100000) {
        std::cerr << "hallboard run: --speed takes a factor from 1 to 100000\n" << kRunUsage;
        return std::nullopt;
      }
    } else if (a == "--exit-after" && has_value) {
      char* end = nullptr;
      o.exit_after = std::strtod(args[++i].c_str(), &end);
      if (end == args[i].c_str() || *end != '\0' || !(o.exit_after > 0) || o.exit_after > 1e9) {
        std::cerr << "hallboard run: --exit-after takes a number of seconds\n" << kRunUsage;
        return std::nullopt;
      }
    } else {
      std::cerr << "hallboard run: unexpected argument " << a << "\n" << kRunUsage;
      return std::nullopt;
    }
  }
  return o;
}

// The player config, or nothing (said why).
std::optional<model::PlayerConfig> read_config(const std::string& path) {
  const Loaded bytes = load_source(path, feed::Limits{});
  if (!bytes.bytes) {
    log(bytes.error);
    return std::nullopt;
  }
  model::Diagnostics findings;
  auto config = feed::parse_player_config(*bytes.bytes, path, findings, feed::Limits{});
  for (const auto& d : findings)
    if (d.severity == model::Severity::error || !config)
      std::cerr << model::format_diagnostic(d) << "\n";
  if (!config || model::has_errors(findings)) {
    log("the player config " + path + " has errors; fix them first (hallboard lint " + path +
        ")");
    return std::nullopt;
  }
  return config;
}

// Like a feed's relative URL, a relative cache directory belongs beside
// the config, not wherever the player happened to be started; without
// one, the user's or the system's cache.
void resolve_cache_dir(model::PlayerConfig& config, const std::string& config_path,
                       const std::function<void(const std::string&)>& log) {
  if (!config.cache_dir.empty() && config.cache_dir[0] != '/') {
    config.cache_dir = (std::filesystem::path(config_path).parent_path() / config.cache_dir)
                           .lexically_normal()
                           .string();
    if (config.cache_dir.empty()) config.cache_dir = ".";
  }
  if (config.cache_dir.empty()) {
    config.cache_dir = default_cache_dir(config.screen);
    log("no <cache dir> in " + config_path + "; keeping feeds in " + config.cache_dir);
  }
}

render::PresenterOptions presenter_options(const model::PlayerConfig& config,
                                           const RunOptions& options) {
  render::PresenterOptions present;
  present.window.title =
      "hallboard " + (config.screen.empty() ? std::string("*") : config.screen);
  if (options.windowed) {
    present.window.width = options.windowed->first;
    present.window.height = options.windowed->second;
  }
  present.rotate = config.display.rotate;
  present.backend = options.backend.value_or(
      render::parse_backend(config.display.renderer).value_or(render::Backend::automatic));
  present.gpu_device_present = has_gpu_device();
  return present;
}

// `config`: with its cache directory resolved.
ContentSetup content_setup(const model::PlayerConfig& config, const RunOptions& options) {
  ContentSetup setup;
  setup.config = config;
  setup.theme = load_theme();
  setup.blank_margin_minutes = config.display.blank_outside_hours_minutes;
  use_ca_file(setup, config.tls_ca_file);
  setup.page_counts_path = config.cache_dir + "/page-counts";
  if (options.windowed) {
    setup.width = options.windowed->first;
    setup.height = options.windowed->second;
    if (config.display.rotate == 90 || config.display.rotate == 270)
      std::swap(setup.width, setup.height);
  } else {
    // The size it had last time (the counts file knows), else the config's
    // display, as the window is made at the desktop's size (checked once
    // it is open).
    std::tie(setup.width, setup.height) = upright_size(config);
    setup.size_from_counts = true;
  }
  return setup;
}

// The content thread's fonts and measurer, made on that thread.
MeasuringFactory measuring_with(const model::PlayerConfig& config, const layout::Theme& theme,
                                std::shared_ptr<const render::TtfLibrary> ttf) {
  return [&config, &theme, ttf] {
    Measuring m;
    auto opened = render::FontSet::open(ttf);
    if (!opened.fonts) {
      m.error = opened.error;
      return m;
    }
    struct Fonts {
      std::unique_ptr<render::FontSet> fonts;
      std::unique_ptr<render::TtfMeasurer> measure;
    };
    auto held = std::make_shared<Fonts>();
    held->fonts = std::move(opened.fonts);
    // A screen runs for months beside other programs: caches are capped well
    // below the defaults the one-shot commands use.
    held->measure = std::make_unique<render::TtfMeasurer>(*held->fonts, 4u << 20);
    // Until the first page: body and small text measured in turn would
    // otherwise make SDL_ttf load the same glyphs again at each change of
    // size (render/font_set.h).
    held->fonts->keep_sizes_apart(true);
    m.count_setup = page_count_setup(held->fonts->catalog(), theme, config);
    m.first_page_done = [fonts = held->fonts.get()] { fonts->keep_sizes_apart(false); };
    m.measure = std::shared_ptr<const layout::TextMeasurer>(held, held->measure.get());
    return m;
  };
}

// What the drawing thread draws with, made beside the window, which needs
// none of it; the first page's text is rendered ahead once the content
// thread has laid it out.
struct Drawing {
  std::unique_ptr<render::FontSet> fonts;  // null: error says why
  std::unique_ptr<render::Canvas> canvas;
  std::optional<ScreenState> first;
  std::string error;
};

Drawing prepare_drawing(const std::shared_ptr<const render::TtfLibrary>& ttf,
                        const net::PictureStore& pictures, ContentThread& content,
                        const Clocks& clocks, std::pair<int, int> screen) {
  Drawing d;
  auto fonts = render::FontSet::open(ttf);
  if (!fonts.fonts) {
    d.error = fonts.error;
    return d;
  }
  d.fonts = std::move(fonts.fonts);
  // Until the first frame: body and small text drawn in turn would
  // otherwise make SDL_ttf load the same glyphs again at each change of
  // size (render/font_set.h).
  d.fonts->keep_sizes_apart(true);
  render::CanvasOptions canvas_options;
  canvas_options.text_cache_bytes = 3u << 20;
  // At least one full-screen poster beside the logo and photos: else they
  // evict each other, decoded again on this thread at every redraw.
  d.first = first_state(content, clocks, 1.0);
  if (d.first) screen = {std::max(screen.first, d.first->width), std::max(screen.second, d.first->height)};
  canvas_options.picture_cache_bytes =
      render::picture_cache_bytes_for_screen(screen.first, screen.second, 6u << 20);
  d.canvas = std::make_unique<render::Canvas>(
      *d.fonts, [&pictures](const std::string& source) { return pictures.load(source); },
      canvas_options);
  if (d.first && d.first->has_page) d.canvas->prepare(d.first->page);
  return d;
}

// The voice (语音播报, issue 19), with <sound> only: one espeak-ng for the
// process (audio/speech.h), kept by the caller longer than the voice.
// Its lines come from the voice's thread, so they go straight to stderr
// rather than through the run log, which is the drawing thread's.
// The power thread, with <display power> (issue 20): the backend follows
// the video driver SDL draws through, and is opened on that thread.
std::unique_ptr<PowerKeeper> start_power(const model::PlayerConfig& config, const Clocks& clocks,
                                         int drm_fd, std::string video_driver) {
  if (config.display.power == "none") return nullptr;
  const char* display = std::getenv("DISPLAY");
  const PowerSetup setup{config.display.power, display ? display : "", std::move(video_driver),
                         drm_fd};
  log("panel power: " + setup.power + " (video driver " + setup.video_driver + "), off " +
      std::to_string(config.display.blank_outside_hours_minutes.value_or(0)) +
      " minutes after closing, on " + std::to_string(schedule::kPanelWakeMinutes) +
      " minutes before the screen wakes");
  return std::make_unique<PowerKeeper>([setup] { return make_panel_power(setup); }, clocks.steady);
}

std::unique_ptr<ScreenVoice> open_voice(const model::PlayerConfig& config,
                                        std::optional<audio::Speech>& speech) {
  if (!config.sound) return nullptr;
  const audio::Log say = [](const std::string& line) {
    std::cerr << ("hallboard run: sound: " + line + "\n");
  };
  if (auto opened = audio::Speech::open())
    speech.emplace(std::move(opened).value());
  else
    say(opened.error() + "; calls and notices are said with the hall's clips only");
  return ScreenVoice::open(config, say, speech ? &*speech : nullptr);
}

Speaking speaking_with(ScreenVoice* voice) {
  if (!voice) return {};
  Speaking s;
  s.call = [voice](const model::QueueCall& call, const model::Content& content,
                   model::UnixSeconds now) { voice->speak_call(call, content, now); };
  s.urgent = [voice](const model::Content& content, model::UnixSeconds now) {
    voice->read_urgent(content, now);
  };
  return s;
}

}  // namespace

int run_command(const std::vector<std::string>& args, const Clocks& clocks) {
  const auto options = parse_args(args);
  if (!options) return 2;
  const auto config = read_config(options->config_path);
  if (!config) return 2;
  const int offset = config->utc_offset_minutes;
  // --at starts the screen's clock at that moment; --speed runs it faster.
  std::optional<double> at_start;
  const auto start = instant_for("run", options->at_text, offset,
                                 static_cast<long long>(std::floor(clocks.wall())));
  if (!start) return 2;
  if (options->at_text) at_start = static_cast<double>(*start);
  const ScreenClock clock(clocks, at_start, options->speed);

  // From here on each line carries the screen's clock, which --at may set.
  RunLog run_log([&clock] { return clock.now(); }, [&clock] { return clock.steady(); }, offset);
  const auto log = [&run_log](const std::string& line) { run_log.problem(line); };
  ServiceNotifier systemd;
  if (systemd.notifying())
    log("started by systemd" +
        (systemd.watchdog_seconds() > 0
             ? "; watchdog every " + std::to_string(std::lround(systemd.watchdog_seconds())) + " s"
             : std::string()));
  model::PlayerConfig player_config = *config;
  resolve_cache_dir(player_config, options->config_path, log);
  // Pictures come from the fetch thread's cache (remote) or their files
  // (local), checked for type, bytes and pixels either way.
  const net::PictureStore pictures(player_config.cache_dir);
  const render::PresenterOptions present = presenter_options(*config, *options);

  // The content thread (content_thread.h) reads the feeds, counts pages and
  // lays them out with fonts of its own; this thread only draws, so no
  // content, however large, stops the frames or the watchdog's pings.
  ContentSetup setup = content_setup(player_config, *options);
  // One FreeType library for both threads' fonts (render/ttf_library.h),
  // made before either thread.
  const auto ttf = std::make_shared<const render::TtfLibrary>();
  render::set_window_environment();  // before there is another thread (the voice's too)
  // Declared before the content thread, which speaks through it.
  std::optional<audio::Speech> speech;
  const auto voice = open_voice(player_config, speech);
  setup.speaking = speaking_with(voice.get());
  // Declared before the content thread, so its fonts close after that
  // thread has ended (SDL_ttf is not safe beside another thread's use).
  Drawing d;
  std::optional<ContentThread> content;
  content.emplace(setup, clocks, clock, measuring_with(*config, setup.theme, ttf));
  auto preparing = std::async(std::launch::async, [&] {
    const render::SdlThreadState sdl_state;
    return prepare_drawing(ttf, pictures, *content, clocks, {setup.width, setup.height});
  });
  auto opened_screen = render::open_screen(present);
  // SDL's DRM device, for <display power="dpms"> without a desktop: a copy
  // (sharing its DRM master), valid as long as the power thread runs.
  const int sdl_drm = opened_screen.window ? render::kms_device_fd(opened_screen.window->get()) : -1;
  const base::UniqueFd drm(sdl_drm >= 0 ? ::fcntl(sdl_drm, F_DUPFD_CLOEXEC, 0) : -1);
  const std::string video_driver = render::current_video_driver();
  d = preparing.get();
  if (!d.fonts) {
    log(d.error);
    return 1;
  }
  auto opened = render::make_presenter(std::move(opened_screen), *d.canvas, *d.fonts);
  if (!opened.presenter) {
    log("cannot open the screen: " + opened.error);
    return 1;
  }
  log("drawing with " + std::string(opened.presenter->name()) + " (" + opened.choice + ")");
  // Shared by the recorder's rotation and the heartbeat's reading of the
  // rotated files (play_files.h); declared first, so it outlives both.
  std::mutex play_rotation;
  auto heartbeat = start_heartbeat(player_config, clock.steady(), play_rotation);
  PlayRecorder proof(config->screen, offset, player_config.cache_dir, play_rotation,
                     heartbeat != nullptr);
  const auto power = start_power(player_config, clocks, drm.get(), video_driver);
  ScreenLoop loop({config->screen, offset, setup.blank_margin_minutes, options->exit_after},
                  {clock, *opened.presenter, *d.canvas, *d.fonts, *content, run_log, systemd,
                   proof, power.get()},
                  std::move(heartbeat), std::move(d.first));
  return loop.run();
}

}  // namespace hb::app
