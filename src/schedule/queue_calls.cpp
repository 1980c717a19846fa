#include "schedule/queue_calls.h"

#include <algorithm>

namespace hb::schedule {
namespace {

bool earlier(const model::QueueCall& a, const model::QueueCall& b) {
  return a.at < b.at;
}

// Calls never seen join the turn; each id only once, even when the source
// lists it for minutes. The turn is bounded like the memory of ids.
void take_new_calls(CallState& state, const model::QueueDocument& queue, const CallRules& rules) {
  const std::size_t before = state.waiting.size();
  for (const auto& call : queue.calls) {
    if (state.seen.contains(call.id)) continue;
    state.seen.add(call.id);
    state.waiting.push_back(call);
  }
  if (state.waiting.size() == before) return;
  std::stable_sort(state.waiting.begin(), state.waiting.end(), earlier);
  if (state.waiting.size() > rules.remember)
    state.waiting.erase(state.waiting.begin(),
                        state.waiting.end() - static_cast<std::ptrdiff_t>(rules.remember));
}

// The next call whose turn it is, skipping those too old to matter now.
void next_in_turn(CallState& state, model::UnixSeconds now, const CallRules& rules) {
  const auto fresh = std::find_if(state.waiting.begin(), state.waiting.end(), [&](const auto& c) {
    return now - c.at < rules.max_age_seconds;
  });
  state.waiting.erase(state.waiting.begin(), fresh);
  if (state.waiting.empty()) return;
  state.current = ShownCall{std::move(state.waiting.front()), now};
  state.waiting.erase(state.waiting.begin());
}

const model::QueueWindow* find_window(const model::QueueDocument& queue, const std::string& id) {
  const auto it = std::find_if(queue.windows.begin(), queue.windows.end(),
                               [&](const auto& w) { return w.id == id; });
  return it == queue.windows.end() ? nullptr : &*it;
}

void fill_from_queue(BandRow& row, const model::QueueWindow& q) {
  switch (q.state) {
    case model::QueueWindowState::open:
      row.state = BandState::open;
      row.serving = q.serving;
      row.waiting = q.waiting;
      return;
    case model::QueueWindowState::paused:  // people still wait for it
      row.state = BandState::paused;
      row.waiting = q.waiting;
      return;
    case model::QueueWindowState::closed:
      row.state = BandState::closed;
      return;
  }
}

}  // namespace

SeenCalls::SeenCalls(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {
  ids_.reserve(capacity_);
}

bool SeenCalls::contains(const std::string& id) const {
  return std::find(ids_.begin(), ids_.end(), id) != ids_.end();
}

void SeenCalls::add(std::string id) {
  if (ids_.size() < capacity_) {
    ids_.push_back(std::move(id));
    return;
  }
  ids_[next_] = std::move(id);
  next_ = (next_ + 1) % capacity_;
}

CallStep step_calls(CallState state, const model::QueueDocument* queue, model::UnixSeconds now,
                    const CallRules& rules) {
  if (queue) take_new_calls(state, *queue, rules);
  // A clock set back (now before `since`) ends the call rather than
  // keeping it on screen until the clock comes round again.
  if (state.current && now >= state.current->since &&
      now - state.current->since < rules.display_seconds)
    return {std::move(state)};
  state.current.reset();
  next_in_turn(state, now, rules);
  return {std::move(state)};
}

const model::QueueCall* call_at(const model::QueueDocument& queue, model::UnixSeconds t,
                                const CallRules& rules) {
  const model::QueueCall* latest = nullptr;
  for (const auto& call : queue.calls)
    if (call.at <= t && t - call.at < rules.display_seconds) latest = &call;
  return latest;
}

bool queue_is_live(std::optional<model::UnixSeconds> last_success, model::UnixSeconds now,
                   int silence_seconds) {
  if (!last_success) return false;
  const model::UnixSeconds silent = now - *last_success;
  return silent < silence_seconds && -silent < silence_seconds;
}

std::vector<BandRow> band_rows(const DutyBoard& duty, const model::QueueDocument* queue) {
  std::vector<BandRow> rows;
  rows.reserve(duty.windows.size());
  for (const auto& d : duty.windows) {
    BandRow row;
    row.window = d.window;
    const model::QueueWindow* q = queue ? find_window(*queue, d.window->id) : nullptr;
    if (!d.staff)
      row.state = BandState::suspended;
    else if (q)
      fill_from_queue(row, *q);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace hb::schedule
