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

schedule::SlidePages ScreenPages::count(const model::Slide& s, model::UnixSeconds t) {
  CountKey key{s.where.file,
               s.where.line,
               s.where.column,
               model::days_from_civil(schedule::to_local(t, offset_).date),
               schedule::is_open(calendar_, t, offset_),
               schedule::next_notice_change(content_, t, offset_).value_or(0)};
  // States only move forward on a running screen: forget the old ones.
  if (counted_.size() > 256) counted_.clear();
  auto [it, fresh] = counted_.try_emplace(std::move(key));
  if (fresh) it->second = layout_.count(layout::moment_for(content_, offset_, t), s);
  return it->second;
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
  if (fresh) it->second = layout_.slide(layout::moment_for(content_, offset_, t), s, item);
  return it->second;
}

int ScreenPages::urgent_count(model::UnixSeconds t) {
  const std::pair<std::int64_t, model::UnixSeconds> key{
      model::days_from_civil(schedule::to_local(t, offset_).date),
      schedule::next_notice_change(content_, t, offset_).value_or(0)};
  if (urgent_counted_.size() > 256) urgent_counted_.clear();
  auto [it, fresh] = urgent_counted_.try_emplace(key);
  if (fresh)
    it->second = std::max<int>(
        1, static_cast<int>(layout_.urgent_pages(layout::moment_for(content_, offset_, t)).size()));
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
    auto all = layout_.urgent_pages(layout::moment_for(content_, offset_, t));
    if (all.empty()) return layout_.urgent(layout::moment_for(content_, offset_, t));
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
                         layout::moment_for(content_, offset_, t));
}

std::pair<int, int> upright_size(const model::PlayerConfig& config) {
  int width = config.display.given ? config.display.width : 1920;
  int height = config.display.given ? config.display.height : 1080;
  if (config.display.rotate == 90 || config.display.rotate == 270) std::swap(width, height);
  return {width, height};
}

}  // namespace hb::app
