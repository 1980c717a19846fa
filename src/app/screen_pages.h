// The pages one screen shows: the playlist laid out at the screen's size,
// counted for the rotation, and kept while the state they were laid out
// for holds. Shared by `plan`, `render` and `run`, so all three agree.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "layout/pages.h"
#include "model/content.h"
#include "model/player_config.h"
#include "schedule/screen.h"

namespace hb::app {

class ScreenPages {
 public:
  // `content` must outlive this object; the layout measures with `measure`.
  ScreenPages(const model::Content& content, const std::string& screen, int utc_offset_minutes,
              const layout::TextMeasurer& measure, layout::Theme theme, int width, int height);
  ScreenPages(const ScreenPages&) = delete;
  ScreenPages& operator=(const ScreenPages&) = delete;

  // The rotation for this content (page counts from the real layout); the
  // plan refers to this object, which must outlive it.
  schedule::ScreenPlan plan(model::UnixSeconds content_since);

  // The page `ref` names, laid out as of t; nothing when the slide has no
  // such page any more. The urgent stretch (one PageRef) is split evenly
  // among the urgent pages: see urgent_page().
  std::optional<layout::Page> page(const schedule::PageRef& ref, model::UnixSeconds t);
  layout::Page waiting(const std::string& message, model::UnixSeconds t);

  // The urgent notices in force at t: how many pages, and which of them an
  // urgent PageRef shows at t.
  int urgent_count(model::UnixSeconds t);
  int urgent_page(const schedule::PageRef& ref, model::UnixSeconds t);

  const model::Playlist* playlist() const { return playlist_; }
  int utc_offset_minutes() const { return offset_; }
  const model::Calendar& calendar() const { return calendar_; }

 private:
  // A slide's pages change only with the day, open or closed, and the
  // notices in force, so they are counted once for each such state.
  using CountKey = std::tuple<std::string, int, int, std::int64_t, bool, model::UnixSeconds>;
  using PagesKey = std::tuple<std::string, int, int, std::string, model::UnixSeconds>;

  schedule::SlidePages count(const model::Slide& slide, model::UnixSeconds t);
  const std::vector<layout::Page>& pages(const model::Slide& slide, const std::string& item,
                                         model::UnixSeconds t);

  const model::Content& content_;
  std::string screen_;
  int offset_;
  const model::Playlist* playlist_;
  model::Calendar calendar_;
  layout::PageLayout layout_;
  std::map<CountKey, schedule::SlidePages> counted_;
  std::map<std::pair<std::int64_t, model::UnixSeconds>, int> urgent_counted_;
  // Pages laid out during one minute (the header's clock changes with it).
  std::int64_t laid_out_minute_ = -1;
  std::map<PagesKey, std::vector<layout::Page>> laid_out_;
};

// The page size for a config's display: turned screens are laid out upright.
std::pair<int, int> upright_size(const model::PlayerConfig& config);

}  // namespace hb::app
