// The content thread of `hallboard run`: everything the screen does with
// content, off the drawing thread. It owns the fetcher (which parses and
// merges), the Player (which counts pages and lays them out) and the page
// counts kept for the next start, and measures text with fonts of its own.
// The drawing thread takes the newest state without ever waiting for this
// work, so a feed of any size never stops the frames or the watchdog's
// pings: the page on screen stays until the next one is laid out.
//
// Thread rules: the constructor and destructor run on the owner's thread;
// take(), resize(), set_ready() and last_progress() may be called from any
// thread; everything else runs on the content thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/alert_fetcher.h"
#include "app/clock.h"
#include "app/feed_fetcher.h"
#include "app/live_windows.h"
#include "app/player.h"
#include "app/queue_fetcher.h"
#include "app/proof_of_play.h"
#include "layout/display_list.h"
#include "layout/theme.h"
#include "model/player_config.h"

namespace hb::app {

// How often the content thread looks at the clock, the news and a new size
// when nothing wakes it, and the drawing thread for a new state: a page
// turn is drawn at most about this late.
constexpr double kContentLookSeconds = 0.05;

// What the content thread measures with, made on that thread.
struct Measuring {
  std::shared_ptr<const layout::TextMeasurer> measure;  // null: error says why
  std::string error;
  // Names the fonts and settings that page counts depend on (page_count_setup.h).
  std::string count_setup;
  // Called once the first page is laid out (the fonts may then free what
  // only a start needed).
  std::function<void()> first_page_done;
};
using MeasuringFactory = std::function<Measuring()>;

// What the content thread has said aloud (in `run`, app::ScreenVoice;
// unset: the screen is silent). Both are called on the content thread and
// must return at once.
struct Speaking {
  // A call that has just gone on screen.
  std::function<void(const model::QueueCall&, const model::Content&, model::UnixSeconds)> call;
  // Asked every round: urgent notices due to be read at that second.
  std::function<void(const model::Content&, model::UnixSeconds)> urgent;
};

struct ContentSetup {
  model::PlayerConfig config;  // with its cache directory resolved
  layout::Theme theme;
  int width = 0, height = 0;  // the page size to start with
  // Start at the size the page counts file remembers, if it does (the
  // screen's size last time), rather than width x height.
  bool size_from_counts = false;
  std::optional<int> blank_margin_minutes;
  FetcherOptions fetching;
  // The page counts file; empty: none kept.
  std::string page_counts_path;
  QueueFetchOptions queue_fetching;  // for the config's <queue>, if any
  AlertFetchOptions alert_fetching;  // for the config's <alerts>, if any
  Speaking speaking;
};

// The private CA of <tls ca-file> for every fetcher the content thread
// starts: the feeds', the queue's and the alerts' (all may be on a server
// of the same authority's PKI). Empty: the system's CAs.
void use_ca_file(ContentSetup& setup, const std::string& ca_file);

// The newest state for the drawing thread.
struct ScreenState {
  bool has_page = false;  // page holds the page to show (else only news)
  layout::Page page;      // as laid out (the burn-in shift is the drawing thread's)
  // Since the state taken last: turned (with this transition) beats
  // updated beats none.
  Step step;
  bool dark = false;  // outside opening hours, with blank-outside-hours
  // The panel's power as the schedule wants it (<display power>, issue 20;
  // schedule/panel_power.h): true without power control.
  bool panel_on = true;
  OnScreen showing;   // for proof of play (slide_type "dark" while dark)
  bool pictures_changed = false;
  std::vector<std::string> problems;  // log lines to write
  std::vector<std::string> events;
  int width = 0, height = 0;      // the size the page is laid out for
  model::UnixSeconds second = 0;  // of the screen's clock, the state is for
  bool has_content = false;
  bool fatal = false;  // the thread could not start (see problems)
};

class ContentThread;
// The first state to draw, for the first frame: waits up to `seconds` for
// one with content (local and cached feeds take milliseconds), else takes
// the waiting page; every state taken on the way is folded in.
std::optional<ScreenState> first_state(ContentThread& content, const Clocks& clocks,
                                       double seconds);

class ContentThread {
 public:
  // Starts the thread, which opens its fonts, reads the cached feeds and
  // lays out the first page at once.
  ContentThread(ContentSetup setup, Clocks clocks, const ScreenClock& clock,
                MeasuringFactory measuring);
  ~ContentThread();
  ContentThread(const ContentThread&) = delete;
  ContentThread& operator=(const ContentThread&) = delete;

