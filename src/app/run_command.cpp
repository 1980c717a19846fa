#include "app/run_command.h"

#include <malloc.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>

#include "app/content_thread.h"
#include "app/feed_fetcher.h"
#include "app/heartbeat_report.h"
#include "app/load.h"
#include "app/page_count_setup.h"
#include "app/play_recorder.h"
#include "app/player.h"
#include "app/process_memory.h"
#include "app/run_heartbeat.h"
#include "app/run_log.h"
#include "app/screen_pages.h"
#include "app/size_text.h"
#include "app/summary_command.h"
#include "app/systemd_notify.h"
#include "app/theme_file.h"
#include "app/time_text.h"
#include "feed/feed.h"
#include "layout/shift.h"
#include "net/cache.h"
#include "net/picture.h"
#include "render/canvas.h"
#include "render/font_set.h"
#include "render/presenter.h"
#include "render/ttf_measurer.h"
#include "schedule/blanking.h"
#include "schedule/pixel_shift.h"

namespace hb::app {
namespace {

constexpr const char* kUsage =
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

// Ends the process `seconds` from now unless it has ended by then: the
// last resort that keeps a stop prompt while a worker cannot be
// interrupted (everything that must reach the disk is written before).
void exit_soon(double seconds) {
  std::thread([seconds] {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    std::_Exit(0);
  }).detach();
}

// A content thread without a finished round for this long is taken as hung.
constexpr double kContentStallSeconds = 120;

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
        std::cerr << "hallboard run: --renderer takes auto, gpu or cpu\n" << kUsage;
        return std::nullopt;
      }
      o.backend = *b;
    } else if (a == "--at" && has_value) {
      o.at_text = args[++i];
    } else if (a == "--speed" && has_value) {
      char* end = nullptr;
      o.speed = std::strtod(args[++i].c_str(), &end);
      if (end == args[i].c_str() || *end != '\0' || !(o.speed >= 1) || o.speed > 100000) {
        std::cerr << "hallboard run: --speed takes a factor from 1 to 100000\n" << kUsage;
        return std::nullopt;
      }
    } else if (a == "--exit-after" && has_value) {
      char* end = nullptr;
      o.exit_after = std::strtod(args[++i].c_str(), &end);
      if (end == args[i].c_str() || *end != '\0' || !(o.exit_after > 0) || o.exit_after > 1e9) {
        std::cerr << "hallboard run: --exit-after takes a number of seconds\n" << kUsage;
        return std::nullopt;
      }
    } else {
      std::cerr << "hallboard run: unexpected argument " << a << "\n" << kUsage;
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace

int run_command(const std::vector<std::string>& args, const Clocks& clocks) {
  const auto options = parse_args(args);
  if (!options) return 2;

  const Loaded config_bytes = load_source(options->config_path, feed::Limits{});
  if (!config_bytes.bytes) {
    log(config_bytes.error);
    return 2;
  }
  model::Diagnostics findings;
  const auto config = feed::parse_player_config(*config_bytes.bytes, options->config_path, findings,
                                                feed::Limits{});
  for (const auto& d : findings)
    if (d.severity == model::Severity::error || !config)
      std::cerr << model::format_diagnostic(d) << "\n";
  if (!config || model::has_errors(findings)) {
    log("the player config " + options->config_path +
        " has errors; fix them first (hallboard lint " + options->config_path + ")");
    return 2;
  }
  const int offset = config->utc_offset_minutes;
  // --at starts the screen's clock at that moment; --speed runs it faster.
  std::optional<double> at_start;
  const auto start = instant_for("run", options->at_text, offset,
                                 static_cast<long long>(std::floor(clocks.wall())));
  if (!start) return 2;
  if (options->at_text) at_start = static_cast<double>(*start);
  const ScreenClock clock(clocks, at_start, options->speed);
  const auto wall = [&clock] { return clock.now(); };
  const auto second_now = [&clock] {
    return static_cast<model::UnixSeconds>(std::floor(clock.now()));
  };

  // From here on each line carries the screen's clock, which --at may set.
  RunLog run_log(
      wall, [&clock] { return clock.steady(); }, offset);
  const auto log = [&run_log](const std::string& line) { run_log.problem(line); };
  const auto note = [&run_log](const std::string& line) { run_log.event(line); };
  ServiceNotifier systemd;
  if (systemd.notifying())
    log("started by systemd" +
        (systemd.watchdog_seconds() > 0
             ? "; watchdog every " + std::to_string(std::lround(systemd.watchdog_seconds())) + " s"
             : std::string()));
  model::PlayerConfig player_config = *config;
  // Like a feed's relative URL, a relative cache directory belongs beside
  // the config, not wherever the player happened to be started.
  if (!player_config.cache_dir.empty() && player_config.cache_dir[0] != '/') {
    player_config.cache_dir =
        (std::filesystem::path(options->config_path).parent_path() / player_config.cache_dir)
            .lexically_normal()
            .string();
    if (player_config.cache_dir.empty()) player_config.cache_dir = ".";
  }
  if (player_config.cache_dir.empty()) {
    player_config.cache_dir = default_cache_dir(player_config.screen);
    log("no <cache dir> in " + options->config_path + "; keeping feeds in " +
        player_config.cache_dir);
  }
  // Pictures come from the fetch thread's cache (remote) or their files
  // (local), checked for type, bytes and pixels either way.
  const net::PictureStore pictures(player_config.cache_dir);
  render::PresenterOptions present;
  present.window.title =
      "hallboard " + (config->screen.empty() ? std::string("*") : config->screen);
  if (options->windowed) {
    present.window.width = options->windowed->first;
    present.window.height = options->windowed->second;
  }
  present.rotate = config->display.rotate;
  present.backend = options->backend.value_or(
      render::parse_backend(config->display.renderer).value_or(render::Backend::automatic));
  present.gpu_device_present = has_gpu_device();

  // The content thread (content_thread.h) reads the feeds, counts pages and
  // lays them out with fonts of its own; this thread only draws, so no
  // content, however large, stops the frames or the watchdog's pings.
  ContentSetup setup;
  setup.config = player_config;
  setup.theme = load_theme();
  setup.blank_margin_minutes = config->display.blank_outside_hours_minutes;
  setup.fetching.fetch.ca_file = player_config.tls_ca_file;
  setup.page_counts_path = player_config.cache_dir + "/page-counts";
  if (options->windowed) {
    setup.width = options->windowed->first;
    setup.height = options->windowed->second;
    if (config->display.rotate == 90 || config->display.rotate == 270)
      std::swap(setup.width, setup.height);
  } else {
    // The size it had last time (the counts file knows), else the config's
    // display, as the window is made at the desktop's size (checked once
    // it is open).
    std::tie(setup.width, setup.height) = upright_size(*config);
    setup.size_from_counts = true;
  }
  // One FreeType library for both threads' fonts (render/ttf_library.h),
  // made before either thread.
  const auto ttf = std::make_shared<const render::TtfLibrary>();
  const auto measuring = [&config = *config, &theme = setup.theme, ttf] {
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

  // What this thread draws with, made beside the window, which needs none
  // of it; the first page's text is rendered ahead once the content thread
  // has laid it out.
  struct Drawing {
    std::unique_ptr<render::FontSet> fonts;
    std::unique_ptr<render::Canvas> canvas;
    std::optional<ScreenState> first;
  } d;
  std::string no_fonts;
  render::set_window_environment();  // before there is another thread
  std::optional<ContentThread> content;
  content.emplace(setup, clocks, clock, measuring);
  const auto prepare = [&] {
    auto fonts = render::FontSet::open(ttf);
    if (!fonts.fonts) {
      no_fonts = fonts.error;
      return;
    }
    d.fonts = std::move(fonts.fonts);
    // Until the first frame: body and small text drawn in turn would
    // otherwise make SDL_ttf load the same glyphs again at each change of
    // size (render/font_set.h).
    d.fonts->keep_sizes_apart(true);
    render::CanvasOptions canvas_options;
    canvas_options.text_cache_bytes = 3u << 20;
    canvas_options.picture_cache_bytes = 6u << 20;
    d.canvas = std::make_unique<render::Canvas>(
        *d.fonts, [&pictures](const std::string& source) { return pictures.load(source); },
        canvas_options);
    d.first = first_state(*content, clocks, 1.0);
    if (d.first && d.first->has_page) d.canvas->prepare(d.first->page);
  };
  auto preparing = std::async(std::launch::async, prepare);
  auto opened_screen = render::open_screen(present);
  preparing.get();
  if (!d.fonts) {
    log(no_fonts);
    return 1;
  }
  render::FontSet& fonts = *d.fonts;
  render::Canvas& canvas = *d.canvas;
  constexpr double kTrimEvery = 10.0;
  double next_trim = 0.0;
  auto opened = render::make_presenter(std::move(opened_screen), canvas, fonts);
  if (!opened.presenter) {
    log("cannot open the screen: " + opened.error);
    return 1;
  }
  render::Presenter& screen = *opened.presenter;
  log("drawing with " + std::string(screen.name()) + " (" + opened.choice + ")");
  render::Size size = screen.page_size();
  content->resize(size.w, size.h);  // nothing to do when the guess was right

  PlayRecorder proof(config->screen, offset, player_config.cache_dir);
  bool blanked = false;
  bool ready = false;
  schedule::PixelShift shift;
  long long last_second = 0;
  double next_frame = 0;
  bool animating = false;
  std::string last_frame_error;
  layout::Page page;  // as laid out; drawn shifted
  OnScreen showing;
  showing.slide_type = "waiting";
  // The page as drawn: moved by the burn-in shift chosen when it was shown.
  const auto shown_page = [&] { return layout::shifted(page, shift.dx, shift.dy, size.w, size.h); };
  const auto show = [&](model::Transition how) {
    shift = schedule::pixel_shift(last_second);
    return screen.show(shown_page(), size, how);
  };
  const auto finish = [&](const std::string& why) {
    if (const auto error = proof.stop(second_now()); !error.empty()) log(error);
    systemd.stopping();
    run_log.flush_all();
    note(why);
    // Whatever the content thread is in the middle of (a count of a
    // hundred thousand items takes a while), the player is gone within
    // seconds of being asked: systemd and a person at the keyboard expect it.
    exit_soon(2.5);
    return 0;
  };
  // The heartbeat posts on a thread of its own; the drawing loop only
  // copies the report together (and the frame, when asked for one).
  const std::unique_ptr<HeartbeatSender> heartbeat = start_heartbeat(player_config, clock.steady());
  const auto beat = [&](model::UnixSeconds second) {
    const double steady = clock.steady();
    if (!heartbeat || !heartbeat->due(steady)) return;
    HeartbeatReport report;
    report.screen = config->screen;
    report.version = HALLBOARD_VERSION;
    report.time = second;
    report.utc_offset_minutes = offset;
    report.uptime_seconds = static_cast<std::int64_t>(clock.elapsed());
    report.renderer = std::string(screen.name());
    report.page = heartbeat_page(page, blanked);
    report.memory = read_process_memory();
    if (const FeedFetcher* fetcher = content->fetcher())
      report.feeds = heartbeat_feeds(fetcher->feed_states());
    const bool with_frame = heartbeat->wants_screenshot() && !blanked;
    heartbeat->submit(std::move(report), with_frame ? frame_on(screen) : std::nullopt, steady);
  };
  // A state from the content thread: its lines logged, its page drawn.
  std::optional<ScreenState> pending = std::move(d.first);
  bool stall_said = false;
  long long recorded = 0;  // the second of the last proof-of-play line
  bool first_page = true;
  const auto apply = [&](ScreenState s) {
    for (const auto& line : s.problems)
      log(line);
    for (const auto& line : s.events)
      note(line);
    if (s.fatal) return false;
    if (s.pictures_changed) canvas.forget_pictures();
    // A page laid out for the size before a resize is not drawn: the one
    // for this size follows (the previous frame stays meanwhile).
    const bool other_size = s.has_page && (s.width != size.w || s.height != size.h);
    if (!s.has_page || other_size) {
      if (s.pictures_changed && !blanked && !first_page) screen.update(shown_page(), size);
      return true;
    }
    page = std::move(s.page);
    showing = s.showing;
    // Recorded for the second it was laid out for, a moment ago (never
    // before the line it follows).
    recorded = std::max<long long>(s.second, recorded);
    if (const auto error = proof.showing(showing, recorded); !error.empty()) log(error);
    render::DrawReport report;
    if (s.dark != blanked) {
      note(s.dark ? "outside opening hours: the screen is dark until " +
                        std::to_string(*setup.blank_margin_minutes) +
                        " minutes before the next opening"
                  : "the screen wakes for the opening");
      blanked = s.dark;
      if (blanked)
        screen.blank();
      else
        report = show(model::Transition::fade);
    } else if (blanked) {
      // Dark: the pages go on turning unseen, so waking shows the right one.
    } else if (first_page || s.step.change == Change::turned) {
      report = show(first_page ? model::Transition::none : s.step.transition);
    } else {
      report = screen.update(shown_page(), size);
    }
    first_page = false;
    for (const auto& problem : report.problems)
      log(problem);
    return true;
  };

  for (;;) {
    const double now = wall();
    const auto second = static_cast<long long>(std::floor(now));
    if (!pending) pending = content->take();
    if (pending) {
      if (!apply(std::move(*pending))) return 1;
      pending.reset();
    }
    if (second != last_second) {
      last_second = second;
      beat(second);
      if (heartbeat)
        for (const auto& line : heartbeat->take_log())
          log(line);
      run_log.flush();
    }
    const double elapsed = clock.elapsed();
    const auto frame = screen.frame(elapsed);
    // A screen that keeps failing would say so 60 times a second: once is enough.
    if (frame.error != last_frame_error && !frame.error.empty()) log(frame.error);
    last_frame_error = frame.error;
    animating = frame.animating;
    if (!ready && frame.presented) {
      // systemd (Type=notify) counts the start from here: a screen that
      // never draws is a failed start, and is restarted.
      ready = true;
      content->set_ready();
      systemd.ready("showing " + showing.slide_type + " on " + std::string(screen.name()));
      // Once the first frame is drawn, what only the start needed goes back
      // to the system (the trim below).
      fonts.keep_sizes_apart(false);
    }
    const double steady_now = clock.steady();
    if (ready && steady_now >= next_trim) {
      // Page turns and content changes free whole pages' worth of memory
      // that malloc keeps for later: given back every few seconds it is
      // about 1 MB less resident (PSS 41.2 -> 40.2 MB on the demo), for
      // 0.1-0.2 ms a time.
      malloc_trim(0);
      next_trim = steady_now + kTrimEvery;
    }
    // From the drawing loop itself: if drawing hangs, the pings stop and
    // systemd restarts the player (WatchdogSec). So do they if the content
    // thread stops making rounds: no round of its takes more than seconds
    // (a page's layout, a slice of a count), so minutes mean it hangs, and
    // the page on screen would never change again.
    const double stalled = clock.steady() - content->last_progress();
    if (stalled > kContentStallSeconds && !stall_said) {
      log("the content thread has not finished a round for " +
          std::to_string(std::lround(stalled)) +
          " s; the watchdog is no longer told all is well, so systemd restarts the player");
      stall_said = true;
    }
    if (stalled <= kContentStallSeconds) systemd.watchdog(clock.steady());
    if (options->exit_after > 0 && elapsed >= options->exit_after) break;

    // Until the next second of the screen's clock (--speed makes those
    // short), looking for the content thread's next page meanwhile.
    double timeout =
        std::min(clock.real(static_cast<double>(second + 1) - wall()), kContentLookSeconds);
    if (animating) {
      const double period = 1.0 / std::max(1, screen.refresh_hz());
      next_frame = next_frame + period > elapsed ? next_frame + period : elapsed + period;
      timeout = screen.vsync() ? 0.0 : std::min(timeout, next_frame - elapsed);
    }
    if (options->exit_after > 0) timeout = std::min(timeout, options->exit_after - elapsed);
    timeout = std::min(timeout, systemd.longest_sleep());
    const auto events = screen.wait_events(std::max(0.0, timeout));
    if (events.quit) return finish("stopped");
    if (events.resized) {
      size = screen.page_size();
      content->resize(size.w, size.h);
    }
  }
  return finish("stopped after " + std::to_string(static_cast<int>(options->exit_after)) +
                " s (--exit-after)");
}

}  // namespace hb::app
