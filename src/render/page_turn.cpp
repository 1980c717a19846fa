#include "render/page_turn.h"

#include <algorithm>

namespace hb::render {

PageTurn::PageTurn(const std::vector<LiveTicker>& from) {
  from_.reserve(from.size());
  for (const auto& live : from)
    from_.push_back(live.ticker);
}

void PageTurn::arrive(const std::vector<LiveTicker>& to) {
  source_.assign(to.size(), std::nullopt);
  for (std::size_t i = 0; i < to.size(); ++i) {
    const auto old = std::find_if(from_.begin(), from_.end(), [&](const layout::Ticker& t) {
      return same_ticker(t, to[i].ticker);
    });
    if (old != from_.end()) source_[i] = static_cast<std::size_t>(old - from_.begin());
  }
}

std::optional<std::size_t> PageTurn::source(std::size_t i) const {
  return i < source_.size() ? source_[i] : std::nullopt;
}

std::vector<std::size_t> PageTurn::survivors() const {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < source_.size(); ++i)
    if (source_[i]) kept.push_back(i);
  return kept;
}

}  // namespace hb::render
