#include "app/content_thread.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <tuple>

#include "app/feed_acceptor.h"
#include "app/page_count_file.h"
#include "app/picture_sizes.h"
#include "schedule/alerts.h"
#include "schedule/blanking.h"
#include "schedule/notices.h"
#include "schedule/panel_power.h"

namespace hb::app {
namespace {

// How long the cached feeds may take before the waiting page goes out.
constexpr double kCacheWaitSeconds = 0.3;

// Folds a step not yet taken into the newer one: a turn is never lost to
// an update that followed it.
Step merge_steps(const Step& older, const Step& newer) {
  if (newer.change == Change::turned || older.change == Change::none) return newer;
  if (older.change == Change::turned) return older;
  return newer.change == Change::none ? older : newer;
}

// The first second after `after`, up to `upto`, at which the screen is
// dark (or lit) as `dark` says; at most an hour back.
model::UnixSeconds first_second_blank(const model::Calendar& calendar, int offset, int margin,
                                      model::UnixSeconds after, model::UnixSeconds upto,
                                      bool dark) {
  for (model::UnixSeconds t = std::max(after + 1, upto - 3600); t < upto; ++t)
    if (schedule::is_blank(calendar, t, offset, margin) == dark) return t;
  return upto;
}

// A text naming the notices: the same text, the same notices in force.
std::string notices_key(const std::vector<model::Notice>& notices) {
  std::string key;
  for (const auto& n : notices)
    key += n.id + '\x1f' + n.text + '\x1e';
  return key;
}

}  // namespace

ContentThread::ContentThread(ContentSetup setup, Clocks clocks, const ScreenClock& clock,
                             MeasuringFactory measuring)
    : setup_(std::move(setup)),
      clocks_(std::move(clocks)),
      clock_(clock),
      measuring_(std::move(measuring)),
      progress_(clocks_.steady()),
      thread_([this] { run(); }) {}

ContentThread::~ContentThread() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::optional<ScreenState> ContentThread::take() {
  const std::lock_guard lock(mutex_);
  std::optional<ScreenState> s = std::move(state_);
  state_.reset();
  return s;
}

void ContentThread::resize(int width, int height) {
  {
    const std::lock_guard lock(mutex_);
    wanted_size_ = std::make_pair(width, height);
  }
  wake_.notify_all();
}

void ContentThread::set_ready() {
  ready_ = true;
}

const FeedFetcher* ContentThread::fetcher() const {
  return fetcher_view_.load();
}

std::optional<ContentThread::QueueReport> ContentThread::queue_report() const {
  // The fetcher lives until this object's destructor has stopped the thread.
  const QueueFetcher* q = queue_view_.load();
  if (!q) return std::nullopt;
  return QueueReport{setup_.config.queue->url, q->last_result(), queue_live_.load()};
}

std::optional<std::pair<std::string, std::string>> ContentThread::alerts_report() const {
  // The fetcher lives until this object's destructor has stopped the thread.
  const AlertFetcher* a = alert_view_.load();
  if (!a) return std::nullopt;
  return std::pair{setup_.config.alerts->url, a->last_result()};
}

void ContentThread::problem(std::string line) {
  problems_.push_back(std::move(line));
}

void ContentThread::event(std::string line) {
  events_.push_back(std::move(line));
}

void ContentThread::publish(ScreenState s) {
  s.problems = std::move(problems_);
  s.events = std::move(events_);
  problems_.clear();
  events_.clear();
  s.pictures_changed = pictures_changed_;
  pictures_changed_ = false;
  const std::lock_guard lock(mutex_);
  if (state_) {
    // Not taken yet: the newer state replaces it, keeping what must not be lost.
    s.step = merge_steps(state_->step, s.step);
    if (!s.has_page && state_->has_page) {
      s.has_page = true;
      s.page = std::move(state_->page);
    }
    s.pictures_changed = s.pictures_changed || state_->pictures_changed;
    state_->problems.insert(state_->problems.end(), s.problems.begin(), s.problems.end());
    state_->events.insert(state_->events.end(), s.events.begin(), s.events.end());
    s.problems = std::move(state_->problems);
    s.events = std::move(state_->events);
  }
  state_ = std::move(s);
}

bool ContentThread::start(Measuring& m, std::unique_ptr<Player>& player) {
  m = measuring_();
  if (!m.measure) {
    ScreenState s;
    s.fatal = true;
    problem(m.error);
    publish(std::move(s));
    return false;
  }
  if (!setup_.page_counts_path.empty())
    page_counts_ = std::make_unique<PageCountFile>(setup_.page_counts_path, m.count_setup);
  if (setup_.size_from_counts && page_counts_)
    if (const auto last = page_counts_->last_size()) std::tie(setup_.width, setup_.height) = *last;
  player = std::make_unique<Player>(setup_.config.screen, setup_.config.utc_offset_minutes,
                                    *m.measure, setup_.theme, setup_.width, setup_.height);
  player->set_band(setup_.config.queue && setup_.config.queue->band);
  return true;
}

void ContentThread::run() {
  // The cached feeds are read (and checked, parsed, merged) beside the
  // fonts' opening: both take a while, and neither needs the other.
  auto making = std::async(std::launch::async, [this] {
    return std::make_unique<FeedFetcher>(setup_.config, clocks_, core_merge(setup_.config),
                                         setup_.fetching);
  });
  Measuring m;
  std::unique_ptr<Player> player;
  if (!start(m, player)) return;
  // Most halls' cached feeds take milliseconds: their first page is laid
  // out first. A large hall's take seconds: the waiting page goes out
  // meanwhile, so the drawing thread always has a page to draw.
  if (making.wait_for(std::chrono::duration<double>(kCacheWaitSeconds)) !=
      std::future_status::ready)
    round(*player, static_cast<long long>(std::floor(clock_.now())));
  fetcher_ = making.get();
  fetcher_view_ = fetcher_.get();
  // Posters are laid out at their pictures' sizes, read from what the
  // renderer draws: the fetcher's picture store.
  // Headers only, each read again only when its file's stamp changes.
  const net::PictureStore* store = &fetcher_->pictures();
  player->set_picture_sizes(picture_sizes_from(
      [store](const std::string& source) { return store->head(source, kPictureHeadBytes); },
      [store](const std::string& source) { return store->stamp(source); }, store->limits()));
  start_queue();
  start_alerts();
  long long last_second = std::numeric_limits<long long>::min();
  bool first = true;
  while (!stop_) {
    const auto second = static_cast<long long>(std::floor(clock_.now()));
    std::optional<std::pair<int, int>> size;
    {
      const std::lock_guard lock(mutex_);
      size = std::exchange(wanted_size_, std::nullopt);
    }
    if (size) {
      setup_.width = size->first;
      setup_.height = size->second;
      player->resize(size->first, size->second);
      resized_ = true;
    }
    // Without content, every look takes the news: the first feeds show at once.
    // A call is on screen within the round it arrives in, not the next second.
    const bool queue_news = queue_news_.exchange(false);
    if (second != last_second || size || !player->has_content() || queue_news) {
      last_second = second;
      round(*player, second);
      count_some(*player, second);
      if (first && player->has_content() && m.first_page_done) {
        m.first_page_done();
        first = false;
      }
    }
    progress_ = clocks_.steady();
    // Until the screen's next second (--speed makes those short), or a look.
    const double wait = std::clamp(clock_.real(static_cast<double>(second + 1) - clock_.now()), 0.0,
                                   kContentLookSeconds);
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(wait), [this] {
      return stop_.load() || wanted_size_.has_value() || queue_news_.load();
    });
  }
  fetcher_view_ = nullptr;
  queue_view_ = nullptr;
  alert_view_ = nullptr;
  queue_fetcher_.reset();  // its thread calls back into this object: stopped first
  alert_fetcher_.reset();
}

