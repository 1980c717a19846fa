// What the drawing thread of `hallboard run` does, decided without SDL, a
// clock or a screen: with each state from the content thread, whether to
// blank, wake, turn the page, update it in place or leave it; whether the
// content thread has stalled (the watchdog then hears nothing); and how
// long to wait for window events. ScreenLoop (screen_loop.h) carries the
// decisions out; these functions only decide, so tables test them.
#pragma once

#include "app/player.h"
#include "model/content.h"

namespace hb::app {

// A content thread without a finished round for this long is taken as hung.
constexpr double kContentStallSeconds = 120;

// What a state from the content thread offers.
struct Offered {
  bool has_page = false;      // else only news (log lines, pictures)
  int width = 0, height = 0;  // the size its page is laid out for
  bool dark = false;          // outside opening hours
  bool pictures_changed = false;
  Step step;  // since the state taken last
};

// What the screen is doing.
struct Showing {
  int width = 0, height = 0;  // the page size now
  bool blanked = false;
  bool first_page = true;  // no page taken yet
};

enum class Draw {
  nothing,  // the frame on screen stays
  update,   // the page on screen redrawn in place
  turn,     // the page shown with `transition`
  blank,    // the screen goes dark
  wake,     // the screen wakes with `transition` (a fade)
};

struct ScreenDecision {
  // The state's page becomes the page on screen (and is recorded for proof
  // of play), whether drawn now or not (dark: pages turn unseen, so waking
  // shows the right one).
  bool take_page = false;
  Draw draw = Draw::nothing;
  model::Transition transition = model::Transition::none;  // turn, wake
};

ScreenDecision decide_screen(const Offered& offered, const Showing& showing);

// The watchdog is told all is well only while this is false: minutes
// without a round mean the content thread hangs and the page on screen
// would never change again.
bool content_stalled(double steady_now, double last_progress);

struct WaitInput {
  double to_next_second = 0;  // real seconds until the screen's clock's next second
  double elapsed = 0;         // real seconds since the start
  bool animating = false;     // something moves: frames at the display's pace
  bool vsync = false;         // the renderer waits for the display itself
  int refresh_hz = 60;
  double next_frame = 0;  // elapsed seconds the next animation frame is due
  double exit_after = 0;  // --exit-after; 0: none
  double longest_sleep = 1e9;  // the watchdog's ping interval
};
struct Wait {
  double timeout = 0;  // seconds to wait for window events, at least 0
  double next_frame = 0;
};
// Until the next second of the screen's clock, looking for the content
// thread's next page every kContentLookSeconds meanwhile; sooner for an
// animation frame, the end of --exit-after or the watchdog's ping.
Wait next_wait(const WaitInput& in);

}  // namespace hb::app
