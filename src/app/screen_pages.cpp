#include "app/screen_pages.h"

#include <algorithm>

#include "schedule/calendar.h"
#include "schedule/local_time.h"
#include "schedule/notices.h"
#include "schedule/playlist.h"

namespace hb::app {

ScreenPages::ScreenPages(const model::Content& content, const std::string& screen,
                         int utc_offset_minutes, const layout::TextMeasurer& measure,
                         layout::Theme theme, int width, int height)
    : content_(content),
      screen_(screen),
      offset_(utc_offset_minutes),
      playlist_(schedule::select_playlist(content, screen)),
      calendar_(content.calendar ? *content.calendar : model::default_calendar()),
      layout_(measure, std::move(theme), width, height) {}

layout::Moment ScreenPages::moment(model::UnixSeconds t) const {
  layout::Moment m = layout::moment_for(content_, offset_, t);
  m.queue = queue_;
  m.call = call_;
  m.band = band_;
  m.picture_sizes = picture_sizes_;
  return m;
}

void ScreenPages::set_picture_sizes(const layout::PictureSizes* sizes) {
  picture_sizes_ = sizes;
  laid_out_.clear();
}

void ScreenPages::set_queue(const model::QueueDocument* queue) {
  // New numbers change no page count (rows and the band keep their
  // heights), so counts stay: this runs at every queue document. Live or
  // not changes the windows slide's columns and heading: counted again.
  if ((queue == nullptr) != (queue_ == nullptr)) forget_counts();
  queue_ = queue;
  laid_out_.clear();
}

void ScreenPages::set_call(const model::QueueCall* call) {
  call_ = call;
  forget_counts();
}

void ScreenPages::set_band(bool on) {
  if (on == band_) return;
  band_ = on;
  forget_counts();  // the band takes room from every page
}

void ScreenPages::forget_counts() {
  laid_out_.clear();
  counted_.clear();
  unchecked_.clear();
  urgent_counted_.clear();
  job_.reset();
}

layout::Page ScreenPages::call(const model::QueueCall& call, model::UnixSeconds t) {
  return layout_.call(moment(t), call);
}

schedule::ScreenPlan ScreenPages::plan(model::UnixSeconds content_since) {
  schedule::ScreenPlan p;
  p.content = &content_;
  p.playlist = playlist_;
  p.utc_offset_minutes = offset_;
  p.content_since = content_since;
  p.pages = [this](const model::Slide& s, model::UnixSeconds t) { return count(s, t); };
  p.urgent_pages = [this](model::UnixSeconds t) { return urgent_count(t); };
  return p;
}

ScreenPages::CountKey ScreenPages::count_key(const model::Slide& s, model::UnixSeconds t) const {
  return {s.where.file,
          s.where.line,
          s.where.column,
          model::days_from_civil(schedule::to_local(t, offset_).date),
          schedule::is_open(calendar_, t, offset_),
          schedule::next_notice_change(content_, t, offset_).value_or(0)};
}

schedule::SlidePages ScreenPages::count(const model::Slide& s, model::UnixSeconds t) {
  // States only move forward on a running screen: forget the old ones.
  if (counted_.size() > 256) {
    counted_.clear();
    unchecked_.clear();
    job_.reset();
  }
  auto [it, fresh] = counted_.try_emplace(count_key(s, t));
  if (!fresh) return it->second;
  if (in_parts_ && schedule::is_rotating_item_slide(s) &&
      content_.items.size() > kItemsCountedAtOnce) {
    // One page each until count_more() knows better; a newer state's count
    // replaces one in progress (states only move forward). Not a count to
    // keep (known_counts leaves it out), so nothing to remember yet.
    it->second.per_item.assign(content_.items.size(), 1);
    job_ = CountJob{it->first, &s, t, {}};
    return it->second;
  }
  ++count_changes_;
  it->second = layout_.count(moment(t), s);
  return it->second;
}

ScreenPages::Counting ScreenPages::count_more(std::size_t items) {
  if (!job_) return Counting::idle;
  const layout::Moment m = moment(job_->t);
  auto& counted = job_->pages.per_item;
  for (std::size_t n = 0; n < items && counted.size() < content_.items.size(); ++n)
    counted.push_back(
        static_cast<int>(layout_.slide(m, *job_->slide, content_.items[counted.size()].id).size()));
  if (counted.size() < content_.items.size()) return Counting::working;
  // Forgotten meanwhile (the states moved on): nothing to complete.
  if (const auto it = counted_.find(job_->key); it != counted_.end()) {
    it->second = std::move(job_->pages);
    ++count_changes_;
  }
  job_.reset();
  return Counting::finished;
}

void ScreenPages::check_count(const model::Slide& s, const std::string& item, model::UnixSeconds t,
                              int laid_out) {
  const CountKey key = count_key(s, t);
  const auto it = counted_.find(key);
  if (it == counted_.end()) return;
  int* counted = nullptr;
  int place = -1;
  if (schedule::is_rotating_item_slide(s)) {
    const auto& items = content_.items;
    const auto found = std::find_if(items.begin(), items.end(),
                                    [&item](const model::Item& i) { return i.id == item; });
    place = static_cast<int>(found - items.begin());
    if (static_cast<std::size_t>(place) < it->second.per_item.size())
      counted = &it->second.per_item[static_cast<std::size_t>(place)];
  } else if (item == s.item) {
    counted = &it->second.pages;
  }
  unchecked_.erase({key, place});
  // A count in progress holds one page an item until it is complete: mended
  // item by item, the rotation would move at every page.
  if (job_ && job_->key == key) return;
  if (!counted || *counted == laid_out) return;
  *counted = laid_out;
  ++count_changes_;
}

KnownCounts ScreenPages::known_counts() const {
  KnownCounts k;
  if (!playlist_) return k;
  for (const auto& [key, pages] : counted_) {
    // One page an item, until its count in parts is complete: not a count.
    if (job_ && job_->key == key) continue;
    const auto& slides = playlist_->slides;
    for (std::size_t i = 0; i < slides.size(); ++i) {
      const auto& w = slides[i].where;
      if (w.file != std::get<0>(key) || w.line != std::get<1>(key) || w.column != std::get<2>(key))
        continue;
      k.slides.push_back(
          {static_cast<int>(i), std::get<3>(key), std::get<4>(key), std::get<5>(key), pages});
      break;
    }
  }
  for (const auto& [key, pages] : urgent_counted_)
    k.urgent.push_back({key.first, key.second, pages});
  return k;
}

bool ScreenPages::check_taken_count(model::UnixSeconds t) {
  if (!playlist_) return false;
  const auto state = std::tuple{model::days_from_civil(schedule::to_local(t, offset_).date),
                                schedule::is_open(calendar_, t, offset_),
                                schedule::next_notice_change(content_, t, offset_).value_or(0)};
  for (auto entry = unchecked_.begin(); entry != unchecked_.end(); ++entry) {
    const auto [key, place] = *entry;
    if (std::tuple{std::get<3>(key), std::get<4>(key), std::get<5>(key)} != state) continue;
    unchecked_.erase(entry);  // checked now, whatever becomes of it
    for (const auto& s : playlist_->slides) {
      if (s.where.file != std::get<0>(key) || s.where.line != std::get<1>(key) ||
          s.where.column != std::get<2>(key))
        continue;
      const std::string item =
          place < 0 ? s.item : content_.items.at(static_cast<std::size_t>(place)).id;
      const auto pages = layout_.slide(moment(t), s, item);
      check_count(s, item, t, static_cast<int>(pages.size()));
      break;
    }
    return true;
  }
  return false;
}

void ScreenPages::take_counts(const KnownCounts& known) {
  if (!playlist_) return;
  const auto& slides = playlist_->slides;
  for (const auto& k : known.slides) {
    if (k.slide < 0 || static_cast<std::size_t>(k.slide) >= slides.size()) continue;
    const model::Slide& s = slides[static_cast<std::size_t>(k.slide)];
    // A rotating item slide counts every item, in order; anything else is one count.
    if (schedule::is_rotating_item_slide(s) ? k.pages.per_item.size() != content_.items.size()
                                            : !k.pages.per_item.empty())
      continue;
    const CountKey key{s.where.file, s.where.line, s.where.column, k.day, k.open, k.notice_change};
    counted_.insert_or_assign(key, k.pages);
    if (k.pages.per_item.empty()) unchecked_.insert({key, -1});
    for (std::size_t i = 0; i < k.pages.per_item.size(); ++i)
      unchecked_.insert({key, static_cast<int>(i)});
  }
  for (const auto& u : known.urgent)
    urgent_counted_.insert_or_assign({u.day, u.notice_change}, std::max(1, u.pages));
}

const std::vector<layout::Page>& ScreenPages::pages(const model::Slide& s, const std::string& item,
                                                    model::UnixSeconds t) {
  const std::int64_t minute = (t - ((t % 60) + 60) % 60) / 60;
  if (minute != laid_out_minute_) {
    laid_out_.clear();
    laid_out_minute_ = minute;
  }
  auto [it, fresh] = laid_out_.try_emplace(
      PagesKey{s.where.file, s.where.line, s.where.column, item,
               schedule::next_notice_change(content_, t, offset_).value_or(0)});
  if (fresh) {
    it->second = layout_.slide(moment(t), s, item);
    check_count(s, item, t, static_cast<int>(it->second.size()));
  }
  return it->second;
}

ScreenPages::UrgentKey ScreenPages::urgent_key(model::UnixSeconds t) const {
  return {model::days_from_civil(schedule::to_local(t, offset_).date),
          schedule::next_notice_change(content_, t, offset_).value_or(0)};
}

int ScreenPages::urgent_count(model::UnixSeconds t) {
  if (urgent_counted_.size() > 256) urgent_counted_.clear();
  auto [it, fresh] = urgent_counted_.try_emplace(urgent_key(t));
  if (fresh) {
    it->second = std::max<int>(
        1, static_cast<int>(layout_.urgent_pages(moment(t)).size()));
    ++count_changes_;
  }
  return it->second;
}

int ScreenPages::urgent_page(const schedule::PageRef& ref, model::UnixSeconds t) {
  const int n = urgent_count(t);
  const auto length = ref.end - ref.start;
  if (n <= 1 || length <= 0 || t < ref.start) return 0;
  return static_cast<int>(std::min<model::UnixSeconds>(n - 1, (t - ref.start) * n / length));
}

std::optional<layout::Page> ScreenPages::page(const schedule::PageRef& ref, model::UnixSeconds t) {
  if (ref.urgent) {
    auto all = layout_.urgent_pages(moment(t));
    // A remembered count must agree with the pages as laid out.
    const int laid_out = std::max<int>(1, static_cast<int>(all.size()));
    if (const auto it = urgent_counted_.find(urgent_key(t));
        it != urgent_counted_.end() && it->second != laid_out) {
      it->second = laid_out;
      ++count_changes_;
    }
    if (all.empty()) return layout_.urgent(moment(t));
    const auto i =
        static_cast<std::size_t>(std::clamp(ref.page, 0, static_cast<int>(all.size()) - 1));
    return std::move(all[i]);
  }
  if (!playlist_ || ref.slide < 0 || ref.slide >= static_cast<int>(playlist_->slides.size()))
    return std::nullopt;
  const auto& all = pages(playlist_->slides[static_cast<std::size_t>(ref.slide)], ref.item, t);
  if (ref.page < 0 || ref.page >= static_cast<int>(all.size())) return std::nullopt;
  return all[static_cast<std::size_t>(ref.page)];
}

layout::Page ScreenPages::waiting(const std::string& message, model::UnixSeconds t) {
  return layout_.waiting(screen_.empty() ? "*" : screen_, message,
                         moment(t));
}

std::pair<int, int> upright_size(const model::PlayerConfig& config) {
  int width = config.display.given ? config.display.width : 1920;
  int height = config.display.given ? config.display.height : 1080;
  if (config.display.rotate == 90 || config.display.rotate == 270) std::swap(width, height);
  return {width, height};
}

}  // namespace hb::app
