// What a page turn keeps, for both presenters, by one rule: a ticker the
// old page had too, unchanged (same_ticker: box, text, style, colour and
// speed), survives. It goes on moving from where it was, and a fade draws
// it at full strength over the blend, where the old page's copy would
// otherwise show through as a ghost. Everything else, the page and its
// other tickers, fades or slides with its page.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "layout/display_list.h"
#include "render/present_ticker.h"

namespace hb::render {

class PageTurn {
 public:
  // From nothing (the first page, a dark screen): nothing survives.
  PageTurn() = default;
  // Away from a page with these tickers.
  explicit PageTurn(const std::vector<LiveTicker>& from);

  // The page turned to; again when its content changes during the turn,
  // still measured against the page turned from.
  void arrive(const std::vector<LiveTicker>& to);

  // The old page's ticker that ticker i of the new page goes on from;
  // nullopt for a new one.
  std::optional<std::size_t> source(std::size_t i) const;
  bool survives(std::size_t i) const { return source(i).has_value(); }
  // The new page's tickers that survive, in order.
  std::vector<std::size_t> survivors() const;

 private:
  std::vector<layout::Ticker> from_;
  std::vector<std::optional<std::size_t>> source_;  // per ticker of the new page
};

}  // namespace hb::render
