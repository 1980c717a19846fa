#include "layout/slide_estimate.h"

#include <algorithm>

#include "layout/pages.h"
#include "schedule/playlist.h"

namespace hb::layout {
namespace {

// At 1920x1080: body text of 42 px on 1,824 px, about 40 hanzi a line, and
// some 11 lines (or 9 table rows) under the header and a heading.
constexpr long long kCharsPerLine = 40;
constexpr long long kLinesPerPage = 11;
constexpr long long kRowsPerPage = 9;

long long lines(const std::string& text) {
  long long chars = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  return std::max(1LL, (chars + kCharsPerLine - 1) / kCharsPerLine);
}

long long pages_of(long long n, long long per_page) {
  return std::max(1LL, (n + per_page - 1) / per_page);
}

long long item_lines(const model::Item& it) {
  long long n = 4 + lines(it.name) + lines(it.department) + lines(it.basis) + lines(it.result);
  for (const auto& mat : it.materials)
    n += lines(mat.name);
  for (const auto& step : it.procedure)
    n += lines(step.name) + lines(step.description);
  if (it.fees)
    for (const auto& f : it.fees->fees)
      n += lines(f.name) + lines(f.basis);
  return n;
}

}  // namespace

long long estimate_slide_pages(const model::Content& c, const model::Slide& s) {
  long long n = 0;
  switch (s.type) {
    case model::SlideType::items:
      return pages_of(static_cast<long long>(schedule::items_for(c, s).size()), kRowsPerPage);
    case model::SlideType::item:
      for (const auto& it : c.items)
        if (s.item.empty() || it.id == s.item) n = std::max(n, item_lines(it));
      return pages_of(n, kLinesPerPage);
    case model::SlideType::results:
      return pages_of(static_cast<long long>(c.results.size()), kRowsPerPage);
    case model::SlideType::notices:
      for (const auto& notice : c.notices)
        if (notice.level == model::NoticeLevel::info) n += lines(notice.text) + 1;
      return pages_of(n, kLinesPerPage);
    case model::SlideType::pledges:
      for (const auto& p : c.pledges)
        n += lines(p.text) + 2;
      return pages_of(n, kLinesPerPage);
    case model::SlideType::commitments:
      if (c.hall)
        for (const auto& cm : c.hall->commitments)
          n += lines(cm.title) + lines(cm.text) + 1;
      return pages_of(n, kLinesPerPage);
    case model::SlideType::roster:
      return pages_of(static_cast<long long>(c.roster.windows.size()), 6);
    case model::SlideType::windows:
      return pages_of(static_cast<long long>(c.roster.windows.size()), kRowsPerPage);
    case model::SlideType::stats:
      return 1;
    case model::SlideType::poster:
      return static_cast<long long>(s.images.size());
  }
  return 1;
}

void check_slide_lengths(const model::Content& c, model::Diagnostics& out) {
  for (const auto& playlist : c.playlists)
    for (const auto& s : playlist.slides) {
      // A poster's pages each have their own seconds and are never cut
      // (schedule::check_posters says when one runs long).
      if (s.type == model::SlideType::poster) continue;
      const long long pages = estimate_slide_pages(c, s);
      const long long seconds = pages * std::max(s.seconds, 1);
      if (seconds <= kMaxSlideSeconds) continue;
      out.push_back(model::Diagnostic{
          s.where, model::Severity::warning,
          "<slide type=\"" + std::string(model::slide_type_word(s.type)) + "\"> would run about " +
              std::to_string((seconds + 59) / 60) + " minutes (" + std::to_string(pages) +
              " pages of " + std::to_string(s.seconds) +
              " s, estimated for 1920x1080); the screen shows at most " +
              std::to_string(max_slide_pages(s.seconds)) +
              " pages of it, the last saying where the full text is (完整内容…)"});
    }
}

}  // namespace hb::layout