void use_ca_file(ContentSetup& setup, const std::string& ca_file) {
  setup.fetching.fetch.ca_file = ca_file;
  setup.queue_fetching.fetch.ca_file = ca_file;
  setup.alert_fetching.fetch.ca_file = ca_file;
}

void ContentThread::start_alerts() {
  if (!setup_.config.alerts) return;
  // No wake on news: the alerts are looked at every round, and a second
  // late is nothing to an alert polled every half minute.
  alert_fetcher_ = std::make_unique<AlertFetcher>(*setup_.config.alerts, clocks_,
                                                  setup_.alert_fetching, nullptr);
  alert_view_ = alert_fetcher_.get();
}

model::Content ContentThread::with_alerts(model::Content content, model::UnixSeconds now) {
  if (!alerts_) {
    alerts_offered_.clear();
    return content;
  }
  auto notices = schedule::alert_notices(*alerts_, setup_.config.alerts->area, now,
                                         setup_.config.utc_offset_minutes);
  alerts_offered_ = notices_key(notices);
  for (auto& n : notices)
    content.notices.push_back(std::move(n));
  return content;
}

void ContentThread::take_alerts(Player& player, model::UnixSeconds now) {
  if (!alert_fetcher_) return;
  auto news = alert_fetcher_->take();
  for (auto& line : news.log)
    problem("alerts: " + line);
  if (news.document) alerts_ = std::move(news.document);
  // Before any content the alerts wait for it: the waiting page shows no notices.
  if (!alerts_ || !feeds_content_) return;
  const auto now_in_force = schedule::alert_notices(*alerts_, setup_.config.alerts->area, now,
                                                    setup_.config.utc_offset_minutes);
  const std::string key = notices_key(now_in_force);
  if (key == alerts_offered_) return;
  std::string ids;
  for (const auto& n : now_in_force)
    ids += (ids.empty() ? "" : ", ") + n.id;
  event("alerts in force: " + (ids.empty() ? std::string("none") : ids));
  // An alert that comes is shown at once (it is urgent); one that goes,
  // at the next page boundary, as any content that changes.
  player.offer(with_alerts(*feeds_content_, now), now, feeds_version_);
}

