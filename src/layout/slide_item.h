// The decisions of an item's pages that need no text set, apart so that
// they can be tested on their own.
#pragma once

#include <optional>

namespace hb::layout {

// What the column at the right of an item's pages holds.
struct ItemSideContent {
  bool deadlines = false, fee = false, qr = false;
  // A column with only the fee is not worth its width.
  bool shown() const { return deadlines || qr; }
  bool operator==(const ItemSideContent&) const = default;
};

// The heights of the column's parts, in px.
struct ItemSideParts {
  int deadlines = 0;  // the deadline lines
  int fee = 0;        // the fee line
  int caption = 0;    // the QR code's caption
  int gap = 0;        // the theme's gap: padding, and between parts
};

// The column's height with `content` and a QR code `qr` px square.
int item_side_height(const ItemSideContent& content, const ItemSideParts& parts, int qr);

// What the column holds on pages with `room` px under the heading: as much
// as fits, giving up first the fee, then the deadlines (the code is worth
// more on every page), then the code. `qr` is the side of the smallest code
// the column can show (none when the item has no code or the column is too
// narrow for it); a `fee_list` (more than one fee) is a section of the
// flow, never a line here.
ItemSideContent item_side_content(const ItemSideParts& parts, std::optional<int> qr, bool fee_list,
                                  int room);

}  // namespace hb::layout
