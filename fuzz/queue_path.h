// The path a queue document takes through the player, for fuzz_queue and
// for the unit test that replays its findings (tests/feed/
// test_queue_fuzz_regressions.cpp): parse, choose the call on screen over
// a few seconds, join the windows, mask the callers, and lint's reading.
#pragma once

#include <string_view>

#include "feed/feed.h"
#include "feed/queue_parse.h"
#include "model/privacy.h"
#include "schedule/queue_calls.h"

namespace hb::fuzz {

inline void queue_path(std::string_view bytes) {
  model::Diagnostics out;
  const auto queue = feed::parse_queue(bytes, "fuzz-queue.xml", out);
  (void)feed::parse_document(bytes, "fuzz-queue.xml", out);
  if (queue) {
    schedule::CallState state;
    const model::UnixSeconds start = queue->calls.empty() ? 0 : queue->calls.front().at;
    for (model::UnixSeconds t = start; t < start + 20; ++t)
      state = schedule::step_calls(std::move(state), &*queue, t).state;
    (void)schedule::band_rows(schedule::DutyBoard{}, &*queue);
    for (const auto& call : queue->calls)
      (void)model::mask_caller(call.name, call.title);
  }
  for (const auto& d : out)
    (void)model::format_diagnostic(d);
}

}  // namespace hb::fuzz
