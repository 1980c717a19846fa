// The pages one screen shows: the playlist laid out at the screen's size,
// counted for the rotation, and kept while the state they were laid out
// for holds. Shared by `plan`, `render` and `run`, so all three agree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "layout/pages.h"
#include "model/content.h"
#include "model/player_config.h"
#include "schedule/screen.h"

namespace hb::app {

// Page counts as a ScreenPages keeps them, with slides named by their place
// in the playlist: what a restart with the same content, fonts, theme and
// screen may take instead of laying every slide out again
// (page_count_file.h).
struct KnownCounts {
  struct Slide {
    int slide = 0;  // index into the playlist's slides
    std::int64_t day = 0;
    bool open = false;
    model::UnixSeconds notice_change = 0;
    schedule::SlidePages pages;
  };
  struct Urgent {
    std::int64_t day = 0;
    model::UnixSeconds notice_change = 0;
    int pages = 1;
  };
  std::vector<Slide> slides;
  std::vector<Urgent> urgent;
};

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

  // The queue document pages are laid out with from now on (the windows
  // slide's numbers); nothing while there is none or the source is silent.
  // It must outlive its use here. Pages laid out before are dropped: they
  // may show numbers that are no longer true. Cheap (called at every queue
  // document): page counts are kept, since no count depends on the
  // numbers, unless the live numbers come or go.
  void set_queue(const model::QueueDocument* queue);
  // The call whose strip every page shows (render --queue); nothing: none.
  // Set it before the plan counts pages: the strip takes room.
  void set_call(const model::QueueCall* call);
  // The window band on every page (<queue band="bottom">). The band takes
  // room: a change drops the page counts made so far.
  void set_band(bool on);
  // How poster pictures' sizes are told (null: they are not, and posters
  // show their alt text). It must outlive its use here. Pages laid out
  // before are dropped; counts stay (a poster has a page a picture
  // whatever their sizes). Set it again when pictures have changed.
  void set_picture_sizes(const layout::PictureSizes* sizes);
  // The page of a call that pre-empts the page on screen at t.
  layout::Page call(const model::QueueCall& call, model::UnixSeconds t);

  // The urgent notices in force at t: how many pages, and which of them an
  // urgent PageRef shows at t.
  int urgent_count(model::UnixSeconds t);
  int urgent_page(const schedule::PageRef& ref, model::UnixSeconds t);

  // The counts made so far, and counts made before (by a run with the same
  // setup) to use instead of laying out; entries that do not fit this
  // content's playlist are ignored. A count taken in is checked whenever
  // its slide is laid out to be shown, and corrected if it was wrong.
  KnownCounts known_counts() const;
  void take_counts(const KnownCounts& known);
  // Lays out one slide (or one item of a rotating item slide) whose count
  // was taken in and holds at t but has not been laid out since, and mends
  // the count if it was wrong: a count too small is never shown, so never
  // checked otherwise. False when there is nothing left to check at t.
  bool check_taken_count(model::UnixSeconds t);
  // Grows whenever a count is made or corrected: time to remember them.
  std::uint64_t count_changes() const { return count_changes_; }

  // With this on (the live screen; plan and render count at once), a
  // rotating item slide of more items than kItemsCountedAtOnce is not
  // counted at once: until count_more() has laid every item out, each item
  // counts as one page (its first page is what the screen shows of it
  // meanwhile), so the first page of a hall of any size is out in
  // milliseconds.
  void count_in_parts(bool on) { in_parts_ = on; }
  static constexpr std::size_t kItemsCountedAtOnce = 300;
  enum class Counting {
    idle,      // every count in use is complete
    working,   // items are left to count
    finished,  // a count was just completed: the rotation has its real lengths now
  };
  // Lays out up to `items` more items of the count in progress.
  Counting count_more(std::size_t items);

  const model::Playlist* playlist() const { return playlist_; }
  int utc_offset_minutes() const { return offset_; }
  const model::Calendar& calendar() const { return calendar_; }

 private:
  // A slide's pages change only with the day, open or closed, and the
  // notices in force, so they are counted once for each such state.
  using CountKey = std::tuple<std::string, int, int, std::int64_t, bool, model::UnixSeconds>;
  using UrgentKey = std::pair<std::int64_t, model::UnixSeconds>;
  using PagesKey = std::tuple<std::string, int, int, std::string, model::UnixSeconds>;

  layout::Moment moment(model::UnixSeconds t) const;
  // Every count and laid-out page: the room on the pages has changed.
  void forget_counts();
  schedule::SlidePages count(const model::Slide& slide, model::UnixSeconds t);
  CountKey count_key(const model::Slide& slide, model::UnixSeconds t) const;
  UrgentKey urgent_key(model::UnixSeconds t) const;
  // A slide (of an item) laid out at t had `laid_out` pages: the count must agree.
  void check_count(const model::Slide& slide, const std::string& item, model::UnixSeconds t,
                   int laid_out);
  const std::vector<layout::Page>& pages(const model::Slide& slide, const std::string& item,
                                         model::UnixSeconds t);

  // A rotating item slide's count in progress (see count_more).
  struct CountJob {
    CountKey key;
    const model::Slide* slide = nullptr;
    model::UnixSeconds t = 0;
    schedule::SlidePages pages;
  };

  const model::Content& content_;
  std::string screen_;
  int offset_;
  const model::Playlist* playlist_;
  model::Calendar calendar_;
  layout::PageLayout layout_;
  const model::QueueDocument* queue_ = nullptr;
  const model::QueueCall* call_ = nullptr;
  bool band_ = false;
  const layout::PictureSizes* picture_sizes_ = nullptr;
  std::map<CountKey, schedule::SlidePages> counted_;
  // Counts taken in and not laid out since: the slide's key and the item's
  // place in a rotating item slide (-1: the slide's own count).
  std::set<std::pair<CountKey, int>> unchecked_;
  std::map<UrgentKey, int> urgent_counted_;
  std::optional<CountJob> job_;
  bool in_parts_ = false;
  std::uint64_t count_changes_ = 0;
  // Pages laid out during one minute (the header's clock changes with it).
  std::int64_t laid_out_minute_ = -1;
  std::map<PagesKey, std::vector<layout::Page>> laid_out_;
};

// The page size for a config's display: turned screens are laid out upright.
std::pair<int, int> upright_size(const model::PlayerConfig& config);

}  // namespace hb::app