  // The newest state, if there is one not taken yet. Never waits for the
  // content thread's work (only for a move under a lock).
  std::optional<ScreenState> take();
  // The screen has another page size: the next state is laid out for it.
  void resize(int width, int height);
  // The first frame is on screen: page counts may now be checked and kept.
  void set_ready();
  // Steady seconds of the last time the thread finished a round of work.
  double last_progress() const { return progress_.load(); }
  // The fetcher, once the thread has made it (nothing before), for the
  // heartbeat's feed states and the pictures.
  const FeedFetcher* fetcher() const;
  // The queue source as the heartbeat reports it (thread-safe); nothing
  // without a <queue>, or before the thread has started it.
  struct QueueReport {
    std::string url;
    std::string last_result;
    bool live = false;  // its numbers are on screen
  };
  std::optional<QueueReport> queue_report() const;
  // The alerts source as the heartbeat reports it (thread-safe): its url
  // and last result; nothing without <alerts>, or before it has started.
  std::optional<std::pair<std::string, std::string>> alerts_report() const;

 private:
  void run();
  bool start(Measuring& m, std::unique_ptr<Player>& player);
  void round(Player& player, model::UnixSeconds second);
  void take_news(Player& player, model::UnixSeconds now);
  void start_queue();
  // The live windows' news; the call on screen, if any.
  LiveWindows::Round take_queue(Player& player, model::UnixSeconds now);
  // Outside opening hours, with blank-outside-hours.
  bool is_dark(const Player& player, model::UnixSeconds second) const;
  // The panel's power as the schedule wants it (ScreenState::panel_on).
  bool panel_wanted(const Player& player, model::UnixSeconds second) const;
  // The call on screen (and said), or the rotation's page.
  Step show(Player& player, const LiveWindows::Round& live, bool dark, bool resized,
            model::UnixSeconds now);
  // The CAP alerts (issue 20): the alerts in force join the content's
  // notices as urgent ones; offered again whenever the set in force changes.
  void start_alerts();
  void take_alerts(Player& player, model::UnixSeconds now);
  model::Content with_alerts(model::Content content, model::UnixSeconds now);
  void keep_counts(Player& player);
  void count_some(Player& player, long long second);
  void publish(ScreenState s);
  void problem(std::string line);
  void event(std::string line);

  ContentSetup setup_;
  Clocks clocks_;
  const ScreenClock& clock_;
  MeasuringFactory measuring_;

  // The content thread's own.
  std::unique_ptr<FeedFetcher> fetcher_;
  std::unique_ptr<QueueFetcher> queue_fetcher_;  // with a <queue> in the config
  LiveWindows live_;
  model::Content no_content_;  // what a call is said with before any content
  std::string call_shown_;     // the id of the call on screen; empty: none
  std::unique_ptr<AlertFetcher> alert_fetcher_;  // with an <alerts> in the config
  std::shared_ptr<const model::AlertDocument> alerts_;  // the last it could read
  // With <alerts>: the feeds' content as accepted, before the alerts join
  // it, and its version; the alerts in force it was last offered with.
  std::optional<model::Content> feeds_content_;
  std::string feeds_version_;
  std::string alerts_offered_;
  bool resized_ = false;       // the page size changed since the last round
  std::unique_ptr<class PageCountFile> page_counts_;
  std::pair<std::uint64_t, std::uint64_t> counts_kept_;
  std::vector<std::string> problems_, events_;
  bool pictures_changed_ = false;
  bool dark_ = false;                  // as last published
  bool panel_on_ = true;               // as last published
  model::UnixSeconds last_round_ = 0;  // the second of the last round

  std::atomic<bool> stop_{false};
  std::atomic<bool> ready_{false};
  std::atomic<bool> queue_news_{false};  // the queue fetcher has news: a round at once
  std::atomic<double> progress_;
  std::atomic<const FeedFetcher*> fetcher_view_{nullptr};
  std::atomic<const QueueFetcher*> queue_view_{nullptr};
  std::atomic<const AlertFetcher*> alert_view_{nullptr};
  std::atomic<bool> queue_live_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<ScreenState> state_;                // guarded by mutex_
  std::optional<std::pair<int, int>> wanted_size_;  // guarded by mutex_

  std::thread thread_;  // last: started when everything above exists
};

}  // namespace hb::app
