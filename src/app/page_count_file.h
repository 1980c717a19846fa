// The page counts a screen remembers across starts, in its cache directory
// beside the feeds. Counting means laying out every page of every slide
// (and of every item), the longest step before the first frame; a restart
// with the same content, fonts, theme, program and screen size takes the
// counts from here and lays out only the page it shows. Each count taken
// from here is then checked against the layout: when its slide is laid out
// to be shown, and otherwise one slide or item a second after the first
// frame (ScreenPages::check_taken_count), so a wrong one is mended within
// about a minute, and a page past a slide's real end is never shown.
//
// The file is text, replaced atomically, and ends with a SHA-256 of what is
// before it: anything damaged, truncated or written for another setup is
// ignored, and the screen counts as on a first start.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/screen_pages.h"

namespace hb::app {

struct PageCountRecord {
  // What the counts were made with besides the content: a digest of the
  // program, font files, theme, screen name, UTC offset and rotation.
  std::string setup;
  std::string content;  // the content's version (a digest of its feeds)
  int width = 0, height = 0;
  KnownCounts counts;
};

std::string format_page_counts(const PageCountRecord& record);
// Nothing when the text is not a whole, undamaged record.
std::optional<PageCountRecord> parse_page_counts(std::string_view text);

// One screen's record: read once at start, written when the counts change.
class PageCountFile {
 public:
  // `setup` as in PageCountRecord; a record for another setup is not used.
  PageCountFile(std::string path, std::string setup);

  // The page size the screen had when the counts were written (nothing:
  // no usable record): a good guess of the size before the window opens.
  std::optional<std::pair<int, int>> last_size() const;
  // Counts for this content at this size; null when there are none.
  const KnownCounts* find(const std::string& content, int width, int height) const;
  // Writes the counts unless the file holds them already; a problem to log,
  // or "".
  std::string keep(const std::string& content, int width, int height, const KnownCounts& counts);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string setup_;
  std::optional<PageCountRecord> record_;
  std::string written_;  // the file's text as last read or written
};

}  // namespace hb::app
