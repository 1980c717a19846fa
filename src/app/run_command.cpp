#include "app/run_command.h"

#include <malloc.h>

#include <cmath>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
#include <tuple>
#include <utility>

#include "app/feed_acceptor.h"
#include "app/feed_fetcher.h"
#include "app/heartbeat_report.h"
#include "app/load.h"
#include "app/page_count_file.h"
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

  // What the screen draws with and what it shows. A thread of its own makes
  // them and lays out the first page (the fonts, the cached feeds, every
  // slide's pages counted unless the last run's counts hold, the page's
  // text rendered) while this one opens the window, which needs none of
  // them; they are this thread's alone once that thread is joined.
  struct Drawing {
    std::unique_ptr<render::FontSet> fonts;
    std::unique_ptr<render::TtfMeasurer> measure;
    std::unique_ptr<render::Canvas> canvas;
    std::unique_ptr<PageCountFile> page_counts;
    std::unique_ptr<Player> player;
    std::unique_ptr<FeedFetcher> fetcher;
  } d;
  render::Size size;
  bool pictures_changed = false;
  bool has_content = false;
  const auto take_news = [&](model::UnixSeconds now) {
    auto news = d.fetcher->take();
    for (const auto& line : news.log)
      log(line);
    if (!news.accepted.empty()) {
      auto& accepted = news.accepted.back();
      std::string names;
      for (const auto& f : accepted.feeds)
        names += (names.empty() ? "" : ", ") + f;
      const KnownCounts* known = d.page_counts->find(accepted.version, size.w, size.h);
      note(std::string(accepted.from_cache ? "content from the cache" : "new content") +
           (names.empty() ? "" : ": " + names) +
           (d.player->has_content() ? "; it shows from the next page" : "") +
           (known ? "; page counts from the last run" : ""));
      d.player->offer(std::move(accepted.content), now, std::move(accepted.version), known);
      has_content = true;
    }
    if (news.pictures_changed) {
      d.canvas->forget_pictures();
      pictures_changed = true;
    }
  };
  Step first_step;  // change none: nothing laid out ahead
  std::string no_fonts;
  const auto prepare = [&] {
    auto fonts = render::FontSet::open();
    if (!fonts.fonts) {
      no_fonts = fonts.error;
      return;
    }
    d.fonts = std::move(fonts.fonts);
    // A screen runs for months beside other programs: caches are capped well
    // below the defaults the one-shot commands use. A full demo rotation's
    // text fits; a miss costs a few milliseconds at a page turn.
    d.measure = std::make_unique<render::TtfMeasurer>(*d.fonts, 4u << 20);
    render::CanvasOptions canvas_options;
    canvas_options.text_cache_bytes = 3u << 20;
    canvas_options.picture_cache_bytes = 6u << 20;
    d.canvas = std::make_unique<render::Canvas>(
        *d.fonts, [&pictures](const std::string& source) { return pictures.load(source); },
        canvas_options);
    // A restart with the same content, fonts and screen takes the last run's
    // page counts instead of laying every slide out before the first frame.
    const layout::Theme theme = load_theme();
    d.page_counts =
        std::make_unique<PageCountFile>(player_config.cache_dir + "/page-counts",
                                        page_count_setup(d.fonts->catalog(), theme, *config));
    // The page size the screen will have: the size it had last time, else
    // the config's display, as the window is made at the desktop's size
    // (checked once it is open).
    if (options->windowed) {
      size = {options->windowed->first, options->windowed->second};
      if (config->display.rotate == 90 || config->display.rotate == 270) std::swap(size.w, size.h);
    } else if (const auto last = d.page_counts->last_size()) {
      std::tie(size.w, size.h) = *last;
    } else {
      std::tie(size.w, size.h) = upright_size(*config);
    }
    d.player = std::make_unique<Player>(config->screen, offset, *d.measure, theme, size.w, size.h);
    // Reads the cache now, so the first frame shows it before any request returns.
    FetcherOptions fetching;
    fetching.fetch.ca_file = player_config.tls_ca_file;
    d.fetcher =
        std::make_unique<FeedFetcher>(player_config, clocks, core_merge(player_config), fetching);
    take_news(second_now());
    // Until the first frame: body and small text measured and drawn in turn
    // would otherwise make SDL_ttf load the same glyphs again at each change
    // of size (render/font_set.h).
    d.fonts->keep_sizes_apart(true);
    if (!has_content) return;
    first_step = d.player->advance(second_now());
    d.canvas->prepare(d.player->page());
  };
  render::set_window_environment();  // before there is another thread
  auto preparing = std::async(std::launch::async, prepare);
  auto opened_screen = render::open_screen(present);
  preparing.get();
  if (!d.fonts) {
    log(no_fonts);
    return 1;
  }
  render::FontSet& fonts = *d.fonts;
  render::Canvas& canvas = *d.canvas;
  PageCountFile& page_counts = *d.page_counts;
  Player& player = *d.player;
  FeedFetcher& fetcher = *d.fetcher;
  bool spare_fonts = true;
  constexpr double kTrimEvery = 10.0;
  double next_trim = 0.0;
  auto opened = render::make_presenter(std::move(opened_screen), canvas, fonts);
  if (!opened.presenter) {
    log("cannot open the screen: " + opened.error);
    return 1;
  }
  render::Presenter& screen = *opened.presenter;
  log("drawing with " + std::string(screen.name()) + " (" + opened.choice + ")");
  if (const render::Size actual = screen.page_size(); actual.w != size.w || actual.h != size.h) {
    // Another size than the config said (a desktop's window manager, a
    // panel of another resolution): counted again for this one.
    size = actual;
    player.resize(size.w, size.h);
  }

  const std::optional<int> blank_margin = config->display.blank_outside_hours_minutes;
  PlayRecorder proof(config->screen, offset, player_config.cache_dir);
  bool blanked = false;
  bool ready = false;
  std::pair<std::uint64_t, std::uint64_t> counts_kept;
  schedule::PixelShift shift;
  long long last_second = 0;
  double next_frame = 0;
  bool animating = false;
  std::string last_frame_error;
  // The page as drawn: moved by the burn-in shift chosen when it was shown.
  const auto shown_page = [&] {
    return layout::shifted(player.page(), shift.dx, shift.dy, size.w, size.h);
  };
  const auto show = [&](model::Transition how) {
    shift = schedule::pixel_shift(last_second);
    return screen.show(shown_page(), size, how);
  };
  const auto finish = [&](const std::string& why) {
    if (const auto error = proof.stop(second_now()); !error.empty()) log(error);
    systemd.stopping();
    run_log.flush_all();
    note(why);
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
    report.page = heartbeat_page(player.page(), blanked);
    report.memory = read_process_memory();
    report.feeds = heartbeat_feeds(fetcher.feed_states());
    const bool with_frame = heartbeat->wants_screenshot() && !blanked;
    heartbeat->submit(std::move(report), with_frame ? frame_on(screen) : std::nullopt, steady);
  };

  // With nothing cached, local feeds take a few milliseconds: wait for them
  // briefly rather than flash the waiting page (never long: a network feed
  // may hang for a minute).
  for (int i = 0; i < 50 && !has_content; ++i) {
    if (screen.wait_events(0.02).quit) return finish("stopped");
    take_news(second_now());
  }

  for (;;) {
    const double now = wall();
    const auto second = static_cast<long long>(std::floor(now));
    if (second != last_second) {
      last_second = second;
      take_news(second);
      Step step = player.advance(second);
      // The first page, laid out while the window opened, is not on the
      // screen yet whatever advance() says now (it found that page drawn).
      if (first_step.change != Change::none && step.change != Change::turned) step = first_step;
      first_step = {};
      if (pictures_changed && step.change == Change::none) step.change = Change::updated;
      pictures_changed = false;
      const bool dark = blank_margin && player.has_content() &&
                        schedule::is_blank(player.calendar(), second, offset, *blank_margin);
      render::DrawReport report;
      if (dark != blanked) {
        note(dark ? "outside opening hours: the screen is dark until " +
                        std::to_string(*blank_margin) + " minutes before the next opening"
                  : "the screen wakes for the opening");
        blanked = dark;
        if (dark)
          screen.blank();
        else
          report = show(model::Transition::fade);
      } else if (blanked) {
        // Dark: the pages go on turning unseen, so waking shows the right one.
      } else if (step.change == Change::turned)
        report = show(step.transition);
      else if (step.change == Change::updated)
        report = screen.update(shown_page(), size);
      for (const auto& problem : report.problems)
        log(problem);

      OnScreen showing;
      if (blanked) {
        showing.slide_type = "dark";
      } else {
        const layout::Page& page = player.page();
        showing = {page.slide_type, page.page, page.page_count, page.item, player.version()};
      }
      if (const auto error = proof.showing(std::move(showing), second); !error.empty()) log(error);
      // Counts taken from the last run are checked against the layout, one
      // slide (or item) a second while nothing else is drawn.
      if (ready && step.change == Change::none) player.check_counts(second);
      if (ready && player.counts_stamp() != counts_kept) {
        // After the first frame, never before it: for the next start.
        counts_kept = player.counts_stamp();
        if (const auto counts = player.shown_counts())
          if (const auto error =
                  page_counts.keep(counts->version, counts->width, counts->height, counts->counts);
              !error.empty())
            log(error);
      }
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
      systemd.ready("showing " + proof.on_screen().slide_type + " on " +
                    std::string(screen.name()));
    }
    const bool closing_spares = spare_fonts;
    if (spare_fonts) {
      // Once the first frame is drawn (and reported), the spare fonts' 2.7 MB
      // each go back to the system (the trim below); later pages mostly
      // reuse what it measured and drew.
      fonts.keep_sizes_apart(false);
      spare_fonts = false;
    }
    const double steady_now = clock.steady();
    if ((closing_spares || ready) && steady_now >= next_trim) {
      // Page turns and content changes free whole pages' worth of memory
      // that malloc keeps for later: given back every few seconds it is
      // about 1 MB less resident (PSS 41.2 -> 40.2 MB on the demo), for
      // 0.1-0.2 ms a time.
      malloc_trim(0);
      next_trim = steady_now + kTrimEvery;
    }
    // From the drawing loop itself: if drawing hangs, the pings stop and
    // systemd restarts the player (WatchdogSec).
    systemd.watchdog(clock.steady());
    if (options->exit_after > 0 && elapsed >= options->exit_after) break;

    // Until the next second of the screen's clock (--speed makes those short).
    double timeout = clock.real(static_cast<double>(second + 1) - wall());
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
      player.resize(size.w, size.h);
    }
  }
  return finish("stopped after " + std::to_string(static_cast<int>(options->exit_after)) +
                " s (--exit-after)");
}

}  // namespace hb::app