void ContentThread::start_queue() {
  if (!setup_.config.queue) return;
  queue_fetcher_ = std::make_unique<QueueFetcher>(
      *setup_.config.queue, setup_.config.utc_offset_minutes, clocks_, setup_.queue_fetching, [this] {
        {
          const std::lock_guard lock(mutex_);
          queue_news_ = true;
        }
        wake_.notify_all();
      });
  queue_view_ = queue_fetcher_.get();
}

LiveWindows::Round ContentThread::take_queue(Player& player, model::UnixSeconds now) {
  if (queue_fetcher_) {
    auto news = queue_fetcher_->take();
    for (auto& line : news.log)
      problem("queue: " + line);
    live_.take(std::move(news.document), news.last_success);
  }
  auto live = live_.step(now, clocks_.steady());
  queue_live_ = live.queue != nullptr;
  if (live.queue_changed) player.set_queue(live.queue);
  return live;
}

Step ContentThread::show(Player& player, const LiveWindows::Round& live, bool dark, bool resized,
                         model::UnixSeconds now) {
  // Said even on a dark screen: the voice has its own hours (calls are
  // said up to an hour after closing, tickets taken before it).
  if (live.call_started && setup_.speaking.call) {
    const model::Content* content = player.content();
    setup_.speaking.call(*live.call, content ? *content : no_content_, now);
  }
  // No calls on a dark screen: the hall is closed.
  if (!live.call || dark) {
    call_shown_.clear();
    return player.advance(now);
  }
  // Laid out again for a new size, or when the screen wakes during a call.
  if (live.call->id == call_shown_ && !resized) return {};
  call_shown_ = live.call->id;
  return player.show_call(*live.call, now);
}

void ContentThread::take_news(Player& player, model::UnixSeconds now) {
  if (!fetcher_) return;
  auto news = fetcher_->take();
  for (auto& line : news.log)
    problem(std::move(line));
  pictures_changed_ = pictures_changed_ || news.pictures_changed;
  if (news.pictures_changed) player.pictures_changed();
  if (news.accepted.empty()) return;
  auto& accepted = news.accepted.back();
  std::string names;
  for (const auto& f : accepted.feeds)
    names += (names.empty() ? "" : ", ") + f;
  const KnownCounts* known =
      page_counts_ ? page_counts_->find(accepted.version, setup_.width, setup_.height) : nullptr;
  event(std::string(accepted.from_cache ? "content from the cache" : "new content") +
        (names.empty() ? "" : ": " + names) +
        (player.has_content() ? "; it shows from the next page" : "") +
        (known ? "; page counts from the last run" : ""));
  if (alert_fetcher_) {
    // Kept for the alerts to join again when the set in force changes.
    feeds_content_ = accepted.content;
    feeds_version_ = accepted.version;
    model::Content content = with_alerts(std::move(accepted.content), now);
    // Counts made without the alerts' notices may not be the counts with them.
    if (!alerts_offered_.empty()) known = nullptr;
    player.offer(std::move(content), now, std::move(accepted.version), known);
    return;
  }
  player.offer(std::move(accepted.content), now, std::move(accepted.version), known);
}

