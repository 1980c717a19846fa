#include "app/screen_decision.h"

#include <algorithm>

#include "app/content_thread.h"

namespace hb::app {

ScreenDecision decide_screen(const Offered& offered, const Showing& showing) {
  // A page laid out for the size before a resize is not drawn: the one for
  // this size follows (the previous frame stays meanwhile). New picture
  // bytes are drawn into the page on screen, if anything is on screen.
  const bool other_size = offered.has_page && (offered.width != showing.width ||
                                               offered.height != showing.height);
  if (!offered.has_page || other_size) {
    const bool redraw = offered.pictures_changed && !showing.blanked && !showing.first_page;
    return {false, redraw ? Draw::update : Draw::nothing, model::Transition::none};
  }
  if (offered.dark != showing.blanked)
    return offered.dark ? ScreenDecision{true, Draw::blank, model::Transition::none}
                        : ScreenDecision{true, Draw::wake, model::Transition::fade};
  if (showing.blanked) return {true, Draw::nothing, model::Transition::none};
  if (showing.first_page) return {true, Draw::turn, model::Transition::none};
  if (offered.step.change == Change::turned)
    return {true, Draw::turn, offered.step.transition};
  return {true, Draw::update, model::Transition::none};
}

bool content_stalled(double steady_now, double last_progress) {
  return steady_now - last_progress > kContentStallSeconds;
}

Wait next_wait(const WaitInput& in) {
  Wait w;
  w.next_frame = in.next_frame;
  double timeout = std::min(in.to_next_second, kContentLookSeconds);
  if (in.animating) {
    const double period = 1.0 / std::max(1, in.refresh_hz);
    w.next_frame = in.next_frame + period > in.elapsed ? in.next_frame + period
                                                       : in.elapsed + period;
    timeout = in.vsync ? 0.0 : std::min(timeout, w.next_frame - in.elapsed);
  }
  if (in.exit_after > 0) timeout = std::min(timeout, in.exit_after - in.elapsed);
  timeout = std::min(timeout, in.longest_sleep);
  w.timeout = std::max(0.0, timeout);
  return w;
}

}  // namespace hb::app
