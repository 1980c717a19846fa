#include "app/player.h"

#include <tuple>

#include "schedule/calendar.h"
#include "schedule/local_time.h"
#include "schedule/notices.h"
#include "schedule/screen.h"
#include "schedule/slide_schedule.h"

namespace hb::app {
namespace {

// The longest the rotation lags the clock after calls (see lag_ok).
constexpr model::UnixSeconds kMaxLagSeconds = 3600;

// Whether the rotation may still be `lag` seconds behind t: only while the
// lagging instant is in the state t is in (the same day, open or closed,
// the same notices in force), so calls never keep yesterday's slides, the
// open hall's slides after closing, or a withdrawn notice on screen. Once
// it may not, the rotation catches up with the clock at once.
bool lag_ok(const model::Content& content, const model::Playlist* playlist,
            const model::Calendar& calendar, int offset, model::UnixSeconds t,
            model::UnixSeconds lag) {
  if (lag <= 0 || lag > kMaxLagSeconds) return false;
  const model::UnixSeconds then = t - lag;
  // Nor a slide that has left its `between` hours (or one not yet come).
  if (playlist && schedule::slides_in_force(*playlist, then, offset) !=
                      schedule::slides_in_force(*playlist, t, offset))
    return false;
  return schedule::to_local(then, offset).date == schedule::to_local(t, offset).date &&
         schedule::is_open(calendar, then, offset) == schedule::is_open(calendar, t, offset) &&
         schedule::next_notice_change(content, then, offset) ==
             schedule::next_notice_change(content, t, offset) &&
         !schedule::urgent_since(content, t, offset);
}

}  // namespace

struct Player::Shown {
  model::Content content;
  model::UnixSeconds since = 0;
  std::unique_ptr<ScreenPages> pages;
  schedule::ScreenPlan plan;
  std::string version;
};

Player::Player(std::string screen, int utc_offset_minutes, const layout::TextMeasurer& measure,
               layout::Theme theme, int width, int height)
    : screen_(std::move(screen)),
      offset_(utc_offset_minutes),
      measure_(measure),
      theme_(std::move(theme)),
      width_(width),
      height_(height),
      empty_pages_(make_pages(empty_)) {}

std::unique_ptr<ScreenPages> Player::make_pages(const model::Content& content) const {
  auto pages =
      std::make_unique<ScreenPages>(content, screen_, offset_, measure_, theme_, width_, height_);
  pages->count_in_parts(true);
  pages->set_band(band_);
  pages->set_queue(queue_);
  pages->set_picture_sizes(&picture_sizes_);
  return pages;
}

void Player::set_picture_sizes(layout::PictureSizes sizes) {
  picture_sizes_ = std::move(sizes);
  pictures_changed();
}

void Player::pictures_changed() {
  for (auto* s : {shown_.get(), pending_.get()})
    if (s) s->pages->set_picture_sizes(&picture_sizes_);
}

Player::~Player() = default;

std::unique_ptr<Player::Shown> Player::make_shown(model::Content content,
                                                  model::UnixSeconds since) const {
  auto s = std::make_unique<Shown>();
  s->content = std::move(content);
  s->since = since;
  // The pages refer to the content where it now lives, inside Shown.
  s->pages = make_pages(s->content);
  s->plan = s->pages->plan(since);
  return s;
}

const model::Calendar& Player::calendar() const {
  return shown_ ? shown_->pages->calendar() : empty_pages_->calendar();
}

void Player::offer(model::Content content, model::UnixSeconds arrived, std::string version,
                   const KnownCounts* known) {
  pending_ = make_shown(std::move(content), arrived);
  pending_->version = std::move(version);
  if (known) pending_->pages->take_counts(*known);
}

std::optional<Player::ShownCounts> Player::shown_counts() const {
  if (!shown_) return std::nullopt;
  return ShownCounts{shown_->version, width_, height_, shown_->pages->known_counts()};
}

std::pair<std::uint64_t, std::uint64_t> Player::counts_stamp() const {
  return {swaps_, shown_ ? shown_->pages->count_changes() : 0};
}

std::string Player::version() const {
  return shown_ ? shown_->version : std::string();
}

void Player::resize(int width, int height) {
  if (width == width_ && height == height_) return;
  width_ = width;
  height_ = height;
  empty_pages_ = make_pages(empty_);
  for (auto* s : {shown_.get(), pending_.get()}) {
    if (!s) continue;
    s->pages = make_pages(s->content);
    s->plan = s->pages->plan(s->since);
  }
  ++swaps_;
  drawn_ = false;
}

bool Player::should_swap(model::UnixSeconds t) const {
  if (!pending_) return false;
  if (!shown_ || !ref_ || t >= ref_->end) return true;
  const bool urgent_now = schedule::urgent_since(pending_->content, t, offset_).has_value();
  return urgent_now && !ref_->urgent;
}

bool Player::check_counts(model::UnixSeconds t) {
  return shown_ && shown_->pages->check_taken_count(t);
}

ScreenPages::Counting Player::count_more(std::size_t items) {
  if (!shown_) return ScreenPages::Counting::idle;
  const auto r = shown_->pages->count_more(items);
  if (r == ScreenPages::Counting::finished) settling_ = true;
  return r;
}

std::optional<schedule::PageRef> Player::ref_at(model::UnixSeconds t) {
  if (lag_ != 0 &&
      !(shown_ && lag_ok(shown_->content, shown_->plan.playlist, calendar(), offset_, t, lag_)))
    lag_ = 0;
  auto ref = rotation_at(t - lag_);
  if (ref && lag_ != 0) {
    ref->start += lag_;
    ref->end += lag_;
  }
  return ref;
}

std::optional<schedule::PageRef> Player::rotation_at(model::UnixSeconds t) const {
  std::optional<schedule::PageRef> ref;
  if (shown_) ref = schedule::page_on_screen(shown_->plan, t);
  if (ref && ref->urgent) {
    ref->page = shown_->pages->urgent_page(*ref, t);
    ref->page_count = shown_->pages->urgent_count(t);
  }
  return ref;
}

void Player::set_band(bool on) {
  band_ = on;
  empty_pages_->set_band(on);
  for (auto* s : {shown_.get(), pending_.get()})
    if (s) {
      s->pages->set_band(on);
      s->plan = s->pages->plan(s->since);
    }
}

void Player::set_queue(const model::QueueDocument* queue) {
  queue_ = queue;
  ++queue_changes_;
  empty_pages_->set_queue(queue);
  for (auto* s : {shown_.get(), pending_.get()})
    if (s) s->pages->set_queue(queue);
}

const model::Content* Player::content() const {
  return shown_ ? &shown_->content : nullptr;
}

void Player::settle(model::UnixSeconds t) {
  // The first content goes on screen even during a call: it names the
  // hall and decides whether the screen is dark.
  if (!held_since_ || !shown_) swap_if_due(t);
}

void Player::swap_if_due(model::UnixSeconds t) {
  if (!should_swap(t)) return;
  shown_ = std::move(pending_);
  ++swaps_;
  settling_ = false;
  lag_ = 0;  // new content starts its rotation from the clock
}

Step Player::show_call(const model::QueueCall& call, model::UnixSeconds t) {
  // The first content, or content that waited for a page boundary while
  // the call cuts the page short, shows its hall on the call page too.
  settle(t);
  page_ = (shown_ ? shown_->pages : empty_pages_)->call(call, t);
  if (!held_since_) held_since_ = t;
  drawn_ = false;  // whatever comes after the call is drawn anew
  return {Change::turned, model::Transition::none};
}

void Player::end_hold(model::UnixSeconds t) {
  if (!held_since_) return;
  const model::UnixSeconds held = std::max<model::UnixSeconds>(0, t - *held_since_);
  lag_ += held;
  held_since_.reset();
  // The page cut short keeps its lost time even while it stands in for
  // the rotation (settling_).
  if (ref_) {
    ref_->start += held;
    ref_->end += held;
  }
}

bool Player::shows_numbers(const std::optional<schedule::PageRef>& ref) const {
  // Live numbers are on the band of every page, or on the windows slide.
  if (band_) return true;
  if (!ref || ref->urgent || ref->slide < 0 || !shown_ || !shown_->pages->playlist()) return false;
  return shown_->pages->playlist()->slides[static_cast<std::size_t>(ref->slide)].type ==
         model::SlideType::windows;
}

Step Player::advance(model::UnixSeconds t) {
  end_hold(t);
  swap_if_due(t);
  std::optional<schedule::PageRef> ref = ref_at(t);
  if (settling_) {
    if (ref && ref_ && !ref->urgent && !ref_->urgent && t < ref_->end)
      ref = ref_;
    else
      settling_ = false;
  }
  const auto on_screen = [this](const std::optional<schedule::PageRef>& r) {
    return drawn_ && r.has_value() == ref_.has_value() &&
           (!r || (r->urgent == ref_->urgent && r->slide == ref_->slide && r->page == ref_->page &&
                   r->item == ref_->item && r->start == ref_->start));
  };
  bool same_page = on_screen(ref);
  const model::Content& content = shown_ ? shown_->content : empty_;
  const std::tuple<std::int64_t, model::UnixSeconds, const void*, std::uint64_t> state{
      (t - ((t % 60) + 60) % 60) / 60,
      schedule::next_notice_change(content, t, offset_).value_or(0), shown_.get(),
      shows_numbers(ref) ? queue_changes_ : 0};
  if (same_page && state == laid_out_for_) {
    ref_ = ref;  // the end may move with a notice change
    return {};
  }
  std::optional<layout::Page> laid_out;
  if (ref) {
    const auto changes = shown_->pages->count_changes();
    laid_out = shown_->pages->page(*ref, t);
    if (!laid_out && shown_->pages->count_changes() != changes) {
      // The page was past the end of a slide whose remembered count laying
      // it out has just mended: the page the mended rotation has now.
      ref = ref_at(t);
      same_page = on_screen(ref);
      if (ref) laid_out = shown_->pages->page(*ref, t);
    }
  }
  if (!laid_out) {
    ref.reset();
    laid_out = (shown_ ? shown_->pages : empty_pages_)
                   ->waiting(shown_ ? "暂无可显示的内容" : "正在载入内容", t);
  }
  page_ = std::move(*laid_out);
  ref_ = ref;
  laid_out_for_ = state;
  const bool first = !drawn_;
  drawn_ = true;
  if (same_page) return {Change::updated, model::Transition::none};
  const model::Playlist* playlist = shown_ ? shown_->pages->playlist() : nullptr;
  return {Change::turned, first || !playlist ? model::Transition::none : playlist->transition};
}

}  // namespace hb::app
