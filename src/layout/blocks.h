// Pagination: content is a list of blocks (a table row, a card, a line of a
// long text), each with its height; blocks are placed top to bottom and a
// block that does not fit starts the next page. Nothing is clipped: a block
// taller than a whole page is cut between its lines over as many pages as
// it needs.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "layout/display_list.h"

namespace hb::layout {

struct Block {
  int height = 0;
  std::vector<Element> elements;  // positioned relative to the block's top-left
  // Never the last block of a page when the next one can follow it there: a
  // section's heading stays with its first line, a paragraph's first line
  // with its second.
  bool keep_with_next = false;
  // Drawn only when the next block follows on the same page (the line that
  // joins two steps of a flow), positioned relative to this block.
  std::vector<Element> joins_next;
  // Shown above this block when it opens a page other than the first, so a
  // list continued from the page before says what it is ("申请材料（续）").
  std::shared_ptr<const Block> continues;
};

// Lays cards (blocks of one width) out in rows of `columns`; each row is one
// block, its cards stretched to the tallest (their first FillRect and every
// StrokeRect of the card's full height grow with it).
std::vector<Block> card_rows(std::vector<Block> cards, int columns, int card_width, int gap);

// Moves an element by (dx, dy).
void offset(Element& e, int dx, int dy);

// The lowest y an element reaches.
int bottom_of(const Element& e);

// The blocks of each page, in order; `header` (e.g. a table's head row) is
// repeated at the top of every page. At least one page, maybe empty.
std::vector<std::vector<Element>> paginate(const std::vector<Block>& blocks, int area_height,
                                           const Block* header = nullptr, int spacing = 0);

// As paginate, on as few pages, but with the blocks spread evenly over them
// (the last page not left with a single row): the smallest height that
// needs no more pages than the full area does. With `spread`, the space
// the pages leave is shared out between their blocks (the same on every
// page, at most half a block's mean height), so a list uses the height of
// the screen instead of leaving its foot empty.
std::vector<std::vector<Element>> paginate_evenly(const std::vector<Block>& blocks, int area_height,
                                                  const Block* header = nullptr, int spacing = 0,
                                                  bool spread = false);

// Cards (blocks of one width) on pages of `area_height`, `columns` to a
// row: on as few pages as paginate_evenly needs for their rows, with as
// many cards on each page as on any other, give or take one (9 cards on 3
// pages: 3, 3, 3, not 2, 4, 3), when the pages hold that; else as
// paginate_evenly lays their rows out.
std::vector<std::vector<Element>> paginate_cards(const std::vector<Block>& cards, int columns,
                                                 int card_width, int gap, int area_height,
                                                 int spacing, bool spread);

// How many of `count` things each of `pages` pages gets, the first ones
// one more when they do not share out evenly.
std::vector<std::size_t> balanced_counts(std::size_t count, std::size_t pages);

}  // namespace hb::layout