bool ContentThread::is_dark(const Player& player, model::UnixSeconds second) const {
  if (!setup_.blank_margin_minutes || !player.has_content()) return false;
  // With power control, an urgent notice wakes the panel, and the page
  // shows it (issue 20): a lit panel showing black would tell no one.
  if (setup_.config.display.power != "none" && player.content() &&
      schedule::urgent_since(*player.content(), second, setup_.config.utc_offset_minutes))
    return false;
  return schedule::is_blank(player.calendar(), second, setup_.config.utc_offset_minutes,
                            *setup_.blank_margin_minutes);
}

bool ContentThread::panel_wanted(const Player& player, model::UnixSeconds second) const {
  if (setup_.config.display.power == "none" || !setup_.blank_margin_minutes || !player.content())
    return true;
  return schedule::panel_on(*player.content(), player.calendar(), second,
                            setup_.config.utc_offset_minutes, *setup_.blank_margin_minutes);
}

void ContentThread::round(Player& player, model::UnixSeconds second) {
  take_news(player, second);
  take_alerts(player, second);
  const auto live = take_queue(player, second);
  const int offset = setup_.config.utc_offset_minutes;
  ScreenState s;
  player.settle(second);  // the content due now decides dark and names the windows
  s.step = show(player, live, is_dark(player, second), std::exchange(resized_, false), second);
  if (setup_.speaking.urgent && player.content())
    setup_.speaking.urgent(*player.content(), second);
  s.dark = is_dark(player, second);  // the content may have changed with the page
  const layout::Page& page = player.page();
  if (s.dark)
    s.showing.slide_type = "dark";
  else
    s.showing = {page.slide_type, page.page, page.page_count, page.item, player.version(), ""};
  s.has_content = player.has_content();
  s.width = setup_.width;
  s.height = setup_.height;
  s.second = second;
  const bool changed = s.step.change != Change::none;
  const bool dark_changed = s.dark != dark_;
  dark_ = s.dark;
  s.panel_on = panel_wanted(player, second);
  const bool panel_changed = s.panel_on != panel_on_;
  panel_on_ = s.panel_on;
  // A round a second is not always made (a loaded machine, --speed): the
  // screen went dark, or woke, at the first second it should have since
  // the last round, and proof of play says so.
  if (dark_changed && last_round_ != 0 && last_round_ + 1 < second)
    s.second = first_second_blank(player.calendar(), offset, *setup_.blank_margin_minutes,
                                  last_round_, second, s.dark);
  last_round_ = second;
  s.has_page = changed || dark_changed;
  if (s.has_page) s.page = page;
  // Counts taken from the last run are checked against the layout, one
  // slide (or item) a second while nothing else is laid out.
  if (ready_ && !changed) player.check_counts(second);
  if (ready_) keep_counts(player);
  // Nothing new: the drawing thread still hears of problems and dark time.
  if (s.has_page || panel_changed || !problems_.empty() || !events_.empty() || pictures_changed_)
    publish(std::move(s));
}

void ContentThread::count_some(Player& player, long long second) {
  // A count too large to make at once goes on in the time the second has
  // left, most of it: the next second's page comes first.
  const double left = clock_.real(static_cast<double>(second + 1) - clock_.now());
  const double until = clocks_.steady() + 0.6 * std::max(0.0, left);
  while (!stop_ && clocks_.steady() < until &&
         player.count_more(16) == ScreenPages::Counting::working) {
  }
}

void ContentThread::keep_counts(Player& player) {
  // After the first frame, never before it: for the next start.
  if (!page_counts_ || player.counts_stamp() == counts_kept_) return;
  counts_kept_ = player.counts_stamp();
  if (const auto counts = player.shown_counts())
    if (const auto error =
            page_counts_->keep(counts->version, counts->width, counts->height, counts->counts);
        !error.empty())
      problem(error);
}

}  // namespace hb::app

namespace hb::app {

std::optional<ScreenState> first_state(ContentThread& content, const Clocks& clocks,
                                       double seconds) {
  std::optional<ScreenState> first;
  const double until = clocks.steady() + seconds;
  for (;;) {
    if (auto s = content.take()) {
      if (first) {
        s->problems.insert(s->problems.begin(), first->problems.begin(), first->problems.end());
        s->events.insert(s->events.begin(), first->events.begin(), first->events.end());
        s->pictures_changed = s->pictures_changed || first->pictures_changed;
        if (!s->has_page && first->has_page) {
          s->has_page = true;
          s->page = std::move(first->page);
          s->showing = first->showing;
          s->has_content = first->has_content;
        }
      }
      first = std::move(s);
      if (first->fatal || (first->has_page && first->has_content)) return first;
    }
    if (clocks.steady() >= until) return first;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace hb::app
