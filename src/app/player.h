// What the screen shows from moment to moment: the content on screen, the
// content waiting to replace it, and the page in view. Time comes in as a
// parameter, so a test can run a day through it in a second.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/screen_pages.h"
#include "layout/display_list.h"
#include "model/content.h"
#include "model/queue.h"
#include "schedule/rotation.h"

namespace hb::app {

enum class Change {
  none,     // the same page, unchanged: nothing to draw
  updated,  // the same page laid out anew (the clock, duty, new content): redraw in place
  turned,   // another page: draw it with the playlist's transition
};

struct Step {
  Change change = Change::none;
  model::Transition transition = model::Transition::none;
};

class Player {
 public:
  Player(std::string screen, int utc_offset_minutes, const layout::TextMeasurer& measure,
         layout::Theme theme, int width, int height);
  ~Player();

  // New valid content, arrived at `arrived`. It replaces what is on screen at
  // the next page boundary, so no page is cut short, except that an urgent
  // notice it brings is shown at once.
  // `version` names this content (a fingerprint of its feeds) for proof
  // of play; version() says which is on screen. `known`: page counts a
  // run before made of the same content at this size (see shown_counts()),
  // taken instead of laying every slide out.
  void offer(model::Content content, model::UnixSeconds arrived, std::string version = {},
             const KnownCounts* known = nullptr);
  std::string version() const;

  // The page counts of the content on screen, for the next run to start
  // from; nothing without content. counts_stamp() changes whenever they may
  // have (new content, another size, a count made or corrected).
  struct ShownCounts {
    std::string version;
    int width = 0, height = 0;
    KnownCounts counts;
  };
  std::optional<ShownCounts> shown_counts() const;
  // Checks one count taken from the last run against the layout (see
  // ScreenPages::check_taken_count); false when none is left to check.
  bool check_counts(model::UnixSeconds t);
  std::pair<std::uint64_t, std::uint64_t> counts_stamp() const;

  // Goes on with a count too large to make at once (ScreenPages::count_more);
  // once it is complete, the page on screen keeps its time before the
  // rotation moves to the real lengths.
  ScreenPages::Counting count_more(std::size_t items);

  Step advance(model::UnixSeconds t);

  // Lays everything out again for a screen of another size (the window was
  // resized or moved to another display); the next advance() turns to the page.
  void resize(int width, int height);

  // The live windows (叫号联动, issue 19). The band of windows on every
  // page (<queue band="bottom">): set before content is offered, since it
  // takes room from every slide.
  void set_band(bool on);
  // The queue document the windows slide and the band show from now on;
  // nothing while the source is silent. It must outlive its use here. The
  // page on screen is laid out anew at the next advance() if it shows it.
  void set_queue(const model::QueueDocument* queue);
  // How poster pictures' sizes are told (app/picture_sizes.h); set before
  // content is offered. pictures_changed(): pictures were fetched anew, so
  // pages laid out before are laid out again when next shown.
  void set_picture_sizes(layout::PictureSizes sizes);
  void pictures_changed();
  // A call pre-empts the page on screen: its page is laid out as of t and
  // the rotation holds still until the next advance(), which goes on where
  // the rotation was (the page cut short gets back the time it lost).
  Step show_call(const model::QueueCall& call, model::UnixSeconds t);
  // Content offered and due at t (the first, or at a page boundary, or
  // bringing an urgent notice) goes on screen now rather than at the next
  // advance(), so what is judged and said this second uses it; nothing
  // while a call holds the rotation.
  void settle(model::UnixSeconds t);
  // The content on screen; nothing before the first.
  const model::Content* content() const;

  const layout::Page& page() const { return page_; }
  // The rotation's page on screen (nothing: the waiting page).
  const std::optional<schedule::PageRef>& page_ref() const { return ref_; }
  bool has_content() const { return shown_ != nullptr; }
  // The calendar of the content on screen (the format's default without one).
  const model::Calendar& calendar() const;

 private:
  struct Shown;
  std::unique_ptr<ScreenPages> make_pages(const model::Content& content) const;
  std::unique_ptr<Shown> make_shown(model::Content content, model::UnixSeconds since) const;
  bool should_swap(model::UnixSeconds t) const;
  void swap_if_due(model::UnixSeconds t);
  // The call on screen since held_since_ is over: the rotation lags by it.
  void end_hold(model::UnixSeconds t);
  bool shows_numbers(const std::optional<schedule::PageRef>& ref) const;
  std::optional<schedule::PageRef> ref_at(model::UnixSeconds t);
  std::optional<schedule::PageRef> rotation_at(model::UnixSeconds t) const;

  std::string screen_;
  int offset_;
  const layout::TextMeasurer& measure_;
  layout::Theme theme_;
  int width_, height_;
  model::Content empty_;
  // Before the pages, which are made with them.
  bool band_ = false;
  const model::QueueDocument* queue_ = nullptr;
  std::uint64_t queue_changes_ = 0;
  layout::PictureSizes picture_sizes_;
  std::unique_ptr<ScreenPages> empty_pages_;  // lays out the waiting page
  std::unique_ptr<Shown> shown_;
  std::unique_ptr<Shown> pending_;

  layout::Page page_;
  std::optional<schedule::PageRef> ref_;
  bool drawn_ = false;
  bool settling_ = false;    // counts were completed: ref_ keeps its time
  std::uint64_t swaps_ = 0;  // shown_ replaced or laid out anew
  // What page_ was laid out for: another minute, notice state, content or
  // live numbers shown on it means relayout.
  std::tuple<std::int64_t, model::UnixSeconds, const void*, std::uint64_t> laid_out_for_{-1, 0,
                                                                                        nullptr, 0};

  // Calls hold the rotation still: since when (a call is on screen), and
  // the seconds the rotation lags the clock for the calls shown so far.
  std::optional<model::UnixSeconds> held_since_;
  model::UnixSeconds lag_ = 0;
};

}  // namespace hb::app
