#include "audio/backlog.h"

#include <algorithm>

namespace hb::audio {

void Backlog::push(Pending p) {
  if (p.utterance.urgent && waiting(p.utterance)) return;
  if (items_.size() >= kBacklogMax) make_room();
  items_.push_back(std::move(p));
}

std::optional<schedule::Utterance> Backlog::pop(SteadyTime now) {
  while (!items_.empty()) {
    Pending p = std::move(items_.front());
    items_.pop_front();
    if (!p.stale_at || now <= *p.stale_at) return std::move(p.utterance);
    ++dropped_;
  }
  return std::nullopt;
}

bool Backlog::waiting(const schedule::Utterance& u) const {
  return std::any_of(items_.begin(), items_.end(), [&](const Pending& p) {
    return p.utterance.urgent && p.utterance.words == u.words;
  });
}

void Backlog::make_room() {
  const auto call = std::find_if(items_.begin(), items_.end(),
                                 [](const Pending& p) { return !p.utterance.urgent; });
  items_.erase(call != items_.end() ? call : items_.begin());
  ++dropped_;
}

}  // namespace hb::audio
